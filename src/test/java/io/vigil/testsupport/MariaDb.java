package io.vigil.testsupport;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Properties;

/** MariaDB (or MySQL) for tests: the one on 127.0.0.1:3306, or a private one started from the installed binaries. */
final class MariaDb implements JdbcServer {

    private static final int USUAL_PORT = 3306;

    private final int port;
    private final String adminUser;
    private final String adminPassword;
    private final boolean privateServer;

    private MariaDb(int port, String adminUser, String adminPassword, boolean privateServer) {
        this.port = port;
        this.adminUser = adminUser;
        this.adminPassword = adminPassword;
        this.privateServer = privateServer;
    }

    static MariaDb findOrStart() {
        if (!Processes.forcedPrivate("mariadb") && Processes.answers(USUAL_PORT)) {
            List<String[]> logins = new ArrayList<>();
            String envUser = System.getenv("VIGIL_TEST_MYSQL_USER");
            if (envUser != null) {
                logins.add(new String[] {envUser, System.getenv().getOrDefault("VIGIL_TEST_MYSQL_PASSWORD", "")});
            }
            logins.add(new String[] {"vigil_test", "vigil_test"});
            logins.add(new String[] {"root", ""});
            List<String> refusals = new ArrayList<>();
            for (String[] login : logins) {
                try (Connection c = connect(USUAL_PORT, "", login[0], login[1])) {
                    MariaDb server = new MariaDb(USUAL_PORT, login[0], login[1], false);
                    server.sweep(c);
                    return server;
                } catch (SQLException e) {
                    refusals.add(login[0] + ": " + e.getMessage());
                }
            }
            throw new AssertionError("A MySQL/MariaDB server answers on 127.0.0.1:3306 but none of the test logins work "
                    + refusals + ". Create the test account as .ci/run does: CREATE USER 'vigil_test'@'localhost' IDENTIFIED BY "
                    + "'vigil_test'; GRANT ALL ON *.* TO 'vigil_test'@'localhost' WITH GRANT OPTION (and the same @'127.0.0.1'), "
                    + "or set VIGIL_TEST_MYSQL_USER and VIGIL_TEST_MYSQL_PASSWORD.");
        }
        return startPrivate();
    }

    private static MariaDb startPrivate() {
        Path installDb = Binaries.find("mariadb-install-db", "mariadb-server", List.of());
        Path daemon = Binaries.find("mariadbd", "mariadb-server", List.of());
        Path dir = Processes.freshDir("mariadb");
        Path data = dir.resolve("data");
        String user = Processes.isRoot() ? "root" : System.getProperty("user.name");
        Processes.run(Duration.ofMinutes(2), List.of(installDb.toString(), "--no-defaults", "--datadir=" + data,
                "--auth-root-authentication-method=normal", "--skip-test-db", "--user=" + user));
        int port = Processes.freePort();
        Path log = dir.resolve("mariadb.log");
        Process p = Processes.start(List.of(daemon.toString(), "--no-defaults", "--datadir=" + data, "--port=" + port,
                "--bind-address=127.0.0.1", "--socket=" + dir.resolve("mysqld.sock"), "--pid-file=" + dir.resolve("mysqld.pid"),
                "--user=" + user, "--skip-log-bin", "--innodb-buffer-pool-size=64M", "--log-error=" + log), log);
        Processes.awaitReady("MariaDB (private, port " + port + ")", Duration.ofSeconds(60), p, log, () -> {
            try (Connection c = connect(port, "", "root", "")) {
                return c.isValid(2);
            } catch (SQLException e) {
                return false;
            }
        });
        return new MariaDb(port, "root", "", true);
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
        try (Connection c = connect(port, "", adminUser, adminPassword); Statement s = c.createStatement()) {
            s.execute("CREATE DATABASE `" + name + "` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci");
            for (String host : List.of("localhost", "127.0.0.1")) {
                s.execute("CREATE USER '" + name + "'@'" + host + "' IDENTIFIED BY '" + password + "'");
                s.execute("GRANT ALL ON `" + name + "`.* TO '" + name + "'@'" + host + "'");
                // what a monitoring user has, so tests can read SHOW GLOBAL STATUS and the process list
                s.execute("GRANT PROCESS, REPLICATION CLIENT ON *.* TO '" + name + "'@'" + host + "'");
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not create test database " + name + " as " + adminUser + ": " + e.getMessage(), e);
        }
        return new TestDatabase(name, "jdbc:mysql://127.0.0.1:" + port + "/" + name, name, password, "127.0.0.1", port, () -> drop(name));
    }

    private void drop(String name) {
        try (Connection c = connect(port, "", adminUser, adminPassword); Statement s = c.createStatement()) {
            dropWith(s, name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    private static void dropWith(Statement s, String name) throws SQLException {
        s.execute("DROP DATABASE IF EXISTS `" + name + "`");
        for (String host : List.of("localhost", "127.0.0.1")) {
            s.execute("DROP USER IF EXISTS '" + name + "'@'" + host + "'");
        }
    }

    /** Drops databases a crashed earlier run left behind. */
    private void sweep(Connection c) throws SQLException {
        List<String> stale = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SHOW DATABASES LIKE 'vt\\_%'")) {
            while (rs.next()) {
                if (Names.isStale(rs.getString(1))) {
                    stale.add(rs.getString(1));
                }
            }
        }
        try (Statement s = c.createStatement()) {
            for (String name : stale) {
                dropWith(s, name);
            }
        }
    }

    @Override
    public String host() {
        return "127.0.0.1";
    }

    @Override
    public int port() {
        return port;
    }

    @Override
    public boolean isPrivate() {
        return privateServer;
    }
}
