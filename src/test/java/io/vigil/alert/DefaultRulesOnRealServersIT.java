package io.vigil.alert;

import io.vigil.i18n.Reason;
import io.vigil.schedule.JobKey;
import static org.assertj.core.api.Assertions.assertThat;

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
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.Alert;
import io.vigil.config.AlertState;
import io.vigil.config.ConnectBy;
import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.Pack;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.Severity;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.gather.Archive;
import io.vigil.gather.GatherJob;
import io.vigil.gather.GatherResult;
import io.vigil.gather.Spool;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.schedule.StatusEvent;
import io.vigil.schedule.StatusEvent.Status;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Retention;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.testsupport.JdbcServer;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;
import io.vigil.watch.BoardObservations;
import io.vigil.watch.JobBoard;
import io.vigil.watch.LatestValues;

/**
 * Default alerts of the MySQL and PostgreSQL packs fired by the real thing on private servers (so lowering a limit or
 * breaking archiving disturbs no one): a deadlock and a refusal at max_connections on MariaDB, a failing WAL archiver
 * on PostgreSQL; and resolved when it stops. The pack's own mirror, metric and rule definitions run through the real
 * mirror and gather jobs and the rule engine, whose clock the test moves past a rule's hold.
 */
class DefaultRulesOnRealServersIT {

    @TempDir
    Path folder;

    @Test
    void aDeadlockAndAConnectionRefusedAtMaxConnectionsFireAndTheNextQuietSnapshotResolvesThem() throws Exception {
        JdbcServer server = RealServices.privateMariadb();
        try (TestDatabase db = server.createDatabase("myrules");
             TargetConnections connections = new TargetConnections(new DemoOracles());
             CacheDb cache = CacheDb.embedded(folder);
             H2SeriesStore series = new H2SeriesStore(folder, Retention.defaults(), Clock.systemUTC())) {
            try (Connection c = connect(db); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE pair (id INT PRIMARY KEY, n INT) ENGINE=InnoDB");
                s.execute("INSERT INTO pair VALUES (1, 0), (2, 0)");
            }
            Target t = new Target(1, "maria", TargetKind.MYSQL, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "", db.user(),
                    Secret.of(db.password()), List.of(), true);
            Cycle cycle = new Cycle(t, connections, cache, series, folder.resolve("spool"));
            RuleEngine engine = cycle.engine;
            cycle.run(); // the counters' first readings
            Thread.sleep(1_100);
            cycle.run(); // their first rates: nothing happened
            assertThat(alert(engine, "mysql.deadlocks.rising")).isEmpty();
            assertThat(alert(engine, "mysql.connections.refused")).isEmpty();

            deadlock(db);
            refuseAtMaxConnections(server, db);
            Thread.sleep(1_100);
            cycle.run();
            assertThat(alert(engine, "mysql.deadlocks.rising")).get().satisfies(a -> {
                assertThat(a.state()).isEqualTo(AlertState.FIRING);
                assertThat(a.severity()).isEqualTo(Severity.WARN);
            });
            assertThat(alert(engine, "mysql.connections.refused")).get().satisfies(a -> {
                assertThat(a.state()).isEqualTo(AlertState.FIRING);
                assertThat(a.key().series()).contains("cause=max_connections");
            });

            Thread.sleep(1_100);
            cycle.run();
            assertThat(alert(engine, "mysql.deadlocks.rising")).get().extracting(Alert::state).isEqualTo(AlertState.RESOLVED);
            assertThat(alert(engine, "mysql.connections.refused")).get().extracting(Alert::state).isEqualTo(AlertState.RESOLVED);
        }
    }

    @Test
    void aFailingArchiverFiresAfterItsHoldAndResolvesOnceAnArchiveSucceeds() throws Exception {
        JdbcServer server = RealServices.privatePostgres("archive_mode=on"); // archive_command set below: a reload changes it
        try (TestDatabase db = server.createDatabase("pgarch");
             TargetConnections connections = new TargetConnections(new DemoOracles());
             CacheDb cache = CacheDb.embedded(folder);
             H2SeriesStore series = new H2SeriesStore(folder, Retention.defaults(), Clock.systemUTC())) {
            Target t = new Target(2, "pg", TargetKind.POSTGRES, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "", db.user(),
                    Secret.of(db.password()), List.of(), true);
            Cycle cycle = new Cycle(t, connections, cache, series, folder.resolve("spool"));
            cycle.run();
            assertThat(alert(cycle.engine, "pg.archiver.failing")).isEmpty();

            try (Connection admin = server.adminConnection(); Statement s = admin.createStatement()) {
                s.execute("ALTER SYSTEM SET archive_command = 'false'");
                s.execute("SELECT pg_reload_conf()");
                s.execute("CREATE TABLE IF NOT EXISTS wal_filler (n INT)");
                s.execute("INSERT INTO wal_filler VALUES (1)");
                s.execute("SELECT pg_switch_wal()"); // a full segment to archive, which 'false' refuses
            }
            cycle.until(() -> alert(cycle.engine, "pg.archiver.failing").isPresent());
            assertThat(alert(cycle.engine, "pg.archiver.failing")).get().extracting(Alert::state).as("while its hold runs")
                    .isEqualTo(AlertState.PENDING);
            cycle.later(Duration.ofSeconds(300));
            assertThat(alert(cycle.engine, "pg.archiver.failing")).get().satisfies(a -> {
                assertThat(a.state()).isEqualTo(AlertState.FIRING);
                assertThat(a.severity()).isEqualTo(Severity.CRIT);
            });
            assertThat(cycle.latest.of("pg", "pg.archiver.last_failure_age_seconds")).singleElement()
                    .satisfies(p -> assertThat(p.value()).isBetween(0.0, 120.0));

            try (Connection admin = server.adminConnection(); Statement s = admin.createStatement()) {
                s.execute("ALTER SYSTEM SET archive_command = 'true'");
                s.execute("SELECT pg_reload_conf()");
            }
            cycle.until(() -> alert(cycle.engine, "pg.archiver.failing").map(a -> a.state() == AlertState.RESOLVED).orElse(false));
            assertThat(cycle.latest.of("pg", "pg.archiver.failed")).as("failures per second while it failed").isNotEmpty();
        }
    }

    /** One target's pack run as the collector would: every mirror and metric, then the rules, on a clock the test moves. */
    private static final class Cycle {

        final Target target;
        final Pack pack;
        final JobBoard board = new JobBoard();
        final LatestValues latest = new LatestValues();
        final MirrorJob mirrors;
        final GatherJob gather;
        final RulePlan plan;
        final RuleEngine engine;
        Instant now = Instant.now();

        Cycle(Target target, TargetConnections connections, CacheDb cache, H2SeriesStore series, Path spool) {
            this.target = target;
            this.pack = Packs.shipped(target.kind().packKind());
            InMemoryLedger ledger = new InMemoryLedger();
            this.mirrors = new MirrorJob(connections, cache, ledger);
            this.gather = new GatherJob(cache.dataSource(), ledger, new Archive(series, new Spool(spool, 1_000_000), latest::add), Clock.systemUTC());
            this.plan = new RulePlan(List.of(target), pack.ruleDefs(), pack.metricDefs(), pack.mirrorDefs());
            this.engine = new RuleEngine(List.of(), now);
        }

        /** Mirrors, gathers and evaluates once, a second later on the rules' clock. */
        void run() {
            for (MirrorDef m : pack.mirrorDefs()) {
                mirrors.run(target, m);
                board.accept(new StatusEvent(target.id(), target.name(), JobKey.mirror(m.name()), Status.OK, Reason.NONE, Duration.ZERO, 0, now));
            }
            for (MetricDef m : pack.metricDefs()) {
                GatherResult r = gather.run(target, m, "same");
                board.accept(new StatusEvent(target.id(), target.name(), JobKey.metric(m.name()),
                        r.outcome() == GatherResult.Outcome.PICKED ? Status.OK : Status.STALE, Reason.NONE, Duration.ZERO, 0, now));
            }
            later(Duration.ofSeconds(1));
        }

        /** Moves the rules' clock and evaluates on what was last gathered. */
        void later(Duration d) {
            now = now.plus(d);
            engine.evaluate(plan, new BoardObservations(board, latest, Clock.fixed(now, java.time.ZoneOffset.UTC)), id -> false, now);
        }

        /** Runs a cycle a second or so until the condition holds, for up to 30 s. */
        void until(java.util.function.BooleanSupplier done) throws InterruptedException {
            long end = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (!done.getAsBoolean()) {
                assertThat(System.nanoTime()).as("waited 30 s; alerts: " + engine.alerts()).isLessThan(end);
                Thread.sleep(1_100);
                run();
            }
        }
    }

    private static Optional<Alert> alert(RuleEngine engine, String rule) {
        return engine.alerts().stream().filter(a -> a.key().rule().equals(rule)).findFirst();
    }

    private static Connection connect(TestDatabase db) throws SQLException {
        return DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
    }

    /**
     * Lowers max_connections to its least (10) and logs in until refused; an administrator then takes the one extra
     * connection kept for them, and the login after that is refused before it is even authenticated, which is what
     * Connection_errors_max_connections counts. The limit is put back.
     */
    private static void refuseAtMaxConnections(JdbcServer server, TestDatabase db) throws SQLException {
        try (Connection admin = server.adminConnection(); Statement s = admin.createStatement()) {
            long before = maxConnections(s);
            s.execute("SET GLOBAL max_connections = 10");
            List<Connection> held = new java.util.ArrayList<>();
            SQLException refused = null;
            try {
                while (refused == null && held.size() < 20) {
                    try {
                        held.add(connect(db));
                    } catch (SQLException e) {
                        refused = e;
                    }
                }
                assertThat((Throwable) refused).as("a login past max_connections").isNotNull().hasMessageContaining("Too many connections");
                refused = null;
                held.add(server.adminConnection()); // the extra connection
                try {
                    held.add(connect(db));
                } catch (SQLException e) {
                    refused = e;
                }
            } finally {
                s.execute("SET GLOBAL max_connections = " + before);
                for (Connection c : held) {
                    c.close();
                }
            }
            assertThat((Throwable) refused).as("a login past the extra connection").isNotNull().hasMessageContaining("Too many connections");
        }
    }

    private static long maxConnections(Statement s) throws SQLException {
        try (ResultSet rs = s.executeQuery("SELECT @@global.max_connections")) {
            rs.next();
            return rs.getLong(1);
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
            Thread.sleep(500);
            Throwable victim = null;
            try {
                sa.executeUpdate("UPDATE pair SET n = n + 1 WHERE id = 2");
            } catch (SQLTransactionRollbackException e) {
                victim = e;
            }
            try {
                bWaits.get(30, TimeUnit.SECONDS);
            } catch (ExecutionException e) {
                victim = e.getCause().getCause();
            }
            assertThat(victim).isInstanceOf(SQLTransactionRollbackException.class);
            a.rollback();
            b.rollback();
        }
    }
}
