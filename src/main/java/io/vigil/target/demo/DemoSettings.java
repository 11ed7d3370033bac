package io.vigil.target.demo;

import static io.vigil.target.demo.DemoSql.insert;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

/**
 * How the demo instance is set up, as a DBA reads it: the initialisation parameters of V$PARAMETER a monitoring script
 * asks for (memory, processes, files, undo, recovery area, archiving, CDB), the rest of V$RESOURCE_LIMIT, and the
 * V$OSSTAT rows a Linux host adds to the seed's.
 */
final class DemoSettings {

    private static final long MB = DemoSeed.MB;
    private static final long GB = 1024 * MB;

    /** name, TYPE (1 boolean, 2 string, 3 integer, 6 big integer), VALUE, DISPLAY_VALUE, ISDEFAULT, ISSYS_MODIFIABLE, DESCRIPTION. */
    private static Object[][] parameters(String db) {
        String instance = db.toLowerCase(Locale.ROOT);
        return new Object[][] {
            {"processes", 3, "600", "600", "FALSE", "FALSE", "user processes"},
            {"sessions", 3, "924", "924", "FALSE", "IMMEDIATE", "user and system sessions"},
            {"transactions", 3, "1016", "1016", "TRUE", "FALSE", "max. number of concurrent active transactions"},
            {"db_files", 3, "200", "200", "TRUE", "FALSE", "max allowable # db files"},
            {"open_cursors", 3, "300", "300", "FALSE", "IMMEDIATE", "max # cursors per session"},
            {"cpu_count", 3, "8", "8", "TRUE", "IMMEDIATE", "maximum number of CPUs"},
            {"sga_target", 6, String.valueOf(12 * GB), "12G", "FALSE", "IMMEDIATE", "Target size of SGA"},
            {"sga_max_size", 6, String.valueOf(12 * GB), "12G", "TRUE", "FALSE", "max total SGA size"},
            {"pga_aggregate_target", 6, String.valueOf(4 * GB), "4G", "FALSE", "IMMEDIATE", "Target size for the aggregate PGA memory consumed by the instance"},
            {"pga_aggregate_limit", 6, String.valueOf(8 * GB), "8G", "TRUE", "IMMEDIATE", "limit of aggregate PGA memory for the instance or PDB"},
            {"memory_target", 6, "0", "0", "TRUE", "IMMEDIATE", "Target size of Oracle SGA and PGA memory"},
            {"memory_max_target", 6, "0", "0", "TRUE", "FALSE", "Max size for Memory Target"},
            {"db_cache_size", 6, "0", "0", "TRUE", "IMMEDIATE", "Size of DEFAULT buffer pool for standard block size buffers"},
            {"shared_pool_size", 6, "0", "0", "TRUE", "IMMEDIATE", "size in bytes of shared pool"},
            {"log_buffer", 6, String.valueOf(32 * MB), "32M", "TRUE", "FALSE", "redo circular buffer size"},
            {"db_block_size", 3, String.valueOf(DemoSeed.BLOCK), String.valueOf(DemoSeed.BLOCK), "FALSE", "FALSE", "Size of database block in bytes"},
            {"undo_management", 2, "AUTO", "AUTO", "TRUE", "FALSE", "instance runs in SMU mode if TRUE, else in RBU mode"},
            {"undo_tablespace", 2, "UNDOTBS1", "UNDOTBS1", "FALSE", "IMMEDIATE", "use/switch undo tablespace"},
            {"undo_retention", 3, "900", "900", "TRUE", "IMMEDIATE", "undo retention in seconds"},
            {"db_recovery_file_dest", 2, "/u03/fast_recovery_area", "/u03/fast_recovery_area", "FALSE", "IMMEDIATE", "default database recovery file location"},
            {"db_recovery_file_dest_size", 6, String.valueOf(DemoSeed.FRA_LIMIT), "200G", "FALSE", "IMMEDIATE", "database recovery files size limit"},
            {"db_flashback_retention_target", 3, "1440", "1440", "TRUE", "IMMEDIATE", "Maximum Flashback Database log retention time in minutes."},
            {"log_archive_dest_1", 2, "LOCATION=USE_DB_RECOVERY_FILE_DEST", "LOCATION=USE_DB_RECOVERY_FILE_DEST", "FALSE", "IMMEDIATE", "archival destination #1 text string"},
            {"log_archive_dest_state_1", 2, "enable", "enable", "TRUE", "IMMEDIATE", "archival destination #1 state text string"},
            {"log_archive_format", 2, "%t_%s_%r.dbf", "%t_%s_%r.dbf", "TRUE", "FALSE", "archival destination format"},
            {"archive_lag_target", 3, "0", "0", "TRUE", "IMMEDIATE", "Maximum number of seconds of redos the standby could lose"},
            {"control_files", 2, "/u02/oradata/" + db + "/control01.ctl, /u03/fast_recovery_area/" + db + "/control02.ctl",
                "/u02/oradata/" + db + "/control01.ctl, /u03/fast_recovery_area/" + db + "/control02.ctl", "FALSE", "FALSE", "control file names list"},
            {"compatible", 2, "19.0.0", "19.0.0", "FALSE", "FALSE", "Database will be completely compatible with this software version"},
            {"db_name", 2, db, db, "FALSE", "FALSE", "database name specified in CREATE DATABASE"},
            {"db_unique_name", 2, db, db, "TRUE", "FALSE", "Database Unique Name"},
            {"db_domain", 2, null, null, "TRUE", "FALSE", "directory part of global database name stored with CREATE DATABASE"},
            {"instance_name", 2, instance, instance, "TRUE", "FALSE", "instance name supported by the instance"},
            {"service_names", 2, instance, instance, "FALSE", "IMMEDIATE", "service names supported by the instance"},
            {"enable_pluggable_database", 1, "FALSE", "FALSE", "TRUE", "FALSE", "Enable Pluggable Database"},
            {"cluster_database", 1, "FALSE", "FALSE", "TRUE", "FALSE", "if TRUE startup in cluster database mode"},
            {"control_management_pack_access", 2, "DIAGNOSTIC+TUNING", "DIAGNOSTIC+TUNING", "TRUE", "IMMEDIATE", "declares which manageability packs are enabled"},
            {"statistics_level", 2, "TYPICAL", "TYPICAL", "TRUE", "IMMEDIATE", "statistics level"},
            {"optimizer_mode", 2, "ALL_ROWS", "ALL_ROWS", "TRUE", "IMMEDIATE", "optimizer mode"},
            {"audit_trail", 2, "DB", "DB", "FALSE", "FALSE", "enable system auditing"},
            {"remote_login_passwordfile", 2, "EXCLUSIVE", "EXCLUSIVE", "FALSE", "FALSE", "password file usage parameter"},
            {"job_queue_processes", 3, "80", "80", "FALSE", "IMMEDIATE", "maximum number of job queue slave processes"},
            {"parallel_max_servers", 3, "160", "160", "TRUE", "IMMEDIATE", "maximum parallel query servers per instance"},
            {"db_writer_processes", 3, "1", "1", "TRUE", "FALSE", "number of background database writer processes to start"},
            {"fast_start_mttr_target", 3, "0", "0", "TRUE", "IMMEDIATE", "MTTR target in seconds"},
            {"filesystemio_options", 2, "setall", "setall", "FALSE", "FALSE", "IO operations on filesystem files"},
            {"diagnostic_dest", 2, "/u01/app/oracle", "/u01/app/oracle", "FALSE", "IMMEDIATE", "diagnostic base directory"},
            {"local_listener", 2, "LISTENER_" + db, "LISTENER_" + db, "FALSE", "IMMEDIATE", "local listener"},
            {"nls_language", 2, "AMERICAN", "AMERICAN", "TRUE", "FALSE", "NLS language name"},
            {"nls_territory", 2, "AMERICA", "AMERICA", "TRUE", "FALSE", "NLS territory name"},
            {"resource_manager_plan", 2, null, null, "TRUE", "IMMEDIATE", "resource mgr top plan"}};
    }

    private DemoSettings() {
    }

    /**
     * Password expiry under the DEFAULT profile (a 180-day PASSWORD_LIFE_TIME): each account changed its password at a
     * different time, so some expire within the month a DBA's expiry check looks ahead; and when each last logged in.
     */
    static void accounts(Connection c, Instant now) throws SQLException {
        Object[][] users = {{"SYS", 25}, {"SYSTEM", 160}, {"APP", 12}, {"BATCH", 75}, {"REPORTING", 3}, {"DBA_ANNA", 140}};
        for (Object[] u : users) {
            DemoSql.update(c, "UPDATE DBA_USERS SET EXPIRY_DATE = ?, LAST_LOGIN = ? WHERE USERNAME = ?",
                    DemoSql.date(now.plus(Duration.ofDays((Integer) u[1]))), Timestamp.from(now.minusSeconds(3_600L * (Integer) u[1])), u[0]);
        }
    }

    static void seed(Connection c, String db) throws SQLException {
        int num = 1;
        for (Object[] p : parameters(db)) {
            insert(c, "V$PARAMETER", "NUM", num++, "NAME", p[0], "TYPE", p[1], "VALUE", p[2], "DISPLAY_VALUE", p[3], "DEFAULT_VALUE", null,
                    "ISDEFAULT", p[4], "ISSES_MODIFIABLE", "FALSE", "ISSYS_MODIFIABLE", p[5], "ISPDB_MODIFIABLE", "FALSE",
                    "ISINSTANCE_MODIFIABLE", "TRUE", "ISMODIFIED", "FALSE", "ISADJUSTED", "FALSE", "ISDEPRECATED", "FALSE",
                    "ISBASIC", "FALSE", "DESCRIPTION", p[6], "HASH", Integer.toUnsignedLong(((String) p[0]).hashCode()), "CON_ID", 0);
        }
        Object[][] limits = {{"transactions", "1016"}, {"dml_locks", "4064"}, {"enqueue_resources", "UNLIMITED"},
            {"parallel_max_servers", "3600"}, {"max_shared_servers", "UNLIMITED"}, {"sort_segment_locks", "UNLIMITED"},
            {"temporary_table_locks", "UNLIMITED"}};
        for (Object[] r : limits) {
            String initial = r[1].equals("UNLIMITED") ? "0" : (String) r[1];
            insert(c, "V$RESOURCE_LIMIT", "RESOURCE_NAME", r[0], "CURRENT_UTILIZATION", 0, "MAX_UTILIZATION", 0,
                    "INITIAL_ALLOCATION", String.format("%10s", initial), "LIMIT_VALUE", String.format("%10s", r[1]), "CON_ID", 0);
        }
        Object[][] os = {{"NUM_CPU_SOCKETS", 2L, 17, "NO"}, {"NICE_TIME", 0L, 6, "YES"}, {"RSRC_MGR_CPU_WAIT_TIME", 0L, 14, "YES"},
            {"VM_IN_BYTES", 0L, 1000, "YES"}, {"VM_OUT_BYTES", 0L, 1001, "YES"}, {"INACTIVE_MEMORY_BYTES", 14L * GB, 1010, "NO"},
            {"SWAP_FREE_BYTES", 16L * GB, 1011, "NO"}, {"TCP_RECEIVE_SIZE_MAX", 6L * MB, 2001, "NO"}};
        for (Object[] o : os) {
            insert(c, "V$OSSTAT", "STAT_NAME", o[0], "VALUE", o[1], "OSSTAT_ID", o[2], "COMMENTS", "", "CUMULATIVE", o[3], "CON_ID", 0);
        }
    }
}
