package io.vigil.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.activity.ActivityBreakdown;
import io.vigil.activity.ActivityChart;
import io.vigil.activity.ActivityReader;
import io.vigil.config.ConnectBy;
import io.vigil.config.MirrorDef;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/**
 * The Oracle pack's session sampler (Top Activity's data) on the demo Oracle, into the embedded cache and a real
 * MariaDB one: samples land with their time, only active sessions that are on CPU or in a non-idle wait, the day's
 * window is trimmed as samples come, and each sample costs the target one read of V$SESSION.
 */
class ActivitySamplingIT {

    static final long ID = 7;
    @TempDir
    Path folder;
    DemoOracles demos = new DemoOracles();
    TargetConnections connections;
    final Target demo = new Target(ID, "demo", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(),
            true);
    final MirrorDef sampler = Packs.shipped(TargetKind.ORACLE).mirrorDefs().stream().filter(m -> m.name().equals("activity_sample"))
            .findFirst().orElseThrow();

    @BeforeEach
    void open() {
        connections = new TargetConnections(demos);
    }

    @AfterEach
    void close() {
        connections.close();
        demos.close();
    }

    @Test
    void samplesIntoTheEmbeddedCache() throws Exception {
        try (CacheDb cache = CacheDb.embedded(folder)) {
            samples(cache);
        }
    }

    @Test
    void samplesIntoAMariadbCache() throws Exception {
        try (TestDatabase db = RealServices.mariadb().createDatabase("ashcache");
             CacheDb cache = CacheDb.mysql(db.jdbcUrl(), db.user(), Secret.of(db.password()))) {
            samples(cache);
        }
    }

    private void samples(CacheDb cache) throws Exception {
        assertThat(sampler.intervalSeconds()).isEqualTo(5);
        MirrorJob job = new MirrorJob(connections, cache, new InMemoryLedger());
        job.run(demo, sampler); // starts the demo instance and creates the table
        try (Connection target = DriverManager.getConnection(demos.running(ID).orElseThrow().jdbcUrl(), "vigil", "");
             Statement s = target.createStatement()) {
            s.execute("SET QUERY_STATISTICS_MAX_ENTRIES 100000");
            s.execute("SET QUERY_STATISTICS TRUE");
            List<Long> rows = new ArrayList<>();
            for (int i = 0; i < 3; i++) {
                Thread.sleep(20);
                rows.add(job.run(demo, sampler).rows());
            }
            assertThat(rows).as("rows per sample").allSatisfy(n -> assertThat(n).isPositive());
            List<String> touched = new ArrayList<>();
            long samplingReads = 0;
            try (ResultSet rs = s.executeQuery("SELECT SQL_STATEMENT, EXECUTION_COUNT FROM INFORMATION_SCHEMA.QUERY_STATISTICS")) {
                while (rs.next()) {
                    String sql = rs.getString(1);
                    if (sql.contains("sample_time")) {
                        samplingReads += rs.getLong(2);
                        touched.add(sql);
                    }
                }
            }
            assertThat(touched).as("one statement reads the samples").hasSize(1);
            assertThat(touched.getFirst()).contains("FROM v$session");
            assertThat(samplingReads).as("reads of V$SESSION for three samples").isEqualTo(3);
            s.execute("SET QUERY_STATISTICS FALSE");
        }
        try (Connection c = cache.dataSource().getConnection()) {
            assertThat(count(c, "SELECT COUNT(DISTINCT sample_time) FROM ora_activity_sample WHERE target_id = " + ID)).isEqualTo(4);
            assertThat(count(c, "SELECT COUNT(*) FROM ora_activity_sample WHERE target_id = " + ID
                    + " AND (wait_class = 'Idle' OR session_state NOT IN ('ON CPU', 'WAITING'))")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM ora_activity_sample WHERE target_id = " + ID
                    + " AND session_state = 'ON CPU' AND (event IS NOT NULL OR wait_class IS NOT NULL)")).as("on CPU has no event").isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM ora_activity_sample WHERE target_id = " + ID
                    + " AND session_state = 'WAITING' AND (event IS NULL OR wait_class IS NULL)")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM ora_activity_sample WHERE target_id = " + ID + " AND sid IS NOT NULL"
                    + " AND serial_no IS NOT NULL AND program IS NOT NULL")).isPositive();
            assertThat(count(c, "SELECT COUNT(*) FROM ora_activity_sample WHERE target_id = " + ID + " AND sql_id IS NOT NULL")).isPositive();
            // a day and an hour old, and 23 hours old: the next sample drops the first and keeps the second
            try (Statement s = c.createStatement()) {
                for (int hours : new int[] {25, 23}) {
                    s.executeUpdate("INSERT INTO ora_activity_sample (target_id, sample_time, sid, serial_no, session_state) "
                            + "SELECT target_id, TIMESTAMPADD(HOUR, -" + hours + ", MAX(sample_time)), " + (9000 + hours)
                            + ", 1, 'ON CPU' FROM ora_activity_sample WHERE target_id = " + ID + " GROUP BY target_id");
                }
            }
            long before = count(c, "SELECT COUNT(*) FROM ora_activity_sample WHERE target_id = " + ID);
            Thread.sleep(20);
            long added = job.run(demo, sampler).rows();
            assertThat(count(c, "SELECT COUNT(*) FROM ora_activity_sample WHERE target_id = " + ID + " AND sid = 9025")).isZero();
            assertThat(count(c, "SELECT COUNT(*) FROM ora_activity_sample WHERE target_id = " + ID + " AND sid = 9023")).isEqualTo(1);
            assertThat(count(c, "SELECT COUNT(*) FROM ora_activity_sample WHERE target_id = " + ID)).isEqualTo(before - 1 + added);
        }
        // Top Activity reads them back with the same SQL on either cache: every sample of the last 15 minutes is counted
        ActivityReader reader = new ActivityReader(cache);
        ActivityChart chart = reader.chart(ID, Duration.ofMinutes(15), 5, 5, Instant.now());
        assertThat(chart.classes()).isNotEmpty();
        double sessionSeconds = 0;
        for (int i = 0; i < chart.buckets(); i++) {
            sessionSeconds += chart.total(i) * ActivityReader.sampledSeconds(chart.bucketStart(i).getEpochSecond(),
                    chart.bucketStart(i).getEpochSecond() + 5, chart.newest(), 5);
        }
        ActivityBreakdown all = reader.breakdown(ID, chart.from(), chart.to(), 5);
        try (Connection c = cache.dataSource().getConnection()) {
            long recent = count(c, "SELECT COUNT(*) FROM ora_activity_sample WHERE target_id = " + ID + " AND sid < 9000");
            assertThat(all.samples()).isEqualTo(recent);
            assertThat(Math.round(sessionSeconds / 5)).isEqualTo(recent);
        }
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
