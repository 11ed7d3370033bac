package io.vigil.target.demo;

import static org.assertj.core.api.Assertions.assertThat;

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

import io.vigil.testsupport.SettableClock;

/** The demo's Top Activity episodes: an I/O burst, a short lock chain and a statement on CPU, every few minutes. */
class DemoBurstsTest {

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

    /** Ticks a second at a time until the cycle is {@code phase} seconds in. */
    void tickTo(int phase) throws SQLException {
        do {
            clock.advance(Duration.ofSeconds(1));
            demo.tick();
        } while (demo.bursts().phase(clock.instant()) != phase);
    }

    List<String> rows(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                StringBuilder b = new StringBuilder();
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    b.append(i == 1 ? "" : "|").append(rs.getString(i));
                }
                out.add(b.toString());
            }
        }
        return out;
    }

    long scalar(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void anIoBurstPutsSixSessionsOnBlockReads() throws SQLException {
        tickTo(DemoBursts.IO_FROM + 10);
        List<String> readers = rows("SELECT SID, EVENT, WAIT_CLASS, SQL_ID FROM V$SESSION WHERE STATUS = 'ACTIVE' AND STATE = 'WAITING' "
                + "AND SQL_ID IN ('" + DemoBursts.IO_SQL_SCAN + "', '" + DemoBursts.IO_SQL_PURGE + "') AND EVENT LIKE 'db file s% read'");
        assertThat(readers).hasSizeGreaterThanOrEqualTo(6);
        assertThat(readers).allSatisfy(r -> assertThat(r).contains("|User I/O|"));
        assertThat(readers).anySatisfy(r -> assertThat(r).contains("db file scattered read"));
        assertThat(readers).anySatisfy(r -> assertThat(r).contains("db file sequential read"));
    }

    @Test
    void aLockChainHasOneHolderAndTwoWaitersForLessThanTheRulesFiveMinutes() throws SQLException {
        tickTo(DemoBursts.LOCK_FROM + 20);
        List<String> waiters = rows("SELECT SID, BLOCKING_SESSION, SECONDS_IN_WAIT FROM V$SESSION WHERE EVENT = '" + DemoBursts.ROW_LOCK
                + "' AND STATE = 'WAITING' AND WAIT_CLASS = 'Application' AND SQL_ID = '" + DemoBursts.LOCK_WAITER_SQL + "'");
        assertThat(waiters).hasSizeGreaterThanOrEqualTo(2);
        long holder = scalar("SELECT SID FROM V$SESSION WHERE SQL_ID = '" + DemoBursts.LOCK_HOLDER_SQL + "' AND STATUS = 'ACTIVE' "
                + "AND STATE <> 'WAITING' AND SID IN (SELECT BLOCKING_SESSION FROM V$SESSION WHERE SQL_ID = '" + DemoBursts.LOCK_WAITER_SQL + "')");
        assertThat(scalar("SELECT COUNT(*) FROM V$SESSION WHERE BLOCKING_SESSION = " + holder)).isEqualTo(2);
        assertThat(scalar("SELECT MAX(SECONDS_IN_WAIT) FROM V$SESSION WHERE BLOCKING_SESSION = " + holder)).isEqualTo(20);
        assertThat(scalar("SELECT COUNT(*) FROM V$LOCK WHERE SID = " + holder + " AND BLOCK = 1 AND LMODE = 6")).isEqualTo(1);

        long longest = 0;
        for (int i = 0; i < DemoBursts.CYCLE_SECONDS; i++) {
            clock.advance(Duration.ofSeconds(1));
            demo.tick();
            longest = Math.max(longest, scalar("SELECT COALESCE(MAX(SECONDS_IN_WAIT), 0) FROM V$SESSION WHERE BLOCKING_SESSION IS NOT NULL"));
        }
        assertThat(longest).as("the longest lock wait of a whole cycle").isEqualTo(DemoBursts.LOCK_SECONDS - 1).isLessThan(300);
    }

    @Test
    void aReportStatementRunsOnCpuInThreeSessionsAndItsTextIsInVsql() throws SQLException {
        tickTo(DemoBursts.CPU_FROM + 30);
        assertThat(scalar("SELECT COUNT(*) FROM V$SESSION WHERE SQL_ID = '" + DemoBursts.CPU_SQL + "' AND STATUS = 'ACTIVE' "
                + "AND STATE <> 'WAITING'")).isGreaterThanOrEqualTo(3);
        for (String sqlId : List.of(DemoBursts.CPU_SQL, DemoBursts.IO_SQL_SCAN, DemoBursts.IO_SQL_PURGE, DemoBursts.LOCK_HOLDER_SQL,
                DemoBursts.LOCK_WAITER_SQL)) {
            assertThat(rows("SELECT SQL_TEXT FROM V$SQL WHERE SQL_ID = '" + sqlId + "'")).as(sqlId).singleElement().asString().isNotBlank();
        }
    }
}
