package io.vigil.target.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vigil.testsupport.SettableClock;

class DemoOracleTest {

    final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T10:00:00Z"));
    DemoOracle demo;
    Connection c;

    @BeforeEach
    void open() throws SQLException {
        demo = DemoOracle.create("DEMO", clock, 42);
        c = DriverManager.getConnection(demo.jdbcUrl(), "vigil", "");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
        demo.close();
    }

    long scalar(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    void advance(Duration d) throws SQLException {
        clock.advance(d);
        demo.tick();
    }

    @Test
    void everyReferenceViewHasItsColumnsInReferenceOrder() throws SQLException {
        Map<String, List<DemoSchema.Column>> views = DemoSchema.views();
        assertThat(views).hasSize(52);
        assertThat(views.values().stream().mapToInt(List::size).sum()).isEqualTo(1189);
        for (Map.Entry<String, List<DemoSchema.Column>> v : views.entrySet()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM " + v.getKey().toLowerCase() + " WHERE 1 = 0")) {
                ResultSetMetaData md = rs.getMetaData();
                List<String> names = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    names.add(md.getColumnName(i));
                }
                assertThat(names).as(v.getKey()).containsExactlyElementsOf(v.getValue().stream().map(DemoSchema.Column::name).toList());
            }
        }
    }

    @Test
    void oracleDialectReadsRunUnchanged() throws SQLException {
        // the usual tablespace usage query, v$ names in lower case, NVL, ROUND, a LEFT JOIN on an aggregate
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                SELECT df.tablespace_name, ROUND(100 * (df.bytes - NVL(fs.bytes, 0)) / df.bytes, 2) AS used_pct
                FROM (SELECT tablespace_name, SUM(bytes) bytes FROM dba_data_files GROUP BY tablespace_name) df
                LEFT JOIN (SELECT tablespace_name, SUM(bytes) bytes FROM dba_free_space GROUP BY tablespace_name) fs
                  ON fs.tablespace_name = df.tablespace_name
                ORDER BY used_pct DESC""")) {
            assertThat(rs.next()).isTrue();
            assertThat(rs.getString(1)).isEqualTo("SYSTEM");
            assertThat(rs.getDouble(2)).isBetween(80.0, 84.0);
        }
        assertThat(scalar("SELECT value FROM v$sysstat WHERE name = 'user commits'")).isPositive();
        assertThat(scalar("SELECT COUNT(*) FROM v$session WHERE type = 'USER' AND status = 'ACTIVE'")).isPositive();
        assertThat(scalar("SELECT COUNT(*) FROM v$instance WHERE status = 'OPEN' AND startup_time < SYSDATE")).isEqualTo(1);
        assertThat(scalar("SELECT /*+ RULE */ COUNT(*) FROM v$system_event WHERE wait_class <> 'Idle' AND ROWNUM <= 5")).isEqualTo(5);
        assertThat(scalar("SELECT DECODE(log_mode, 'ARCHIVELOG', 1, 0) FROM v$database")).isEqualTo(1);
    }

    @Test
    void countersWaitsAndCpuGrowWithTime() throws SQLException {
        long commits = scalar("SELECT value FROM v$sysstat WHERE name = 'user commits'");
        long waits = scalar("SELECT SUM(total_waits) FROM v$system_event WHERE wait_class = 'User I/O'");
        long busy = scalar("SELECT value FROM v$osstat WHERE stat_name = 'BUSY_TIME'");
        long execs = scalar("SELECT SUM(executions) FROM v$sqlstats");
        advance(Duration.ofSeconds(15));
        long perSecond = (scalar("SELECT value FROM v$sysstat WHERE name = 'user commits'") - commits) / 15;
        assertThat(perSecond).as("user commits per second at 15-85% load of 45/s").isBetween(5L, 50L);
        assertThat(scalar("SELECT SUM(total_waits) FROM v$system_event WHERE wait_class = 'User I/O'")).isGreaterThan(waits);
        assertThat(scalar("SELECT value FROM v$osstat WHERE stat_name = 'BUSY_TIME'")).isGreaterThan(busy);
        assertThat(scalar("SELECT SUM(executions) FROM v$sqlstats")).isGreaterThan(execs);
        assertThat(scalar("SELECT total_waits FROM v$system_wait_class WHERE wait_class = 'Commit'"))
                .isEqualTo(scalar("SELECT total_waits FROM v$system_event WHERE event = 'log file sync'"));
    }

    @Test
    void sessionsChangeAndSometimesBlockEachOther() throws SQLException {
        List<Long> active = new ArrayList<>();
        long blockedSeen = 0;
        for (int i = 0; i < 60; i++) {
            advance(Duration.ofSeconds(5));
            active.add(scalar("SELECT COUNT(*) FROM v$session WHERE type = 'USER' AND status = 'ACTIVE'"));
            long blocked = scalar("SELECT COUNT(*) FROM v$session WHERE blocking_session IS NOT NULL");
            if (blocked > 0) {
                blockedSeen++;
                assertThat(scalar("SELECT COUNT(*) FROM v$lock WHERE block = 1")).isPositive();
            }
        }
        assertThat(active.stream().distinct().count()).as("the number of active sessions moves").isGreaterThan(3);
        assertThat(blockedSeen).as("row-lock waits with a blocker show up now and then").isPositive();
    }

    @Test
    void tablespacesFillAndTheAlertLogGrows() throws SQLException {
        long used = scalar("SELECT used_space FROM dba_tablespace_usage_metrics WHERE tablespace_name = 'APP_DATA'");
        long lines = scalar("SELECT COUNT(*) FROM v$diag_alert_ext");
        for (int i = 0; i < 40; i++) {
            advance(Duration.ofSeconds(30));
        }
        assertThat(scalar("SELECT used_space FROM dba_tablespace_usage_metrics WHERE tablespace_name = 'APP_DATA'")).isGreaterThan(used);
        assertThat(scalar("SELECT COUNT(*) FROM v$diag_alert_ext")).as("log switches write alert lines").isGreaterThan(lines);
        assertThat(scalar("SELECT MAX(record_id) FROM v$diag_alert_ext")).isEqualTo(scalar("SELECT COUNT(*) FROM v$diag_alert_ext"));
    }

    @Test
    void aRestartResetsCountersAndMovesTheStartupTime() throws SQLException {
        advance(Duration.ofSeconds(30));
        assertThat(scalar("SELECT value FROM v$sysstat WHERE name = 'execute count'")).isPositive();
        clock.advance(Duration.ofSeconds(5));
        demo.restart();
        assertThat(scalar("SELECT value FROM v$sysstat WHERE name = 'execute count'")).isZero();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT startup_time FROM v$instance")) {
            rs.next();
            assertThat(rs.getTimestamp(1)).isEqualTo(DemoSql.date(clock.instant()));
        }
        assertThat(scalar("SELECT COUNT(*) FROM v$diag_alert_ext WHERE message_text LIKE 'Starting ORACLE instance%'")).isEqualTo(1);
    }

    @Test
    void aReaderNeverSeesHalfATick() throws Exception {
        // the wait classes are sums of the events: inside one tick's transaction they always agree
        Thread writer = new Thread(() -> {
            for (int i = 0; i < 200; i++) {
                try {
                    advance(Duration.ofSeconds(1));
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            }
        });
        writer.start();
        while (writer.isAlive()) {
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("""
                    SELECT (SELECT SUM(total_waits) FROM v$system_wait_class) - (SELECT SUM(total_waits) FROM v$system_event) FROM dual""")) {
                rs.next();
                assertThat(rs.getLong(1)).isZero();
            }
        }
        writer.join();
    }
}
