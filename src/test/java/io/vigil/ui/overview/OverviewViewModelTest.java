package io.vigil.ui.overview;

import static io.vigil.ui.dashboard.Snapshots.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.Headline;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Point;
import io.vigil.series.Retention;
import io.vigil.ui.dashboard.Figure;
import io.vigil.ui.dashboard.HeadlineSource;
import io.vigil.ui.dashboard.Level;
import io.vigil.ui.dashboard.Snapshots;
import io.vigil.ui.util.DirectTaskExecutor;
import io.vigil.watch.Health;

class OverviewViewModelTest {

    private final Snapshots data = new Snapshots();
    private final OverviewViewModel model = new OverviewViewModel(
            new HeadlineSource(new DirectTaskExecutor(), Snapshots::figures, Duration.ofMinutes(1), new Messages(Locale.ENGLISH)));

    private List<String> names() {
        return model.shown().stream().map(c -> c.target().name()).toList();
    }

    @Test
    void worstHealthComesFirstThenTheName() {
        data.add(Snapshots.target(1, "zeta", TargetKind.ORACLE), Health.OK, "")
                .add(Snapshots.target(2, "Alpha", TargetKind.ORACLE), Health.OK, "")
                .add(Snapshots.target(3, "mid", TargetKind.MYSQL), Health.STALE, "metric x: mirror session is 300 s old")
                .add(Snapshots.target(4, "gone", TargetKind.POSTGRES), Health.DOWN, "connect: refused")
                .add(Snapshots.target(5, "idle", TargetKind.ORACLE), Health.PAUSED, "")
                .add(Snapshots.target(6, "beta", TargetKind.ORACLE), Health.ERROR, "mirror sysstat: ORA-00942");
        model.update(data.at(T0));
        assertThat(names()).containsExactly("gone", "beta", "mid", "Alpha", "zeta", "idle");
        assertThat(new io.vigil.i18n.Messages(java.util.Locale.ENGLISH).render(model.card(3).reason())).isEqualTo("metric x: mirror session is 300 s old");

        data.health(Snapshots.target(1, "zeta", TargetKind.ORACLE), Health.DOWN, "connect: timeout");
        model.update(data.at(T0.plusSeconds(1)));
        assertThat(names()).containsExactly("gone", "zeta", "beta", "mid", "Alpha", "idle");
    }

    @Test
    void aCardShowsSessionsActiveAndCpuOrThroughputWithTheirLevelsAndTheWorstOfThem() {
        Target ora = Snapshots.target(1, "ora", TargetKind.ORACLE);
        Target my = Snapshots.target(2, "my", TargetKind.MYSQL);
        data.add(ora, Health.OK, "").add(my, Health.OK, "")
                .point(ora, "oracle.sessions.total", T0, 120)
                .point(ora, "oracle.sessions.active", T0, 35)
                .point(ora, "oracle.host.cpu_busy_pct", T0, 42.5)
                .point(my, "mysql.questions", T0.minusSeconds(5), 1500);
        model.update(data.at(T0.plusSeconds(12)));

        TargetCard oraCard = model.card(1);
        assertThat(oraCard.figures()).extracting(f -> f.headline().key()).containsExactly("sessions", "active", "cpu");
        assertThat(oraCard.figures()).extracting(Figure::level).containsExactly(Level.OK, Level.WARN, Level.OK);
        assertThat(oraCard.figures().get(2).value()).hasValue(42.5);
        assertThat(oraCard.level()).isEqualTo(Level.WARN);
        assertThat(oraCard.dataAge()).contains(Duration.ofSeconds(12));

        TargetCard myCard = model.card(2);
        assertThat(myCard.figures()).extracting(f -> f.headline().key()).containsExactly("sessions", "active", "throughput");
        assertThat(myCard.figures().get(2).value()).hasValue(1500);
        assertThat(myCard.figures().getFirst().value()).as("no point yet").isEmpty();
        assertThat(myCard.level()).isEqualTo(Level.OK);
        assertThat(myCard.dataAge()).contains(Duration.ofSeconds(17));
    }

    @Test
    void twoHundredTargetsKeepTheirCardsAcrossUpdatesAndOnlyChangedOnesMoveOn() {
        for (int i = 1; i <= 200; i++) {
            Target t = Snapshots.target(i, "db-%03d".formatted(i), i % 3 == 0 ? TargetKind.MYSQL : TargetKind.ORACLE);
            data.add(t, Health.OK, "").point(t, "oracle.sessions.total", T0, i).point(t, "mysql.connections", T0, i);
        }
        model.update(data.at(T0));
        assertThat(model.shown()).hasSize(200);
        Map<TargetCard, Long> revisions = new IdentityHashMap<>();
        model.shown().forEach(c -> revisions.put(c, c.revision()));

        Target changed = Snapshots.target(7, "db-007", TargetKind.ORACLE);
        data.point(changed, "oracle.host.cpu_busy_pct", T0, 99);
        model.update(data.at(T0)); // same instant: only db-007 has news

        assertThat(model.shown()).hasSize(200);
        for (TargetCard c : model.shown()) {
            assertThat(revisions).as("the same card object for %s", c.target().name()).containsKey(c);
        }
        assertThat(model.card(7).level()).isEqualTo(Level.CRIT);
        assertThat(model.shown().stream().filter(c -> c.revision() != revisions.get(c)).map(c -> c.target().name()))
                .containsExactly("db-007");

        model.update(data.at(T0.plusSeconds(1)));
        assertThat(model.shown()).as("still the same cards a second later").allMatch(revisions::containsKey);
    }

    @Test
    void aRemovedTargetLosesItsCardAndANewOneGetsOne() {
        data.add(Snapshots.target(1, "a", TargetKind.ORACLE), Health.OK, "").add(Snapshots.target(2, "b", TargetKind.ORACLE), Health.OK, "");
        model.update(data.at(T0));
        TargetCard a = model.card(1);
        data.remove(2).add(Snapshots.target(3, "c", TargetKind.ORACLE), Health.OK, "");
        model.update(data.at(T0.plusSeconds(1)));
        assertThat(names()).containsExactly("a", "c");
        assertThat(model.card(1)).isSameAs(a);
        assertThat(model.card(2)).isNull();
        assertThat(model.total().get()).isEqualTo(2);
    }

    @Test
    void theNameAndTagFiltersNarrowTheTilesAndTheTagListFollowsTheTargets() {
        data.add(Snapshots.target(1, "billing-prod", TargetKind.ORACLE, "prod", "billing"), Health.OK, "")
                .add(Snapshots.target(2, "crm-prod", TargetKind.ORACLE, "prod"), Health.OK, "")
                .add(Snapshots.target(3, "billing-test", TargetKind.MYSQL, "test"), Health.OK, "");
        model.update(data.at(T0));
        assertThat(model.tags()).containsExactly("billing", "prod", "test");

        model.filter().set("BILLING");
        assertThat(names()).containsExactly("billing-prod", "billing-test");
        model.tag().set("prod");
        assertThat(names()).containsExactly("billing-prod");
        model.filter().set("");
        assertThat(names()).containsExactly("billing-prod", "crm-prod");
        assertThat(model.total().get()).isEqualTo(3);

        data.remove(1).remove(2);
        model.update(data.at(T0.plusSeconds(1)));
        assertThat(model.tags()).containsExactly("test");
        assertThat(model.tag().get()).as("a tag no target has any more is dropped").isNull();
        assertThat(names()).containsExactly("billing-test");
    }

    @Test
    void aKindWithoutPreferredHeadlinesShowsItsFirstThree() {
        List<Headline> odd = new ArrayList<>(Snapshots.ORACLE.subList(3, 6));
        assertThat(OverviewViewModel.pick(odd)).extracting(Headline::key).containsExactly("throughput", "space", "waits");
        assertThat(OverviewViewModel.pick(Snapshots.ORACLE)).extracting(Headline::key).containsExactly("sessions", "active", "cpu");
        assertThat(OverviewViewModel.pick(List.of())).isEmpty();
    }

    @Test
    void beforeTheFirstPickACardShowsTheNewestStoredFiguresWithTheirAge(@TempDir Path dir) {
        Target ora = Snapshots.target(1, "ora", TargetKind.ORACLE);
        Target my = Snapshots.target(2, "my", TargetKind.MYSQL);
        try (H2SeriesStore store = new H2SeriesStore(dir, Retention.defaults(), Clock.fixed(T0, ZoneOffset.UTC))) {
            store.write(List.of(
                    Point.of("oracle.sessions.total", Map.of("target", "ora"), T0.minusSeconds(75), 100),
                    Point.of("oracle.sessions.total", Map.of("target", "ora"), T0.minusSeconds(60), 110),
                    Point.of("oracle.host.cpu_busy_pct", Map.of("target", "ora"), T0.minusSeconds(45), 97),
                    Point.of("oracle.sessions.active", Map.of("target", "ora"), T0.minus(Duration.ofHours(1)), 5),
                    Point.of("oracle.sessions.total", Map.of("target", "other"), T0.minusSeconds(30), 999)));
            OverviewViewModel withStore = new OverviewViewModel(
                    new HeadlineSource(new DirectTaskExecutor(), Snapshots::figures, Duration.ofMinutes(1), new Messages(Locale.ENGLISH)),
                    store, new DirectTaskExecutor());
            data.add(ora, Health.UNKNOWN, "").add(my, Health.UNKNOWN, "");

            withStore.update(data.at(T0));
            withStore.update(data.at(T0.plusSeconds(1))); // in the console the read ends after the first snapshot: they show from the next

            TargetCard card = withStore.card(1);
            assertThat(card.figures()).extracting(f -> f.value().isPresent() ? f.value().getAsDouble() : null)
                    .as("sessions and CPU from the store; active only an hour ago, too old").containsExactly(110.0, null, 97.0);
            assertThat(card.level()).as("97 % CPU crosses its critical threshold").isEqualTo(Level.CRIT);
            assertThat(card.dataAge()).as("from the newest stored value").contains(Duration.ofSeconds(46));
            assertThat(withStore.card(2).figures()).allSatisfy(f -> assertThat(f.value()).isEmpty());

            data.point(ora, "oracle.sessions.total", T0.plusSeconds(2), 120);
            withStore.update(data.at(T0.plusSeconds(2)));
            assertThat(card.figures().getFirst().value()).as("a live value wins").hasValue(120);
        }
    }
}
