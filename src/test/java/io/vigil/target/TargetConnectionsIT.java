package io.vigil.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import io.vigil.config.ConnectBy;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.testsupport.LogCapture;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/** Probes and pools against real servers, and the failures a DBA meets: wrong password, nothing listening, a hung listener. */
class TargetConnectionsIT {

    TargetConnections connections;

    @BeforeEach
    void open() {
        connections = new TargetConnections(new DemoOracles());
    }

    @AfterEach
    void close() {
        connections.close();
    }

    static Target target(TargetKind kind, ConnectBy by, String host, int port, String db, String user, String password) {
        return new Target(1, "t-" + kind, kind, host, port, by, db, "", user, Secret.of(password), List.of(), true);
    }

    static Target from(TestDatabase db, TargetKind kind, String password) {
        return target(kind, ConnectBy.DATABASE, db.host(), db.port(), db.name(), db.user(), password);
    }

    @Test
    void mariadbAndPostgresAnswerAndPostgresSeesVigilsName() throws Exception {
        try (TestDatabase my = RealServices.mariadb().createDatabase("conn"); TestDatabase pg = RealServices.postgres().createDatabase("conn")) {
            ProbeResult mine = connections.probe(from(my, TargetKind.MYSQL, my.password()));
            assertThat(mine.ok()).as(String.valueOf(mine.failure())).isTrue();
            assertThat(mine.version()).contains("MariaDB");
            // MariaDB's own release with its patch level, not the 5.5.5 it shows old clients: SHOW REPLICA STATUS depends on it
            String server;
            try (Connection c = java.sql.DriverManager.getConnection(my.jdbcUrl(), my.user(), my.password()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT VERSION()")) {
                rs.next();
                server = rs.getString(1);
            }
            assertThat(mine.release()).isEqualTo(io.vigil.config.ServerVersion.fromProductVersion(server));
            assertThat(mine.release().major()).as(server).isGreaterThanOrEqualTo(10);
            assertThat(mine.release().patch()).as(server).isPositive();
            Target pgTarget = from(pg, TargetKind.POSTGRES, pg.password());
            assertThat(connections.probe(pgTarget).version()).startsWith("PostgreSQL");
            try (Connection c = connections.pool(pgTarget).getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT application_name FROM pg_stat_activity WHERE pid = pg_backend_pid()")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("Vigil");
                assertThat(c.isReadOnly()).isTrue();
            }
            connections.release(pgTarget.id());
        }
    }

    // One job of a target times out and releases the pool to reconnect through a fresh probe: the target's other jobs,
    // reading through connections of that pool, finish their reads; the pool shuts once they are back.
    @Test
    void releasingAPoolLeavesTheConnectionsInUseToFinishTheirReads() throws Exception {
        try (TestDatabase my = RealServices.mariadb().createDatabase("retire")) {
            Target t = from(my, TargetKind.MYSQL, my.password());
            com.zaxxer.hikari.HikariDataSource pool = (com.zaxxer.hikari.HikariDataSource) connections.pool(t);
            try (Connection held = pool.getConnection()) {
                connections.release(t.id());
                try (Statement s = held.createStatement(); ResultSet rs = s.executeQuery("SELECT 41 + 1")) {
                    rs.next();
                    assertThat(rs.getInt(1)).as("a read through a connection borrowed before the release").isEqualTo(42);
                }
                assertThat(pool.isClosed()).as("the pool waits for the connection in use").isFalse();
                assertThat(connections.pool(t)).as("the next job gets a new pool").isNotSameAs(pool);
            }
            long end = System.nanoTime() + Duration.ofSeconds(10).toNanos();
            while (!pool.isClosed() && System.nanoTime() < end) {
                Thread.sleep(50);
            }
            assertThat(pool.isClosed()).as("the old pool shut once its connection came back").isTrue();
        }
    }

    @Test
    void theDemoOracleAnswersLikeAnyTarget() {
        Target demo = new Target(9, "demo", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(), true);
        ProbeResult r = connections.probe(demo);
        assertThat(r.ok()).isTrue();
        assertThat(r.version()).startsWith("Demo Oracle 19.0 (H2");
        assertThat(r.major()).isEqualTo(19);

        ProbeResult old = connections.probe(new Target(10, "demo11", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "11.2", "", "",
                Secret.empty(), List.of(), true));
        assertThat(old.version()).startsWith("Demo Oracle 11.2");
        assertThat(old.major()).isEqualTo(11);
        assertThat(old.minor()).isEqualTo(2);
    }

    @Test
    void aWrongPasswordIsALoginRefusalAndIsTriedOnce() {
        try (TestDatabase my = RealServices.mariadb().createDatabase("conn")) {
            ProbeResult r = connections.probe(from(my, TargetKind.MYSQL, "not-the-password"));
            assertThat(r.ok()).isFalse();
            assertThat(r.failure().kind()).isEqualTo(FailureKind.LOGIN_REFUSED);
            assertThat(r.failure().getMessage()).contains("MySQL 127.0.0.1:" + my.port()).contains("check the user name and password")
                    .doesNotContain("not-the-password");
        }
    }

    /**
     * A refused login is logged when it starts, with the target, its address and the user, never the password; the
     * retries of the same login are not; a login that works again and then fails is logged again.
     */
    @Test
    void aRefusedLoginIsLoggedOnceWhenItStartsWithoutThePassword() {
        try (TestDatabase my = RealServices.mariadb().createDatabase("conn"); LogCapture log = LogCapture.atDebug()) {
            Target wrong = from(my, TargetKind.MYSQL, "not-the-password");
            for (int i = 0; i < 3; i++) {
                assertThat(connections.probe(wrong).failure().kind()).isEqualTo(FailureKind.LOGIN_REFUSED);
            }
            List<String> refused = log.lines().stream().filter(l -> l.contains("refuses the login")).toList();
            assertThat(refused).as("three refusals, one line").singleElement().asString()
                    .contains("t-MYSQL").contains("MySQL 127.0.0.1:" + my.port()).contains("user " + my.user())
                    .contains("check the user name and password");
            assertThat(connections.probe(from(my, TargetKind.MYSQL, my.password())).ok()).isTrue();
            assertThat(log.lines()).filteredOn(l -> l.contains("accepts the login of user " + my.user() + " again")).hasSize(1);
            assertThat(connections.probe(wrong).ok()).isFalse();
            assertThat(log.lines()).as("refused again after a login that worked").filteredOn(l -> l.contains("refuses the login")).hasSize(2);
            assertThat(log.lines()).filteredOn(l -> l.startsWith("io.vigil")).noneMatch(l -> l.contains("not-the-password"));
        }
    }

    @Test
    void anUnknownPostgresDatabaseIsNamedAsSuch() {
        try (TestDatabase pg = RealServices.postgres().createDatabase("conn")) {
            Target t = target(TargetKind.POSTGRES, ConnectBy.DATABASE, pg.host(), pg.port(), "no_such_db", pg.user(), pg.password());
            assertThat(connections.probe(t).failure().kind()).isEqualTo(FailureKind.UNKNOWN_DATABASE);
        }
    }

    @Test
    void nothingListeningIsUnreachableForEveryKindWithinSeconds() throws IOException {
        int port = closedPort();
        for (TargetKind kind : List.of(TargetKind.ORACLE, TargetKind.MYSQL, TargetKind.POSTGRES)) {
            ConnectBy by = kind == TargetKind.ORACLE ? ConnectBy.SERVICE_NAME : ConnectBy.DATABASE;
            ProbeResult r = connections.probe(target(kind, by, "127.0.0.1", port, "x", "vigil", "pw"));
            assertThat(r.failure().kind()).as(kind + ": " + r.failure().getMessage()).isEqualTo(FailureKind.UNREACHABLE);
            assertThat(r.took()).as(kind.name()).isLessThan(Duration.ofSeconds(8));
        }
    }

    @Test
    void anUnknownHostIsUnreachable() {
        ProbeResult r = connections.probe(target(TargetKind.ORACLE, ConnectBy.SERVICE_NAME, "oracle-db.invalid", 1521, "X", "vigil", "pw"));
        assertThat(r.failure().kind()).isEqualTo(FailureKind.UNREACHABLE);
        assertThat(r.failure().getMessage()).contains("oracle-db.invalid");
    }

    @Test
    void aListenerThatAcceptsAndNeverAnswersTimesOutForEveryKind() throws Exception {
        List<Socket> held = new CopyOnWriteArrayList<>();
        try (ServerSocket hung = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (!hung.isClosed()) {
                        held.add(hung.accept()); // accept, then say nothing
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            for (TargetKind kind : List.of(TargetKind.ORACLE, TargetKind.MYSQL, TargetKind.POSTGRES)) {
                ConnectBy by = kind == TargetKind.ORACLE ? ConnectBy.SERVICE_NAME : ConnectBy.DATABASE;
                ProbeResult r = connections.probe(target(kind, by, "127.0.0.1", hung.getLocalPort(), "x", "vigil", "pw"));
                assertThat(r.failure().kind()).as(kind + ": " + r.failure().getMessage())
                        .isIn(FailureKind.TIMEOUT, FailureKind.UNREACHABLE);
                assertThat(r.took()).as(kind + " gives up in bounded time").isLessThan(Duration.ofSeconds(15));
            }
        } finally {
            for (Socket s : held) {
                s.close();
            }
        }
    }

    private static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }
}
