package io.vigil.mirror;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.ConnectBy;
import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.target.DemoOracles;
import io.vigil.target.FailureKind;
import io.vigil.target.TargetConnections;
import io.vigil.target.TargetFailure;

/** The mirror pipeline from the demo Oracle into an embedded cache. */
class MirrorJobTest {

    @TempDir
    Path folder;
    DemoOracles demos;
    TargetConnections connections;
    CacheDb cache;
    InMemoryLedger ledger;
    MirrorJob job;

    static final Target DEMO = demo(1);
    static final MirrorDef SYSSTAT = mirror("sysstat", "SELECT statistic#, name, class, value FROM v$sysstat", "ora_sysstat", MirrorMode.REPLACE, "", 10_000);
    static final MirrorDef ALERT = mirror("alert_log", "SELECT record_id, originating_timestamp, message_level, message_text FROM v$diag_alert_ext",
            "ora_alert_log", MirrorMode.APPEND, "RECORD_ID", 1_000);

    static Target demo(long id) {
        return new Target(id, "demo-" + id, TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(), true);
    }

    static MirrorDef mirror(String name, String sql, String table, MirrorMode mode, String watermark, int cap) {
        return new MirrorDef(1, name, TargetKind.ORACLE, sql, table, 15, cap, mode, watermark, true, "");
    }

    @BeforeEach
    void open() {
        demos = new DemoOracles();
        connections = new TargetConnections(demos);
        cache = CacheDb.embedded(folder);
        ledger = new InMemoryLedger();
        job = new MirrorJob(connections, cache, ledger);
    }

    @AfterEach
    void close() {
        connections.close();
        cache.close();
    }

    long count(String sql) throws SQLException {
        try (Connection c = cache.dataSource().getConnection(); Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void aReplaceMirrorCachesTheWholeViewUnderCacheNamesAndRecordsTheSourceTime() throws Exception {
        Instant before = Instant.now();
        MirrorResult r = job.run(DEMO, SYSSTAT);
        assertThat(r.rows()).isEqualTo(27);
        assertThat(r.capped()).isFalse();
        assertThat(count("SELECT COUNT(*) FROM ora_sysstat WHERE target_id = 1")).isEqualTo(27);
        assertThat(count("SELECT value FROM ora_sysstat WHERE target_id = 1 AND name = 'user commits'")).isPositive();
        assertThat(count("SELECT statistic_no FROM ora_sysstat WHERE name = 'user commits'")).isEqualTo(4);
        assertThat(ledger.last(1, "sysstat")).hasValueSatisfying(s -> {
            assertThat(s.rows()).isEqualTo(27);
            assertThat(s.syncedAt()).isBetween(before.minusSeconds(2), Instant.now().plusSeconds(2));
        });
        job.run(DEMO, SYSSTAT);
        assertThat(count("SELECT COUNT(*) FROM ora_sysstat")).as("replaced, not added").isEqualTo(27);
    }

    @Test
    void aReaderNeverSeesHalfASnapshot() throws Exception {
        job.run(DEMO, SYSSTAT);
        AtomicBoolean running = new AtomicBoolean(true);
        List<Long> seen = new CopyOnWriteArrayList<>();
        Thread reader = new Thread(() -> {
            while (running.get()) {
                try {
                    seen.add(count("SELECT COUNT(*) FROM ora_sysstat WHERE target_id = 1"));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        reader.start();
        // at least 30 snapshots, and on until the reader has looked a few times (a busy machine may start it late)
        long deadline = System.nanoTime() + java.util.concurrent.TimeUnit.SECONDS.toNanos(30);
        for (int i = 0; i < 30 || seen.size() < 5 && System.nanoTime() < deadline; i++) {
            job.run(DEMO, SYSSTAT);
        }
        running.set(false);
        reader.join();
        assertThat(seen).isNotEmpty().containsOnly(27L);
    }

    @Test
    void anAppendMirrorAddsOnlyRowsPastTheWatermark() throws Exception {
        MirrorResult first = job.run(DEMO, ALERT);
        assertThat(first.rows()).isPositive();
        long before = count("SELECT COUNT(*) FROM ora_alert_log");
        assertThat(job.run(DEMO, ALERT).rows()).as("nothing new yet").isZero();
        demos.running(1).orElseThrow().restart(); // a restart writes a line to the alert log
        long added = job.run(DEMO, ALERT).rows();
        assertThat(added).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ora_alert_log")).isEqualTo(before + added);
        assertThat(count("SELECT COUNT(*) - COUNT(DISTINCT record_id) FROM ora_alert_log")).as("no line twice").isZero();
    }

    @Test
    void theRowCapStopsThePullAndSaysSo() throws Exception {
        MirrorDef capped = mirror("sysstat", SYSSTAT.sql(), "ora_sysstat", MirrorMode.REPLACE, "", 5);
        MirrorResult r = job.run(DEMO, capped);
        assertThat(r.rows()).isEqualTo(5);
        assertThat(r.capped()).isTrue();
        assertThat(count("SELECT COUNT(*) FROM ora_sysstat")).isEqualTo(5);
    }

    @Test
    void eachTargetReadsTheVariantOfItsVersionAndAllFillOneTableShape() throws Exception {
        // an 11.2 instance reads the old spelling, renamed to the cache's; "class" is kept though neither read returns it
        Target old = new Target(2, "demo-11g", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "11.2", "", "", Secret.empty(), List.of(), true);
        MirrorDef stats = mirror("stats", "SELECT name, value FROM v$sysstat", "ora_stats", MirrorMode.REPLACE, "", 10_000)
                .withReads(List.of(new io.vigil.config.MirrorVariant("", "12.1", "SELECT name AS stat_name, value, statistic# FROM v$sysstat",
                        java.util.Map.of("stat_name", "name"))), List.of("name", "value", "class"), null);
        job.run(DEMO, stats);
        job.run(old, stats);
        job.run(DEMO, stats); // a 19c read after the 11g one: the table keeps its shape instead of being rebuilt
        try (Connection c = cache.dataSource().getConnection()) {
            List<String> columns = new java.util.ArrayList<>();
            try (ResultSet rs = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), "ora_stats", "%")) {
                while (rs.next()) {
                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                }
            }
            assertThat(columns).containsExactly("target_id", "name", "value", "class");
        }
        long views = count("SELECT COUNT(*) FROM ora_stats WHERE target_id = 1");
        assertThat(views).isPositive();
        assertThat(count("SELECT COUNT(*) FROM ora_stats WHERE target_id = 2")).isEqualTo(views);
        assertThat(count("SELECT COUNT(*) FROM ora_stats WHERE target_id = 2 AND name = 'user commits'")).isEqualTo(1);
        assertThat(count("SELECT COUNT(*) FROM ora_stats WHERE class IS NOT NULL")).isZero();
    }

    @Test
    void targetsWhoseFirstSnapshotsOfATableComeAtOnceBothLandInIt() throws Exception {
        // several collectors' threads run the same mirror for several targets at the same moment after a start
        for (int round = 0; round < 10; round++) {
            MirrorDef m = mirror("race" + round, "SELECT sid, status FROM v$session", "ora_race" + round, MirrorMode.REPLACE, "", 10_000);
            java.util.concurrent.CyclicBarrier start = new java.util.concurrent.CyclicBarrier(4);
            List<java.util.concurrent.Future<?>> runs = new java.util.ArrayList<>();
            try (var pool = java.util.concurrent.Executors.newFixedThreadPool(4)) {
                for (int t = 1; t <= 4; t++) {
                    Target target = demo(t);
                    runs.add(pool.submit(() -> {
                        start.await();
                        return job.run(target, m);
                    }));
                }
                for (var r : runs) {
                    r.get(); // a lost race to create the table would throw here
                }
            }
            assertThat(count("SELECT COUNT(DISTINCT target_id) FROM ora_race" + round)).isEqualTo(4);
        }
    }

    @Test
    void changedColumnsRebuildTheCacheTable() throws Exception {
        job.run(DEMO, SYSSTAT);
        MirrorDef narrower = mirror("sysstat", "SELECT name, value FROM v$sysstat", "ora_sysstat", MirrorMode.REPLACE, "", 10_000);
        job.run(DEMO, narrower);
        assertThat(count("SELECT COUNT(*) FROM ora_sysstat WHERE name IS NOT NULL AND value IS NOT NULL")).isEqualTo(27);
        assertThatThrownBy(() -> count("SELECT statistic_no FROM ora_sysstat")).isInstanceOf(SQLException.class);
    }

    @Test
    void targetsShareATableWithoutTouchingEachOther() throws Exception {
        job.run(DEMO, SYSSTAT);
        job.run(demo(2), SYSSTAT);
        job.run(DEMO, SYSSTAT);
        assertThat(count("SELECT COUNT(*) FROM ora_sysstat WHERE target_id = 1")).isEqualTo(27);
        assertThat(count("SELECT COUNT(*) FROM ora_sysstat WHERE target_id = 2")).isEqualTo(27);
    }

    @Test
    void badSqlIsTheTargetsFailureRecordsNothingAndKeepsTheLastSnapshot() throws Exception {
        job.run(DEMO, SYSSTAT);
        Instant recorded = ledger.last(1, "sysstat").orElseThrow().syncedAt();
        MirrorDef broken = mirror("sysstat", "SELECT no_such_column FROM v$sysstat", "ora_sysstat", MirrorMode.REPLACE, "", 100);
        assertThatThrownBy(() -> job.run(DEMO, broken)).isInstanceOf(TargetFailure.class)
                .satisfies(e -> assertThat(((TargetFailure) e).kind()).isEqualTo(FailureKind.BAD_SQL))
                .hasMessageContaining("reading sysstat");
        assertThat(ledger.last(1, "sysstat").orElseThrow().syncedAt()).isEqualTo(recorded);
        assertThat(count("SELECT COUNT(*) FROM ora_sysstat")).isEqualTo(27);
    }
}
