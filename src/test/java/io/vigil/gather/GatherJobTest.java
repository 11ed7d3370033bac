package io.vigil.gather;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.ConnectBy;
import io.vigil.config.MetricDef;
import io.vigil.config.MetricType;
import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.RangeQuery;
import io.vigil.series.Retention;
import io.vigil.series.Series;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;

/** Mirror and gather together, from the demo Oracle to the embedded series store. */
class GatherJobTest {

    @TempDir
    Path folder;
    TargetConnections connections;
    CacheDb cache;
    H2SeriesStore series;
    InMemoryLedger ledger;
    MirrorJob mirror;
    GatherJob gather;

    static final Target DEMO = new Target(1, "demo", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(),
            List.of(), true);
    static final MirrorDef SYSSTAT = new MirrorDef(1, "sysstat", TargetKind.ORACLE, "SELECT name, value FROM v$sysstat", "ora_sysstat",
            15, 1000, MirrorMode.REPLACE, "", true, "");
    static final MetricDef COMMITS = new MetricDef(1, "oracle.user_commits", TargetKind.ORACLE,
            "SELECT value FROM ora_sysstat WHERE target_id = ? AND name = 'user commits'", List.of("sysstat"), 60, MetricType.COUNTER,
            "/s", List.of(), 15, null, null, "", true, "");
    static final MetricDef STATS = new MetricDef(2, "oracle.sysstat", TargetKind.ORACLE,
            "SELECT name, value FROM ora_sysstat WHERE target_id = ? AND name IN ('user commits', 'execute count')", List.of("sysstat"), 60,
            MetricType.GAUGE, "", List.of("name"), 15, null, null, "", true, "");

    @BeforeEach
    void open() {
        connections = new TargetConnections(new DemoOracles());
        cache = CacheDb.embedded(folder);
        series = new H2SeriesStore(folder, Retention.defaults(), Clock.systemUTC());
        ledger = new InMemoryLedger();
        mirror = new MirrorJob(connections, cache, ledger);
        gather = new GatherJob(cache.dataSource(), ledger, new Archive(series, new Spool(folder.resolve("spool"), 10_000_000)), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        connections.close();
        cache.close();
        series.close();
    }

    @Test
    void aCounterBecomesARateStampedWithTheSnapshotTime() throws Exception {
        assertThat(gather.run(DEMO, COMMITS, "boot").outcome()).as("before any mirror").isEqualTo(GatherResult.Outcome.STALE);
        mirror.run(DEMO, SYSSTAT);
        GatherResult first = gather.run(DEMO, COMMITS, "boot");
        assertThat(first.outcome()).isEqualTo(GatherResult.Outcome.PICKED);
        assertThat(first.points()).as("a counter's first reading gives no rate").isZero();
        assertThat(gather.run(DEMO, COMMITS, "boot").outcome()).as("same snapshot").isEqualTo(GatherResult.Outcome.WAITING);
        Thread.sleep(2_100); // the demo ticks each second
        Instant second = mirror.run(DEMO, SYSSTAT).sourceTime();
        GatherResult r = gather.run(DEMO, COMMITS, "boot");
        assertThat(r.points()).isEqualTo(1);
        assertThat(r.snapshotTime()).isEqualTo(second);
        List<Series> got = series.query(new RangeQuery("oracle.user_commits", Map.of("target", "demo"), second.minusSeconds(60),
                second.plusSeconds(1), 100));
        assertThat(got).singleElement().satisfies(s -> assertThat(s.values()[0]).as("commits per second").isBetween(1.0, 60.0));
    }

    @Test
    void labelColumnsSplitAGaugeIntoSeries() {
        mirror.run(DEMO, SYSSTAT);
        GatherResult r = gather.run(DEMO, STATS, null);
        assertThat(r.points()).isEqualTo(2);
        Instant t = r.snapshotTime();
        assertThat(series.query(new RangeQuery("oracle.sysstat", Map.of(), t.minusSeconds(1), t.plusSeconds(1), 10)))
                .extracting(s -> s.key().tags().get("name")).containsExactly("execute count", "user commits");
    }
}
