package io.vigil.target.demo;

import java.util.List;

/** What the demo instance holds: statistics, wait events, tablespaces and SQL a DBA would recognise, with plausible rates. */
final class DemoCatalog {

    private DemoCatalog() {
    }

    /** A V$SYSSTAT counter and how fast it grows per second at full load. */
    record Stat(int number, String name, int statClass, double perSecond) {
    }

    static final List<Stat> STATS = List.of(
            new Stat(0, "logons cumulative", 1, 0.4),
            new Stat(1, "logons current", 1, 0),
            new Stat(2, "opened cursors cumulative", 1, 900),
            new Stat(3, "opened cursors current", 1, 0),
            new Stat(4, "user commits", 1, 45),
            new Stat(5, "user rollbacks", 1, 0.6),
            new Stat(6, "user calls", 1, 1300),
            new Stat(7, "DB time", 1, 0),
            new Stat(8, "CPU used by this session", 1, 0),
            new Stat(9, "session logical reads", 1, 65_000),
            new Stat(10, "db block gets", 8, 9_000),
            new Stat(11, "consistent gets", 8, 56_000),
            new Stat(12, "physical reads", 8, 1_600),
            new Stat(13, "physical writes", 8, 420),
            new Stat(14, "db block changes", 8, 7_500),
            new Stat(15, "redo size", 2, 380_000),
            new Stat(16, "redo writes", 2, 55),
            new Stat(17, "parse count (total)", 64, 320),
            new Stat(18, "parse count (hard)", 64, 7),
            new Stat(19, "execute count", 64, 950),
            new Stat(20, "sorts (memory)", 64, 140),
            new Stat(21, "sorts (disk)", 64, 0.05),
            new Stat(22, "table scans (long tables)", 64, 2),
            new Stat(23, "bytes sent via SQL*Net to client", 1, 2_400_000),
            new Stat(24, "bytes received via SQL*Net from client", 1, 900_000),
            new Stat(25, "physical read total bytes", 8, 1_600 * 8192.0),
            new Stat(26, "physical write total bytes", 8, 420 * 8192.0));

    /** A wait event with its class, how often it happens per second at full load, and its typical length in µs. */
    record Event(long eventId, String name, int classNo, String waitClass, long classId, double perSecond, double micros) {
    }

    static final List<Event> EVENTS = List.of(
            new Event(2652584166L, "db file sequential read", 8, "User I/O", 1740759767L, 900, 420),
            new Event(506183215L, "db file scattered read", 8, "User I/O", 1740759767L, 60, 1800),
            new Event(3926164927L, "direct path read", 8, "User I/O", 1740759767L, 25, 2500),
            new Event(1328744198L, "log file sync", 5, "Commit", 3386400367L, 45, 1100),
            new Event(3785927230L, "log file parallel write", 9, "System I/O", 4108307767L, 55, 650),
            new Event(3213517201L, "control file sequential read", 9, "System I/O", 4108307767L, 12, 300),
            new Event(310662678L, "enq: TX - row lock contention", 1, "Application", 4217450380L, 0.3, 350_000),
            new Event(2779959231L, "latch: cache buffers chains", 4, "Concurrency", 3875070507L, 4, 90),
            new Event(3290255840L, "buffer busy waits", 4, "Concurrency", 3875070507L, 3, 800),
            new Event(1714089451L, "library cache lock", 4, "Concurrency", 3875070507L, 0.2, 5_000),
            new Event(3051536733L, "log buffer space", 2, "Configuration", 3290255840L, 0.1, 20_000),
            new Event(2000153315L, "SQL*Net message to client", 7, "Network", 2000153315L, 1300, 2),
            new Event(1421975091L, "SQL*Net message from client", 6, "Idle", 2723168908L, 1300, 150_000),
            new Event(3468926427L, "direct path write temp", 8, "User I/O", 1740759767L, 8, 900),
            new Event(2436117823L, "db file parallel write", 9, "System I/O", 4108307767L, 20, 900),
            new Event(2888579258L, "log file switch completion", 2, "Configuration", 3290255840L, 0.05, 45_000),
            new Event(1729366244L, "cursor: pin S wait on X", 4, "Concurrency", 3875070507L, 0.1, 8_000),
            new Event(554161347L, "SQL*Net more data to client", 7, "Network", 2000153315L, 40, 15),
            new Event(866018717L, "rdbms ipc message", 6, "Idle", 2723168908L, 60, 900_000));

    /** A tablespace: contents, size and how much is used at the start, and how many bytes a second it grows at full load. */
    record Tablespace(String name, String contents, long sizeMb, double usedFraction, double growthBytesPerSecond) {
    }

    static final List<Tablespace> TABLESPACES = List.of(
            new Tablespace("SYSTEM", "PERMANENT", 1_024, 0.82, 0),
            new Tablespace("SYSAUX", "PERMANENT", 2_048, 0.71, 120),
            new Tablespace("UNDOTBS1", "UNDO", 4_096, 0.34, 0),
            new Tablespace("USERS", "PERMANENT", 512, 0.22, 10),
            new Tablespace("APP_DATA", "PERMANENT", 20_480, 0.76, 45_000),
            new Tablespace("APP_INDEX", "PERMANENT", 8_192, 0.63, 15_000));

    static final long TEMP_MB = 4_096;

    /** A statement in the shared pool: its text, executions per second at full load and elapsed µs per execution. */
    record Sql(String sqlId, String text, double perSecond, double micros, double getsPerExec, double readsPerExec) {
    }

    static final List<Sql> SQL = List.of(
            new Sql("7h35uxf5uhmm1", "SELECT o.order_id, o.status FROM orders o WHERE o.customer_id = :1", 260, 380, 12, 0.4),
            new Sql("0k8522rmdzg4k", "INSERT INTO order_lines (order_id, line_no, product_id, qty) VALUES (:1, :2, :3, :4)", 180, 220, 9, 0.1),
            new Sql("g0bggfqrddc4w", "UPDATE stock SET qty = qty - :1 WHERE product_id = :2", 120, 450, 6, 0.2),
            new Sql("5ms6rbzdnq16t", "SELECT * FROM invoices WHERE created > SYSDATE - 1 ORDER BY created DESC", 2, 185_000, 48_000, 1_900),
            new Sql("9babjv8yq8ru3", "BEGIN billing.close_period(:1); END;", 0.05, 9_500_000, 2_400_000, 130_000),
            new Sql("a8j39qb13tqkr", "SELECT c.name, SUM(l.amount) FROM customers c JOIN ledger l ON l.customer_id = c.id GROUP BY c.name", 0.3, 2_100_000, 610_000, 22_000),
            new Sql("3nkd3g3ju5ph1", "SELECT obj#, type#, ctime FROM obj$ WHERE owner# = :1 AND name = :2", 40, 60, 4, 0),
            new Sql("f3wcc30napt5a", "SELECT session_id, last_seen FROM web_sessions WHERE token = :1", 300, 150, 5, 0.05),
            new Sql("b6usrg82hwsa3", "DELETE FROM audit_trail WHERE logged < SYSDATE - 90", 0.02, 14_000_000, 3_900_000, 410_000),
            new Sql("8szmwam7fysa3", "SELECT product_id, price FROM products WHERE category = :1 AND active = 'Y'", 75, 900, 40, 1.5));

    /** Programs of user sessions: machine, program, user. */
    static final List<String[]> CLIENTS = List.of(
            new String[] {"app01.corp", "JDBC Thin Client", "APP"},
            new String[] {"app02.corp", "JDBC Thin Client", "APP"},
            new String[] {"batch01.corp", "sqlplus@batch01.corp (TNS V1-V3)", "BATCH"},
            new String[] {"bi01.corp", "BI Server", "REPORTING"},
            new String[] {"dba-ws17", "SQL Developer", "DBA_ANNA"});

    static final List<String> BACKGROUND = List.of("PMON", "PSP0", "VKTM", "DBW0", "LGWR", "CKPT", "SMON", "RECO", "MMON", "MMNL",
            "ARC0", "ARC1", "CJQ0", "DBRM", "LREG", "TMON");
}
