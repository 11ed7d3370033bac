package io.vigil.gather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.SQLTransactionRollbackException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.ConnectBy;
import io.vigil.config.MetricDef;
import io.vigil.config.MetricType;
import io.vigil.config.Pack;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.RangeQuery;
import io.vigil.series.Retention;
import io.vigil.series.Series;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.testsupport.JdbcServer;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/**
 * The MySQL and PostgreSQL packs' families move the way the server does when the test makes something happen: selects,
 * a refused login and a deadlock on MariaDB; an idle-in-transaction session, dead tuples and a vacuum, temporary files,
 * WAL, a checkpoint and an inactive replication slot on PostgreSQL. Each figure goes the whole way: mirror, cache,
 * pick and (for counters) the rate as archived.
 */
class PackFamiliesOnRealServersIT {

    @TempDir
    Path folder;

    @Test
    void mariadbCommandsHandlersAbortedConnectsAndDeadlocksFollowWhatTheTestDid() throws Exception {
        try (TestDatabase db = RealServices.mariadb().createDatabase("myfam")) {
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE pair (id INT PRIMARY KEY, n INT) ENGINE=InnoDB");
                s.execute("INSERT INTO pair VALUES (1, 0), (2, 0)");
            }
            Target t = new Target(1, "maria", TargetKind.MYSQL, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "", db.user(),
                    Secret.of(db.password()), List.of(), true);
            List<String> counters = List.of("mysql.commands", "mysql.handler", "mysql.innodb.rows", "mysql.connections.aborted",
                    "mysql.innodb.lock_deadlocks", "mysql.innodb.buffer_pool_reads");
            try (Harness h = new Harness(t, folder.resolve("my"))) {
                h.mirror("global_status", "innodb_metrics");
                counters.forEach(h::gather);

                int selects = 500;
                try (Connection c = connect(db); Statement s = c.createStatement()) {
                    for (int i = 0; i < selects; i++) {
                        s.executeQuery("SELECT n FROM pair WHERE id = 1").close();
                    }
                }
                assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password() + "-wrong").close())
                        .isInstanceOf(SQLException.class);
                deadlock(db);

                Thread.sleep(1_100);
                h.mirror("global_status", "innodb_metrics");
                counters.forEach(h::gather);

                assertThat(h.counted("mysql.commands", Map.of("command", "select")))
                        .as("selects counted between the snapshots (the test ran %d)", selects).isGreaterThanOrEqualTo(selects * 0.99);
                assertThat(h.counted("mysql.handler", Map.of("operation", "read_key")))
                        .as("index look-ups by primary key").isGreaterThanOrEqualTo(selects * 0.99);
                boolean innodbRows;
                try (Connection c = connect(db); Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Innodb_rows_read'")) {
                    innodbRows = rs.next();
                }
                if (innodbRows) { // MySQL
                    assertThat(h.counted("mysql.innodb.rows", Map.of("operation", "read"))).isPositive();
                } else { // MariaDB 10.11 has no Innodb_rows_* (the description says so): no value rather than a made-up 0
                    assertThat(h.pick("mysql.innodb.rows")).isEmpty();
                }
                assertThat(h.counted("mysql.innodb.buffer_pool_reads", Map.of("source", "memory"))).isPositive();
                assertThat(h.counted("mysql.connections.aborted", Map.of("kind", "connects")))
                        .as("the refused login").isGreaterThanOrEqualTo(0.99);
                assertThat(h.counted("mysql.innodb.lock_deadlocks", Map.of()))
                        .as("the deadlock, from information_schema.innodb_metrics").isGreaterThanOrEqualTo(0.99);

                Map<String, Double> pages = h.pickByLabel("mysql.innodb.buffer_pool_pages", "state");
                assertThat(pages).containsOnlyKeys("total", "data", "dirty", "free");
                assertThat(pages.get("total")).isPositive();
                assertThat(pages.get("data") + pages.get("free")).isLessThanOrEqualTo(pages.get("total"));
                assertThat(pages.get("dirty")).isLessThanOrEqualTo(pages.get("data"));
                assertThat(h.pickByLabel("mysql.connections.errors", "cause")).containsKeys("max_connections", "internal")
                        .allSatisfy((cause, v) -> assertThat(v).isNotNegative());
                assertThat(h.pickByLabel("mysql.innodb.data_io", "kind")).containsOnlyKeys("read", "written", "redo_log");
                assertThat(h.pickByLabel("mysql.table_open_cache", "kind")).containsOnlyKeys("hits", "misses", "opened");
                assertThat(h.pickByLabel("mysql.tmp_tables", "kind")).containsOnlyKeys("all", "disk");
                assertThat(h.pickOne("mysql.threads.cached")).isNotNegative();
                assertThat(h.pickOne("mysql.innodb.history_length")).isNotNegative();
                assertThat(h.pickOne("mysql.innodb.lock_timeouts")).isNotNegative();
                h.mirror("replica");
                // this server is a primary: SHOW SLAVE STATUS has no row, so the replica figures have no value rather than a made-up 0
                assertThat(h.pick("mysql.replication.thread_running")).isEmpty();
                assertThat(h.pick("mysql.replication.last_error")).isEmpty();
            }
        }
    }

    @Test
    void mariadbReplicaThatCannotReachItsSourceShowsItsThreadsAndLastError() throws Exception {
        JdbcServer replica = RealServices.privateMariadb();
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        try (Connection admin = replica.adminConnection(); Statement s = admin.createStatement()) {
            s.execute("CHANGE MASTER TO MASTER_HOST = '127.0.0.1', MASTER_PORT = " + closed
                    + ", MASTER_USER = 'repl', MASTER_PASSWORD = 'repl', MASTER_CONNECT_RETRY = 1");
            s.execute("START SLAVE");
        }
        try (TestDatabase db = replica.createDatabase("myrepl");
             Harness h = new Harness(new Target(3, "replica", TargetKind.MYSQL, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "",
                     db.user(), Secret.of(db.password()), List.of(), true), folder.resolve("replica"))) {
            double ioError = h.eventually("replica", () -> h.pickByLabel("mysql.replication.last_error", "thread").get("io"), v -> v > 0);
            assertThat(ioError).as("the I/O thread's error: it cannot connect to the source (2003)").isEqualTo(2003);
            assertThat(h.pickByLabel("mysql.replication.last_error", "thread").get("sql")).isZero();
            assertThat(h.pickByLabel("mysql.replication.thread_running", "thread")).containsEntry("io", 0.0).containsEntry("sql", 1.0);
            assertThat(h.pickOne("mysql.replication.threads_stopped")).isEqualTo(1);
            assertThat(h.pick("mysql.replication.lag_seconds")).as("no lag is known while the I/O thread is down")
                    .allSatisfy(v -> assertThat(v.value()).isNaN());
            // SHOW SLAVE STATUS declares these as 3 and 20 characters; the cache keeps the whole text
            try (Connection c = h.cache.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT slave_io_running, last_io_error FROM my_replica WHERE target_id = 3")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isIn("Connecting", "No");
                assertThat(rs.getString(2)).startsWith("error connecting to master").contains(String.valueOf(closed)).doesNotEndWith("\u2026");
            }
        } finally {
            try (Connection admin = replica.adminConnection(); Statement s = admin.createStatement()) {
                s.execute("STOP SLAVE");
            }
        }
    }

    /** Two transactions that each lock a row the other then wants: InnoDB rolls one back. */
    private static void deadlock(TestDatabase db) throws Exception {
        try (Connection a = connect(db); Connection b = connect(db); Statement sa = a.createStatement(); Statement sb = b.createStatement()) {
            a.setAutoCommit(false);
            b.setAutoCommit(false);
            sa.executeUpdate("UPDATE pair SET n = n + 1 WHERE id = 1");
            sb.executeUpdate("UPDATE pair SET n = n + 1 WHERE id = 2");
            CompletableFuture<Void> bWaits = CompletableFuture.runAsync(() -> {
                try {
                    sb.executeUpdate("UPDATE pair SET n = n + 1 WHERE id = 1");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            Thread.sleep(500); // b now waits for a's row
            Throwable victim = null;
            try {
                sa.executeUpdate("UPDATE pair SET n = n + 1 WHERE id = 2");
            } catch (SQLTransactionRollbackException e) {
                victim = e;
            }
            try {
                bWaits.get(30, TimeUnit.SECONDS);
            } catch (java.util.concurrent.ExecutionException e) {
                victim = e.getCause().getCause();
            }
            assertThat(victim).as("one side is chosen as the deadlock victim").isInstanceOf(SQLTransactionRollbackException.class);
            a.rollback();
            b.rollback();
        }
    }

    @Test
    void postgresCountsAnIdleInTransactionSessionAndTheSnapshotItHolds() throws Exception {
        try (TestDatabase db = RealServices.postgres().createDatabase("pgidle")) {
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE ticks (n BIGINT)");
            }
            try (Harness h = new Harness(pgTarget(db), folder.resolve("idle"));
                 Connection held = connect(db); Statement s = held.createStatement()) {
                held.setAutoCommit(false);
                held.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
                s.executeQuery("SELECT count(*) FROM ticks").close(); // the snapshot is taken and kept until rollback
                int writes = 25;
                try (Connection w = connect(db); Statement ws = w.createStatement()) {
                    for (int i = 0; i < writes; i++) {
                        ws.execute("INSERT INTO ticks VALUES (" + i + ")"); // one transaction ID each
                    }
                }
                Thread.sleep(2_100);
                h.mirror("activity");

                Map<String, Double> sessions = h.pickByLabel("pg.sessions", "state");
                assertThat(sessions).as("every state has a value, zero included").containsOnlyKeys("active", "idle", "idle in transaction",
                        "idle in transaction (aborted)", "fastpath function call", "disabled");
                assertThat(sessions.get("idle in transaction")).isGreaterThanOrEqualTo(1);
                assertThat(h.pickOne("pg.idle_in_transaction.longest_seconds")).isGreaterThanOrEqualTo(2);
                assertThat(h.pickOne("pg.xact.oldest_xmin_age")).as("transactions since the held snapshot").isGreaterThanOrEqualTo(writes);
                held.rollback();
            }
        }
    }

    @Test
    void postgresShowsDeadTuplesUntilAVacuumAndThenHowLongAgoItRan() throws Exception {
        try (TestDatabase db = RealServices.postgres().createDatabase("pgdead")) {
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE churn (id INT PRIMARY KEY, pad TEXT) WITH (autovacuum_enabled = false)");
                s.execute("INSERT INTO churn SELECT g, repeat('x', 50) FROM generate_series(1, 1000) g");
                s.execute("DELETE FROM churn WHERE id <= 400");
            } // the backend reports its table counters when it ends
            try (Harness h = new Harness(pgTarget(db), folder.resolve("dead"))) {
                double dead = h.eventually("table_stats", () -> h.pickByLabel("pg.table.dead_tuples", "relation").getOrDefault("public.churn", 0.0),
                        v -> v > 0);
                assertThat(dead).as("dead tuples of the 400 deleted rows (page pruning may have removed some)").isBetween(1.0, 400.0);
                assertThat(h.pickByLabel("pg.table.dead_pct", "relation").get("public.churn")).isCloseTo(100.0 * dead / (600 + dead), within(0.5));
                assertThat(h.pickByLabel("pg.table.vacuum_age_seconds", "relation").get("public.churn")).as("never vacuumed: no value").isNaN();

                try (Connection c = connect(db); Statement s = c.createStatement()) {
                    s.execute("VACUUM ANALYZE churn");
                }
                double after = h.eventually("table_stats", () -> h.pickByLabel("pg.table.dead_tuples", "relation").get("public.churn"),
                        v -> v == 0);
                assertThat(after).isZero();
                assertThat(h.pickByLabel("pg.table.vacuum_age_seconds", "relation").get("public.churn")).isBetween(0.0, 60.0);
                assertThat(h.pickByLabel("pg.table.analyze_age_seconds", "relation").get("public.churn")).isBetween(0.0, 60.0);
            }
        }
    }

    @Test
    void postgresWalTempFilesCheckpointsAndAnInactiveSlotFollowWhatTheTestDid() throws Exception {
        try (TestDatabase db = RealServices.postgres().createDatabase("pgwal")) {
            String slot = db.name() + "_slot";
            try (Connection admin = RealServices.postgres().adminConnection(); Statement s = admin.createStatement()) {
                s.execute("SELECT pg_create_physical_replication_slot('" + slot + "', true)"); // reserves WAL from now on
            }
            try (Harness h = new Harness(pgTarget(db), folder.resolve("wal"))) {
                List<String> mirrors = List.of("stat_database", "wal", "bgwriter", "replication_slots", "archiver", "database_age");
                List<String> counters = List.of("pg.wal.bytes", "pg.temp_files", "pg.temp_bytes", "pg.checkpoints", "pg.buffers_written",
                        "pg.io.block_time", "pg.archiver.failed");
                Instant t1 = h.mirror(mirrors.toArray(String[]::new));
                counters.forEach(h::gather);

                long walBefore;
                long walAfter;
                try (Connection c = connect(db); Statement s = c.createStatement()) {
                    walBefore = longOf(s, "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
                    s.execute("CREATE TABLE bulk (id INT, pad TEXT)");
                    s.execute("INSERT INTO bulk SELECT g, repeat('y', 100) FROM generate_series(1, 20000) g");
                    s.execute("SET work_mem = '64kB'");
                    s.executeQuery("SELECT count(*) FROM (SELECT g FROM generate_series(1, 200000) g ORDER BY g DESC) x").close(); // spills
                    walAfter = longOf(s, "SELECT pg_wal_lsn_diff(pg_current_wal_lsn(), '0/0')::bigint");
                }
                try (Connection admin = RealServices.postgres().adminConnection(); Statement s = admin.createStatement()) {
                    s.execute("CHECKPOINT");
                }
                Thread.sleep(1_100);
                h.mirror(mirrors.toArray(String[]::new));
                counters.forEach(h::gather);

                assertThat(h.counted("pg.wal.bytes", Map.of())).as("WAL between the snapshots, at least what the test wrote")
                        .isGreaterThanOrEqualTo(walAfter - walBefore);
                Map<String, Double> retained = h.pickByLabel("pg.replication_slot.inactive_retained_bytes", "slot_name");
                assertThat(retained.get(slot)).as("WAL the unused slot keeps").isGreaterThanOrEqualTo((double) (walAfter - walBefore));
                assertThat(h.pickOne("pg.replication_slots.inactive")).isGreaterThanOrEqualTo(1);
                assertThat(h.pickByLabel("pg.replication_slot.retained_bytes", "slot_name")).containsKey(slot);

                // the backend and the checkpointer report their counters a moment after the work: more snapshots until they show
                double tempFiles = h.eventuallyRate(mirrors, counters, "pg.temp_files", Map.of("datname", db.name()), t1);
                assertThat(tempFiles).as("temporary files of the spilled sort").isPositive();
                assertThat(h.eventuallyRate(mirrors, counters, "pg.temp_bytes", Map.of("datname", db.name()), t1)).isPositive();
                assertThat(h.eventuallyRate(mirrors, counters, "pg.checkpoints", Map.of("kind", "requested"), t1))
                        .as("the CHECKPOINT the test ran").isPositive();
                assertThat(h.pointsSince("pg.checkpoints", Map.of("kind", "timed"), t1)).isNotEmpty();
                assertThat(h.pointsSince("pg.buffers_written", Map.of("writer", "checkpointer"), t1)).isNotEmpty();
                assertThat(h.pointsSince("pg.io.block_time", Map.of("datname", db.name(), "kind", "read"), t1))
                        .allSatisfy(v -> assertThat(v).isNotNegative());
                assertThat(h.pickOne("pg.checkpoints.requested_pct")).isBetween(0.0, 100.0);

                assertThat(h.pickOne("pg.archiver.failing")).as("archive_mode is off here: nothing fails").isZero();
                Map<String, Double> ages = h.pickByLabel("pg.xid.age", "datname");
                assertThat(ages.get(db.name())).isPositive();
                assertThat(h.pickByLabel("pg.mxid.age", "datname")).containsKey(db.name()).allSatisfy((d, v) -> assertThat(v).isNotNegative());
                double oldest = ages.values().stream().mapToDouble(Double::doubleValue).max().orElseThrow();
                assertThat(h.pickOne("pg.xid.wraparound_left_pct")).isCloseTo(100.0 * (2147483648.0 - oldest) / 2147483648.0, within(1e-6))
                        .isBetween(50.0, 100.0);
            } finally {
                try (Connection admin = RealServices.postgres().adminConnection(); Statement s = admin.createStatement()) {
                    s.execute("SELECT pg_drop_replication_slot('" + slot + "')");
                }
            }
        }
    }

    private static Target pgTarget(TestDatabase db) {
        return new Target(2, "pg", TargetKind.POSTGRES, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "", db.user(),
                Secret.of(db.password()), List.of(), true);
    }

    private static Connection connect(TestDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    private static long longOf(Statement s, String sql) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @FunctionalInterface
    interface Reading {
        Double read() throws Exception;
    }

    /** One target's pack on an embedded cache and series store, run step by step as the collector would. */
    private static final class Harness implements AutoCloseable {

        private final Target target;
        private final Pack pack;
        private final TargetConnections connections = new TargetConnections(new DemoOracles());
        private final CacheDb cache;
        private final H2SeriesStore series;
        private final MirrorJob mirrorJob;
        private final GatherJob gather;

        Harness(Target target, Path dir) {
            this.target = target;
            this.pack = Packs.shipped(target.kind().packKind());
            this.cache = CacheDb.embedded(dir);
            this.series = new H2SeriesStore(dir, Retention.defaults(), Clock.systemUTC());
            InMemoryLedger ledger = new InMemoryLedger();
            this.mirrorJob = new MirrorJob(connections, cache, ledger);
            this.gather = new GatherJob(cache.dataSource(), ledger, new Archive(series, new Spool(dir.resolve("spool"), 1 << 20)),
                    Clock.systemUTC());
        }

        private final Map<String, Instant> previousSync = new HashMap<>();
        private final Map<String, Instant> lastSync = new HashMap<>();

        /** Runs the mirrors; returns the source time of the last. */
        Instant mirror(String... names) {
            Instant last = null;
            for (String name : names) {
                last = mirrorJob.run(target, pack.mirrorDefs().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow())
                        .sourceTime();
                Instant before = lastSync.put(name, last);
                if (before != null) {
                    previousSync.put(name, before);
                }
            }
            return last;
        }

        /** What a counter's archived rate at its mirror's last sync says happened since the sync before: rate times seconds. */
        double counted(String metric, Map<String, String> labels) {
            String mirror = metric(metric).mirrors().getFirst();
            Instant at = lastSync.get(mirror);
            return rate(metric, labels, at) * (Duration.between(previousSync.get(mirror), at).toMillis() / 1000.0);
        }

        void gather(String metric) {
            GatherResult r = gather.run(target, metric(metric), "same");
            assertThat(r.outcome()).as(metric + ": " + r.reason()).isEqualTo(GatherResult.Outcome.PICKED);
        }

        MetricDef metric(String name) {
            return pack.metricDefs().stream().filter(m -> m.name().equals(name)).findFirst().orElseThrow();
        }

        List<PickedValue> pick(String metric) throws SQLException {
            try (Connection c = cache.dataSource().getConnection()) {
                return Pick.run(c, metric(metric), target.id());
            }
        }

        double pickOne(String metric) throws SQLException {
            List<PickedValue> values = pick(metric);
            assertThat(values).as(metric).hasSize(1);
            return values.getFirst().value();
        }

        Map<String, Double> pickByLabel(String metric, String label) throws SQLException {
            return pick(metric).stream().collect(Collectors.toMap(v -> v.labels().get(label), PickedValue::value));
        }

        /** The archived rate of a counter at one snapshot time. */
        double rate(String metric, Map<String, String> labels, Instant at) {
            assertThat(metric(metric).type()).isEqualTo(MetricType.COUNTER);
            Map<String, String> tags = new HashMap<>(labels);
            tags.put("target", target.name());
            List<Series> got = series.query(new RangeQuery(metric, tags, at.minusSeconds(1), at.plusSeconds(1), 10));
            assertThat(got).as(metric + " " + labels + " archived at " + at).hasSize(1);
            assertThat(got.getFirst().values()).as(metric + " " + labels + " archived at " + at).hasSize(1);
            return got.getFirst().values()[0];
        }

        List<Double> pointsSince(String metric, Map<String, String> labels, Instant from) {
            Map<String, String> tags = new HashMap<>(labels);
            tags.put("target", target.name());
            List<Double> values = new ArrayList<>();
            for (Series s : series.query(new RangeQuery(metric, tags, from, Instant.now().plusSeconds(1), 1000))) {
                for (double v : s.values()) {
                    values.add(v);
                }
            }
            return values;
        }

        /** The largest rate archived since {@code from}, taking further snapshots (for up to 15 s) while none is above zero. */
        double eventuallyRate(List<String> mirrors, List<String> counters, String metric, Map<String, String> labels, Instant from)
                throws InterruptedException {
            long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (true) {
                double best = pointsSince(metric, labels, from).stream().mapToDouble(Double::doubleValue).max().orElse(0);
                if (best > 0 || System.nanoTime() > until) {
                    return best;
                }
                Thread.sleep(1_100);
                mirror(mirrors.toArray(String[]::new));
                counters.forEach(this::gather);
            }
        }

        /** Mirrors and reads until the value passes, for up to 15 s; returns the last value read. */
        double eventually(String mirror, Reading reading, java.util.function.DoublePredicate done) throws Exception {
            long until = System.nanoTime() + Duration.ofSeconds(15).toNanos();
            while (true) {
                mirror(mirror);
                Double v = reading.read();
                if (v != null && done.test(v) || System.nanoTime() > until) {
                    return v == null ? Double.NaN : v;
                }
                Thread.sleep(500);
            }
        }

        @Override
        public void close() {
            series.close();
            cache.close();
            connections.close();
        }
    }
}
