package io.vigil.target.demo;

import static io.vigil.target.demo.DemoSql.date;
import static io.vigil.target.demo.DemoSql.insert;
import static io.vigil.target.demo.DemoSql.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/**
 * Moves the demo instance on: counters grow with a load that swings over the hour, sessions go active and wait,
 * tablespaces fill, redo switches logs and fills the recovery area, the alert log gets lines and, rarely, incidents, and
 * now and then the instance restarts (counters start again from zero, as on a real restart).
 */
final class DemoWorkload {

    /** On average one restart in this long. */
    static final Duration MEAN_TIME_BETWEEN_RESTARTS = Duration.ofHours(12);
    private static final long LOG_BYTES = 512 * DemoSeed.MB;

    private final Random random;
    private Instant last;
    private double redoSinceSwitch;
    private final DemoAlertLog alertLog;
    private final DemoMetrics metricViews;
    private final DemoBursts bursts;

    /** {@code incidents} draws the alert log's incidents apart from {@code random}, which moves the figures. */
    DemoWorkload(Random random, Random incidents, Instant start) {
        this.random = random;
        this.last = start;
        this.alertLog = new DemoAlertLog(incidents, 1); // the seed wrote record 1
        this.metricViews = new DemoMetrics(new Random(start.getEpochSecond()), start); // its own draws leave the workload's as they were
        this.bursts = new DemoBursts(start);
    }

    /** Load between about 0.2 and 1.0: a swing over the hour, with noise. */
    double load(Instant now) {
        double phase = (now.getEpochSecond() % 3600) / 3600.0 * 2 * Math.PI;
        return Math.clamp(0.6 + 0.3 * Math.sin(phase) + random.nextGaussian() * 0.05, 0.15, 1.0);
    }

    /** Advances the instance to {@code now}; all of it in the caller's transaction. */
    void tick(Connection c, Instant now) throws SQLException {
        double dt = Math.max(0, Duration.between(last, now).toMillis() / 1000.0);
        last = now;
        if (dt == 0) {
            return;
        }
        if (random.nextDouble() < dt / MEAN_TIME_BETWEEN_RESTARTS.toSeconds()) {
            restart(c, now);
            return;
        }
        double load = load(now);
        int active = sessions(c, now, load) + bursts.tick(c, now);
        counters(c, dt, load, active);
        waits(c, dt, load);
        os(c, dt, load, active);
        space(c, dt, load);
        redo(c, now, dt, load);
        sql(c, now, dt, load);
        metrics(c, now);
        alertLog.maybeIncident(c, now, dt);
        DemoEstate.tick(c, now, dt, load);
    }

    /** The episodes Top Activity shows (I/O burst, lock chain, a statement on CPU), for tests. */
    DemoBursts bursts() {
        return bursts;
    }

    /** Writes an incident to the alert log now. */
    void incident(Connection c, Instant now, DemoIncident kind) throws SQLException {
        alertLog.write(c, now, kind);
    }

    private int sessions(Connection c, Instant now, double load) throws SQLException {
        int active = 0;
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT SID FROM V$SESSION WHERE TYPE = 'USER' ORDER BY SID");
             PreparedStatement upd = c.prepareStatement("UPDATE V$SESSION SET STATUS = ?, EVENT = ?, WAIT_CLASS = ?, STATE = ?, SQL_ID = ?, "
                     + "SECONDS_IN_WAIT = ?, WAIT_TIME_MICRO = ?, BLOCKING_SESSION = ?, BLOCKING_SESSION_STATUS = ?, LAST_CALL_ET = ? "
                     + "WHERE SID = ?")) {
            int blocker = -1;
            while (rs.next()) {
                int sid = rs.getInt(1);
                boolean isActive = random.nextDouble() < 0.05 + 0.22 * load;
                Object[] row;
                if (!isActive) {
                    row = new Object[] {"INACTIVE", "SQL*Net message from client", "Idle", "WAITING", null, random.nextInt(30), 0L, null, "NO HOLDER", random.nextInt(600)};
                } else {
                    active++;
                    DemoCatalog.Event e = pickWait();
                    String sqlId = DemoCatalog.SQL.get(random.nextInt(DemoCatalog.SQL.size())).sqlId();
                    boolean onCpu = e == null;
                    Integer blockedBy = null;
                    if (!onCpu && e.name().startsWith("enq: TX")) {
                        if (blocker < 0) {
                            blocker = sid; // the first such session holds the row; later ones queue behind it
                            e = DemoCatalog.EVENTS.get(0);
                        } else {
                            blockedBy = blocker;
                        }
                    }
                    row = new Object[] {"ACTIVE", onCpu ? "db file sequential read" : e.name(), onCpu ? "User I/O" : e.waitClass(),
                        onCpu ? "WAITED SHORT TIME" : "WAITING", sqlId, random.nextInt(3), (long) random.nextInt(20_000),
                        blockedBy, blockedBy == null ? "NO HOLDER" : "VALID", random.nextInt(5)};
                }
                for (int i = 0; i < row.length; i++) {
                    upd.setObject(i + 1, row[i]);
                }
                upd.setInt(row.length + 1, sid);
                upd.addBatch();
            }
            upd.executeBatch();
        }
        update(c, "DELETE FROM V$LOCK");
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT SID, BLOCKING_SESSION FROM V$SESSION WHERE BLOCKING_SESSION IS NOT NULL")) {
            while (rs.next()) {
                insert(c, "V$LOCK", "SID", rs.getInt(1), "TYPE", "TX", "ID1", 655_390, "ID2", 1_842, "LMODE", 0, "REQUEST", 6, "CTIME", 3, "BLOCK", 0, "CON_ID", 0);
                insert(c, "V$LOCK", "SID", rs.getInt(2), "TYPE", "TX", "ID1", 655_390, "ID2", 1_842, "LMODE", 6, "REQUEST", 0, "CTIME", 9, "BLOCK", 1, "CON_ID", 0);
            }
        }
        update(c, "UPDATE V$SYSSTAT SET VALUE = (SELECT COUNT(*) FROM V$SESSION WHERE TYPE = 'USER') WHERE NAME = 'logons current'");
        update(c, "UPDATE V$SYSSTAT SET VALUE = ? WHERE NAME = 'opened cursors current'", 180 + active * 6);
        update(c, "UPDATE V$RESOURCE_LIMIT SET CURRENT_UTILIZATION = (SELECT COUNT(*) FROM V$SESSION) WHERE RESOURCE_NAME IN ('processes', 'sessions')");
        update(c, "UPDATE V$RESOURCE_LIMIT SET MAX_UTILIZATION = GREATEST(MAX_UTILIZATION, CURRENT_UTILIZATION)");
        return active;
    }

    /** A wait event for an active session, or null for "on CPU". */
    private DemoCatalog.Event pickWait() {
        double r = random.nextDouble();
        if (r < 0.45) {
            return null;
        }
        if (r < 0.80) {
            return DemoCatalog.EVENTS.get(random.nextInt(3)); // user I/O
        }
        if (r < 0.90) {
            return DemoCatalog.EVENTS.get(3); // log file sync
        }
        if (r < 0.96) {
            return DemoCatalog.EVENTS.get(7 + random.nextInt(3)); // concurrency
        }
        return DemoCatalog.EVENTS.get(6); // row lock
    }

    private void counters(Connection c, double dt, double load, int active) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE V$SYSSTAT SET VALUE = VALUE + ? WHERE NAME = ?")) {
            for (DemoCatalog.Stat s : DemoCatalog.STATS) {
                if (s.perSecond() > 0) {
                    ps.setLong(1, Math.round(s.perSecond() * load * dt * (0.9 + random.nextDouble() * 0.2)));
                    ps.setString(2, s.name());
                    ps.addBatch();
                }
            }
            // DB time and CPU are in centiseconds: active sessions accumulate them
            ps.setLong(1, Math.round(100 * Math.max(active, 0.5) * dt));
            ps.setString(2, "DB time");
            ps.addBatch();
            ps.setLong(1, Math.round(100 * active * (0.3 + 0.25 * load) * dt)); // busier means more of DB time on CPU
            ps.setString(2, "CPU used by this session");
            ps.addBatch();
            ps.executeBatch();
        }
    }

    private void waits(Connection c, double dt, double load) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE V$SYSTEM_EVENT SET TOTAL_WAITS = TOTAL_WAITS + ?, "
                + "TIME_WAITED_MICRO = TIME_WAITED_MICRO + ?, TOTAL_WAITS_FG = TOTAL_WAITS_FG + ?, "
                + "TIME_WAITED_MICRO_FG = TIME_WAITED_MICRO_FG + ? WHERE EVENT = ?")) {
            for (DemoCatalog.Event e : DemoCatalog.EVENTS) {
                long waits = Math.round(e.perSecond() * load * dt * (0.8 + random.nextDouble() * 0.4));
                long micros = Math.round(waits * e.micros() * (0.7 + random.nextDouble() * 0.6));
                ps.setLong(1, waits);
                ps.setLong(2, micros);
                ps.setLong(3, waits * 9 / 10);
                ps.setLong(4, micros * 9 / 10);
                ps.setString(5, e.name());
                ps.addBatch();
            }
            ps.executeBatch();
        }
        update(c, "UPDATE V$SYSTEM_EVENT SET TIME_WAITED = TIME_WAITED_MICRO / 10000, TIME_WAITED_FG = TIME_WAITED_MICRO_FG / 10000, "
                + "AVERAGE_WAIT = CASE WHEN TOTAL_WAITS = 0 THEN 0 ELSE ROUND(TIME_WAITED_MICRO / 10000.0 / TOTAL_WAITS, 2) END");
        update(c, "UPDATE V$SYSTEM_WAIT_CLASS w SET TOTAL_WAITS = (SELECT SUM(TOTAL_WAITS) FROM V$SYSTEM_EVENT e WHERE e.WAIT_CLASS = w.WAIT_CLASS), "
                + "TIME_WAITED = (SELECT SUM(TIME_WAITED) FROM V$SYSTEM_EVENT e WHERE e.WAIT_CLASS = w.WAIT_CLASS), "
                + "TOTAL_WAITS_FG = (SELECT SUM(TOTAL_WAITS_FG) FROM V$SYSTEM_EVENT e WHERE e.WAIT_CLASS = w.WAIT_CLASS), "
                + "TIME_WAITED_FG = (SELECT SUM(TIME_WAITED_FG) FROM V$SYSTEM_EVENT e WHERE e.WAIT_CLASS = w.WAIT_CLASS)");
    }

    private void os(Connection c, double dt, double load, int active) throws SQLException {
        double busy = Math.clamp(0.08 + 0.7 * load + random.nextGaussian() * 0.04, 0.02, 0.99);
        long cs = Math.round(8 * 100 * dt); // 8 CPUs, centiseconds
        long busyCs = Math.round(cs * busy);
        addOs(c, "BUSY_TIME", busyCs);
        addOs(c, "IDLE_TIME", cs - busyCs);
        addOs(c, "USER_TIME", busyCs * 8 / 10);
        addOs(c, "SYS_TIME", busyCs - busyCs * 8 / 10);
        addOs(c, "IOWAIT_TIME", Math.round(cs * 0.05 * load));
        update(c, "UPDATE V$OSSTAT SET VALUE = ? WHERE STAT_NAME = 'LOAD'", Math.round((active * 0.8 + 0.5 + random.nextDouble()) * 100) / 100.0);
        update(c, "UPDATE V$OSSTAT SET VALUE = ? WHERE STAT_NAME = 'FREE_MEMORY_BYTES'",
                Math.round((8 + 2 * Math.sin(last.getEpochSecond() / 900.0)) * 1024) * DemoSeed.MB);
    }

    private static void addOs(Connection c, String name, long delta) throws SQLException {
        update(c, "UPDATE V$OSSTAT SET VALUE = VALUE + ? WHERE STAT_NAME = ?", delta, name);
    }

    private void space(Connection c, double dt, double load) throws SQLException {
        for (DemoCatalog.Tablespace t : DemoCatalog.TABLESPACES) {
            long grow = Math.round(t.growthBytesPerSecond() * load * dt);
            if (grow == 0) {
                continue;
            }
            update(c, "UPDATE DBA_FREE_SPACE SET BYTES = GREATEST(BYTES - ?, 0) WHERE TABLESPACE_NAME = ?", grow, t.name());
            // A DBA adds a file when a tablespace passes 97%: usage drops, as it does in real life.
            update(c, "UPDATE DBA_FREE_SPACE f SET BYTES = BYTES + (SELECT SUM(d.BYTES) FROM DBA_DATA_FILES d WHERE d.TABLESPACE_NAME = f.TABLESPACE_NAME) / 4 "
                    + "WHERE TABLESPACE_NAME = ? AND BYTES < (SELECT SUM(d.BYTES) FROM DBA_DATA_FILES d WHERE d.TABLESPACE_NAME = f.TABLESPACE_NAME) * 0.03", t.name());
            update(c, "UPDATE DBA_FREE_SPACE SET BLOCKS = BYTES / " + DemoSeed.BLOCK + " WHERE TABLESPACE_NAME = ?", t.name());
        }
        update(c, "UPDATE DBA_TABLESPACE_USAGE_METRICS m SET USED_SPACE = ((SELECT SUM(d.BYTES) FROM DBA_DATA_FILES d "
                + "WHERE d.TABLESPACE_NAME = m.TABLESPACE_NAME) - (SELECT SUM(f.BYTES) FROM DBA_FREE_SPACE f "
                + "WHERE f.TABLESPACE_NAME = m.TABLESPACE_NAME)) / " + DemoSeed.BLOCK + " WHERE m.TABLESPACE_NAME <> 'TEMP'");
        update(c, "UPDATE DBA_TABLESPACE_USAGE_METRICS SET USED_PERCENT = ROUND(100.0 * USED_SPACE / TABLESPACE_SIZE, 4)");
        long temp = DemoCatalog.TEMP_MB * DemoSeed.MB;
        long tempFree = Math.round(temp * Math.clamp(0.95 - 0.5 * load + random.nextGaussian() * 0.03, 0.2, 0.99));
        update(c, "UPDATE DBA_TEMP_FREE_SPACE SET FREE_SPACE = ?", tempFree);
        update(c, "UPDATE DBA_TABLESPACE_USAGE_METRICS SET USED_SPACE = ?, USED_PERCENT = ? WHERE TABLESPACE_NAME = 'TEMP'",
                (temp - tempFree) / DemoSeed.BLOCK, Math.round(10_000.0 * (temp - tempFree) / temp) / 100.0);
    }

    private void redo(Connection c, Instant now, double dt, double load) throws SQLException {
        double redo = 380_000 * load * dt;
        redoSinceSwitch += redo;
        update(c, "UPDATE V$RECOVERY_FILE_DEST SET SPACE_USED = SPACE_USED + ?", Math.round(redo));
        if (redoSinceSwitch >= LOG_BYTES / 8.0) { // small logs switch often enough to watch
            redoSinceSwitch = 0;
            long seq;
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(SEQUENCE#) FROM V$LOG")) {
                rs.next();
                seq = rs.getLong(1) + 1;
            }
            update(c, "UPDATE V$LOG SET STATUS = 'ACTIVE', ARCHIVED = 'YES', NEXT_TIME = ? WHERE STATUS = 'CURRENT'", date(now));
            update(c, "UPDATE V$LOG SET STATUS = 'INACTIVE' WHERE STATUS = 'ACTIVE' AND SEQUENCE# < ?", seq - 1);
            update(c, "UPDATE V$LOG SET SEQUENCE# = ?, STATUS = 'CURRENT', ARCHIVED = 'NO', FIRST_TIME = ?, NEXT_TIME = NULL "
                    + "WHERE SEQUENCE# = (SELECT MIN(SEQUENCE#) FROM V$LOG)", seq, date(now));
            insert(c, "V$LOG_HISTORY", "RECID", seq, "THREAD#", 1, "SEQUENCE#", seq - 1, "FIRST_TIME", date(now.minusSeconds(300)), "CON_ID", 0);
            alert(c, now, "Thread 1 advanced to log sequence " + seq + " (LGWR switch)", 16, "NOTIFICATION", nextRecord());
        }
        // The nightly backup job deletes obsolete archived logs once the area passes 85%.
        update(c, "UPDATE V$RECOVERY_FILE_DEST SET SPACE_USED = SPACE_LIMIT * 40 / 100 WHERE SPACE_USED > SPACE_LIMIT * 85 / 100");
        if (random.nextDouble() < dt / 1800.0) {
            alert(c, now, "ORA-01555: snapshot too old: rollback segment number 9 with name \"_SYSSMU9_1424341975$\" too small",
                    1, "INCIDENT_ERROR", nextRecord());
        }
    }

    private void sql(Connection c, Instant now, double dt, double load) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE V$SQLSTATS SET EXECUTIONS = EXECUTIONS + ?, ELAPSED_TIME = ELAPSED_TIME + ?, "
                + "CPU_TIME = CPU_TIME + ?, BUFFER_GETS = BUFFER_GETS + ?, DISK_READS = DISK_READS + ?, ROWS_PROCESSED = ROWS_PROCESSED + ?, "
                + "PARSE_CALLS = PARSE_CALLS + ?, USER_IO_WAIT_TIME = USER_IO_WAIT_TIME + ?, LAST_ACTIVE_TIME = ? WHERE SQL_ID = ?")) {
            for (DemoCatalog.Sql s : DemoCatalog.SQL) {
                double expected = s.perSecond() * load * dt;
                long execs = expected >= 1 ? Math.round(expected * (0.85 + random.nextDouble() * 0.3)) : (random.nextDouble() < expected ? 1 : 0);
                if (execs == 0) {
                    continue;
                }
                long elapsed = Math.round(execs * s.micros() * (0.8 + random.nextDouble() * 0.4));
                Object[] v = {execs, elapsed, elapsed * 55 / 100, Math.round(execs * s.getsPerExec()), Math.round(execs * s.readsPerExec()),
                    execs * 3, execs / 4, elapsed * 30 / 100, date(now), s.sqlId()};
                for (int i = 0; i < v.length; i++) {
                    ps.setObject(i + 1, v[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
        update(c, "UPDATE V$SQL q SET (EXECUTIONS, ELAPSED_TIME, CPU_TIME, BUFFER_GETS, DISK_READS, ROWS_PROCESSED, LAST_ACTIVE_TIME) = "
                + "(SELECT EXECUTIONS, ELAPSED_TIME, CPU_TIME, BUFFER_GETS, DISK_READS, ROWS_PROCESSED, LAST_ACTIVE_TIME FROM V$SQLSTATS s WHERE s.SQL_ID = q.SQL_ID)");
    }

    /** The metric views (V$SYSMETRIC and its kin, Active Session History), worked out from what this tick moved. */
    private void metrics(Connection c, Instant now) throws SQLException {
        metricViews.tick(c, now);
    }

    /** Shutdown and startup: a new startup time, counters from zero, sessions reconnected, a line in the alert log. */
    void restart(Connection c, Instant now) throws SQLException {
        update(c, "UPDATE V$INSTANCE SET STARTUP_TIME = ?", date(now));
        update(c, "UPDATE V$SYSSTAT SET VALUE = 0");
        update(c, "UPDATE V$SYSTEM_EVENT SET TOTAL_WAITS = 0, TOTAL_TIMEOUTS = 0, TIME_WAITED = 0, AVERAGE_WAIT = 0, TIME_WAITED_MICRO = 0, "
                + "TOTAL_WAITS_FG = 0, TIME_WAITED_FG = 0, TIME_WAITED_MICRO_FG = 0");
        update(c, "UPDATE V$SYSTEM_WAIT_CLASS SET TOTAL_WAITS = 0, TIME_WAITED = 0, TOTAL_WAITS_FG = 0, TIME_WAITED_FG = 0");
        update(c, "UPDATE V$OSSTAT SET VALUE = 0 WHERE CUMULATIVE = 'YES'");
        update(c, "UPDATE V$SQLSTATS SET EXECUTIONS = 0, ELAPSED_TIME = 0, CPU_TIME = 0, BUFFER_GETS = 0, DISK_READS = 0, ROWS_PROCESSED = 0, "
                + "PARSE_CALLS = 0, USER_IO_WAIT_TIME = 0");
        update(c, "UPDATE V$SESSION SET LOGON_TIME = ?, SERIAL# = SERIAL# + 1", date(now));
        alert(c, now, "Starting ORACLE instance (normal) (OS id: " + (4000 + random.nextInt(5000)) + ")", 16, "NOTIFICATION", nextRecord());
    }

    private long nextRecord() {
        return alertLog.nextRecord();
    }

    static void alert(Connection c, Instant now, String text, int level, String type, long record) throws SQLException {
        insert(c, "V$DIAG_ALERT_EXT", "ORIGINATING_TIMESTAMP", java.sql.Timestamp.from(now), "NORMALIZED_TIMESTAMP", java.sql.Timestamp.from(now),
                "ORGANIZATION_ID", "oracle", "COMPONENT_ID", "rdbms", "HOST_ID", "demo-db01", "MESSAGE_TYPE", "INCIDENT_ERROR".equals(type) ? 2 : 1,
                "MESSAGE_LEVEL", level, "MESSAGE_GROUP", "INCIDENT_ERROR".equals(type) ? "Generic Internal Error" : "startup",
                "MESSAGE_TEXT", text, "RECORD_ID", record, "FILENAME", "/u01/app/oracle/diag/rdbms/demo/demo/alert/log.xml",
                "PROBLEM_KEY", "INCIDENT_ERROR".equals(type) ? "ORA 1555" : null, "VERSION", 1, "CON_ID", 0);
    }
}
