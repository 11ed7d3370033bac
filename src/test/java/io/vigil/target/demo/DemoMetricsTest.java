package io.vigil.target.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vigil.testsupport.SettableClock;

/** The metric views are worked out from the counters the workload moves, over Oracle's 15 and 60 second intervals. */
class DemoMetricsTest {

    final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T10:00:00Z"));
    DemoOracle demo;
    Connection c;

    @BeforeEach
    void open() throws SQLException {
        demo = DemoOracle.create("DEMO", clock, 5);
        c = DriverManager.getConnection(demo.jdbcUrl(), "vigil", "");
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
        demo.close();
    }

    double number(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getDouble(1);
        }
    }

    void seconds(int n, Duration step) throws SQLException {
        for (int i = 0; i < n; i++) {
            clock.advance(step);
            demo.tick();
        }
    }

    double metric(int group, String name) throws SQLException {
        return number("SELECT value FROM v$sysmetric WHERE group_id = " + group + " AND metric_name = '" + name + "'");
    }

    @Test
    void theShortGroupIsWorkedOutFromWhatTheCountersDidInItsFifteenSeconds() throws SQLException {
        seconds(15, Duration.ofSeconds(1)); // a 15-second interval ends with this tick
        double dbTime = number("SELECT value FROM v$sysstat WHERE name = 'DB time'");
        double execs = number("SELECT value FROM v$sysstat WHERE name = 'execute count'");
        double logical = number("SELECT value FROM v$sysstat WHERE name = 'session logical reads'");
        double physical = number("SELECT value FROM v$sysstat WHERE name = 'physical reads'");
        seconds(15, Duration.ofSeconds(1));
        double dDbTime = number("SELECT value FROM v$sysstat WHERE name = 'DB time'") - dbTime;
        assertThat(number("SELECT intsize_csec FROM v$sysmetric WHERE group_id = 3 AND metric_id = 2147")).isEqualTo(1500);
        assertThat(metric(3, "Average Active Sessions")).isCloseTo(dDbTime / 100 / 15, within(1e-3));
        assertThat(metric(3, "Database Time Per Sec")).isCloseTo(dDbTime / 15, within(1e-3));
        assertThat(metric(3, "Executions Per Sec"))
                .isCloseTo((number("SELECT value FROM v$sysstat WHERE name = 'execute count'") - execs) / 15, within(1e-3));
        double dLogical = number("SELECT value FROM v$sysstat WHERE name = 'session logical reads'") - logical;
        double dPhysical = number("SELECT value FROM v$sysstat WHERE name = 'physical reads'") - physical;
        assertThat(metric(3, "Buffer Cache Hit Ratio")).isCloseTo(100 * (dLogical - dPhysical) / dLogical, within(1e-3)).isBetween(90.0, 100.0);
        assertThat(metric(3, "Session Count")).isEqualTo(number("SELECT COUNT(*) FROM v$session"));
        assertThat(metric(3, "Current Logons Count")).isEqualTo(number("SELECT value FROM v$sysstat WHERE name = 'logons current'"));
    }

    @Test
    void theLongGroupSpansAMinuteAndItsHistoryAnHour() throws SQLException {
        seconds(60, Duration.ofSeconds(1));
        assertThat(number("SELECT MIN(intsize_csec) FROM v$sysmetric WHERE group_id = 2")).isEqualTo(6000);
        assertThat(number("SELECT COUNT(DISTINCT metric_name) FROM v$sysmetric WHERE group_id = 2")).isEqualTo(DemoMetrics.METRICS.size());
        seconds(75, Duration.ofMinutes(1));
        double aas = number("SELECT COUNT(*) FROM v$sysmetric_history WHERE group_id = 2 AND metric_name = 'Average Active Sessions'");
        assertThat(aas).as("an hour of minutes (a restart skips one)").isBetween(58.0, 61.0);
        assertThat(number("SELECT COUNT(*) FROM v$sysmetric_history WHERE group_id = 3 AND metric_name = 'Average Active Sessions'"))
                .as("the last 15-second interval only").isEqualTo(1);
        assertThat(number("SELECT COUNT(DISTINCT value) FROM v$sysmetric_history WHERE metric_name = 'Host CPU Utilization (%)'"))
                .as("the figures move with the load").isGreaterThan(30);
        assertThat(number("SELECT MIN(value) FROM v$sysmetric_history WHERE metric_name = 'Host CPU Utilization (%)'")).isGreaterThanOrEqualTo(0);
        assertThat(number("SELECT MAX(value) FROM v$sysmetric_history WHERE metric_name = 'Host CPU Utilization (%)'")).isLessThanOrEqualTo(100);
    }

    @Test
    void waitClassAndEventMetricsAddUpToTheirWaits() throws SQLException {
        seconds(60, Duration.ofSeconds(1));
        assertThat(number("SELECT SUM(m.wait_count) FROM v$eventmetric m JOIN v$system_event e ON e.event_id = m.event_id "
                + "WHERE e.wait_class = 'User I/O'")).isEqualTo(number("SELECT m.wait_count FROM v$waitclassmetric m "
                + "JOIN v$system_wait_class w ON w.wait_class_id = m.wait_class_id WHERE w.wait_class = 'User I/O'"));
        assertThat(number("SELECT SUM(dbtime_in_wait) FROM v$waitclassmetric")).isBetween(0.0, 100.0);
        assertThat(number("SELECT COUNT(*) FROM v$sessmetric")).isEqualTo(number("SELECT COUNT(*) FROM v$session WHERE type = 'USER'"));
        assertThat(number("SELECT SUM(logical_read_pct) FROM v$sessmetric")).isCloseTo(100, within(0.5));
    }

    @Test
    void aRestartNeverGivesNegativeRates() throws SQLException {
        seconds(40, Duration.ofSeconds(1));
        demo.restart();
        seconds(80, Duration.ofSeconds(1));
        assertThat(number("SELECT MIN(value) FROM v$sysmetric")).isGreaterThanOrEqualTo(0);
        assertThat(number("SELECT MAX(value) FROM v$sysmetric WHERE metric_unit LIKE '\\%%' ESCAPE '\\'")).isLessThanOrEqualTo(100);
    }

    @Test
    void activeSessionHistorySamplesTheActiveSessionsEverySecondForTwoMinutes() throws SQLException {
        seconds(10, Duration.ofSeconds(1));
        long sampleId = (long) number("SELECT MAX(sample_id) FROM v$active_session_history");
        assertThat(number("SELECT COUNT(*) FROM v$active_session_history WHERE sample_id = " + sampleId))
                .isEqualTo(number("SELECT COUNT(*) FROM v$session WHERE type = 'USER' AND status = 'ACTIVE' AND wait_class <> 'Idle'"));
        assertThat(number("SELECT COUNT(*) FROM v$active_session_history WHERE session_state NOT IN ('ON CPU', 'WAITING') "
                + "OR wait_class = 'Idle' OR (session_state = 'ON CPU' AND event IS NOT NULL)")).isZero();
        seconds(200, Duration.ofSeconds(1));
        assertThat(number("SELECT COUNT(DISTINCT sample_id) FROM v$active_session_history")).isBetween(100.0, 140.0);
        assertThat(number("SELECT COUNT(*) FROM v$active_session_history WHERE sql_id IS NOT NULL")).isPositive();
    }
}
