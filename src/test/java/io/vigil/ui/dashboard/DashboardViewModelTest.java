package io.vigil.ui.dashboard;

import static io.vigil.ui.dashboard.Snapshots.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Point;
import io.vigil.series.Retention;
import io.vigil.ui.util.DirectTaskExecutor;
import io.vigil.watch.Health;

class DashboardViewModelTest {

    private final Target alpha = Snapshots.target(1, "alpha", TargetKind.ORACLE);
    private final Target beta = Snapshots.target(2, "beta", TargetKind.MYSQL);
    private final Snapshots data = new Snapshots().add(alpha, Health.OK, "").add(beta, Health.DOWN, "connect: ORA-12541: no listener");
    private final DashboardViewModel model = new DashboardViewModel(
            new HeadlineSource(new DirectTaskExecutor(), Snapshots::figures, Duration.ofMinutes(1), new Messages(Locale.ENGLISH)));

    private HeadlineTrack track(String key) {
        return model.tracks().stream().filter(t -> t.headline().key().equals(key)).findFirst().orElseThrow();
    }

    @Test
    void theFirstTargetIsShownWithATrackPerHeadlineOfItsKind() {
        data.point(alpha, "oracle.sessions.total", T0, 12);
        model.update(data.at(T0.plusSeconds(1)));

        assertThat(model.selected().get()).isEqualTo(alpha);
        assertThat(model.targets()).containsExactly(alpha, beta);
        assertThat(model.tracks()).extracting(t -> t.headline().key()).containsExactly("sessions", "active", "cpu", "throughput", "space", "waits");
        assertThat(model.tracks()).filteredOn(HeadlineTrack::gauge).extracting(t -> t.headline().key()).containsExactly("cpu", "space");
        assertThat(track("sessions").figure().value()).hasValue(12);
        assertThat(model.health().get()).isEqualTo(Health.OK);
        assertThat(model.reason().get().isEmpty()).isTrue();
    }

    @Test
    void theSoonestFullSpaceIsReadInTheBackgroundEveryMinuteNotEverySecond(@TempDir Path folder) {
        io.vigil.testsupport.SettableClock clock = new io.vigil.testsupport.SettableClock(T0);
        try (H2SeriesStore store = new H2SeriesStore(folder, Retention.defaults(), clock)) {
            List<Point> points = new ArrayList<>();
            for (int i = 7 * 288; i >= 0; i--) {
                Map<String, String> app = Map.of("target", "alpha", "tablespace_name", "APP_DATA", "contents", "PERMANENT");
                points.add(Point.of("oracle.tablespace.used_bytes", app, T0.minusSeconds(300L * i), 8e9 + 1e9 * (7 * 288 - i) / 288.0));
                points.add(Point.of("oracle.tablespace.size_bytes", app, T0.minusSeconds(300L * i), 20e9));
            }
            store.write(points);
            model.withForecasts(new io.vigil.ui.util.SpaceForecastFeed(new io.vigil.series.SpaceForecasts(store, clock), new DirectTaskExecutor()));

            model.update(data.at(T0));
            var first = model.spaceForecasts().get();
            assertThat(first).singleElement().satisfies(f -> assertThat(f.name()).isEqualTo("APP_DATA"));
            assertThat(io.vigil.ui.util.ForecastTexts.headline(first, new Messages(Locale.ENGLISH))).isEqualTo("APP_DATA: full in 5 d");
            assertThat(io.vigil.ui.util.ForecastTexts.headline(first, new Messages(Locale.SIMPLIFIED_CHINESE))).isEqualTo("APP_DATA\uff1a5 \u5929\u540e\u5199\u6ee1");

            // IDX is full: not seen until the feed asks again, a minute of snapshots later, and the fit is older than its refresh
            for (int i = 20; i >= 0; i--) {
                Map<String, String> idx = Map.of("target", "alpha", "tablespace_name", "IDX", "contents", "PERMANENT");
                store.write(List.of(Point.of("oracle.tablespace.used_bytes", idx, T0.minusSeconds(300L * i), 10e9),
                        Point.of("oracle.tablespace.size_bytes", idx, T0.minusSeconds(300L * i), 10e9)));
            }
            clock.set(T0.plus(io.vigil.series.SpaceForecasts.REFRESH));
            model.update(data.at(T0.plusSeconds(30)));
            assertThat(model.spaceForecasts().get()).isSameAs(first);
            model.update(data.at(T0.plus(io.vigil.ui.util.SpaceForecastFeed.EVERY)));
            assertThat(model.spaceForecasts().get()).extracting(f -> f.name()).containsExactly("IDX", "APP_DATA");
            assertThat(io.vigil.ui.util.ForecastTexts.headline(model.spaceForecasts().get(), new Messages(Locale.ENGLISH))).isEqualTo("IDX is full");
        }
    }

    @Test
    void tracksAreUpdatedInPlaceAndGrowOnlyWithNewerPoints() {
        model.update(data.at(T0));
        HeadlineTrack sessions = track("sessions");
        for (int tick = 0; tick < 45; tick++) {
            if (tick % 15 == 0) {
                data.point(alpha, "oracle.sessions.total", T0.plusSeconds(tick), 10 + tick / 15);
            }
            model.update(data.at(T0.plusSeconds(tick)));
        }
        assertThat(track("sessions")).as("the same track object").isSameAs(sessions);
        assertThat(sessions.values()).as("three picks in 45 one-second snapshots").containsExactly(10, 11, 12);
    }

    @Test
    void theHistoryIsCappedAtAQuarterOfAnHour() {
        for (int pick = 0; pick < 80; pick++) {
            data.point(alpha, "oracle.host.cpu_busy_pct", T0.plusSeconds(15L * pick), pick);
            model.update(data.at(T0.plusSeconds(15L * pick)));
        }
        assertThat(track("cpu").size()).isEqualTo(DashboardViewModel.HISTORY);
        assertThat(track("cpu").values()[0]).isEqualTo(80 - DashboardViewModel.HISTORY);
    }

    @Test
    void showingAnotherTargetReplacesTheTracksAndBringsItsHealthAndReason() {
        data.point(beta, "mysql.connections", T0, 140);
        model.update(data.at(T0));
        List<HeadlineTrack> before = List.copyOf(model.tracks());

        model.showTarget(beta);

        assertThat(model.selected().get()).isEqualTo(beta);
        assertThat(model.tracks()).extracting(t -> t.headline().key()).containsExactly("sessions", "active", "connections_pct", "throughput");
        assertThat(model.tracks()).doesNotContainAnyElementsOf(before);
        assertThat(track("sessions").figure().value()).hasValue(140);
        assertThat(model.health().get()).isEqualTo(Health.DOWN);
        assertThat(new io.vigil.i18n.Messages(java.util.Locale.ENGLISH).render(model.reason().get())).isEqualTo("connect: ORA-12541: no listener");
        model.update(data.at(T0.plusSeconds(1)));
        assertThat(model.selected().get()).as("stays on the chosen target").isEqualTo(beta);
    }

    @Test
    void aTargetAskedForBeforeTheFirstSnapshotIsShownWithIt() {
        model.showTarget(beta);
        assertThat(model.selected().get()).isNull();
        model.update(data.at(T0));
        assertThat(model.selected().get()).isEqualTo(beta);
    }

    @Test
    void whenTheShownTargetIsDeletedTheFirstRemainingOneIsShown() {
        model.update(data.at(T0));
        model.showTarget(beta);
        data.remove(beta.id());
        model.update(data.at(T0.plusSeconds(1)));
        assertThat(model.selected().get()).isEqualTo(alpha);
        data.remove(alpha.id());
        model.update(data.at(T0.plusSeconds(2)));
        assertThat(model.selected().get()).isNull();
        assertThat(model.tracks()).isEmpty();
    }

    @Test
    void aRenamedTargetKeepsItsHistory() {
        data.point(alpha, "oracle.sessions.total", T0, 5);
        model.update(data.at(T0));
        HeadlineTrack sessions = track("sessions");
        Target renamed = Snapshots.target(alpha.id(), "alpha-prod", TargetKind.ORACLE);
        data.remove(alpha.id()).add(renamed, Health.OK, "").point(renamed, "oracle.sessions.total", T0.plusSeconds(15), 6);
        model.update(data.at(T0.plusSeconds(15)));
        assertThat(model.selected().get().name()).isEqualTo("alpha-prod");
        assertThat(track("sessions")).isSameAs(sessions);
        assertThat(sessions.values()).containsExactly(5, 6);
    }

    @Test
    void aShownTargetsSparklinesStartWithTheLastQuarterHourFromTheSeriesStore(@TempDir Path dir) {
        try (H2SeriesStore store = new H2SeriesStore(dir, Retention.defaults(), Clock.fixed(T0, ZoneOffset.UTC))) {
            List<Point> past = new ArrayList<>();
            for (int pick = 1; pick <= 40; pick++) { // the last 10 minutes at 15 s, two wait classes each
                Instant t = T0.minusSeconds(15L * (41 - pick));
                past.add(Point.of("oracle.sessions.total", Map.of("target", "alpha"), t, pick));
                past.add(Point.of("oracle.wait_class.time", Map.of("target", "alpha", "wait_class", "User I/O"), t, 2 * pick));
                past.add(Point.of("oracle.wait_class.time", Map.of("target", "alpha", "wait_class", "Commit"), t, 1));
                past.add(Point.of("oracle.sessions.total", Map.of("target", "beta"), t, 1000 + pick));
                past.add(Point.of("oracle.host.cpu_busy_pct", Map.of("target", "alpha"), t, 50 + pick));
            }
            past.add(Point.of("oracle.sessions.total", Map.of("target", "alpha"), T0.minus(Duration.ofHours(2)), -1));
            store.write(past);
            DashboardViewModel withStore = new DashboardViewModel(
                    new HeadlineSource(new DirectTaskExecutor(), Snapshots::figures, Duration.ofMinutes(1), new Messages(Locale.ENGLISH)),
                    store, new DirectTaskExecutor());
            data.point(alpha, "oracle.sessions.total", T0, 41);

            withStore.update(data.at(T0.plusSeconds(1)));

            HeadlineTrack sessions = withStore.tracks().getFirst();
            assertThat(sessions.values()).as("40 past picks of alpha's own, then the live value; nothing older than 15 min")
                    .hasSize(41).startsWith(1, 2, 3).endsWith(40, 41);
            HeadlineTrack waits = withStore.tracks().stream().filter(t -> t.headline().key().equals("waits")).findFirst().orElseThrow();
            assertThat(waits.values()).as("both wait classes summed at each pick").hasSize(40).startsWith(3, 5, 7);
            assertThat(waits.figure().value()).as("no live value yet: the newest one read, with its age").hasValue(81);
            assertThat(waits.figure().age(T0.plusSeconds(1))).contains(Duration.ofSeconds(16));
            assertThat(sessions.figure().value()).as("the live value wins").hasValue(41);
            HeadlineTrack cpu = withStore.tracks().stream().filter(t -> t.headline().key().equals("cpu")).findFirst().orElseThrow();
            assertThat(cpu.figure().value()).as("a gauge shows the newest value read too").hasValue(90);
            assertThat(cpu.figure().level()).as("judged against its thresholds (warn 80, crit 95)").isEqualTo(Level.WARN);
        }
    }
}
