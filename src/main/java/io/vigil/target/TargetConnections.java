package io.vigil.target;

import java.sql.Connection;
import java.sql.DatabaseMetaData;

import io.vigil.config.ServerVersion;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.vigil.i18n.Reason;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.vigil.config.ServerVersion;
import io.vigil.config.Target;

/**
 * Connections to targets: a single-attempt {@link #probe} and, once a probe has worked, one small HikariCP pool per
 * target. The probe comes first because a pool retries a failing login several times per request, and a wrong
 * password tried ten times locks an Oracle account under the default profile.
 */
public final class TargetConnections implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TargetConnections.class);
    /** How long a retired pool waits for its connections in use: a read's own limit, and a little more. */
    private static final Duration RETIRE_WAIT = TargetUrls.READ_TIMEOUT.plusSeconds(10);

    private record Pooled(Target target, HikariDataSource pool) {
    }

    private final DemoOracles demos;
    private final Map<Long, Pooled> pools = new ConcurrentHashMap<>();
    /** By target id: the user and address whose login the target refuses, while it does (logged once). */
    private final Map<Long, String> refusedLogins = new ConcurrentHashMap<>();
    private final boolean offline;

    public TargetConnections(DemoOracles demos) {
        this(demos, false);
    }

    private TargetConnections(DemoOracles demos, boolean offline) {
        this.demos = demos;
        this.offline = offline;
    }

    /**
     * Connections that never connect: a probe fails at once with {@code reason.offline} and no pool is made. What a
     * console showing a site pack holds, so nothing in it can reach the site's databases.
     */
    public static TargetConnections offline() {
        return new TargetConnections(new DemoOracles(), true);
    }

    /** Whether these connections refuse to connect (a site pack's). */
    public boolean isOffline() {
        return offline;
    }

    /** The demo instances behind demo targets, to put one in trouble on purpose (see DemoPressure). */
    public DemoOracles demos() {
        return demos;
    }

    public JdbcSpec spec(Target t) {
        return t.kind().isNetworked() ? TargetUrls.spec(t) : demos.spec(t);
    }

    /**
     * Whether something listens on the target's host and port now: a TCP connect within a second, no login. False for
     * a target with no address of its own (the demo, a tnsnames alias) and for offline connections.
     */
    public boolean answers(Target t) {
        if (offline || !t.kind().isNetworked() || t.connectBy() == io.vigil.config.ConnectBy.TNS_ALIAS || t.host().isBlank() || t.port() <= 0) {
            return false;
        }
        try (java.net.Socket s = new java.net.Socket()) {
            s.connect(new java.net.InetSocketAddress(t.host(), t.port()), 1000);
            return true;
        } catch (java.io.IOException | IllegalArgumentException | SecurityException e) {
            return false;
        }
    }

    /** One login and one trivial query, nothing retried; never throws. */
    public ProbeResult probe(Target t) {
        if (offline) {
            return ProbeResult.failed(new TargetFailure(FailureKind.OTHER, Reason.of("reason.offline", t.name()),
                    "connections are off here", null), Duration.ZERO);
        }
        long start = System.nanoTime();
        JdbcSpec spec;
        try {
            spec = spec(t);
        } catch (io.vigil.tls.TlsRefused e) {
            return ProbeResult.failed(Failures.tls(Failures.connecting(), t.name(), e), Duration.ofNanos(System.nanoTime() - start));
        }
        try (Connection c = DriverManager.getConnection(spec.url(), spec.props())) {
            DatabaseMetaData md = c.getMetaData();
            String version = md.getDatabaseProductName() + " " + md.getDatabaseProductVersion();
            try (var s = c.createStatement()) {
                s.setQueryTimeout((int) TargetUrls.CONNECT_TIMEOUT.toSeconds());
                s.execute(t.kind().packKind() == io.vigil.config.TargetKind.ORACLE ? "SELECT 1 FROM dual" : "SELECT 1");
            }
            ServerVersion release = release(t, md);
            String shown = version.lines().findFirst().orElse(version);
            // the demo answers the Oracle pack as a 19c instance (or the release it is told to play), whatever H2's own version
            if (refusedLogins.remove(t.id()) != null) {
                LOG.info("Target {} ({}) accepts the login of user {} again", t.name(), spec.address(), t.user());
            }
            return ProbeResult.ok(t.kind() == io.vigil.config.TargetKind.DEMO_ORACLE ? "Demo Oracle " + release + " (" + shown + ")" : shown,
                    Duration.ofNanos(System.nanoTime() - start), release);
        } catch (SQLException e) {
            TargetFailure plain = Failures.classify(Failures.connecting(), spec.address(), e);
            TargetFailure failure = Failures.withTls(t, Failures.connecting(), spec.address(), plain);
            loginRefused(t, spec, failure);
            return ProbeResult.failed(failure, Duration.ofNanos(System.nanoTime() - start));
        }
    }

    /**
     * Logs a refused login (wrong user or password, a locked or expired account) once, when it starts: not on each retry
     * of the same user at the same address, so a DBA's log does not fill up while the account stays refused. A login that
     * works again, or another user or address, starts over. The password is never logged.
     */
    private void loginRefused(Target t, JdbcSpec spec, TargetFailure failure) {
        if (failure.kind() != FailureKind.LOGIN_REFUSED) {
            return;
        }
        String who = t.user() + " at " + spec.address();
        if (!who.equals(refusedLogins.put(t.id(), who))) {
            LOG.warn("Target {} ({}) refuses the login of user {}: {}", t.name(), spec.address(), t.user(), failure.getMessage());
        }
    }

    /**
     * The release the packs see on a connection to the target: the one a demo target plays, MySQL's and MariaDB's with
     * their patch level (SHOW REPLICA STATUS comes with 8.0.22 and 10.5.1; MariaDB's driver view starts with 5.5.5- for
     * old clients, so the product version is read instead), the driver's major and minor for the others.
     */
    public ServerVersion release(Target t, DatabaseMetaData md) throws SQLException {
        if (t.kind() == io.vigil.config.TargetKind.DEMO_ORACLE) {
            int[] plays = DemoOracles.version(t);
            return new ServerVersion(plays[0], plays[1], 0);
        }
        ServerVersion v = t.kind().packKind() == io.vigil.config.TargetKind.MYSQL
                ? ServerVersion.fromProductVersion(md.getDatabaseProductVersion()) : ServerVersion.UNKNOWN;
        return v.equals(ServerVersion.UNKNOWN) ? new ServerVersion(md.getDatabaseMajorVersion(), md.getDatabaseMinorVersion(), 0) : v;
    }

    /** The target's pool, created on first use and replaced when the target's settings changed. */
    public DataSource pool(Target t) {
        if (offline) {
            throw new TargetFailure(FailureKind.OTHER, Reason.of("reason.offline", t.name()), "connections are off here", null);
        }
        Pooled current = pools.get(t.id());
        if (current != null && current.target().equals(t)) {
            return current.pool();
        }
        synchronized (this) {
            current = pools.get(t.id());
            if (current != null && current.target().equals(t)) {
                return current.pool();
            }
            if (current != null) {
                retire(current);
            }
            HikariDataSource pool = new HikariDataSource(config(t));
            pools.put(t.id(), new Pooled(t, pool));
            return pool;
        }
    }

    private HikariConfig config(Target t) {
        JdbcSpec spec = spec(t);
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("vigil-" + t.name());
        cfg.setJdbcUrl(spec.url());
        cfg.setDataSourceProperties(spec.props());
        cfg.setMaximumPoolSize(2);
        cfg.setMinimumIdle(0);
        cfg.setConnectionTimeout(TargetUrls.CONNECT_TIMEOUT.toMillis() * 2);
        cfg.setValidationTimeout(TargetUrls.CONNECT_TIMEOUT.toMillis());
        cfg.setIdleTimeout(Duration.ofMinutes(5).toMillis());
        cfg.setMaxLifetime(Duration.ofMinutes(30).toMillis());
        cfg.setInitializationFailTimeout(-1); // the probe has already checked the login
        cfg.setReadOnly(true); // Vigil only reads; the session says so to the server too
        return cfg;
    }

    /** The simulated instance of a demo target once it has started: the screenshot tour puts it in trouble on purpose. */
    public java.util.Optional<io.vigil.target.demo.DemoOracle> demo(long targetId) {
        return demos.running(targetId);
    }

    /** Closes a target's pool (its settings changed, it was paused or deleted, or its login started failing). */
    public void release(long targetId) {
        Pooled p = pools.remove(targetId);
        if (p != null) {
            retire(p);
        }
    }

    /**
     * Closes a pool no longer handed out. Closing one aborts the connections in use, under the other jobs of the target
     * that are reading through them (or that have just borrowed one): a pool with connections in use closes its idle
     * ones now and the rest as they come back, and shuts when the last is back (or after the longest a read may take).
     */
    private static void retire(Pooled p) {
        HikariDataSource pool = p.pool();
        var mx = pool.getHikariPoolMXBean();
        if (mx == null || mx.getActiveConnections() == 0) {
            pool.close();
            LOG.debug("Closed the pool of {}", p.target().name());
            return;
        }
        mx.softEvictConnections();
        Thread.ofVirtual().name("vigil-retire-" + p.target().name()).start(() -> {
            long end = System.nanoTime() + RETIRE_WAIT.toNanos();
            try {
                while (mx.getActiveConnections() > 0 && System.nanoTime() < end) {
                    Thread.sleep(200);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } finally {
                pool.close();
                LOG.debug("Closed the pool of {} once its connections in use were back", p.target().name());
            }
        });
    }

    @Override
    public void close() {
        // shutting down: nothing is waited for
        for (Long id : List.copyOf(pools.keySet())) {
            Pooled p = pools.remove(id);
            if (p != null) {
                p.pool().close();
            }
        }
        demos.close();
    }
}
