package io.vigil.target.demo;

import static io.vigil.target.demo.DemoSql.date;
import static io.vigil.target.demo.DemoSql.insert;
import static io.vigil.target.demo.DemoSql.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * What a DBA checks each morning on the demo instance: its standby (Data Guard lag and gaps), RMAN backups, accounts and
 * their password expiry, invalid objects, scheduler and DBMS_JOB failures, redo log history, ASM disk groups, temp and
 * undo use, the V$SYSMETRIC figures and limits the rest of the demo does not hold, and, when it plays a container
 * database, its pluggable databases. Seeded once; {@link #tick} keeps the moving parts moving.
 */
final class DemoEstate {

    /** The pluggable databases a demo CDB holds, with the used share of their application tablespace. */
    static final List<String> PDBS = List.of("SALES", "HR", "CRM");
    /** Accounts the application side owns: username, status, days to password expiry (null: never), days since locked. */
    private static final Object[][] ACCOUNTS = {
        {"APP", "OPEN", 140, null}, {"BATCH", "OPEN", 12, null}, {"REPORTING", "EXPIRED(GRACE)", 4, null},
        {"DBA_ANNA", "OPEN", 23, null}, {"ETL_OLD", "LOCKED", null, 40}, {"AUDITOR", "EXPIRED & LOCKED", -30, 30},
        {"WEB_RO", "OPEN", null, null}};
    /** Accounts Oracle creates and maintains: locked and expired as shipped, left out of the password figures. */
    private static final String[] MAINTAINED = {"SYS", "SYSTEM", "DBSNMP", "OUTLN", "XDB", "APPQOSSYS", "GSMADMIN_INTERNAL", "AUDSYS"};
    /** Sysmetric rows the pack reads (group 2, the 60 s group), added when the workload does not write them itself. */
    private static final Object[][] SYSMETRIC = {
        {2106, "SQL Service Response Time", "CentiSeconds Per Call"}, {2018, "Logons Per Sec", "Logons Per Second"},
        {2121, "Executions Per Sec", "Executes Per Second"}, {2016, "Redo Generated Per Sec", "Bytes Per Second"},
        {2147, "Average Active Sessions", "Active Sessions"}, {2057, "Host CPU Utilization (%)", "% Busy/(Idle+Busy)"},
        {2000, "Buffer Cache Hit Ratio", "% (LogRead - PhyRead)/LogRead"}, {2004, "Physical Reads Per Sec", "Reads Per Second"}};
    private static final int UNDO_EXTENTS = 240;

    private DemoEstate() {
    }

    static void seed(Connection c, String name, Instant now, boolean cdb) throws SQLException {
        dataGuard(c, now);
        users(c, now);
        objects(c, now);
        jobs(c, now);
        logHistory(c, now);
        asm(c);
        backups(c, now);
        undo(c, now);
        if (count(c, "SELECT COUNT(*) FROM V$PARAMETER WHERE NAME = 'db_files'") == 0) {
            insert(c, "V$PARAMETER", "NUM", 443, "NAME", "db_files", "TYPE", 3, "VALUE", "200", "DISPLAY_VALUE", "200", "DEFAULT_VALUE", "200",
                    "ISDEFAULT", "TRUE", "CON_ID", 0);
        }
        containers(c, name, now, cdb);
        tick(c, now, 0, 0.6);
    }

    /** Moves the estate on to {@code now}: lags, temp use, undo, sysmetric figures and the backup schedule. */
    static void tick(Connection c, Instant now, double dt, double load) throws SQLException {
        Random random = new Random(now.toEpochMilli()); // its own draws: the workload's figures stay as they were
        update(c, "UPDATE V$DATAGUARD_STATS SET VALUE = ?, TIME_COMPUTED = ?, DATUM_TIME = ? WHERE NAME = 'transport lag'",
                interval(random.nextInt(3)), stamp(now), stamp(now));
        update(c, "UPDATE V$DATAGUARD_STATS SET VALUE = ?, TIME_COMPUTED = ?, DATUM_TIME = ? WHERE NAME = 'apply lag'",
                interval(2 + random.nextInt(4 + (int) (6 * load))), stamp(now), stamp(now));
        update(c, "UPDATE V$DATAGUARD_STATS SET TIME_COMPUTED = ?, DATUM_TIME = ? WHERE NAME NOT IN ('transport lag', 'apply lag')",
                stamp(now), stamp(now));
        tempUse(c, load, random);
        int active = (int) Math.round(6 + 30 * load);
        update(c, "UPDATE DBA_UNDO_EXTENTS SET STATUS = CASE WHEN EXTENT_ID < ? THEN 'ACTIVE' WHEN MOD(EXTENT_ID, 10) < 6 THEN 'UNEXPIRED' "
                + "ELSE 'EXPIRED' END", active);
        sysmetric(c, now, load, random);
        schedule(c, now);
        update(c, "UPDATE V$SESSION SET CON_ID = (SELECT CASE WHEN CDB = 'YES' THEN 3 ELSE 0 END FROM V$DATABASE) WHERE CON_ID IS NULL");
        if (dt > 0) {
            // the first PDB's application data grows with the load; its DBA adds space at 92 %, as on the non-CDB side
            update(c, "UPDATE CDB_TABLESPACE_USAGE_METRICS SET USED_SPACE = USED_SPACE + ? WHERE CON_ID = 3 AND TABLESPACE_NAME = 'APP_DATA'",
                    Math.max(1, Math.round(load * dt * 2)));
            update(c, "UPDATE CDB_TABLESPACE_USAGE_METRICS SET TABLESPACE_SIZE = TABLESPACE_SIZE + TABLESPACE_SIZE / 4 "
                    + "WHERE USED_SPACE > TABLESPACE_SIZE * 0.92");
            update(c, "UPDATE CDB_TABLESPACE_USAGE_METRICS SET USED_PERCENT = ROUND(100.0 * USED_SPACE / TABLESPACE_SIZE, 4) WHERE CON_ID = 3");
        }
    }

    /** Marks every completed RMAN job failed, or back (see {@link DemoPressure#BACKUPS_FAILING}). */
    static void backupsFailing(Connection c, boolean failing) throws SQLException {
        update(c, "UPDATE V$RMAN_BACKUP_JOB_DETAILS SET STATUS = ? WHERE STATUS = ?", failing ? "FAILED" : "COMPLETED",
                failing ? "COMPLETED" : "FAILED");
    }

    /** Puts the standby behind with a gap, or brings it back in step (the next tick moves the lags on from there). */
    static void standbyBehind(Connection c, long heldSeconds, boolean behind) throws SQLException {
        if (!behind) {
            update(c, "DELETE FROM V$ARCHIVE_GAP");
            update(c, "UPDATE V$DATAGUARD_STATS SET VALUE = ? WHERE NAME = 'apply lag'", interval(4));
            update(c, "UPDATE V$DATAGUARD_STATS SET VALUE = ? WHERE NAME = 'transport lag'", interval(1));
            return;
        }
        update(c, "UPDATE V$DATAGUARD_STATS SET VALUE = ? WHERE NAME = 'apply lag'", interval(1_200 + heldSeconds));
        update(c, "UPDATE V$DATAGUARD_STATS SET VALUE = ? WHERE NAME = 'transport lag'", interval(480 + heldSeconds));
        if (count(c, "SELECT COUNT(*) FROM V$ARCHIVE_GAP") == 0) {
            long current = count(c, "SELECT MAX(SEQUENCE#) FROM V$LOG");
            insert(c, "V$ARCHIVE_GAP", "THREAD#", 1, "LOW_SEQUENCE#", current - 6, "HIGH_SEQUENCE#", current - 4, "CON_ID", 0);
        }
    }

    /** A lag as V$DATAGUARD_STATS writes it: '+DD HH:MI:SS'. */
    static String interval(long seconds) {
        return String.format(Locale.ROOT, "+%02d %02d:%02d:%02d", seconds / 86_400, seconds / 3600 % 24, seconds / 60 % 60, seconds % 60);
    }

    private static String stamp(Instant at) {
        return java.time.format.DateTimeFormatter.ofPattern("MM/dd/yyyy HH:mm:ss").format(date(at).toLocalDateTime());
    }

    private static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    private static void dataGuard(Connection c, Instant now) throws SQLException {
        update(c, "UPDATE V$DATABASE SET PROTECTION_MODE = 'MAXIMUM PERFORMANCE', PROTECTION_LEVEL = 'MAXIMUM PERFORMANCE', "
                + "SWITCHOVER_STATUS = 'TO STANDBY', DATAGUARD_BROKER = 'ENABLED', GUARD_STATUS = 'NONE'");
        insert(c, "V$ARCHIVE_DEST", "DEST_ID", 2, "DEST_NAME", "LOG_ARCHIVE_DEST_2", "STATUS", "VALID", "BINDING", "OPTIONAL",
                "TARGET", "STANDBY", "DESTINATION", "demo_stby", "ERROR", "");
        insert(c, "V$ARCHIVE_DEST_STATUS", "DEST_ID", 2, "DEST_NAME", "LOG_ARCHIVE_DEST_2", "STATUS", "VALID", "TYPE", "PHYSICAL",
                "DATABASE_MODE", "OPEN_READ-ONLY", "RECOVERY_MODE", "MANAGED REAL TIME APPLY", "DESTINATION", "demo_stby", "ERROR", "");
        Object[][] stats = {{"transport lag", "+00 00:00:01", "day(2) to second(0) interval"},
            {"apply lag", "+00 00:00:04", "day(2) to second(0) interval"}, {"apply finish time", "+00 00:00:00.120", "day(2) to second(3) interval"},
            {"estimated startup time", "14", "second"}};
        for (Object[] s : stats) {
            insert(c, "V$DATAGUARD_STATS", "SOURCE_DBID", DemoSeed.DBID, "SOURCE_DB_UNIQUE_NAME", "DEMO_STBY", "NAME", s[0], "VALUE", s[1],
                    "UNIT", s[2], "TIME_COMPUTED", stamp(now), "DATUM_TIME", stamp(now), "CON_ID", 0);
        }
    }

    private static void users(Connection c, Instant now) throws SQLException {
        update(c, "UPDATE DBA_USERS SET ORACLE_MAINTAINED = CASE WHEN USERNAME IN ('SYS', 'SYSTEM') THEN 'Y' ELSE 'N' END, COMMON = 'NO'");
        for (int i = 2; i < MAINTAINED.length; i++) {
            insert(c, "DBA_USERS", "USERNAME", MAINTAINED[i], "USER_ID", 20 + i, "ACCOUNT_STATUS", "EXPIRED & LOCKED", "LOCK_DATE",
                    date(now.minus(Duration.ofDays(800))), "EXPIRY_DATE", date(now.minus(Duration.ofDays(800))), "DEFAULT_TABLESPACE", "SYSAUX",
                    "TEMPORARY_TABLESPACE", "TEMP", "CREATED", date(now.minus(Duration.ofDays(900))), "PROFILE", "DEFAULT", "COMMON", "NO",
                    "ORACLE_MAINTAINED", "Y");
        }
        for (Object[] a : ACCOUNTS) {
            Object expiry = a[2] == null ? null : date(now.plus(Duration.ofDays((Integer) a[2])).plus(Duration.ofHours(5)));
            Object locked = a[3] == null ? null : date(now.minus(Duration.ofDays((Integer) a[3])));
            if (count(c, "SELECT COUNT(*) FROM DBA_USERS WHERE USERNAME = '" + a[0] + "'") == 0) {
                insert(c, "DBA_USERS", "USERNAME", a[0], "USER_ID", 100 + Math.abs(a[0].hashCode() % 900), "DEFAULT_TABLESPACE", "USERS",
                        "TEMPORARY_TABLESPACE", "TEMP", "CREATED", date(now.minus(Duration.ofDays(400))), "PROFILE", "APP_USERS", "COMMON", "NO",
                        "ORACLE_MAINTAINED", "N");
            }
            update(c, "UPDATE DBA_USERS SET ACCOUNT_STATUS = ?, EXPIRY_DATE = ?, LOCK_DATE = ?, PROFILE = 'APP_USERS' WHERE USERNAME = ?",
                    a[1], expiry, locked, a[0]);
        }
    }

    private static void objects(Connection c, Instant now) throws SQLException {
        Object[][] objects = {{"APP", "ORDERS", "TABLE", "VALID"}, {"APP", "ORDER_LINES", "TABLE", "VALID"}, {"APP", "BILLING", "PACKAGE", "VALID"},
            {"APP", "BILLING", "PACKAGE BODY", "INVALID"}, {"APP", "V_OPEN_ORDERS", "VIEW", "VALID"}, {"APP", "V_LEGACY_STOCK", "VIEW", "INVALID"},
            {"APP", "TRG_STOCK_AUDIT", "TRIGGER", "INVALID"}, {"REPORTING", "MONTHLY_SALES", "PROCEDURE", "INVALID"},
            {"REPORTING", "MV_REVENUE", "MATERIALIZED VIEW", "VALID"}, {"BATCH", "LOAD_FEED", "PROCEDURE", "VALID"},
            {"SYS", "DBMS_STATS", "PACKAGE BODY", "VALID"}, {"SYS", "UTL_RECOMP", "PACKAGE BODY", "VALID"}};
        int id = 70_000;
        for (Object[] o : objects) {
            boolean maintained = "SYS".equals(o[0]);
            insert(c, "DBA_OBJECTS", "OWNER", o[0], "OBJECT_NAME", o[1], "OBJECT_ID", id, "DATA_OBJECT_ID", "TABLE".equals(o[2]) ? id : null,
                    "OBJECT_TYPE", o[2], "CREATED", date(now.minus(Duration.ofDays(300))), "LAST_DDL_TIME", date(now.minus(Duration.ofDays(id % 9))),
                    "STATUS", o[3], "TEMPORARY", "N", "GENERATED", "N", "SECONDARY", "N", "NAMESPACE", "TABLE".equals(o[2]) ? 1 : 2,
                    "SHARING", maintained ? "METADATA LINK" : "NONE", "EDITIONABLE", "TABLE".equals(o[2]) ? null : "Y",
                    "ORACLE_MAINTAINED", maintained ? "Y" : "N");
            id++;
        }
    }

    private static void jobs(Connection c, Instant now) throws SQLException {
        Object[][] runs = {{"APP", "PURGE_SESSIONS", "SUCCEEDED", 0, 1}, {"APP", "PURGE_SESSIONS", "SUCCEEDED", 0, 7},
            {"BATCH", "NIGHTLY_LOAD", "FAILED", 1652, 9}, {"BATCH", "NIGHTLY_LOAD", "SUCCEEDED", 0, 33},
            {"REPORTING", "REFRESH_MV_REVENUE", "FAILED", 12008, 3}, {"SYS", "GATHER_STATS_JOB", "SUCCEEDED", 0, 15},
            {"REPORTING", "REFRESH_MV_REVENUE", "STOPPED", 0, 40}};
        long log = 52_000;
        for (Object[] r : runs) {
            OffsetDateTime at = Timestamp.from(now.minus(Duration.ofHours((Integer) r[4]))).toInstant().atZone(ZoneId.systemDefault())
                    .toOffsetDateTime();
            String info = "FAILED".equals(r[2]) ? ((Integer) r[3] == 1652
                    ? "ORA-01652: unable to extend temp segment by 128 in tablespace TEMP" : "ORA-12008: error in materialized view refresh path")
                    : null;
            insert(c, "DBA_SCHEDULER_JOB_RUN_DETAILS", "LOG_ID", log++, "LOG_DATE", at, "OWNER", r[0], "JOB_NAME", r[1], "STATUS", r[2],
                    "ERROR#", r[3], "REQ_START_DATE", at.minusMinutes(12), "ACTUAL_START_DATE", at.minusMinutes(12), "INSTANCE_ID", 1,
                    "SESSION_ID", "812,4471", "SLAVE_PID", "30517", "ADDITIONAL_INFO", info, "ERRORS", info);
        }
        Object[][] legacy = {{1, "APP", "N", 0, "app_stats.refresh;"}, {2, "REPORTING", "Y", 16, "reports.mail_daily;"},
            {3, "BATCH", "N", 2, "batch_util.cleanup;"}};
        for (Object[] j : legacy) {
            insert(c, "DBA_JOBS", "JOB", j[0], "LOG_USER", j[1], "PRIV_USER", j[1], "SCHEMA_USER", j[1],
                    "LAST_DATE", date(now.minus(Duration.ofHours(20))), "NEXT_DATE", "Y".equals(j[2]) ? date(Instant.parse("4000-01-01T00:00:00Z"))
                            : date(now.plus(Duration.ofHours(4))), "TOTAL_TIME", 1_840, "BROKEN", j[2], "INTERVAL", "SYSDATE + 1",
                    "FAILURES", j[3], "WHAT", j[4], "INSTANCE", 0);
        }
    }

    private static void logHistory(Connection c, Instant now) throws SQLException {
        // a day of switches before the workload's own, busier in the working hours; sequences end below the seeded online logs
        List<Instant> switches = new ArrayList<>();
        for (Instant t = now.minus(Duration.ofMinutes(6)); t.isAfter(now.minus(Duration.ofHours(26))); ) {
            switches.add(t);
            int hour = t.atZone(ZoneId.systemDefault()).getHour();
            t = t.minus(Duration.ofMinutes(hour >= 8 && hour < 19 ? 4 : 11));
        }
        long seq = 4_410;
        for (Instant t : switches) {
            insert(c, "V$LOG_HISTORY", "RECID", seq, "STAMP", 1_100_000_000L + seq, "THREAD#", 1, "SEQUENCE#", seq,
                    "FIRST_CHANGE#", 48_000_000_000L + seq * 40_000, "FIRST_TIME", date(t), "NEXT_CHANGE#", 48_000_000_000L + (seq + 1) * 40_000,
                    "CON_ID", 0);
            seq--;
        }
    }

    private static void asm(Connection c) throws SQLException {
        Object[][] groups = {{1, "DATA", "EXTERN", 4_194_304L, 1_215_000L, 0}, {2, "RECO", "EXTERN", 1_048_576L, 545_000L, 0}};
        for (Object[] g : groups) {
            insert(c, "V$ASM_DISKGROUP_STAT", "GROUP_NUMBER", g[0], "NAME", g[1], "SECTOR_SIZE", 512, "LOGICAL_SECTOR_SIZE", 512,
                    "BLOCK_SIZE", 4096, "ALLOCATION_UNIT_SIZE", 4_194_304, "STATE", "CONNECTED", "TYPE", g[2], "TOTAL_MB", g[3], "FREE_MB", g[4],
                    "HOT_USED_MB", 0, "COLD_USED_MB", (Long) g[3] - (Long) g[4], "REQUIRED_MIRROR_FREE_MB", 0, "USABLE_FILE_MB", g[4],
                    "OFFLINE_DISKS", g[5], "COMPATIBILITY", "19.0.0.0.0", "DATABASE_COMPATIBILITY", "19.0.0.0.0", "VOTING_FILES", "N", "CON_ID", 0);
        }
    }

    private static void backups(Connection c, Instant now) throws SQLException {
        long key = 1_200;
        for (int h = 2; h < 72; h += 6) { // archived logs every six hours, the last a couple of hours ago
            backup(c, key++, "ARCHIVELOG", now.minus(Duration.ofHours(h)), 6, 14L * 1024);
        }
    }

    static void backup(Connection c, long key, String type, Instant start, int minutes, long outputMb) throws SQLException {
        insert(c, "V$RMAN_BACKUP_JOB_DETAILS", "SESSION_KEY", key, "SESSION_RECID", key, "SESSION_STAMP", 1_150_000_000L + key,
                "COMMAND_ID", type.equals("ARCHIVELOG") ? "BACKUP_ARCH" : "BACKUP_DAILY", "START_TIME", date(start),
                "END_TIME", date(start.plus(Duration.ofMinutes(minutes))), "INPUT_BYTES", outputMb * 3 * DemoSeed.MB, "OUTPUT_BYTES", outputMb * DemoSeed.MB,
                "OUTPUT_DEVICE_TYPE", "DISK", "STATUS", "COMPLETED", "INPUT_TYPE", type, "OPTIMIZED", "NO", "ELAPSED_SECONDS", minutes * 60,
                "COMPRESSION_RATIO", 3.0, "TIME_TAKEN_DISPLAY", String.format(Locale.ROOT, "%02d:%02d:00", minutes / 60, minutes % 60), "CON_ID", 0);
    }

    // The backup schedule while the demo runs: archived logs every six hours, a daily incremental and a weekly full.
    private static void schedule(Connection c, Instant now) throws SQLException {
        Object[][] plan = {{"ARCHIVELOG", 6, 6, 14L * 1024}, {"DB INCR", 24, 52, 22L * 1024}, {"DB FULL", 24 * 7, 170, 160L * 1024}};
        for (Object[] p : plan) {
            try (PreparedStatement ps = c.prepareStatement("SELECT MAX(START_TIME), MAX(SESSION_KEY) FROM V$RMAN_BACKUP_JOB_DETAILS WHERE INPUT_TYPE = ?")) {
                ps.setString(1, (String) p[0]);
                try (ResultSet rs = ps.executeQuery()) {
                    rs.next();
                    Timestamp last = rs.getTimestamp(1);
                    if (last != null && last.toLocalDateTime().isAfter(date(now.minus(Duration.ofHours((Integer) p[1]))).toLocalDateTime())) {
                        continue;
                    }
                }
            }
            backup(c, 1 + count(c, "SELECT MAX(SESSION_KEY) FROM V$RMAN_BACKUP_JOB_DETAILS"), (String) p[0],
                    now.minus(Duration.ofMinutes((Integer) p[2] + 1)), (Integer) p[2], (Long) p[3]);
        }
    }

    private static void undo(Connection c, Instant now) throws SQLException {
        for (int i = 0; i < UNDO_EXTENTS; i++) {
            int segment = 1 + i % 10;
            long bytes = (i % 7 == 0 ? 8 : 1) * DemoSeed.MB;
            insert(c, "DBA_UNDO_EXTENTS", "OWNER", "SYS", "SEGMENT_NAME", "_SYSSMU" + segment + "_1424341975$", "TABLESPACE_NAME", "UNDOTBS1",
                    "EXTENT_ID", i, "FILE_ID", 3, "BLOCK_ID", 128 + i * 128, "BYTES", bytes, "BLOCKS", bytes / DemoSeed.BLOCK, "RELATIVE_FNO", 3,
                    "COMMIT_JTIME", null, "COMMIT_WTIME", null, "STATUS", "EXPIRED");
        }
    }

    private static void tempUse(Connection c, double load, Random random) throws SQLException {
        update(c, "DELETE FROM V$TEMPSEG_USAGE");
        List<Object[]> sessions = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT SADDR, SID, SERIAL#, USERNAME, SQL_ID FROM V$SESSION WHERE TYPE = 'USER' AND STATUS = 'ACTIVE' ORDER BY SID")) {
            while (rs.next() && sessions.size() < 4) {
                sessions.add(new Object[] {rs.getBytes(1), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getString(5)});
            }
        }
        for (int i = 0; i < sessions.size(); i++) {
            Object[] s = sessions.get(i);
            boolean big = i == 0 && load > 0.7; // a big sort or hash join when the load peaks
            long blocks = Math.round((big ? 40_000 : 600 + random.nextInt(2_400)) * (0.5 + load));
            insert(c, "V$TEMPSEG_USAGE", "USERNAME", s[3], "USER", s[3], "SESSION_ADDR", s[0], "SESSION_NUM", s[2],
                    "SQL_ID", s[4] == null ? "5ms6rbzdnq16t" : s[4], "TABLESPACE", "TEMP", "CONTENTS", "TEMPORARY", "SEGTYPE", i % 2 == 0 ? "SORT" : "HASH",
                    "SEGFILE#", 201, "SEGBLK#", 4_096 * (i + 1), "EXTENTS", blocks / 128 + 1, "BLOCKS", blocks, "SEGRFNO#", 1, "TS#", 3, "CON_ID", 0);
        }
    }

    private static void sysmetric(Connection c, Instant now, double load, Random random) throws SQLException {
        double[] values = {0.35 + 0.6 * load + random.nextDouble() * 0.1, 0.4 * load + random.nextDouble() * 0.1, 950 * load,
            380_000 * load * (0.9 + random.nextDouble() * 0.2), 1 + 9 * load, 100 * Math.clamp(0.08 + 0.7 * load, 0, 1), 97.5 + load,
            1_600 * load};
        for (int i = 0; i < SYSMETRIC.length; i++) {
            Object[] m = SYSMETRIC[i];
            if (count(c, "SELECT COUNT(*) FROM V$SYSMETRIC WHERE GROUP_ID = 2 AND METRIC_NAME = '" + m[1] + "'") == 0) {
                insert(c, "V$SYSMETRIC", "BEGIN_TIME", date(now.minusSeconds(60)), "END_TIME", date(now), "INTSIZE_CSEC", 6000, "GROUP_ID", 2,
                        "METRIC_ID", m[0], "METRIC_NAME", m[1], "VALUE", values[i], "METRIC_UNIT", m[2], "CON_ID", 0);
            }
        }
    }

    private static void containers(Connection c, String name, Instant now, boolean cdb) throws SQLException {
        List<Object[]> containers = new ArrayList<>();
        if (cdb) {
            containers.add(new Object[] {1, "CDB$ROOT", "READ WRITE"});
            containers.add(new Object[] {2, "PDB$SEED", "READ ONLY"});
            for (int i = 0; i < PDBS.size(); i++) {
                containers.add(new Object[] {3 + i, PDBS.get(i), "READ WRITE"});
            }
            update(c, "UPDATE V$DATABASE SET CDB = 'YES', CON_ID = 0, CON_DBID = DBID");
        } else {
            containers.add(new Object[] {0, name, "READ WRITE"});
            update(c, "UPDATE V$DATABASE SET CDB = 'NO', CON_ID = 0, CON_DBID = DBID");
        }
        for (Object[] k : containers) {
            int con = (Integer) k[0];
            insert(c, "V$CONTAINERS", "CON_ID", con, "DBID", DemoSeed.DBID + con, "CON_UID", DemoSeed.DBID + con, "NAME", k[1], "OPEN_MODE", k[2],
                    "RESTRICTED", "NO", "OPEN_TIME", OffsetDateTime.now(ZoneId.systemDefault()).minusDays(3), "TOTAL_SIZE", (con < 3 ? 2L : 30L) * 1024 * DemoSeed.MB,
                    "BLOCK_SIZE", DemoSeed.BLOCK, "RECOVERY_STATUS", "ENABLED", "APPLICATION_ROOT", "NO", "APPLICATION_PDB", "NO",
                    "APPLICATION_SEED", "NO", "PROXY_PDB", "NO", "LOCAL_UNDO", 1, "CREATION_TIME", date(now.minus(Duration.ofDays(600 - con * 40))),
                    "PDB_COUNT", con == 1 ? PDBS.size() : 0, "MEMBER_CDB", "NO");
            // each container's tablespaces: the root and a non-CDB as DBA_ shows them, a PDB its own with application data
            if (con == 2) {
                continue;
            }
            for (DemoCatalog.Tablespace t : DemoCatalog.TABLESPACES) {
                boolean app = t.name().startsWith("APP_");
                if (con >= 3 && t.name().equals("APP_INDEX")) {
                    continue;
                }
                if (con == 1 && app) {
                    continue;
                }
                long size = (app && con >= 3 ? 10_240 : t.sizeMb()) * DemoSeed.MB / DemoSeed.BLOCK;
                double used = app && con >= 3 ? 0.52 + 0.12 * (con - 3) : t.usedFraction();
                insert(c, "CDB_TABLESPACES", "TABLESPACE_NAME", t.name(), "BLOCK_SIZE", DemoSeed.BLOCK, "STATUS", "ONLINE", "CONTENTS", t.contents(),
                        "LOGGING", "LOGGING", "EXTENT_MANAGEMENT", "LOCAL", "ALLOCATION_TYPE", "SYSTEM", "SEGMENT_SPACE_MANAGEMENT", "AUTO",
                        "BIGFILE", "NO", "CON_ID", con);
                insert(c, "CDB_TABLESPACE_USAGE_METRICS", "TABLESPACE_NAME", t.name(), "USED_SPACE", Math.round(size * used),
                        "TABLESPACE_SIZE", size, "USED_PERCENT", Math.round(10_000 * used) / 100.0, "CON_ID", con);
            }
        }
        // sessions: background ones in the root, users spread over the PDBs by the program they come from
        if (cdb) {
            update(c, "UPDATE V$SESSION SET CON_ID = 1 WHERE TYPE = 'BACKGROUND'");
            update(c, "UPDATE V$SESSION SET CON_ID = CASE WHEN USERNAME = 'APP' THEN 3 WHEN USERNAME = 'BATCH' THEN 4 WHEN USERNAME = 'REPORTING' "
                    + "THEN 5 ELSE 1 END WHERE TYPE = 'USER'");
        } else {
            update(c, "UPDATE V$SESSION SET CON_ID = 0");
        }
    }
}
