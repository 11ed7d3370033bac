package io.vigil.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Properties;

/** MariaDB (or MySQL) for tests: the one on 127.0.0.1:3306, or a private one started from the installed binaries. */
final class MariaDb extends SharedJdbcServer implements PrivateJdbcServer {

    private static final int USUAL_PORT = 3306;

    /** How a private server is started again: its command line and log; null for the shared one. */
    private final List<String> command;
    private final Path log;
    private Process process;

    private MariaDb(int port, AdminLogin admin, boolean privateServer) {
        this(port, admin, privateServer, null, null, null);
    }

    private MariaDb(int port, AdminLogin admin, boolean privateServer, List<String> command, Path log, Process process) {
        super(port, admin, privateServer);
        this.command = command;
        this.log = log;
        this.process = process;
    }

    static MariaDb findOrStart() {
        if (!Processes.forcedPrivate("mariadb") && Processes.answers(USUAL_PORT)) {
            AdminLogin login = findLogin("MYSQL", "root", l -> connect(USUAL_PORT, "", l.user(), l.password()).close(),
                    "A MySQL/MariaDB server answers on 127.0.0.1:3306 but none of the test logins work. Create the test account "
                    + "as .ci/run does: CREATE USER 'vigil_test'@'localhost' IDENTIFIED BY 'vigil_test'; GRANT ALL ON *.* TO "
                    + "'vigil_test'@'localhost' WITH GRANT OPTION (and the same @'127.0.0.1'), or set VIGIL_TEST_MYSQL_USER "
                    + "and VIGIL_TEST_MYSQL_PASSWORD.");
            MariaDb server = new MariaDb(USUAL_PORT, login, false);
            server.sweep();
            return server;
        }
        return startPrivate();
    }

    static MariaDb startPrivate() {
        return startPrivate(List.of());
    }

    /** A new private server given these options at start as well, e.g. {@code --ssl-cert=…}. */
    static MariaDb startPrivate(List<String> options) {
        Path installDb = Binaries.find("mariadb-install-db", "mariadb-server", List.of());
        Path daemon = Binaries.find("mariadbd", "mariadb-server", List.of());
        int port = Processes.freePort();
        // one folder per server: a test JVM may run several private servers at once
        Path dir = Processes.freshDir("mariadb-" + port);
        Path data = dir.resolve("data");
        String user = Processes.isRoot() ? "root" : System.getProperty("user.name");
        Processes.run(Duration.ofMinutes(2), List.of(installDb.toString(), "--no-defaults", "--datadir=" + data,
                "--auth-root-authentication-method=normal", "--skip-test-db", "--user=" + user));
        Path log = dir.resolve("mariadb.log");
        List<String> command = new java.util.ArrayList<>(List.of(daemon.toString(), "--no-defaults", "--datadir=" + data, "--port=" + port,
                "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"),
                "--user=" + user, "--skip-log-bin", "--innodb-buffer-pool-size=64M", "--log-error=" + log));
        command.addAll(options);
        Process p = Processes.start(command, log);
        awaitLogins(port, p, log);
        return new MariaDb(port, new AdminLogin("root", ""), true, List.copyOf(command), log, p);
    }

    private static void awaitLogins(int port, Process p, Path log) {
        Processes.awaitReady("MariaDB (private, port " + port + ")", Duration.ofSeconds(60), p, log, () -> {
            try (Connection c = connect(port, "", "root", "")) {
                return c.isValid(2);
            } catch (SQLException e) {
                return false;
            }
        });
    }

    @Override
    public synchronized void stop() {
        requirePrivate();
        Processes.stop(process);
        process = null;
    }

    @Override
    public synchronized void start() {
        requirePrivate();
        if (process != null && process.isAlive()) {
            return;
        }
        process = Processes.start(command, log);
        awaitLogins(port, process, log);
    }

    private void requirePrivate() {
        if (command == null) {
            throw new IllegalStateException("only a private MariaDB may be stopped or started by a test, never the shared one on " + port);
        }
    }

    static Connection connect(int port, String database, String user, String password) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", user);
        props.setProperty("password", password);
        props.setProperty("connectTimeout", "5000");
        props.setProperty("allowPublicKeyRetrieval", "true");
        props.setProperty("useSSL", "false");
        return DriverManager.getConnection("jdbc:mysql://127.0.0.1:" + port + "/" + database, props);
    }

    @Override
    public TestDatabase createDatabase(String prefix) {
        String name = Names.unique(prefix);
        String password = Names.password();
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String host : List.of("localhost", "127.0.0.1")) {
                s.execute("CREATE USER '" + name + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
                s.execute("GRANT ALL ON `" + name + "`.* TO '" + name + "'@'" + host + "'");
                // what a monitoring user has, so tests can read SHOW GLOBAL STATUS and the process list
                s.execute("GRANT PROCESS, REPLICATION CLIENT ON *.* TO '" + name + "'@'" + host + "'");
                grantIfKnown(s, "GRANT SLAVE MONITOR ON *.* TO '" + name + "'@'" + host + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + " as " + admin + ": " + e.getMessage(), e);
        }
        return new TestDatabase(name, "jdbc:mysql://127.0.0.1:" + port + "/" + name, name, password, "127.0.0.1", port, () -> drop(name));
    }

    // MariaDB 10.5+ needs SLAVE MONITOR for SHOW SLAVE STATUS; MySQL does not know the privilege.
    private static void grantIfKnown(Statement s, String grant) {
        try {
            s.execute(grant);
        } catch (SQLException e) {
            // not a MariaDB privilege on this server
        }
    }

    @Override
    public Connection adminConnection() throws SQLException {
        return connect(port, "", admin.user(), admin.password());
    }

    @Override
    String listTestDatabases() {
        return "SHOW DATABASES LIKE 'vt\\_%'";
    }

    @Override
    void dropWith(Statement s, String name) throws SQLException {
        s.execute("DROP DATABASE IF EXISTS `" + name + "`");
        for (String host : List.of("localhost", "127.0.0.1")) {
            s.execute("DROP USER IF EXISTS '" + name + "'@'" + host + "'");
        }
    }
}
