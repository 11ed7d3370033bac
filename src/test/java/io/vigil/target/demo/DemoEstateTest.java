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
import org.junit.jupiter.api.Test;

import io.vigil.testsupport.SettableClock;

/** The demo's standby, backups, containers and the rest move as a real estate would while its clock runs. */
class DemoEstateTest {

    final SettableClock clock = new SettableClock(Instant.parse("2026-11-25T10:00:00Z"));
    DemoOracle demo;
    Connection c;

    void open(boolean cdb) throws SQLException {
        demo = DemoOracle.create("DEMO", clock, 42, cdb);
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

    List<String> strings(String sql) throws SQLException {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    /** Moves the clock on in steps of a minute, as the ticker would (a restart on the way is harmless here). */
    void run(Duration d) throws SQLException {
        for (long m = 0; m < d.toMinutes(); m++) {
            clock.advance(Duration.ofMinutes(1));
            demo.tick();
        }
    }

    @Test
    void backupsKeepToTheirScheduleAsTheClockRuns() throws SQLException {
        open(false);
        long archived = scalar("SELECT COUNT(*) FROM v$rman_backup_job_details WHERE input_type = 'ARCHIVELOG'");
        long incremental = scalar("SELECT COUNT(*) FROM v$rman_backup_job_details WHERE input_type = 'DB INCR'");
        run(Duration.ofHours(7));
        assertThat(scalar("SELECT COUNT(*) FROM v$rman_backup_job_details WHERE input_type = 'ARCHIVELOG'")).isEqualTo(archived + 1);
        run(Duration.ofHours(18));
        assertThat(scalar("SELECT COUNT(*) FROM v$rman_backup_job_details WHERE input_type = 'DB INCR'")).isEqualTo(incremental + 1);
        assertThat(strings("SELECT DISTINCT status FROM v$rman_backup_job_details")).containsExactly("COMPLETED");
    }

    @Test
    void aStandbyPutBehindLagsAndMissesLogsUntilRelieved() throws SQLException {
        open(false);
        assertThat(strings("SELECT value FROM v$dataguard_stats WHERE name = 'apply lag'")).singleElement()
                .satisfies(v -> assertThat(v).matches("\\+00 00:00:\\d\\d"));
        assertThat(scalar("SELECT COUNT(*) FROM v$archive_gap")).isZero();
        demo.press(DemoPressure.STANDBY_BEHIND);
        assertThat(strings("SELECT value FROM v$dataguard_stats WHERE name = 'apply lag'")).containsExactly("+00 00:20:00");
        assertThat(scalar("SELECT high_sequence# - low_sequence# + 1 FROM v$archive_gap")).isEqualTo(3);
        demo.relieve(DemoPressure.STANDBY_BEHIND);
        demo.tick();
        assertThat(scalar("SELECT COUNT(*) FROM v$archive_gap")).isZero();
        assertThat(strings("SELECT value FROM v$dataguard_stats WHERE name = 'apply lag'")).singleElement()
                .satisfies(v -> assertThat(v).startsWith("+00 00:00:"));
    }

    @Test
    void aCdbHoldsItsRootSeedAndThreePdbsWithTheirSessionsAndTablespaces() throws SQLException {
        open(true);
        assertThat(strings("SELECT cdb FROM v$database")).containsExactly("YES");
        assertThat(strings("SELECT name FROM v$containers ORDER BY con_id")).containsExactly("CDB$ROOT", "PDB$SEED", "SALES", "HR", "CRM");
        assertThat(scalar("SELECT COUNT(*) FROM v$session WHERE con_id IS NULL OR con_id = 0")).isZero();
        assertThat(scalar("SELECT COUNT(DISTINCT con_id) FROM v$session WHERE type = 'USER'")).isEqualTo(4);
        assertThat(scalar("SELECT COUNT(DISTINCT con_id) FROM cdb_tablespace_usage_metrics")).isEqualTo(4); // the root and three PDBs
        double before = scalar("SELECT used_space FROM cdb_tablespace_usage_metrics WHERE con_id = 3 AND tablespace_name = 'APP_DATA'");
        run(Duration.ofMinutes(10));
        assertThat((double) scalar("SELECT used_space FROM cdb_tablespace_usage_metrics WHERE con_id = 3 AND tablespace_name = 'APP_DATA'"))
                .isGreaterThan(before);
    }

    @Test
    void aNonCdbIsOneContainerAsOn12cAndLater() throws SQLException {
        open(false);
        assertThat(strings("SELECT cdb FROM v$database")).containsExactly("NO");
        assertThat(strings("SELECT con_id || ' ' || name FROM v$containers")).containsExactly("0 DEMO");
        assertThat(scalar("SELECT COUNT(*) FROM v$session WHERE con_id <> 0")).isZero();
    }
}
