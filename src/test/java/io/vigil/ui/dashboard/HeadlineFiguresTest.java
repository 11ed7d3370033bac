package io.vigil.ui.dashboard;

import static io.vigil.ui.dashboard.Snapshots.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vigil.config.Headline;
import io.vigil.config.Headline.Combine;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.series.RangeQuery;
import io.vigil.series.Series;
import io.vigil.series.SeriesKey;
import io.vigil.watch.Health;

class HeadlineFiguresTest {

    private final HeadlineFigures figures = Snapshots.figures();
    private final Target prod = Snapshots.target(1, "prod", TargetKind.ORACLE);

    @Test
    void sumAddsTheSeriesOfTheNewestPickAndItsTimeIsThatPicksTime() {
        Snapshots s = new Snapshots().add(prod, Health.OK, "")
                .point(prod, "oracle.wait_class.time", T0, 40, "wait_class", "User I/O")
                .point(prod, "oracle.wait_class.time", T0, 15, "wait_class", "Commit")
                .point(prod, "oracle.wait_class.time", T0.plusSeconds(15), 30, "wait_class", "User I/O")
                .point(prod, "oracle.wait_class.time", T0.plusSeconds(15), 5, "wait_class", "Commit");

        Figure waits = figures.figure(prod, Snapshots.ORACLE.get(5), s.latest());

        assertThat(waits.value()).hasValue(35);
        assertThat(waits.time()).contains(T0.plusSeconds(15));
        assertThat(waits.unit()).isEqualTo("cs/s");
        assertThat(waits.age(T0.plusSeconds(27))).contains(Duration.ofSeconds(12));
    }

    @Test
    void aSeriesThatVanishedFromTheLatestPickNoLongerCounts() {
        Snapshots s = new Snapshots().add(prod, Health.OK, "")
                .point(prod, "oracle.wait_class.time", T0, 70, "wait_class", "Application")
                .point(prod, "oracle.wait_class.time", T0.plusSeconds(15), 30, "wait_class", "User I/O");

        assertThat(figures.figure(prod, Snapshots.ORACLE.get(5), s.latest()).value()).hasValue(30);
    }

    @Test
    void maxTakesTheWorstSeries() {
        Snapshots s = new Snapshots().add(prod, Health.OK, "")
                .point(prod, "oracle.tablespace.used_pct", T0, 71, "tablespace_name", "USERS")
                .point(prod, "oracle.tablespace.used_pct", T0, 91.5, "tablespace_name", "SYSAUX")
                .point(prod, "oracle.tablespace.used_pct", T0, 12, "tablespace_name", "TEMP");

        Figure space = figures.figure(prod, Snapshots.ORACLE.get(4), s.latest());

        assertThat(space.value()).hasValue(91.5);
        assertThat(space.level()).as("85 warns, 95 is critical").isEqualTo(Level.WARN);
    }

    @Test
    void onlySeriesCarryingTheHeadlinesTagsCount() {
        Snapshots s = new Snapshots().add(prod, Health.OK, "")
                .point(prod, "oracle.sysstat.rate", T0, 1200, "name", "execute count")
                .point(prod, "oracle.sysstat.rate", T0, 9000, "name", "session logical reads")
                .point(prod, "oracle.sysstat.rate", T0, 35, "name", "user commits");

        assertThat(figures.figure(prod, Snapshots.ORACLE.get(3), s.latest()).value()).hasValue(1200);
    }

    @Test
    void onlyTheTargetsOwnPointsCount() {
        Target other = Snapshots.target(2, "test", TargetKind.ORACLE);
        Snapshots s = new Snapshots().add(prod, Health.OK, "").add(other, Health.OK, "")
                .point(other, "oracle.sessions.total", T0, 99);

        Figure sessions = figures.figure(prod, Snapshots.ORACLE.getFirst(), s.latest());

        assertThat(sessions.value()).isEmpty();
        assertThat(sessions.time()).isEmpty();
        assertThat(sessions.level()).isEqualTo(Level.NONE);
        assertThat(figures.figure(other, Snapshots.ORACLE.getFirst(), s.latest()).value()).hasValue(99);
    }

    @Test
    void thresholdsGiveTheLevelWarnAndCritIncluded() {
        Headline active = Snapshots.ORACLE.get(1); // warn 30, crit 60
        Snapshots s = new Snapshots().add(prod, Health.OK, "");
        double[] values = {29, 30, 59.9, 60, 200};
        Level[] expected = {Level.OK, Level.WARN, Level.WARN, Level.CRIT, Level.CRIT};
        for (int i = 0; i < values.length; i++) {
            s.point(prod, "oracle.sessions.active", T0.plusSeconds(i), values[i]);
            assertThat(figures.figure(prod, active, s.latest()).level()).as("%s active sessions", values[i]).isEqualTo(expected[i]);
        }
    }

    @Test
    void aMetricWithoutThresholdsIsNeverColouredAndOneWithOnlyCritSkipsAmber() {
        assertThat(new Thresholds(null, null).level(1e9)).isEqualTo(Level.OK);
        assertThat(new Thresholds(null, 90.0).level(89)).isEqualTo(Level.OK);
        assertThat(new Thresholds(null, 90.0).level(90)).isEqualTo(Level.CRIT);
        assertThat(new Thresholds(20.0, null).level(25)).isEqualTo(Level.WARN);
    }

    @Test
    void critBelowWarnMeansLowerIsWorse() {
        Thresholds hitRatio = new Thresholds(95.0, 90.0);
        assertThat(hitRatio.descending()).isTrue();
        assertThat(hitRatio.level(99)).isEqualTo(Level.OK);
        assertThat(hitRatio.level(94)).isEqualTo(Level.WARN);
        assertThat(hitRatio.level(90)).isEqualTo(Level.CRIT);
    }

    @Test
    void aKindTakesItsPacksHeadlinesAndTheDemoTheOraclePacks() {
        assertThat(figures.headlines(TargetKind.DEMO_ORACLE)).isEqualTo(Snapshots.ORACLE);
        assertThat(figures.headlines(TargetKind.POSTGRES)).isEmpty();
        Target demo = Snapshots.target(3, "demo", TargetKind.DEMO_ORACLE);
        Snapshots s = new Snapshots().add(demo, Health.OK, "").point(demo, "oracle.host.cpu_busy_pct", T0, 97);
        assertThat(figures.figure(demo, Snapshots.ORACLE.get(2), s.latest()).level()).as("the Oracle pack's thresholds").isEqualTo(Level.CRIT);
    }

    @Test
    void theShippedPacksGiveEveryKindSixHeadlinesWithUnitsAndTitlesInBothLanguages() {
        HeadlineFigures shipped = HeadlineFigures.load(null);
        Messages en = new Messages(Locale.ENGLISH);
        Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);
        for (TargetKind kind : TargetKind.values()) {
            List<Headline> headlines = shipped.headlines(kind);
            assertThat(headlines).as(kind.name()).hasSize(6);
            for (Headline h : headlines) {
                assertThat(shipped.metric(kind, h.metric())).as("%s %s", kind, h.metric()).isPresent();
                assertThat(en.has("headline." + h.key())).as("English title of %s", h.key()).isTrue();
                assertThat(zh.get("headline." + h.key())).as("Chinese title of %s", h.key()).isNotEqualTo("headline." + h.key());
            }
        }
        assertThat(shipped.thresholds(TargetKind.ORACLE, "oracle.host.cpu_busy_pct", Optional.empty()).warn()).isEqualTo(80.0);
    }

    @Test
    void tilesAreColouredByTheRulesWithTheirDirection() {
        HeadlineFigures shipped = HeadlineFigures.load(null);
        Thresholds hit = shipped.thresholds(TargetKind.MYSQL, "mysql.innodb.buffer_pool_hit_pct", Optional.empty());
        assertThat(hit.level(99.7)).as("a healthy buffer pool hit ratio").isEqualTo(Level.OK);
        assertThat(hit.level(93)).isEqualTo(Level.WARN);
        Thresholds pgHit = shipped.thresholds(TargetKind.POSTGRES, "pg.cache_hit_pct", Optional.empty());
        assertThat(pgHit.level(99.9)).as("a healthy PostgreSQL cache hit ratio").isEqualTo(Level.OK);
        Thresholds open = shipped.thresholds(TargetKind.ORACLE, "oracle.instance.open", Optional.empty());
        assertThat(open.level(1)).as("an open instance").isEqualTo(Level.OK);
        assertThat(open.level(0)).as("a mounted instance").isEqualTo(Level.CRIT);
    }

    @Test
    void anEditedMetricReplacesTheShippedOne() {
        HeadlineFigures edited = new HeadlineFigures(Map.of(TargetKind.ORACLE, Snapshots.ORACLE), List.of(
                Snapshots.metric(TargetKind.ORACLE, "oracle.host.cpu_busy_pct", "%", 80.0, 95.0),
                Snapshots.metric(TargetKind.ORACLE, "oracle.host.cpu_busy_pct", "%", 50.0, 70.0)), List.of());
        Snapshots s = new Snapshots().add(prod, Health.OK, "").point(prod, "oracle.host.cpu_busy_pct", T0, 75);
        assertThat(edited.figure(prod, Snapshots.ORACLE.get(2), s.latest()).level()).isEqualTo(Level.CRIT);
    }

    @Test
    void figuresReadAtAGlance() {
        assertThat(FigureFormat.format(3, Locale.ENGLISH)).isEqualTo("3");
        assertThat(FigureFormat.format(2.5, Locale.ENGLISH)).isEqualTo("2.5");
        assertThat(FigureFormat.format(45.27, Locale.ENGLISH)).isEqualTo("45.3");
        assertThat(FigureFormat.format(1234.5, Locale.ENGLISH)).isEqualTo("1,235");
        assertThat(FigureFormat.format(123_456, Locale.ENGLISH)).isEqualTo("123k");
        assertThat(FigureFormat.format(4_560_000, Locale.ENGLISH)).isEqualTo("4.6M");
        assertThat(FigureFormat.format(java.util.OptionalDouble.empty(), Locale.ENGLISH)).isEqualTo(FigureFormat.NO_VALUE);
        assertThat(FigureFormat.shortUnit("%")).isEqualTo("%");
        assertThat(FigureFormat.shortUnit("sessions")).isEmpty();
        assertThat(new Headline("x", "m", null, null, false).combine()).isEqualTo(Combine.SUM);
    }

    @Test
    void historyCombinesTheMatchingSeriesAtEachTime() {
        Headline waits = new Headline("waits", "oracle.wait_class.time", Map.of(), Combine.SUM, false);
        Headline worst = new Headline("space", "oracle.tablespace.used_pct", Map.of(), Combine.MAX, true);
        Headline executes = new Headline("throughput", "oracle.sysstat.rate", Map.of("name", "execute count"), Combine.SUM, false);
        List<Series> answer = List.of(
                series("oracle.wait_class.time", Map.of("target", "prod", "wait_class", "User I/O"), new long[] {1_000, 2_000}, 40, 30),
                series("oracle.wait_class.time", Map.of("target", "prod", "wait_class", "Commit"), new long[] {1_000, 2_000, 3_000}, 15, 5, 7));

        Series summed = HeadlineFigures.history(waits, answer);
        assertThat(summed.times()).containsExactly(1_000, 2_000, 3_000);
        assertThat(summed.values()).containsExactly(55, 35, 7);
        assertThat(HeadlineFigures.history(worst, answer).values()).containsExactly(40, 30, 7);
        assertThat(HeadlineFigures.history(executes, answer).size()).as("no series has name=execute count").isZero();

        RangeQuery q = HeadlineFigures.historyQuery(prod, executes, T0, T0.plusSeconds(900), 60);
        assertThat(q.tagFilter()).containsOnly(Map.entry("target", "prod"), Map.entry("name", "execute count"));
        assertThat(q.metric()).isEqualTo("oracle.sysstat.rate");
    }

    private static Series series(String metric, Map<String, String> tags, long[] times, double... values) {
        return new Series(new SeriesKey(metric, new java.util.TreeMap<>(tags)), times, values);
    }
}
