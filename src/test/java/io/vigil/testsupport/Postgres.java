package io.vigil.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** PostgreSQL for tests: the one on 127.0.0.1:5432, or a private cluster started from the installed binaries. */
final class Postgres extends SharedJdbcServer implements PrivateJdbcServer {

    private static final int USUAL_PORT = 5432;

    /** pg_ctl's command line up to its action (start or stop appended); null for the shared server. */
    private final List<String> pgCtl;
    private final Path log;

    private Postgres(int port, AdminLogin admin, boolean privateServer) {
        this(port, admin, privateServer, null, null);
    }

    private Postgres(int port, AdminLogin admin, boolean privateServer, List<String> pgCtl, Path log) {
        super(port, admin, privateServer);
        this.pgCtl = pgCtl;
        this.log = log;
    }

    static Postgres findOrStart() {
        if (!Processes.forcedPrivate("postgres") && Processes.answers(USUAL_PORT)) {
            AdminLogin login = findLogin("PG", "postgres", l -> connect(USUAL_PORT, "postgres", l.user(), l.password()).close(),
                    "A PostgreSQL server answers on 127.0.0.1:5432 but none of the test logins work. Create the test role as "
                    + ".ci/run does: CREATE ROLE vigil_test LOGIN PASSWORD 'vigil_test' CREATEDB CREATEROLE; GRANT pg_monitor TO "
                    + "vigil_test WITH ADMIN OPTION, or set VIGIL_TEST_PG_USER and VIGIL_TEST_PG_PASSWORD.");
            Postgres server = new Postgres(USUAL_PORT, login, false);
            server.sweep();
            return server;
        }
        return startPrivate();
    }

    private static Postgres startPrivate() {
        return startPrivate(List.of());
    }

    /** A new private server; each setting ({@code name=value}) is given to it at start, e.g. {@code archive_mode=on}. */
    static Postgres startPrivate(List<String> settings) {
        List<Path> binDirs = Binaries.postgresBinDirs();
        Path initdb = Binaries.find("initdb", "postgresql", binDirs);
        Path pgCtl = Binaries.find("pg_ctl", "postgresql", binDirs);
        int port = Processes.freePort();
        // one folder per server: a test JVM may run several private servers at once
        Path dir = Processes.freshDir("postgres-" + port);
        Path data = dir.resolve("data");
        Path log = dir.resolve("postgres.log");
        // PostgreSQL refuses to run as root: as root, the cluster belongs to the postgres user.
        List<String> as = Processes.isRoot() ? List.of("runuser", "-u", "postgres", "--") : List.of();
        if (Processes.isRoot()) {
            Processes.run(Duration.ofSeconds(30), List.of("chown", "-R", "postgres:postgres", dir.toString()));
        }
        Processes.run(Duration.ofMinutes(2), concat(as, initdb.toString(), "-D", data.toString(), "-U", "postgres", "--auth=trust",
                "--encoding=UTF8", "--no-sync"));
        List<String> ctl = concat(as, pgCtl.toString(), "-D", data.toString(), "-l", log.toString(), "-w", "-o",
                "-p " + port + " -k " + dir + " -c listen_addresses=127.0.0.1 -c fsync=off"
                        + settings.stream().map(x -> " -c " + x).collect(java.util.stream.Collectors.joining()));
        Processes.run(Duration.ofMinutes(1), with(ctl, "start"));
        Runtime.getRuntime().addShutdownHook(new Thread(() -> stopQuietly(ctl), "stop postgres"));
        awaitLogins(port, log);
        return new Postgres(port, new AdminLogin("postgres", ""), true, ctl, log);
    }

    private static void stopQuietly(List<String> ctl) {
        try {
            Processes.run(Duration.ofMinutes(1), with(ctl, "-m", "fast", "stop"));
        } catch (IllegalStateException e) {
            // already stopped by the test
        }
    }

    private static void awaitLogins(int port, Path log) {
        Processes.awaitReady("PostgreSQL (private, port " + port + ")", Duration.ofSeconds(60), null, log, () -> {
            try (Connection c = connect(port, "postgres", "postgres", "")) {
                return c.isValid(2);
            } catch (SQLException e) {
                return false;
            }
        });
    }

    private static List<String> with(List<String> ctl, String... action) {
        List<String> all = new ArrayList<>(ctl);
        all.addAll(List.of(action));
        return all;
    }

    @Override
    public synchronized void stop() {
        requirePrivate();
        Processes.run(Duration.ofMinutes(1), with(pgCtl, "-m", "fast", "stop"));
    }

    @Override
    public synchronized void start() {
        requirePrivate();
        Processes.run(Duration.ofMinutes(1), with(pgCtl, "start"));
        awaitLogins(port, log);
    }

    private void requirePrivate() {
        if (pgCtl == null) {
            throw new IllegalStateException("only a private PostgreSQL may be stopped or started by a test, never the shared one on " + port);
        }
    }

    private static List<String> concat(List<String> prefix, String... rest) {
        List<String> all = new ArrayList<>(prefix);
        all.addAll(List.of(rest));
        return all;
    }

    static Connection connect(int port, String database, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5");
        return DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + port + "/" + database, props);
    }

    @Override
    public TestDatabase createDatabase(String prefix) {
        return createDatabase(prefix, "ENCODING 'UTF8'");
    }

    /**
     * A test database in a character set of a site's own: {@code SQL_ASCII} stores any bytes, as old databases do, so
     * a test can put text that is not UTF-8 in front of the driver.
     */
    public TestDatabase createLegacyDatabase(String prefix) {
        return createDatabase(prefix, "ENCODING 'SQL_ASCII' LC_COLLATE 'C' LC_CTYPE 'C' TEMPLATE template0");
    }

    private TestDatabase createDatabase(String prefix, String encoding) {
        String name = Names.unique(prefix);
        String password = Names.password();
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE ROLE " + name + " LOGIN PASSWORD '" + password + "'");
            s.execute("GRANT pg_monitor TO " + name);
            s.execute("GRANT " + name + " TO " + admin.user()); // lets a non-superuser admin create a database owned by the role
            s.execute("CREATE DATABASE " + name + " OWNER " + name + " " + encoding);
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + " as " + admin + ": " + e.getMessage(), e);
        }
        return new TestDatabase(name, "jdbc:postgresql://127.0.0.1:" + port + "/" + name, name, password, "127.0.0.1", port,
                () -> drop(name));
    }

    @Override
    public Connection adminConnection() throws SQLException {
        return connect(port, "postgres", admin.user(), admin.password());
    }

    @Override
    String listTestDatabases() {
        return "SELECT datname FROM pg_database WHERE datname LIKE 'vt\\_%'";
    }

    @Override
    void dropWith(Statement s, String name) throws SQLException {
        s.execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        s.execute("DROP ROLE IF EXISTS " + name);
    }
}
