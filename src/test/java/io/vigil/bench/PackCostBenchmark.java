package io.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.config.ConnectBy;
import io.vigil.config.MirrorDef;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/**
 * What the MySQL and PostgreSQL packs cost the monitored server, against one scrape of the exporter that reads the same
 * families, measured in the same run on the same server with the same monitoring account.
 *
 * <p>Vigil's cost on the target is its mirrors' SQL: metrics run on the cache and never reach the target. Each mirror
 * runs on its own interval, so a cycle is given two ways: every mirror once, and per 15 s (the usual scrape interval),
 * where a mirror every 300 s counts 1/20. The reference is one scrape made of the statements the exporter's default
 * collectors run (mysqld_exporter 0.14, postgres_exporter 0.11), plus, for MySQL, the opt-in collectors of families
 * Vigil has too (process list, InnoDB metrics, table sizes). Every statement is run with plain JDBC reading every
 * column of every row. Figures: statements, rows returned, client time (median of {@value #RUNS} runs) and server time
 * (MariaDB's SHOW PROFILES; PostgreSQL's EXPLAIN ANALYZE planning plus execution time). Run with
 * {@code docs/benchmarks/run.sh packcost}.
 */
public final class PackCostBenchmark {

    static final int RUNS = 21;
    static final double SCRAPE_SECONDS = 15;

    /** One statement's cost: rows returned, client and server milliseconds (medians). */
    record Cost(String sql, double weight, long rows, double clientMs, double serverMs) {
    }

    public static void main(String[] args) throws Exception {
        System.out.printf("Vigil pack cost on the target, %s, Java %s, %d cores%n", Instant.now(), Runtime.version(),
                Runtime.getRuntime().availableProcessors());
        List<String> only = List.of(args);
        if (only.isEmpty() || only.contains("mysql")) {
            mysql();
        }
        if (only.isEmpty() || only.contains("postgres")) {
            postgres();
        }
        System.exit(0);
    }

    static void mysql() throws Exception {
        try (TestDatabase db = RealServices.mariadb().createDatabase("pcost")) {
            Target target = new Target(1, "maria", TargetKind.MYSQL, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "", db.user(),
                    Secret.of(db.password()), List.of(), true);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
                List<String> reference = new ArrayList<>(List.of(
                        "SET lock_wait_timeout = 2",
                        "SELECT @@version",
                        "SHOW GLOBAL STATUS",
                        "SHOW GLOBAL VARIABLES",
                        "SHOW SLAVE STATUS",
                        "SELECT page_size, compress_ops, compress_ops_ok, compress_time, uncompress_ops, uncompress_time "
                                + "FROM information_schema.innodb_cmp",
                        "SELECT page_size, buffer_pool_instance, pages_used, pages_free, relocation_ops, relocation_time "
                                + "FROM information_schema.innodb_cmpmem"));
                int defaults = reference.size();
                // opt-in collectors for families Vigil has too: info_schema.processlist, info_schema.innodb_metrics, info_schema.tables
                reference.add("SELECT COALESCE(command, ''), COALESCE(state, ''), COUNT(*), SUM(time) FROM information_schema.processlist "
                        + "WHERE ID != connection_id() AND TIME >= 0 GROUP BY command, state");
                reference.add("SELECT name, subsystem, type, comment, count FROM information_schema.innodb_metrics WHERE enabled = 1");
                reference.add("SELECT SCHEMA_NAME FROM information_schema.schemata "
                        + "WHERE SCHEMA_NAME NOT IN ('mysql', 'performance_schema', 'information_schema')");
                try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(reference.getLast())) {
                    List<String> schemas = new ArrayList<>();
                    while (rs.next()) {
                        schemas.add(rs.getString(1));
                    }
                    for (String schema : schemas) {
                        reference.add("SELECT TABLE_SCHEMA, TABLE_NAME, TABLE_TYPE, IFNULL(ENGINE, 'NONE'), IFNULL(VERSION, '0'), "
                                + "IFNULL(ROW_FORMAT, 'NONE'), IFNULL(TABLE_ROWS, '0'), IFNULL(DATA_LENGTH, '0'), IFNULL(INDEX_LENGTH, '0'), "
                                + "IFNULL(DATA_FREE, '0'), IFNULL(CREATE_OPTIONS, 'NONE') FROM information_schema.tables WHERE TABLE_SCHEMA = '"
                                + schema.replace("'", "''") + "'");
                    }
                }
                try (Statement s = c.createStatement()) {
                    s.execute("SET profiling_history_size = 100");
                    s.execute("SET profiling = 1");
                }
                List<List<Cost>> both = measure(vigilStatements(TargetKind.MYSQL), reference, c, PackCostBenchmark::mysqlServerMs);
                List<Cost> vigil = both.get(0);
                List<Cost> ref = both.get(1);
                print("MySQL/MariaDB " + version(c, "SELECT @@version"), vigil, ref.subList(0, defaults), ref,
                        "mysqld_exporter 0.14 default collectors", "+ processlist, innodb_metrics, tables (opt-in)");
            }
            mirrorCycle(target, TargetKind.MYSQL);
        }
    }

    static void postgres() throws Exception {
        try (TestDatabase db = RealServices.postgres().createDatabase("pcost")) {
            Target target = new Target(2, "pg", TargetKind.POSTGRES, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "", db.user(),
                    Secret.of(db.password()), List.of(), true);
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password())) {
                try (Statement s = c.createStatement()) { // a few tables, so the per-table collectors have rows to read
                    for (int i = 0; i < 20; i++) {
                        s.execute("CREATE TABLE t" + i + " (id INT PRIMARY KEY, v TEXT)");
                        s.execute("INSERT INTO t" + i + " SELECT g, 'x' FROM generate_series(1, 100) g");
                    }
                }
                List<String> reference = new ArrayList<>(List.of(
                        "SELECT version()",
                        "SELECT * FROM pg_stat_bgwriter",
                        "SELECT * FROM pg_stat_database",
                        "SELECT * FROM pg_stat_database_conflicts",
                        "SELECT pg_database.datname, tmp.mode, COALESCE(count, 0) AS count FROM (VALUES ('accesssharelock'), ('rowsharelock'), "
                                + "('rowexclusivelock'), ('shareupdateexclusivelock'), ('sharelock'), ('sharerowexclusivelock'), "
                                + "('exclusivelock'), ('accessexclusivelock'), ('sireadlock')) AS tmp(mode) CROSS JOIN pg_database "
                                + "LEFT JOIN (SELECT database, lower(mode) AS mode, count(*) AS count FROM pg_locks WHERE database IS NOT NULL "
                                + "GROUP BY database, lower(mode)) AS tmp2 ON tmp.mode = tmp2.mode AND pg_database.oid = tmp2.database ORDER BY 1",
                        "SELECT *, (CASE pg_is_in_recovery() WHEN 't' THEN NULL ELSE pg_current_wal_lsn() END) AS pg_current_wal_lsn, "
                                + "(CASE pg_is_in_recovery() WHEN 't' THEN NULL ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), pg_lsn('0/0'))::float END) "
                                + "AS pg_current_wal_lsn_bytes, (CASE pg_is_in_recovery() WHEN 't' THEN NULL "
                                + "ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), replay_lsn)::float END) AS pg_wal_lsn_diff FROM pg_stat_replication",
                        "SELECT slot_name, database, active, (CASE pg_is_in_recovery() WHEN 't' THEN NULL "
                                + "ELSE pg_wal_lsn_diff(pg_current_wal_lsn(), restart_lsn) END) AS pg_wal_lsn_diff FROM pg_replication_slots",
                        "SELECT *, EXTRACT(EPOCH FROM now() - last_archived_time) AS last_archive_age FROM pg_stat_archiver",
                        "SELECT pg_database.datname, tmp.state, COALESCE(count, 0) AS count, COALESCE(max_tx_duration, 0) AS max_tx_duration "
                                + "FROM (VALUES ('active'), ('idle'), ('idle in transaction'), ('idle in transaction (aborted)'), "
                                + "('fastpath function call'), ('disabled')) AS tmp(state) CROSS JOIN pg_database LEFT JOIN (SELECT datname, state, "
                                + "count(*) AS count, MAX(EXTRACT(EPOCH FROM now() - xact_start))::float AS max_tx_duration FROM pg_stat_activity "
                                + "GROUP BY datname, state) AS tmp2 ON tmp.state = tmp2.state AND pg_database.datname = tmp2.datname",
                        "SELECT name, setting, COALESCE(unit, ''), short_desc, vartype FROM pg_settings WHERE vartype IN ('bool', 'integer', 'real')",
                        "SELECT pg_database.datname, pg_database_size(pg_database.datname) FROM pg_database",
                        "SELECT current_database() datname, schemaname, relname, seq_scan, seq_tup_read, idx_scan, idx_tup_fetch, n_tup_ins, "
                                + "n_tup_upd, n_tup_del, n_tup_hot_upd, n_live_tup, n_dead_tup, n_mod_since_analyze, "
                                + "COALESCE(last_vacuum, '1970-01-01Z') AS last_vacuum, COALESCE(last_autovacuum, '1970-01-01Z') AS last_autovacuum, "
                                + "COALESCE(last_analyze, '1970-01-01Z') AS last_analyze, COALESCE(last_autoanalyze, '1970-01-01Z') AS last_autoanalyze, "
                                + "vacuum_count, autovacuum_count, analyze_count, autoanalyze_count FROM pg_stat_user_tables",
                        "SELECT current_database() datname, schemaname, relname, heap_blks_read, heap_blks_hit, idx_blks_read, idx_blks_hit, "
                                + "toast_blks_read, toast_blks_hit, tidx_blks_read, tidx_blks_hit FROM pg_statio_user_tables"));
                List<List<Cost>> both = measure(vigilStatements(TargetKind.POSTGRES), reference, c, PackCostBenchmark::postgresServerMs);
                List<Cost> vigil = both.get(0);
                List<Cost> ref = both.get(1);
                print("PostgreSQL " + version(c, "SHOW server_version"), vigil, ref, ref, "postgres_exporter 0.11 default collectors", null);
            }
            mirrorCycle(target, TargetKind.POSTGRES);
        }
    }

    @FunctionalInterface
    interface ServerTimer {
        /** The server's milliseconds for one run of the statement. */
        double ms(Connection c, String sql) throws SQLException;
    }

    /** A statement and how many times it runs per scrape interval. */
    record Weighted(String sql, double weight) {
    }

    /** The pack's mirror statements, each weighted by how often it runs per scrape interval. */
    static List<Weighted> vigilStatements(TargetKind kind) {
        return Packs.shipped(kind).mirrorDefs().stream()
                .map(m -> new Weighted(m.sql(), Math.min(1.0, SCRAPE_SECONDS / m.intervalSeconds()))).toList();
    }

    /**
     * Both sets on one connection: five rounds of warm-up, then {@value #RUNS} rounds that alternate which set goes
     * first, so neither always runs on a colder JIT or a busier moment; per statement the median of its runs.
     */
    static List<List<Cost>> measure(List<Weighted> vigil, List<String> reference, Connection c, ServerTimer timer) throws SQLException {
        List<Weighted> ref = reference.stream().map(sql -> new Weighted(sql, 1.0)).toList();
        for (int i = 0; i < 5; i++) {
            for (Weighted w : vigil) {
                readAll(c, w.sql());
            }
            for (Weighted w : ref) {
                readAll(c, w.sql());
            }
        }
        double[][] vigilClient = new double[vigil.size()][RUNS];
        double[][] vigilServer = new double[vigil.size()][RUNS];
        double[][] refClient = new double[ref.size()][RUNS];
        double[][] refServer = new double[ref.size()][RUNS];
        long[] vigilRows = new long[vigil.size()];
        long[] refRows = new long[ref.size()];
        for (int i = 0; i < RUNS; i++) {
            if (i % 2 == 0) {
                round(vigil, c, timer, i, vigilClient, vigilServer, vigilRows);
                round(ref, c, timer, i, refClient, refServer, refRows);
            } else {
                round(ref, c, timer, i, refClient, refServer, refRows);
                round(vigil, c, timer, i, vigilClient, vigilServer, vigilRows);
            }
        }
        List<Cost> v = new ArrayList<>();
        for (int k = 0; k < vigil.size(); k++) {
            v.add(new Cost(vigil.get(k).sql(), vigil.get(k).weight(), vigilRows[k], median(vigilClient[k]), median(vigilServer[k])));
        }
        List<Cost> r = new ArrayList<>();
        for (int k = 0; k < ref.size(); k++) {
            r.add(new Cost(ref.get(k).sql(), 1.0, refRows[k], median(refClient[k]), median(refServer[k])));
        }
        return List.of(v, r);
    }

    static void round(List<Weighted> set, Connection c, ServerTimer timer, int run, double[][] client, double[][] server, long[] rows)
            throws SQLException {
        for (int k = 0; k < set.size(); k++) {
            long t0 = System.nanoTime();
            rows[k] = readAll(c, set.get(k).sql());
            client[k][run] = (System.nanoTime() - t0) / 1e6;
        }
        for (int k = 0; k < set.size(); k++) {
            server[k][run] = timer.ms(c, set.get(k).sql());
        }
    }

    /** Runs a statement and reads every column of every row, as a scraper or a mirror does; returns the rows. */
    static long readAll(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (!s.execute(sql)) {
                return 0;
            }
            long rows = 0;
            try (ResultSet rs = s.getResultSet()) {
                int columns = rs.getMetaData().getColumnCount();
                while (rs.next()) {
                    for (int i = 1; i <= columns; i++) {
                        rs.getObject(i);
                    }
                    rows++;
                }
            }
            return rows;
        }
    }

    /** MariaDB's own duration of the statement, from SHOW PROFILES (profiling is on for the session). */
    static double mysqlServerMs(Connection c, String sql) throws SQLException {
        readAll(c, sql);
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW PROFILES")) {
            double last = Double.NaN;
            while (rs.next()) {
                last = rs.getDouble("Duration") * 1000; // the newest entry is the statement just run
            }
            return last;
        }
    }

    private static final Pattern PLAN_TIME = Pattern.compile("\"(Planning|Execution) Time\":\\s*([0-9.]+)");

    /** PostgreSQL's planning plus execution time of the statement, from EXPLAIN ANALYZE (SHOW has no plan: 0). */
    static double postgresServerMs(Connection c, String sql) throws SQLException {
        if (!sql.strip().toUpperCase().startsWith("SELECT")) {
            return 0;
        }
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("EXPLAIN (ANALYZE, FORMAT JSON) " + sql)) {
            rs.next();
            Matcher m = PLAN_TIME.matcher(rs.getString(1));
            double ms = 0;
            while (m.find()) {
                ms += Double.parseDouble(m.group(2));
            }
            return ms;
        }
    }

    /** Vigil's whole mirror cycle as the collector runs it (pull, cache write into embedded H2, ledger): every mirror once. */
    static void mirrorCycle(Target target, TargetKind kind) throws Exception {
        Path dir = Files.createTempDirectory("vigil-packcost");
        try (TargetConnections connections = new TargetConnections(new DemoOracles()); CacheDb cache = CacheDb.embedded(dir)) {
            MirrorJob job = new MirrorJob(connections, cache, new InMemoryLedger());
            List<MirrorDef> mirrors = Packs.shipped(kind).mirrorDefs();
            mirrors.forEach(m -> job.run(target, m)); // creates the cache tables
            double[] ms = new double[RUNS];
            for (int i = 0; i < RUNS; i++) {
                long t0 = System.nanoTime();
                mirrors.forEach(m -> job.run(target, m));
                ms[i] = (System.nanoTime() - t0) / 1e6;
            }
            System.out.printf("  Vigil's mirror jobs, every mirror once, pull + cache write + ledger: %.1f ms (median of %d)%n%n", median(ms), RUNS);
        }
    }

    static void print(String server, List<Cost> vigil, List<Cost> defaults, List<Cost> reference, String defaultsName, String extraName) {
        System.out.println(server);
        System.out.printf("  %-66s %10s %8s %11s %11s%n", "", "statements", "rows", "client ms", "server ms");
        double[] all = sums(vigil, false);
        double[] per = sums(vigil, true);
        double[] def = sums(defaults, false);
        double[] ref = sums(reference, false);
        line("Vigil, every mirror once", all);
        line("Vigil, per " + (int) SCRAPE_SECONDS + " s (each mirror weighted by its interval)", per);
        line("reference: one scrape, " + defaultsName, def);
        if (extraName != null) {
            line("reference: one scrape, " + extraName, ref);
        }
        double[] against = extraName != null ? ref : def;
        System.out.printf("  ratio Vigil per %d s / reference scrape: statements %.2f, rows %.2f, client time %.2f, server time %.2f%n",
                (int) SCRAPE_SECONDS, per[0] / against[0], per[1] / against[1], per[2] / against[2], per[3] / against[3]);
        System.out.printf("  ratio Vigil every mirror once / reference scrape: statements %.2f, rows %.2f, client time %.2f, server time %.2f%n",
                all[0] / against[0], all[1] / against[1], all[2] / against[2], all[3] / against[3]);
        System.out.println("  per statement (Vigil):");
        vigil.forEach(c -> System.out.printf("    x%.2f %6d rows %7.2f ms client %7.2f ms server  %s%n", c.weight(), c.rows(), c.clientMs(),
                c.serverMs(), shorten(c.sql())));
        System.out.println("  per statement (reference):");
        reference.forEach(c -> System.out.printf("          %6d rows %7.2f ms client %7.2f ms server  %s%n", c.rows(), c.clientMs(), c.serverMs(),
                shorten(c.sql())));
    }

    static void line(String what, double[] s) {
        System.out.printf("  %-66s %10.2f %8.0f %11.2f %11.2f%n", what, s[0], s[1], s[2], s[3]);
    }

    /** statements, rows, client ms, server ms; weighted or each once. */
    static double[] sums(List<Cost> costs, boolean weighted) {
        double[] s = new double[4];
        for (Cost c : costs) {
            double w = weighted ? c.weight() : 1;
            s[0] += w;
            s[1] += w * c.rows();
            s[2] += w * c.clientMs();
            s[3] += w * c.serverMs();
        }
        return s;
    }

    static String shorten(String sql) {
        String one = sql.replaceAll("\\s+", " ").strip();
        return one.length() > 70 ? one.substring(0, 70) + "…" : one;
    }

    static String version(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return sorted[sorted.length / 2];
    }

    private PackCostBenchmark() {
    }
}
