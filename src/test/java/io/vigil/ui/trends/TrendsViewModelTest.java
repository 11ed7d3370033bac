package io.vigil.ui.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.EventType;
import io.vigil.config.MetricDef;
import io.vigil.config.Severity;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.DirectTaskExecutor;
import io.vigil.ui.util.TaskExecutor;

/** The Trends view model over a real embedded series store and config store. */
class TrendsViewModelTest {

    @TempDir
    static Path shared;

    @TempDir
    Path dir;

    private static TrendsFixture data; // written once: two days of points take seconds to write with their rollups
    private TrendsViewModel model;
    private final List<String> statusBar = new ArrayList<>();

    @BeforeAll
    static void write() {
        data = new TrendsFixture(shared).withData();
    }

    @BeforeEach
    void open() {
        data.clock.set(TrendsFixture.NOW);
        model = model(new DirectTaskExecutor());
        model.load();
    }

    private TrendsViewModel model(TaskExecutor executor) {
        return new TrendsViewModel(data.config, data.series, executor, new Messages(Locale.ENGLISH), data.clock, ZoneOffset.UTC,
                statusBar::add);
    }

    @AfterAll
    static void close() {
        data.close();
    }

    private void tick(String target, String... metrics) {
        model.targets().stream().filter(c -> c.value().name().equals(target)).forEach(c -> c.setSelected(true));
        for (String m : metrics) {
            model.metrics().stream().filter(c -> c.value().name().equals(m)).findFirst().orElseThrow().setSelected(true);
        }
    }

    @Test
    void tickingATargetOffersOnlyTheMetricsOfItsKindAndEachSeriesBecomesALine() {
        assertThat(model.metrics()).as("no target ticked, nothing to offer").isEmpty();
        assertThat(model.emptyTitleProperty().get()).isEqualTo("Choose what to chart");

        tick("prod");
        assertThat(model.metrics()).isNotEmpty().extracting(c -> c.value().name()).allMatch(n -> n.startsWith("oracle."));
        assertThat(model.emptyHintProperty().get()).isEqualTo("Now tick the metrics to draw.");

        tick("prod", "oracle.sessions.active", "oracle.tablespace.used_pct");
        Trend t = model.trendProperty().get();
        assertThat(t.lines()).extracting(TrendLine::label).containsExactly("Active sessions",
                "Tablespace used [PERMANENT, SYSTEM]", "Tablespace used [PERMANENT, USERS]"); // lines read by the metrics' titles
        assertThat(t.lines()).extracting(TrendLine::unit).containsExactly("sessions", "%", "%");
        assertThat(model.emptyProperty().get()).isFalse();
        assertThat(model.infoProperty().get()).startsWith("3 series · ").contains("one per 5 s");
    }

    @Test
    void theEventsOfTheTickedTargetsInTheWindowComeWithTheTrendAndGoWhileMarksAreOff() {
        Instant now = TrendsFixture.NOW;
        data.config.alerts().addEvents(List.of(
                event(data.prod.id(), "prod", now.minus(Duration.ofMinutes(30)), "in the hour"),
                event(data.prod.id(), "prod", now.minus(Duration.ofHours(2)), "before the hour"),
                event(data.shop.id(), "shop", now.minus(Duration.ofMinutes(5)), "on shop")));
        tick("prod", "oracle.sessions.active");
        assertThat(model.eventsProperty().get()).extracting(VigilEvent::text).containsExactly("in the hour");
        tick("shop", "mysql.connections");
        assertThat(model.eventsProperty().get()).as("oldest first, both targets").extracting(VigilEvent::text)
                .containsExactly("in the hour", "on shop");

        model.showEventsProperty().set(false);
        assertThat(model.eventsProperty().get()).isEmpty();
        model.choose(TrendRange.H6);
        assertThat(model.eventsProperty().get()).as("marks stay off across refreshes").isEmpty();
        model.showEventsProperty().set(true);
        assertThat(model.eventsProperty().get()).extracting(VigilEvent::text).containsExactly("before the hour", "in the hour", "on shop");
    }

    private static VigilEvent event(long targetId, String target, Instant at, String text) {
        return new VigilEvent(0, targetId, target, at, EventType.ALERT, "rule", Severity.WARN, "", text);
    }

    @Test
    void everyPresetRangeEndsNowSpansWhatItNamesAndKeepsItsPointsInside() {
        tick("prod", "oracle.sessions.active");
        for (TrendRange r : List.of(TrendRange.M15, TrendRange.H1, TrendRange.H6, TrendRange.H24, TrendRange.D7, TrendRange.D30)) {
            model.choose(r);
            Trend t = model.trendProperty().get();
            assertThat(model.rangeProperty().get()).isEqualTo(r);
            assertThat(t.to()).as(r.shortName()).isEqualTo(TrendsFixture.NOW);
            assertThat(Duration.between(t.from(), t.to())).as(r.shortName()).isEqualTo(r.span());
            TrendLine line = t.lines().getFirst();
            assertThat(line.size()).as(r.shortName()).isPositive().isLessThanOrEqualTo(1000);
            assertThat(line.times()[0]).as("first point of " + r.shortName()).isGreaterThan(t.from().toEpochMilli() - t.step());
            assertThat(line.times()[line.size() - 1]).isLessThan(t.to().toEpochMilli());
        }
        model.choose(TrendRange.M15);
        assertThat(model.trendProperty().get().lines().getFirst().size()).as("15 min of 15 s points, one per second bucket")
                .isEqualTo(60);
    }

    @Test
    void aZoomedPartIsReadAgainInDetailAndUnzoomingGoesBackToTheWindow() {
        tick("prod", "oracle.sessions.active");
        model.maxPointsProperty().set(100);
        model.choose(TrendRange.H24);
        Trend day = model.trendProperty().get();
        assertThat(day.step()).as("a day at 100 px: 15 min means").isEqualTo(Duration.ofMinutes(15).toMillis());

        Instant from = TrendsFixture.NOW.minus(Duration.ofHours(5));
        model.zoom(from, from.plus(Duration.ofMinutes(10)));
        Trend zoomed = model.trendProperty().get();
        assertThat(zoomed.from()).isEqualTo(from);
        assertThat(zoomed.to()).isEqualTo(from.plus(Duration.ofMinutes(10)));
        assertThat(zoomed.lines().getFirst().size()).as("ten minutes of 15 s picks, each its own point").isEqualTo(40);

        data.clock.advance(Duration.ofMinutes(1));
        model.tick();
        assertThat(model.trendProperty().get()).as("live follow leaves a zoomed part where it is").isSameAs(zoomed);

        model.zoom(null, null);
        Trend back = model.trendProperty().get();
        assertThat(back.step()).isEqualTo(day.step());
        assertThat(back.to()).as("the window, following now").isEqualTo(TrendsFixture.NOW.plus(Duration.ofMinutes(1)));
        data.clock.advance(Duration.ofMinutes(1));
        model.tick();
        assertThat(model.trendProperty().get()).as("unzoomed, live follow moves on").isNotSameAs(back);

        model.zoom(from, from.plus(Duration.ofMinutes(10)));
        model.choose(TrendRange.H1);
        assertThat(model.trendProperty().get().to().minus(Duration.ofHours(1))).as("another range drops the zoom")
                .isEqualTo(model.trendProperty().get().from());
    }

    @Test
    void noLineHasMorePointsThanTheChartIsWide() {
        tick("prod", "oracle.sessions.active", "oracle.tablespace.used_pct");
        for (int width : new int[] {100, 333, 1500}) {
            model.maxPointsProperty().set(width);
            for (TrendRange r : List.of(TrendRange.H1, TrendRange.H24, TrendRange.D7)) {
                model.choose(r);
                Trend t = model.trendProperty().get();
                for (TrendLine line : t.lines()) {
                    assertThat(line.size()).as("%s at %d px: %s", r.shortName(), width, line.label()).isLessThanOrEqualTo(width);
                    assertThat(line.seconds().length).as("drawn, with its breaks").isLessThanOrEqualTo(width);
                }
            }
        }
        model.maxPointsProperty().set(100);
        model.choose(TrendRange.H24);
        assertThat(model.trendProperty().get().lines().getFirst().size()).as("a day of 15 s points at 100 px, 15 min each, but the silent half hour")
                .isEqualTo(96 - 2);
    }

    @Test
    void severalTargetsOfDifferentKindsAreOverlaidAndNamedByTarget() {
        tick("prod", "oracle.sessions.active");
        tick("shop", "mysql.connections");
        assertThat(model.metrics()).extracting(c -> c.value().kind().name()).contains("ORACLE", "MYSQL");
        assertThat(model.trendProperty().get().lines()).extracting(TrendLine::label)
                .containsExactly("shop · Connections", "prod · Active sessions"); // metrics by title

        model.targets().stream().filter(c -> c.value().name().equals("shop")).forEach(c -> c.setSelected(false));
        assertThat(model.metrics()).extracting(c -> c.value().name()).doesNotContain("mysql.connections");
        assertThat(model.trendProperty().get().lines()).extracting(TrendLine::label).containsExactly("Active sessions");
    }

    @Test
    void aCustomRangeIsCheckedAndShownInTheTypedZone() {
        tick("prod", "oracle.sessions.active");
        LocalDate day = LocalDate.of(2026, 3, 1);
        model.customFromDateProperty().set(day);
        model.customFromTimeProperty().set("25:00");
        model.customToDateProperty().set(day);
        model.customToTimeProperty().set("12:00");
        assertThat(model.applyCustom()).isFalse();
        assertThat(model.customProblemProperty().get()).isEqualTo("“25:00” is not a time of day: write it as 14:30 or 14:30:15.");
        assertThat(model.rangeProperty().get()).as("nothing changed").isEqualTo(TrendRange.H1);

        model.customFromTimeProperty().set("13:00");
        assertThat(model.applyCustom()).isFalse();
        assertThat(model.customProblemProperty().get()).isEqualTo("The start must come before the end.");

        model.customFromDateProperty().set(LocalDate.of(2026, 3, 3));
        model.customToDateProperty().set(LocalDate.of(2026, 3, 4));
        assertThat(model.applyCustom()).isFalse();
        assertThat(model.customProblemProperty().get()).isEqualTo("The start is in the future: there are no points there yet.");

        model.customFromDateProperty().set(day);
        model.customFromTimeProperty().set("10:30");
        model.customToDateProperty().set(day);
        model.customToTimeProperty().set("10:30:30");
        assertThat(model.applyCustom()).isFalse();
        assertThat(model.customProblemProperty().get()).isEqualTo("Choose a range of at least one minute.");

        model.customToTimeProperty().set("14:45");
        assertThat(model.applyCustom()).isTrue();
        assertThat(model.customProblemProperty().get()).isEmpty();
        assertThat(model.rangeProperty().get()).isEqualTo(TrendRange.CUSTOM);
        assertThat(model.liveProperty().get()).as("a window in the past does not follow now").isFalse();
        Trend t = model.trendProperty().get();
        assertThat(t.from()).isEqualTo(Instant.parse("2026-03-01T10:30:00Z"));
        assertThat(t.to()).isEqualTo(Instant.parse("2026-03-01T14:45:00Z"));
        assertThat(t.lines().getFirst().times()[0]).isGreaterThanOrEqualTo(Instant.parse("2026-03-01T10:30:00Z").toEpochMilli());
    }

    @Test
    void csvHasATimeColumnInUtcAndOneQuotedColumnPerSeriesWithGapsLeftEmpty() throws Exception {
        tick("prod", "oracle.sessions.active", "oracle.tablespace.used_pct");
        model.choose(TrendRange.M15);
        Path file = dir.resolve("trend.csv");
        model.exportCsv(file);

        List<String> rows = List.of(Files.readString(file, StandardCharsets.UTF_8).split("\r\n"));
        assertThat(rows.getFirst()).as("quoted where a comma is").isEqualTo("time,oracle.sessions.active{target=prod},"
                + "\"oracle.tablespace.used_pct{contents=PERMANENT,tablespace_name=SYSTEM,target=prod}\","
                + "\"oracle.tablespace.used_pct{contents=PERMANENT,tablespace_name=USERS,target=prod}\"");
        assertThat(rows).hasSize(1 + 60); // sessions every 15 s; the minute points share their times
        assertThat(rows.get(1)).matches("2026-03-02T11:45:00Z,[0-9.]+,[0-9.]+,[0-9.]+");
        assertThat(rows.get(2)).as("a tablespace has no point at :15").matches("2026-03-02T11:45:15Z,[0-9.]+,,");
        assertThat(rows.get(rows.size() - 1)).startsWith("2026-03-02T11:59:45Z,");
        double first = Double.parseDouble(rows.get(1).split(",")[1]);
        assertThat(first).isEqualTo(model.trendProperty().get().lines().getFirst().values()[0]);
        assertThat(statusBar).containsExactly("Saved " + file);
    }

    @Test
    void liveModeFollowsNowAtMostEveryFewSecondsAndAFrozenWindowStays() {
        tick("prod", "oracle.sessions.active");
        Trend first = model.trendProperty().get();
        data.clock.advance(Duration.ofSeconds(1));
        model.tick();
        assertThat(model.trendProperty().get()).as("a second later: too soon").isSameAs(first);

        data.clock.advance(Duration.ofSeconds(9));
        model.tick();
        Trend later = model.trendProperty().get();
        assertThat(later.to()).isEqualTo(TrendsFixture.NOW.plusSeconds(10));
        assertThat(Duration.between(later.from(), later.to())).isEqualTo(Duration.ofHours(1));

        model.liveProperty().set(false);
        data.clock.advance(Duration.ofMinutes(5));
        model.tick();
        assertThat(model.trendProperty().get()).isSameAs(later);
        model.metrics().stream().filter(c -> c.value().name().equals("oracle.tablespace.used_pct")).findFirst().orElseThrow()
                .setSelected(true);
        assertThat(model.trendProperty().get().to()).as("ticking a metric keeps the frozen window").isEqualTo(later.to());

        model.liveProperty().set(true);
        assertThat(model.trendProperty().get().to()).isEqualTo(TrendsFixture.NOW.plusSeconds(310));
    }

    @Test
    void neverMoreThanOneQueryInFlightAndChangesMeanwhileAskOnceMore() throws Exception {
        Queued queued = new Queued();
        model = model(queued);
        model.load();
        queued.runAll(); // the definitions
        tick("prod", "oracle.sessions.active");
        assertThat(queued.jobs).as("one query for the first tick that has both a target and a metric").hasSize(1);
        model.choose(TrendRange.H6);
        model.choose(TrendRange.H24);
        model.refresh();
        assertThat(queued.jobs).as("still one in flight").hasSize(1);

        queued.runNext();
        assertThat(model.trendProperty().get()).as("an answer to an old question is not shown").isNull();
        assertThat(queued.jobs).as("one more for everything asked meanwhile").hasSize(1);
        queued.runNext();
        assertThat(queued.jobs).isEmpty();
        Trend t = model.trendProperty().get();
        assertThat(Duration.between(t.from(), t.to())).isEqualTo(Duration.ofHours(24));
    }

    @Test
    void showTargetTicksItsHeadlinesOverTheLastHourAndNarrowsAHeadlineToItsStatistic() {
        data.write("oracle.sysstat.rate", Map.of("target", "prod", "name", "execute count"), Duration.ofMinutes(1), 500);
        data.write("oracle.sysstat.rate", Map.of("target", "prod", "name", "user commits"), Duration.ofMinutes(1), 30);
        tick("shop", "mysql.connections");
        model.choose(TrendRange.D7);

        model.showTarget(data.prod);
        assertThat(model.targets()).filteredOn(Choice::isSelected).extracting(c -> c.value().name()).containsExactly("prod");
        assertThat(model.metrics()).filteredOn(Choice::isSelected).extracting(c -> c.value().name()).containsExactlyInAnyOrder(
                "oracle.sessions.total", "oracle.sessions.active", "oracle.host.cpu_busy_pct", "oracle.sysstat.rate",
                "oracle.tablespace.used_pct", "oracle.wait_class.time");
        assertThat(model.rangeProperty().get()).isEqualTo(TrendRange.H1);
        assertThat(model.liveProperty().get()).isTrue();
        assertThat(model.trendProperty().get().lines()).extracting(TrendLine::label).contains("System statistics rate [execute count]")
                .doesNotContain("System statistics rate [user commits]");

        MetricDef rate = model.metrics().stream().map(Choice::value).filter(m -> m.name().equals("oracle.sysstat.rate")).findFirst()
                .orElseThrow();
        Choice<MetricDef> rateChoice = model.metrics().stream().filter(c -> c.value() == rate).findFirst().orElseThrow();
        rateChoice.setSelected(false);
        rateChoice.setSelected(true);
        assertThat(model.trendProperty().get().lines()).as("ticked by hand, the metric shows whole").extracting(TrendLine::label)
                .contains("System statistics rate [execute count]", "System statistics rate [user commits]");
    }

    @Test
    void aRangeWithoutPointsSaysWhatWasAskedFor() {
        tick("prod", "oracle.sessions.blocked");
        assertThat(model.emptyProperty().get()).isTrue();
        assertThat(model.emptyTitleProperty().get()).isEqualTo("No points");
        assertThat(model.emptyHintProperty().get()).startsWith("No points in this range for oracle.sessions.blocked on prod.");
        assertThat(model.trendProperty().get().lines()).isEmpty();
    }

    /** Holds background work until the test runs it, as a slow store would. */
    private static final class Queued implements TaskExecutor {

        final List<Runnable> jobs = new ArrayList<>();

        @Override
        public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onFailure) {
            jobs.add(() -> new DirectTaskExecutor().run(work, onDone, onFailure)); // later, when the test says
        }

        void runNext() {
            jobs.removeFirst().run();
        }

        void runAll() {
            while (!jobs.isEmpty()) {
                runNext();
            }
        }
    }
}
