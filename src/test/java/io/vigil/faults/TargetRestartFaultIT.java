package io.vigil.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.ConnectBy;
import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.Pack;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.schedule.JobKey;
import io.vigil.schedule.StatusEvent.Status;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Retention;
import io.vigil.testsupport.PrivateJdbcServer;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/**
 * A target database restarted under a running collector (a private MariaDB and a private PostgreSQL, stopped cleanly for
 * longer than one interval and started again): collection resumes within two intervals by itself, Vigil's sessions on
 * the target come back to no more than its pool's size, and the counter rates skip the restart. The pack's own mirrors
 * and intervals (15 s) are used, under a steady load the test runs as the server's admin.
 */
class TargetRestartFaultIT {

    /** A target's pool holds at most this many sessions (see TargetConnections). */
    static final int POOL_SIZE = 2;
    /** Two intervals: longer than the pool waits for a connection, so the collector fails and backs off meanwhile. */
    static final Duration DOWN = Duration.ofSeconds(30);

    @TempDir
    Path folder;

    @Test
    void mariadbRestartedUnderTheCollector() throws Exception {
        PrivateJdbcServer server = RealServices.privateMariadb();
        try (TestDatabase db = server.createDatabase("restart")) {
            Target t = new Target(1, "maria", TargetKind.MYSQL, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "", db.user(),
                    Secret.of(db.password()), List.of(), true);
            restart(server, db, t, List.of("global_status"), "mysql.questions", "root",
                    "SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE USER = ?", true);
        } finally {
            server.stop();
        }
    }

    @Test
    void postgresRestartedUnderTheCollector() throws Exception {
        PrivateJdbcServer server = RealServices.privatePostgres();
        try (TestDatabase db = server.createDatabase("restart")) {
            Target t = new Target(2, "pg", TargetKind.POSTGRES, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "", db.user(),
                    Secret.of(db.password()), List.of(), true);
            // PostgreSQL keeps its statistics across a clean shutdown, so its counters need not fall back
            restart(server, db, t, List.of("stat_database", "instance"), "pg.xact_commit", "postgres",
                    "SELECT COUNT(*) FROM pg_stat_activity WHERE usename = ?", false);
        } finally {
            server.stop();
        }
    }

    private void restart(PrivateJdbcServer server, TestDatabase db, Target t, List<String> mirrorNames, String counter, String admin,
                         String sessionsSql, boolean counterResets) throws Exception {
        Pack pack = Packs.shipped(t.kind());
        List<MirrorDef> mirrors = pack.mirrorDefs().stream().filter(m -> mirrorNames.contains(m.name())).toList();
        List<MetricDef> metrics = pack.metricDefs().stream().filter(m -> m.name().equals(counter)).toList();
        assertThat(mirrors).hasSize(mirrorNames.size());
        int interval = mirrors.stream().filter(m -> m.name().equals(mirrorNames.getFirst())).findFirst().orElseThrow().intervalSeconds();
        JobKey mirror = JobKey.mirror(mirrorNames.getFirst());
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = Thread.ofPlatform().daemon().start(() -> load(db.jdbcUrl(), admin, running));
        try (CacheDb cache = CacheDb.embedded(folder);
             H2SeriesStore series = new H2SeriesStore(folder, Retention.defaults(), Clock.systemUTC());
             FaultRig rig = new FaultRig(folder.resolve("spool"), cache, new InMemoryLedger(), series, List.of(t), mirrors, metrics,
                     Map.of(t.kind(), pack.instanceStart()))) {
            // three snapshots' rates (a snapshot gives one per database on PostgreSQL), the load running through them
            assertThat(FaultRig.await(Duration.ofSeconds(5L * interval),
                    () -> rig.seen(counter).stream().map(x -> x.point().time()).distinct().count() >= 3))
                    .as("rates before the restart; events: " + rig.events).isTrue();
            int before = sessions(server, sessionsSql, db.user());
            double highest = rig.seen(counter).stream().mapToDouble(s -> s.point().value()).max().orElseThrow();

            Instant stopped = Instant.now();
            server.stop();
            assertThat(listens(server.port())).as("the target is really down").isFalse();
            Thread.sleep(DOWN.toMillis());
            server.start();
            Instant back = Instant.now();
            System.out.printf("[fault] %s while down: %s%n", t.kind(), rig.events.stream().filter(e -> e.at().isAfter(stopped))
                    .map(e -> e.job() + " " + e.status() + " " + e.reason()).toList());
            assertThat(rig.events).as("the outage was seen").anyMatch(e -> e.status() == Status.ERROR && e.at().isAfter(stopped));

            assertThat(FaultRig.await(Duration.ofSeconds(4L * interval), () -> !rig.events(mirror, Status.OK, back).isEmpty()))
                    .as("mirrors again; events: " + rig.events).isTrue();
            Instant resumed = rig.events(mirror, Status.OK, back).getFirst().at();
            Duration took = Duration.between(back, resumed);
            System.out.printf("[fault] %s restarted (down %d s): first mirror %.1f s after it took logins again (interval %d s)%n",
                    t.kind(), DOWN.toSeconds(), took.toMillis() / 1000.0, interval);
            assertThat(took).as("collection resumes within two intervals").isLessThanOrEqualTo(Duration.ofSeconds(2L * interval));

            assertThat(FaultRig.await(Duration.ofSeconds(3L * interval),
                    () -> rig.seen(counter).stream().anyMatch(s -> s.point().time().isAfter(back))))
                    .as("rates again after the restart").isTrue();
            running.set(false);
            load.join();
            Thread.sleep(2_000); // the load's sessions have gone
            int after = sessions(server, sessionsSql, db.user());
            System.out.printf("[fault] %s sessions of Vigil's login: %d before, %d after the restart (pool of %d)%n", t.kind(), before,
                    after, POOL_SIZE);
            assertThat(before).as("sessions before").isBetween(1, POOL_SIZE);
            assertThat(after).as("sessions after: no leak").isBetween(1, POOL_SIZE);

            List<FaultRig.Seen> rates = rig.seen(counter);
            assertThat(rates).as("no negative rate").allSatisfy(s -> assertThat(s.point().value()).isNotNegative());
            assertThat(rates).as("no spike: the load is steady").allSatisfy(s -> assertThat(s.point().value()).isLessThanOrEqualTo(3 * highest + 50));
            // the first snapshot after the restart gives no rate: the counter started again (or the instance did)
            Instant firstSnapshot = rig.events(mirror, Status.OK, back).getFirst().at();
            List<FaultRig.Seen> bridging = rates.stream().filter(s -> s.point().time().isAfter(stopped)
                    && s.point().time().isBefore(firstSnapshot.plusSeconds(1))).toList();
            System.out.printf("[fault] %s rate points across the restart: %s%n", t.kind(), bridging.stream().map(s -> s.point().value()).toList());
            if (counterResets) {
                assertThat(bridging).as("no rate across the restart").isEmpty();
            }
            long duplicates = rates.size() - rates.stream().map(s -> s.point().key() + "@" + s.point().time()).distinct().count();
            assertThat(duplicates).as("every point once").isZero();
        } finally {
            running.set(false);
        }
    }

    private static boolean listens(int port) {
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (java.io.IOException e) {
            return false;
        }
    }

    private static int sessions(PrivateJdbcServer server, String sql, String user) throws SQLException {
        try (Connection c = server.adminConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setString(1, user);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        }
    }

    // A steady load on the target's database as its admin (not Vigil's login, whose sessions are counted), one short
    // session per 50 statements: PostgreSQL counts a session's commits in pg_stat_database when it ends, not while it
    // stays busy.
    private static void load(String url, String admin, AtomicBoolean running) {
        while (running.get()) {
            try (Connection c = DriverManager.getConnection(url, admin, ""); Statement s = c.createStatement()) {
                for (int i = 0; i < 50; i++) {
                    s.execute("SELECT 1");
                }
            } catch (SQLException e) {
                sleep(450); // the server is down: try again
            }
            sleep(50);
        }
    }

    private static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
