package io.vigil.target.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLSyntaxErrorException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import io.vigil.target.FailureKind;
import io.vigil.target.Failures;
import io.vigil.testsupport.SettableClock;

/** Oracle's arithmetic, functions and (+) joins on the demo Oracle, through the JDBC URL its readers use. */
class DemoDialectTest {

    final SettableClock clock = new SettableClock(Instant.now());
    DemoOracle demo;
    Connection c;

    @BeforeEach
    void open() throws SQLException {
        demo = DemoOracle.create("DEMO", clock, 11);
        c = DriverManager.getConnection(demo.jdbcUrl(), "vigil", "");
        for (int i = 0; i < 5; i++) {
            clock.advance(Duration.ofSeconds(1));
            demo.tick();
        }
    }

    @AfterEach
    void close() throws SQLException {
        c.close();
        demo.close();
    }

    List<List<String>> rows(String sql) throws SQLException {
        List<List<String>> rows = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            int n = rs.getMetaData().getColumnCount();
            while (rs.next()) {
                List<String> row = new ArrayList<>();
                for (int i = 1; i <= n; i++) {
                    Object v = rs.getObject(i);
                    row.add(v instanceof BigDecimal d ? d.stripTrailingZeros().toPlainString() : String.valueOf(v));
                }
                rows.add(row);
            }
        }
        return rows;
    }

    Object one(String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            assertThat(rs.next()).as(sql).isTrue();
            return rs.getObject(1);
        }
    }

    double number(String sql) throws SQLException {
        return ((Number) one(sql)).doubleValue();
    }

    @Test
    void divisionIsNeverIntegerDivision() throws SQLException {
        assertThat(number("SELECT 1/24 FROM dual")).isCloseTo(1 / 24.0, within(1e-12));
        assertThat(number("SELECT 7 / 2 FROM dual")).isEqualTo(3.5);
        long sessions = ((Number) one("SELECT COUNT(*) FROM v$session")).longValue();
        assertThat(number("SELECT COUNT(*) / 3 FROM v$session")).isCloseTo(sessions / 3.0, within(1e-9));
        assertThat(number("SELECT ROUND(100 * 3 / 7, 2) FROM dual")).isEqualTo(42.86);
    }

    @Test
    void dateArithmeticIsInDaysAsOnOracle() throws SQLException {
        LocalDateTime now = ((Timestamp) one("SELECT SYSDATE FROM dual")).toLocalDateTime();
        LocalDateTime hourAgo = ((Timestamp) one("SELECT SYSDATE - 1/24 FROM dual")).toLocalDateTime();
        assertThat(Duration.between(hourAgo, now).toSeconds()).isBetween(3_599L, 3_601L);
        // the seed created SYS 800 days before the clock's start
        assertThat(number("SELECT SYSDATE - created FROM dba_users WHERE username = 'SYS'")).isBetween(799.9, 800.1);
        assertThat(number("SELECT ROUND((SYSDATE - startup_time) * 24) FROM v$instance")).isBetween(72.0, 83.0);
        assertThat(number("SELECT COUNT(*) FROM dba_users WHERE SYSDATE - created > 799 AND username = 'APP'")).isEqualTo(1);
        assertThat(number("SELECT COUNT(*) FROM dba_users WHERE SYSDATE - created > 801 AND username = 'APP'")).isZero();
        LocalDateTime ninetyMinutes = ((Timestamp) one("SELECT SYSDATE - NUMTODSINTERVAL(1.5, 'HOUR') FROM dual")).toLocalDateTime();
        assertThat(Duration.between(ninetyMinutes, now).toMinutes()).isBetween(89L, 90L);
        LocalDateTime yearAgo = ((Timestamp) one("SELECT SYSDATE - NUMTOYMINTERVAL(1, 'YEAR') FROM dual")).toLocalDateTime();
        assertThat(yearAgo.toLocalDate()).isEqualTo(now.toLocalDate().minusYears(1));
        // TIMESTAMP - TIMESTAMP stays an interval, as on Oracle
        assertThat(one("SELECT SYSTIMESTAMP - SYSTIMESTAMP FROM dual")).isNotInstanceOf(Number.class);
    }

    @Test
    void truncOfADateTakesOraclesFormats() throws SQLException {
        Timestamp start = (Timestamp) one("SELECT startup_time FROM v$instance");
        LocalDateTime s = start.toLocalDateTime();
        assertThat(((Timestamp) one("SELECT TRUNC(startup_time, 'MM') FROM v$instance")).toLocalDateTime())
                .isEqualTo(s.toLocalDate().withDayOfMonth(1).atStartOfDay());
        assertThat(((Timestamp) one("SELECT TRUNC(startup_time, 'HH24') FROM v$instance")).toLocalDateTime())
                .isEqualTo(s.withMinute(0).withSecond(0).withNano(0));
        assertThat(((Timestamp) one("SELECT TRUNC(startup_time) FROM v$instance")).toLocalDateTime()).isEqualTo(s.toLocalDate().atStartOfDay());
        assertThat(number("SELECT TRUNC(5.67, 1) FROM dual")).isEqualTo(5.6);
    }

    @Test
    void oraclesStringFunctions() throws SQLException {
        assertThat(number("SELECT INSTR('a,b,c', ',', 1, 2) FROM dual")).isEqualTo(4);
        assertThat(number("SELECT INSTR('a,b,c', ',', -1, 1) FROM dual")).isEqualTo(4);
        assertThat(number("SELECT LENGTHB('h\u00e9llo') FROM dual")).isEqualTo(6);
        assertThat(one("SELECT SUBSTRB('h\u00e9llo', 1, 2) FROM dual")).isEqualTo("h"); // \u00e9 takes two bytes: a half is left out
        assertThat(one("SELECT SUBSTRB('h\u00e9llo', 1, 3) FROM dual")).isEqualTo("h\u00e9");
        assertThat(number("SELECT INSTRB('h\u00e9llo', 'l') FROM dual")).isEqualTo(4);
        assertThat(number("SELECT TO_NUMBER('42.5') + 1 FROM dual")).isEqualTo(43.5);
        assertThat(one("SELECT DECODE(log_mode, 'ARCHIVELOG', 'yes', 'no') || NVL2(NULL, 'x', 'y') FROM v$database")).isEqualTo("yesy");
        assertThat(number("SELECT COUNT(*) FROM (SELECT sid FROM v$session ORDER BY sid DESC) WHERE ROWNUM <= 3")).isEqualTo(3);
    }

    @Test
    void sysContextAnswersFromTheInstance() throws SQLException {
        assertThat(one("SELECT SYS_CONTEXT('USERENV', 'DB_NAME') FROM dual")).isEqualTo(one("SELECT name FROM v$database"));
        assertThat(one("SELECT SYS_CONTEXT('userenv', 'instance_name') FROM dual")).isEqualTo(one("SELECT instance_name FROM v$instance"));
        assertThat(one("SELECT SYS_CONTEXT('USERENV', 'SERVER_HOST') FROM dual")).isEqualTo(one("SELECT host_name FROM v$instance"));
        assertThat(one("SELECT SYS_CONTEXT('USERENV', 'SESSION_USER') FROM dual")).isEqualTo("VIGIL");
        boolean cdb = "YES".equals(one("SELECT cdb FROM v$database"));
        assertThat(one("SELECT SYS_CONTEXT('USERENV', 'CON_ID') FROM dual")).isEqualTo(cdb ? "1" : "0");
        assertThat(one("SELECT SYS_CONTEXT('USERENV', 'CON_NAME') FROM dual")).isEqualTo(cdb ? "CDB$ROOT" : one("SELECT name FROM v$database"));
        assertThat(one("SELECT SYS_CONTEXT('USERENV', 'SID') FROM dual")).asString().containsOnlyDigits();
        assertThatThrownBy(() -> one("SELECT SYS_CONTEXT('USERENV', 'NO_SUCH_THING') FROM dual")).hasMessageContaining("ORA-02003");
    }

    @Test
    void everyVViewHasItsGvView() throws SQLException {
        for (String view : DemoSchema.views().keySet()) {
            if (view.startsWith("V$")) {
                long local = ((Number) one("SELECT COUNT(*) FROM " + view)).longValue();
                assertThat(number("SELECT COUNT(*) FROM G" + view + " WHERE inst_id = 1")).as("G" + view).isEqualTo(local);
            }
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM gv$instance")) {
            assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("INST_ID");
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT * FROM gv$sysstat")) {
            assertThat(rs.getMetaData().getColumnName(1)).isEqualTo("INST_ID");
            assertThat(rs.getMetaData().getColumnName(rs.getMetaData().getColumnCount())).isEqualTo("CON_ID");
        }
    }

    @Test
    void anOuterJoinWithPlusGivesTheRowsOfItsAnsiForm() throws SQLException {
        String[][] pairs = {
            {"SELECT s.sid, p.spid FROM v$session s, v$process p WHERE s.paddr = p.addr(+) ORDER BY s.sid",
                "SELECT s.sid, p.spid FROM v$session s LEFT JOIN v$process p ON s.paddr = p.addr ORDER BY s.sid"},
            // the filter on the optional table belongs to the join: every session stays, one finds LGWR's process
            {"SELECT s.sid, p.pname FROM v$session s, v$process p WHERE s.paddr = p.addr(+) AND p.pname(+) = 'LGWR' ORDER BY s.sid",
                "SELECT s.sid, p.pname FROM v$session s LEFT JOIN v$process p ON s.paddr = p.addr AND p.pname = 'LGWR' ORDER BY s.sid"},
            // (+) on the left, a third table inner-joined, and a chain through the optional table
            {"SELECT t.tablespace_name, d.file_name, f.bytes FROM dba_free_space f, dba_data_files d, dba_tablespaces t "
                + "WHERE f.file_id(+) = d.file_id AND d.tablespace_name(+) = t.tablespace_name AND t.status = 'ONLINE' ORDER BY 1, 2",
                "SELECT t.tablespace_name, d.file_name, f.bytes FROM dba_tablespaces t LEFT JOIN dba_data_files d ON d.tablespace_name = t.tablespace_name "
                + "LEFT JOIN dba_free_space f ON f.file_id = d.file_id WHERE t.status = 'ONLINE' ORDER BY 1, 2"},
            // in a subquery, with unqualified columns found by the view that has them
            {"SELECT COUNT(*), COUNT(pool) FROM (SELECT e.event, pool FROM v$system_event e, v$sgastat WHERE e.event = name(+) AND e.total_waits > 0)",
                "SELECT COUNT(*), COUNT(pool) FROM (SELECT e.event, pool FROM v$system_event e LEFT JOIN v$sgastat ON e.event = name WHERE e.total_waits > 0)"}};
        for (String[] pair : pairs) {
            List<List<String>> plus = rows(pair[0]);
            assertThat(plus).as(pair[0]).isNotEmpty().isEqualTo(rows(pair[1]));
        }
        // the optional side really is optional: sessions without a matching process keep their rows
        assertThat(rows(pairs[1][0]).stream().filter(r -> r.get(1).equals("null")).count()).isGreaterThan(1);
        assertThat(rows(pairs[1][0]).stream().filter(r -> r.get(1).equals("LGWR")).count()).isEqualTo(1);
    }

    @ParameterizedTest
    @ValueSource(strings = {
        "SELECT s.sid FROM v$session s, v$process p WHERE s.paddr = p.addr(+) OR s.sid = 1",
        "SELECT s.sid FROM v$session s JOIN v$instance i ON 1 = 1, v$process p WHERE s.paddr = p.addr(+)",
        "SELECT s.sid FROM v$session s, v$process p WHERE NVL(p.addr(+), s.paddr) = s.paddr",
        "SELECT a.sid FROM v$session a, v$session b WHERE a.sid = b.sid(+) AND b.serial# = a.serial#(+)",
        "SELECT s.sid FROM v$session s, v$process p WHERE s.paddr = x.addr(+)"})
    void aShapeWithNoSoundAnsiFormIsRefusedInWordsThatNameTheOperator(String sql) {
        assertThatThrownBy(() -> rows(sql))
                .isInstanceOfSatisfying(SQLSyntaxErrorException.class, e -> {
                    assertThat(e.getMessage()).contains("(+)").contains("LEFT JOIN").doesNotContain("Exception").doesNotContain("jsqlparser");
                    assertThat(Failures.classify(Failures.reading("x"), "demo", e).kind()).isEqualTo(FailureKind.BAD_SQL);
                });
    }

    @Test
    void sqlThatNeedsNothingReachesH2AsWritten() throws SQLException {
        String plain = "SELECT name, value FROM v$sysstat WHERE name IN ('user commits', 'execute count')";
        assertThat(DemoDialect.toH2(plain)).isSameAs(plain);
        String noRewrite = "SELECT (SELECT SUM(total_waits) FROM v$system_wait_class) - (SELECT SUM(total_waits) FROM v$system_event) FROM dual";
        assertThat(DemoDialect.toH2(noRewrite)).isSameAs(noRewrite);
        String unparsable = "SELECT 1 FROM dual CONNECT BY LEVEL <= 3 -- H2 says what it lacks";
        assertThat(DemoDialect.toH2(unparsable)).isSameAs(unparsable);
    }

    @Test
    void preparedStatementsAndTheirConnectionGoThroughTheDialect() throws SQLException {
        try (var ps = c.prepareStatement("SELECT COUNT(*) FROM v$session s, v$process p WHERE s.paddr = p.addr(+) AND s.sid > ? AND 1/24 > 0.04")) {
            ps.setInt(1, 0);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(((Number) one("SELECT COUNT(*) FROM v$session")).longValue());
            }
            assertThat(ps.getConnection()).isSameAs(c);
        }
    }
}
