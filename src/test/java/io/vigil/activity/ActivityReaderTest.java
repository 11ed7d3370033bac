package io.vigil.activity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.mirror.CacheDb;

/**
 * Top Activity's figures from known samples (5 s apart) in the embedded cache: average active sessions per wait class
 * and bucket, and the top statements, sessions and events of the whole window and of a part of it.
 */
class ActivityReaderTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final String A = "a8j39qb13tqkr";
    static final String B = "5ms6rbzdnq16t";
    static final String C = "g0bggfqrddc4w";
    static final String SEQ = "db file sequential read";
    static final String ENQ = "enq: TX - row lock contention";

    @TempDir
    Path folder;
    CacheDb cache;
    ActivityReader reader;

    @BeforeEach
    void fill() throws SQLException {
        cache = CacheDb.embedded(folder);
        reader = new ActivityReader(cache);
        try (Connection c = cache.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ora_activity_sample (target_id BIGINT NOT NULL, sample_time DATETIME(3), sid BIGINT, serial_no BIGINT, "
                    + "username VARCHAR(128), program VARCHAR(84), module VARCHAR(64), sql_id VARCHAR(13), event VARCHAR(64), "
                    + "wait_class VARCHAR(64), session_state VARCHAR(7), blocking_session BIGINT)");
            s.execute("CREATE TABLE ora_osstat (target_id BIGINT NOT NULL, stat_name VARCHAR(64), value DECIMAL(38,8))");
            s.execute("INSERT INTO ora_osstat VALUES (1, 'NUM_CPUS', 8), (1, 'LOAD', 3.5), (2, 'NUM_CPUS', 2)");
            s.execute("CREATE TABLE ora_top_sql (target_id BIGINT NOT NULL, sql_id VARCHAR(13), sql_text VARCHAR(200))");
            s.execute("INSERT INTO ora_top_sql VALUES (1, '" + A + "', 'SELECT c.name, SUM(l.amount) FROM customers c'), "
                    + "(1, '" + B + "', 'SELECT * FROM invoices'), (2, '" + C + "', 'UPDATE stock')");
            // session 1 on CPU, session 2 reading blocks, session 3 waiting on a row lock session 1 holds
            cpu(c, 1, 0, A);
            io(c, 2, 0, SEQ);
            cpu(c, 1, 5, A);
            io(c, 2, 5, SEQ);
            lock(c, 5);
            cpu(c, 1, 10, A);
            cpu(c, 1, 15, A);
            lock(c, 15);
            lock(c, 20);
            lock(c, 25);
            io(c, 2, 45, SEQ);
            io(c, 2, 50, "db file scattered read");
            cpu(c, 1, 50, A);
            row(c, 1, -5, 9, "ON CPU", null, null, A, null); // before the window
            row(c, 2, 0, 1, "ON CPU", null, null, A, null); // another target
        }
    }

    @AfterEach
    void close() {
        cache.close();
    }

    @Test
    void averageActiveSessionsPerWaitClassAndBucket() {
        ActivityChart chart = reader.chart(1, Duration.ofMinutes(1), 15, 5, T0.plusSeconds(3600));
        assertThat(chart.from()).isEqualTo(T0);
        assertThat(chart.to()).isEqualTo(T0.plusSeconds(60));
        assertThat(chart.buckets()).isEqualTo(4);
        assertThat(chart.newest()).isEqualTo(T0.plusSeconds(50));
        assertThat(chart.classes()).containsExactly("CPU", "User I/O", "Application");
        // 3 CPU, 2 User I/O and 1 Application sample in the first 15 s: 15, 10 and 5 s of DB time
        assertThat(chart.aas().get(0)).containsExactly(new double[] {1.0, 1.0 / 3, 0, 0.5}, within(1e-9));
        assertThat(chart.aas().get(1)).containsExactly(new double[] {2.0 / 3, 0, 0, 1.0}, within(1e-9));
        assertThat(chart.aas().get(2)).containsExactly(new double[] {1.0 / 3, 1.0, 0, 0}, within(1e-9));
        // the newest bucket is sampled up to 10:00:55 only: 3 samples over 10 s
        assertThat(chart.total(3)).isCloseTo(1.5, within(1e-9));
        assertThat(chart.cpus()).hasValue(8);
    }

    @Test
    void wholeWindowBreakdown() {
        ActivityBreakdown all = reader.breakdown(1, T0, T0.plusSeconds(60), 5);
        assertThat(all.samples()).isEqualTo(13);
        assertThat(all.seconds()).isEqualTo(55.0);
        assertThat(all.sql()).extracting(ActivityBreakdown.TopSql::sqlId).containsExactly(A, B, "g0bggfqrddc4w");
        ActivityBreakdown.TopSql top = all.sql().getFirst();
        assertThat(top.samples()).isEqualTo(5);
        assertThat(top.pct()).isCloseTo(100.0 * 5 / 13, within(1e-9));
        assertThat(top.aas()).isCloseTo(25.0 / 55, within(1e-9));
        assertThat(top.text()).startsWith("SELECT c.name");
        assertThat(top.byClass()).containsExactly(Map.entry("CPU", 5L));
        assertThat(all.sql().get(1).byClass()).containsExactly(Map.entry("User I/O", 4L));
        assertThat(all.sql().get(2).text()).as("another target's text is not this one's").isEmpty();

        assertThat(all.sessions()).extracting(ActivityBreakdown.TopSession::sid).containsExactly(1L, 2L, 3L);
        ActivityBreakdown.TopSession reader2 = all.sessions().get(1);
        assertThat(reader2.samples()).isEqualTo(4);
        assertThat(reader2.pct()).isCloseTo(100.0 * 4 / 13, within(1e-9));
        assertThat(reader2.topEvent()).isEqualTo(SEQ);
        assertThat(reader2.topEventClass()).isEqualTo("User I/O");
        assertThat(reader2.user()).isEqualTo("BATCH");
        assertThat(reader2.serial()).isEqualTo(200);
        assertThat(all.sessions().getFirst().topEvent()).isEqualTo("CPU");

        assertThat(all.events()).extracting(ActivityBreakdown.TopEvent::event).containsExactly("CPU", ENQ, SEQ, "db file scattered read");
        assertThat(all.events()).extracting(ActivityBreakdown.TopEvent::samples).containsExactly(5L, 4L, 3L, 1L);
        assertThat(all.events().get(1).waitClass()).isEqualTo("Application");
        assertThat(all.events().get(1).pct()).isCloseTo(100.0 * 4 / 13, within(1e-9));
        assertThat(all.events().stream().mapToDouble(ActivityBreakdown.TopEvent::pct).sum()).isCloseTo(100.0, within(1e-9));
    }

    @Test
    void aSelectedPartCountsOnlyItsSamples() {
        ActivityBreakdown part = reader.breakdown(1, T0.plusSeconds(15), T0.plusSeconds(30), 5);
        assertThat(part.samples()).isEqualTo(4);
        assertThat(part.seconds()).isEqualTo(15.0);
        assertThat(part.sessions()).extracting(ActivityBreakdown.TopSession::sid).containsExactly(3L, 1L);
        assertThat(part.sessions().getFirst().aas()).isCloseTo(1.0, within(1e-9));
        assertThat(part.sessions().getFirst().pct()).isCloseTo(75.0, within(1e-9));
        assertThat(part.events()).extracting(ActivityBreakdown.TopEvent::event).containsExactly(ENQ, "CPU");
        assertThat(part.sql()).extracting(ActivityBreakdown.TopSql::sqlId).containsExactly(C, A);
    }

    @Test
    void noSamplesGivesAnEmptyWindowEndingNow() {
        ActivityChart chart = reader.chart(3, Duration.ofMinutes(15), 5, 5, T0.plusSeconds(7));
        assertThat(chart.newest()).isNull();
        assertThat(chart.classes()).isEmpty();
        assertThat(chart.to()).isEqualTo(T0.plusSeconds(10));
        assertThat(chart.buckets()).isEqualTo(180);
        assertThat(reader.breakdown(3, T0, T0.plusSeconds(60), 5).samples()).isZero();
    }

    private static void cpu(Connection c, long sid, int at, String sqlId) throws SQLException {
        row(c, 1, at, sid, "ON CPU", null, null, sqlId, null);
    }

    private static void io(Connection c, long sid, int at, String event) throws SQLException {
        row(c, 1, at, sid, "WAITING", event, "User I/O", B, null);
    }

    private static void lock(Connection c, int at) throws SQLException {
        row(c, 1, at, 3, "WAITING", ENQ, "Application", C, 1L);
    }

    private static void row(Connection c, long target, int at, long sid, String state, String event, String waitClass, String sqlId,
                            Long blocker) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO ora_activity_sample VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            ps.setLong(1, target);
            ps.setTimestamp(2, Timestamp.from(T0.plusSeconds(at)));
            ps.setLong(3, sid);
            ps.setLong(4, sid * 100);
            ps.setString(5, sid == 2 ? "BATCH" : "APP");
            ps.setString(6, "JDBC Thin Client");
            ps.setString(7, "JDBC Thin Client");
            ps.setString(8, sqlId);
            ps.setString(9, event);
            ps.setString(10, waitClass);
            ps.setString(11, state);
            ps.setObject(12, blocker);
            ps.executeUpdate();
        }
    }
}
