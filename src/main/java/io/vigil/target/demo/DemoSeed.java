package io.vigil.target.demo;

import static io.vigil.target.demo.DemoSql.date;
import static io.vigil.target.demo.DemoSql.insert;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Random;

/** The demo instance as it is when it opens: one database, its sessions, statistics, waits, space and SQL. */
final class DemoSeed {

    static final long DBID = 2_835_716_452L;
    static final int BLOCK = 8192;
    static final long MB = 1024 * 1024;
    static final long FRA_LIMIT = 200L * 1024 * MB;

    private DemoSeed() {
    }

    static void seed(Connection c, String name, Instant now, Random random) throws SQLException {
        Instant startup = now.minus(Duration.ofDays(3)).minus(Duration.ofMinutes(random.nextInt(600)));
        instance(c, name, startup);
        insert(c, "V$DATABASE", "DBID", DBID, "NAME", name, "DB_UNIQUE_NAME", name, "CREATED", date(now.minus(Duration.ofDays(900))),
                "LOG_MODE", "ARCHIVELOG", "OPEN_MODE", "READ WRITE", "DATABASE_ROLE", "PRIMARY", "PROTECTION_MODE", "MAXIMUM PERFORMANCE",
                "FORCE_LOGGING", "NO", "FLASHBACK_ON", "NO", "PLATFORM_NAME", "Linux x86 64-bit", "CURRENT_SCN", 48_120_455_872L,
                "CONTROLFILE_TYPE", "CURRENT", "SWITCHOVER_STATUS", "NOT ALLOWED", "CDB", "NO", "CON_ID", 0);
        for (DemoCatalog.Stat s : DemoCatalog.STATS) {
            insert(c, "V$SYSSTAT", "STATISTIC#", s.number(), "NAME", s.name(), "CLASS", s.statClass(), "VALUE", 0L,
                    "STAT_ID", 1_000_000L + s.number(), "CON_ID", 0);
        }
        for (DemoCatalog.Event e : DemoCatalog.EVENTS) {
            insert(c, "V$SYSTEM_EVENT", "EVENT", e.name(), "TOTAL_WAITS", 0L, "TOTAL_TIMEOUTS", 0L, "TIME_WAITED", 0L, "AVERAGE_WAIT", 0,
                    "TIME_WAITED_MICRO", 0L, "TOTAL_WAITS_FG", 0L, "TIME_WAITED_MICRO_FG", 0L, "EVENT_ID", e.eventId(),
                    "WAIT_CLASS_ID", e.classId(), "WAIT_CLASS#", e.classNo(), "WAIT_CLASS", e.waitClass(), "CON_ID", 0);
        }
        DemoCatalog.EVENTS.stream().map(e -> e.waitClass() + "|" + e.classNo() + "|" + e.classId()).distinct().forEach(k -> {
            String[] p = k.split("\\|");
            try {
                insert(c, "V$SYSTEM_WAIT_CLASS", "WAIT_CLASS_ID", Long.parseLong(p[2]), "WAIT_CLASS#", Integer.parseInt(p[1]),
                        "WAIT_CLASS", p[0], "TOTAL_WAITS", 0L, "TIME_WAITED", 0L, "TOTAL_WAITS_FG", 0L, "TIME_WAITED_FG", 0L, "CON_ID", 0);
            } catch (SQLException ex) {
                throw new IllegalStateException(ex);
            }
        });
        osstat(c);
        space(c);
        memory(c);
        sessions(c, startup, now, random);
        sql(c, now);
        redo(c, now);
        limits(c);
        insert(c, "V$RECOVERY_FILE_DEST", "NAME", "/u03/fast_recovery_area", "SPACE_LIMIT", FRA_LIMIT, "SPACE_USED", FRA_LIMIT * 46 / 100,
                "SPACE_RECLAIMABLE", FRA_LIMIT * 20 / 100, "NUMBER_OF_FILES", 212, "CON_ID", 0);
        for (String[] u : new String[][] {{"ARCHIVED LOG", "38.2"}, {"BACKUP PIECE", "7.6"}, {"FLASHBACK LOG", "0"}, {"CONTROL FILE", "0.1"}}) {
            insert(c, "V$RECOVERY_AREA_USAGE", "FILE_TYPE", u[0], "PERCENT_SPACE_USED", Double.parseDouble(u[1]), "PERCENT_SPACE_RECLAIMABLE",
                    u[0].equals("ARCHIVED LOG") ? 18.0 : 0.0, "NUMBER_OF_FILES", u[0].equals("ARCHIVED LOG") ? 190 : 3, "CON_ID", 0);
        }
        insert(c, "V$ARCHIVE_DEST", "DEST_ID", 1, "DEST_NAME", "LOG_ARCHIVE_DEST_1", "STATUS", "VALID", "BINDING", "OPTIONAL",
                "TARGET", "PRIMARY", "DESTINATION", "USE_DB_RECOVERY_FILE_DEST", "ERROR", "");
        insert(c, "V$ARCHIVE_DEST_STATUS", "DEST_ID", 1, "DEST_NAME", "LOG_ARCHIVE_DEST_1", "STATUS", "VALID", "TYPE", "LOCAL",
                "DATABASE_MODE", "OPEN", "RECOVERY_MODE", "IDLE", "DESTINATION", "USE_DB_RECOVERY_FILE_DEST", "ERROR", "");
        DemoSettings.seed(c, name);
        for (int i = 0; i < 5; i++) {
            Instant start = now.minus(Duration.ofDays(i + 1)).minus(Duration.ofHours(2));
            insert(c, "V$RMAN_BACKUP_JOB_DETAILS", "SESSION_KEY", 900 + i, "COMMAND_ID", "BACKUP_DAILY", "START_TIME", date(start),
                    "END_TIME", date(start.plus(Duration.ofMinutes(52 + i))), "STATUS", "COMPLETED", "INPUT_TYPE", i == 4 ? "DB FULL" : "DB INCR",
                    "ELAPSED_SECONDS", (52 + i) * 60, "INPUT_BYTES", 180L * 1024 * MB, "OUTPUT_BYTES", 22L * 1024 * MB);
        }
        DemoWorkload.alert(c, now, "Starting background process CJQ0", 16, "NOTIFICATION", 1);
        for (String user : new String[] {"SYS", "SYSTEM", "APP", "BATCH", "REPORTING", "DBA_ANNA"}) {
            insert(c, "DBA_USERS", "USERNAME", user, "USER_ID", Math.abs(user.hashCode() % 1000), "ACCOUNT_STATUS", "OPEN",
                    "DEFAULT_TABLESPACE", user.startsWith("SYS") ? "SYSTEM" : "USERS", "TEMPORARY_TABLESPACE", "TEMP",
                    "CREATED", date(now.minus(Duration.ofDays(800))), "PROFILE", "DEFAULT");
        }
        DemoSettings.accounts(c, now);
    }

    private static void instance(Connection c, String name, Instant startup) throws SQLException {
        insert(c, "V$INSTANCE", "INSTANCE_NUMBER", 1, "INSTANCE_NAME", name.toLowerCase(java.util.Locale.ROOT), "HOST_NAME", "demo-db01",
                "VERSION", "19.0.0.0.0", "VERSION_LEGACY", "19.0.0.0.0", "VERSION_FULL", "19.21.0.0.0", "STARTUP_TIME", date(startup),
                "STATUS", "OPEN", "PARALLEL", "NO", "THREAD#", 1, "ARCHIVER", "STARTED", "LOG_SWITCH_WAIT", null, "LOGINS", "ALLOWED",
                "SHUTDOWN_PENDING", "NO", "DATABASE_STATUS", "ACTIVE", "INSTANCE_ROLE", "PRIMARY_INSTANCE", "ACTIVE_STATE", "NORMAL",
                "BLOCKED", "NO", "CON_ID", 0, "INSTANCE_MODE", "REGULAR", "EDITION", "EE", "DATABASE_TYPE", "SINGLE");
    }

    private static void osstat(Connection c) throws SQLException {
        Object[][] os = {{"NUM_CPUS", 8L, 0, "Number of active CPUs", "NO"}, {"IDLE_TIME", 0L, 1, "", "YES"},
                {"BUSY_TIME", 0L, 2, "", "YES"}, {"USER_TIME", 0L, 3, "", "YES"}, {"SYS_TIME", 0L, 4, "", "YES"},
                {"IOWAIT_TIME", 0L, 5, "", "YES"}, {"LOAD", 1.2, 15, "", "NO"},
                {"PHYSICAL_MEMORY_BYTES", 64L * 1024 * MB, 1008, "", "NO"}, {"FREE_MEMORY_BYTES", 9L * 1024 * MB, 1009, "", "NO"},
                {"NUM_CPU_CORES", 4L, 16, "", "NO"}};
        for (Object[] o : os) {
            insert(c, "V$OSSTAT", "STAT_NAME", o[0], "VALUE", o[1], "OSSTAT_ID", o[2], "COMMENTS", o[3], "CUMULATIVE", o[4], "CON_ID", 0);
        }
    }

    private static void space(Connection c) throws SQLException {
        int file = 1;
        for (DemoCatalog.Tablespace t : DemoCatalog.TABLESPACES) {
            insert(c, "DBA_TABLESPACES", "TABLESPACE_NAME", t.name(), "BLOCK_SIZE", BLOCK, "STATUS", "ONLINE", "CONTENTS", t.contents(),
                    "LOGGING", "LOGGING", "EXTENT_MANAGEMENT", "LOCAL", "ALLOCATION_TYPE", "SYSTEM", "SEGMENT_SPACE_MANAGEMENT", "AUTO",
                    "BIGFILE", "NO", "RETENTION", t.contents().equals("UNDO") ? "NOGUARANTEE" : "NOT APPLY");
            long bytes = t.sizeMb() * MB;
            insert(c, "DBA_DATA_FILES", "FILE_NAME", "/u02/oradata/DEMO/" + t.name().toLowerCase(java.util.Locale.ROOT) + "01.dbf",
                    "FILE_ID", file, "TABLESPACE_NAME", t.name(), "BYTES", bytes, "BLOCKS", bytes / BLOCK, "STATUS", "AVAILABLE",
                    "RELATIVE_FNO", file, "AUTOEXTENSIBLE", "NO", "MAXBYTES", 0L, "MAXBLOCKS", 0L, "INCREMENT_BY", 0,
                    "USER_BYTES", bytes - MB, "USER_BLOCKS", (bytes - MB) / BLOCK, "ONLINE_STATUS", t.name().equals("SYSTEM") ? "SYSTEM" : "ONLINE");
            long free = (long) (bytes * (1 - t.usedFraction()));
            insert(c, "DBA_FREE_SPACE", "TABLESPACE_NAME", t.name(), "FILE_ID", file, "BLOCK_ID", 128, "BYTES", free, "BLOCKS", free / BLOCK,
                    "RELATIVE_FNO", file);
            insert(c, "DBA_TABLESPACE_USAGE_METRICS", "TABLESPACE_NAME", t.name(), "USED_SPACE", (bytes - free) / BLOCK,
                    "TABLESPACE_SIZE", bytes / BLOCK, "USED_PERCENT", 100.0 * (bytes - free) / bytes);
            file++;
        }
        long temp = DemoCatalog.TEMP_MB * MB;
        insert(c, "DBA_TABLESPACES", "TABLESPACE_NAME", "TEMP", "BLOCK_SIZE", BLOCK, "STATUS", "ONLINE", "CONTENTS", "TEMPORARY",
                "LOGGING", "NOLOGGING", "EXTENT_MANAGEMENT", "LOCAL", "ALLOCATION_TYPE", "UNIFORM", "BIGFILE", "NO");
        insert(c, "DBA_TEMP_FILES", "FILE_NAME", "/u02/oradata/DEMO/temp01.dbf", "FILE_ID", 1, "TABLESPACE_NAME", "TEMP", "BYTES", temp,
                "BLOCKS", temp / BLOCK, "STATUS", "ONLINE", "RELATIVE_FNO", 1, "AUTOEXTENSIBLE", "NO", "MAXBYTES", 0L, "USER_BYTES", temp - MB);
        insert(c, "DBA_TEMP_FREE_SPACE", "TABLESPACE_NAME", "TEMP", "TABLESPACE_SIZE", temp, "ALLOCATED_SPACE", temp / 3,
                "FREE_SPACE", temp - temp / 10);
        insert(c, "DBA_TABLESPACE_USAGE_METRICS", "TABLESPACE_NAME", "TEMP", "USED_SPACE", temp / 10 / BLOCK,
                "TABLESPACE_SIZE", temp / BLOCK, "USED_PERCENT", 10.0);
    }

    private static void memory(Connection c) throws SQLException {
        long[][] sga = {{3_840, 0}, {6_144, 1}, {256, 2}, {512, 3}, {128, 4}, {1_200, 5}};
        String[] names = {"Shared Pool Size", "Buffer Cache Size", "Large Pool Size", "Java Pool Size", "Streams Pool Size", "Free SGA Memory Available"};
        for (int i = 0; i < names.length; i++) {
            insert(c, "V$SGAINFO", "NAME", names[i], "BYTES", sga[i][0] * MB, "RESIZEABLE", i < 5 ? "Yes" : "No", "CON_ID", 0);
        }
        insert(c, "V$SGASTAT", "POOL", "shared pool", "NAME", "free memory", "BYTES", 610 * MB, "CON_ID", 0);
        insert(c, "V$SGASTAT", "POOL", "shared pool", "NAME", "SQLA", "BYTES", 1_420 * MB, "CON_ID", 0);
        insert(c, "V$SGASTAT", "POOL", null, "NAME", "buffer_cache", "BYTES", 6_144 * MB, "CON_ID", 0);
        insert(c, "V$SGASTAT", "POOL", "large pool", "NAME", "free memory", "BYTES", 200 * MB, "CON_ID", 0);
        Object[][] pga = {{"aggregate PGA target parameter", 4L * 1024 * MB, "bytes"}, {"total PGA inuse", 1_800 * MB, "bytes"},
                {"total PGA allocated", 2_300 * MB, "bytes"}, {"maximum PGA allocated", 3_100 * MB, "bytes"},
                {"cache hit percentage", 97.4, "percent"}, {"over allocation count", 0L, ""}};
        for (Object[] p : pga) {
            insert(c, "V$PGASTAT", "NAME", p[0], "VALUE", p[1], "UNIT", p[2], "CON_ID", 0);
        }
    }

    private static void sessions(Connection c, Instant startup, Instant now, Random random) throws SQLException {
        int sid = 1;
        for (String bg : DemoCatalog.BACKGROUND) {
            insert(c, "V$SESSION", "SID", sid, "SERIAL#", 1 + sid * 7, "USERNAME", null, "STATUS", "ACTIVE", "TYPE", "BACKGROUND",
                    "PROGRAM", "oracle@demo-db01 (" + bg + ")", "MACHINE", "demo-db01", "OSUSER", "oracle", "SERVER", "DEDICATED",
                    "LOGON_TIME", date(startup.plusSeconds(sid)), "EVENT", "rdbms ipc message", "WAIT_CLASS", "Idle", "STATE", "WAITING",
                    "PADDR", new byte[] {0, 0, 0, (byte) sid}, "SADDR", new byte[] {1, 0, 0, (byte) sid});
            insert(c, "V$PROCESS", "PID", sid + 1, "SPID", String.valueOf(3000 + sid), "PNAME", bg, "USERNAME", "oracle",
                    "PROGRAM", "oracle@demo-db01 (" + bg + ")", "BACKGROUND", "1", "PGA_USED_MEM", 4 * MB, "PGA_ALLOC_MEM", 6 * MB,
                    "ADDR", new byte[] {0, 0, 0, (byte) sid});
            sid++;
        }
        for (int i = 0; i < 64; i++, sid++) {
            String[] client = DemoCatalog.CLIENTS.get(i < 50 ? i % 2 : 2 + i % 3);
            insert(c, "V$SESSION", "SID", sid, "SERIAL#", 1000 + random.nextInt(60_000), "USERNAME", client[2], "SCHEMANAME", client[2],
                    "STATUS", "INACTIVE", "TYPE", "USER", "PROGRAM", client[1], "MACHINE", client[0], "OSUSER", "svc",
                    "SERVER", "DEDICATED", "MODULE", client[1], "LOGON_TIME", date(now.minusSeconds(random.nextInt(86_400))),
                    "EVENT", "SQL*Net message from client", "WAIT_CLASS", "Idle", "STATE", "WAITING", "SECONDS_IN_WAIT", 0,
                    "PADDR", new byte[] {0, 0, 1, (byte) sid}, "SADDR", new byte[] {1, 0, 1, (byte) sid});
            insert(c, "V$PROCESS", "PID", sid + 1, "SPID", String.valueOf(20_000 + sid), "USERNAME", "oracle",
                    "PROGRAM", "oracle@demo-db01", "PGA_USED_MEM", 3 * MB, "PGA_ALLOC_MEM", 5 * MB, "ADDR", new byte[] {0, 0, 1, (byte) sid});
        }
    }

    private static void sql(Connection c, Instant now) throws SQLException {
        long plan = 1_000_000;
        for (DemoCatalog.Sql s : DemoCatalog.SQL) {
            Object[] common = {"SQL_ID", s.sqlId(), "SQL_TEXT", s.text(), "PLAN_HASH_VALUE", plan++, "EXECUTIONS", 0L, "ELAPSED_TIME", 0L,
                "CPU_TIME", 0L, "BUFFER_GETS", 0L, "DISK_READS", 0L, "ROWS_PROCESSED", 0L, "PARSE_CALLS", 0L, "USER_IO_WAIT_TIME", 0L,
                "LAST_ACTIVE_TIME", date(now)};
            insert(c, "V$SQLSTATS", common);
            Object[] withChild = java.util.Arrays.copyOf(common, common.length + 6);
            withChild[common.length] = "CHILD_NUMBER";
            withChild[common.length + 1] = 0;
            withChild[common.length + 2] = "PARSING_SCHEMA_NAME";
            withChild[common.length + 3] = s.text().startsWith("SELECT obj#") ? "SYS" : "APP";
            withChild[common.length + 4] = "MODULE";
            withChild[common.length + 5] = "JDBC Thin Client";
            insert(c, "V$SQL", withChild);
        }
    }

    private static void redo(Connection c, Instant now) throws SQLException {
        for (int g = 1; g <= 3; g++) {
            insert(c, "V$LOG", "GROUP#", g, "THREAD#", 1, "SEQUENCE#", 4_410L + g, "BYTES", 512 * MB, "BLOCKSIZE", 512, "MEMBERS", 2,
                    "ARCHIVED", g == 3 ? "NO" : "YES", "STATUS", g == 3 ? "CURRENT" : "INACTIVE", "FIRST_TIME", date(now.minusSeconds(600L * (4 - g))));
            for (int m = 1; m <= 2; m++) {
                insert(c, "V$LOGFILE", "GROUP#", g, "STATUS", null, "TYPE", "ONLINE", "MEMBER", "/u0" + m + "/oradata/DEMO/redo0" + g + "_" + m + ".log",
                        "IS_RECOVERY_DEST_FILE", "NO");
            }
        }
    }

    private static void limits(Connection c) throws SQLException {
        for (Object[] r : new Object[][] {{"processes", 600}, {"sessions", 924}, {"enqueue_locks", 11_580}, {"max_rollback_segments", 1_000}}) {
            insert(c, "V$RESOURCE_LIMIT", "RESOURCE_NAME", r[0], "CURRENT_UTILIZATION", 0, "MAX_UTILIZATION", 0,
                    "INITIAL_ALLOCATION", String.format("%10d", r[1]), "LIMIT_VALUE", String.format("%10d", r[1]), "CON_ID", 0);
        }
    }
}
