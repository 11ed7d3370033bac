package io.vigil.testsupport;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

/** What the MariaDB and PostgreSQL handles share: the admin login, dropping test databases, sweeping leftovers. */
abstract class SharedJdbcServer implements JdbcServer {

    /** An account allowed to create databases and users. */
    record AdminLogin(String user, String password) {
        @Override
        public String toString() {
            return user;
        }
    }

    @FunctionalInterface
    interface LoginProbe {
        void tryLogin(AdminLogin login) throws SQLException;
    }

    protected final int port;
    protected final AdminLogin admin;
    private final boolean privateServer;

    SharedJdbcServer(int port, AdminLogin admin, boolean privateServer) {
        this.port = port;
        this.admin = admin;
        this.privateServer = privateServer;
    }

    /**
     * The first login that works: {@code VIGIL_TEST_<env>_USER/_PASSWORD}, then {@code vigil_test} (made by .ci/run),
     * then the machine's default admin with no password. None working fails with {@code hint}.
     */
    static AdminLogin findLogin(String env, String machineDefault, LoginProbe probe, String hint) {
        List<AdminLogin> candidates = new ArrayList<>();
        String envUser = System.getenv("VIGIL_TEST_" + env + "_USER");
        if (envUser != null) {
            candidates.add(new AdminLogin(envUser, System.getenv().getOrDefault("VIGIL_TEST_" + env + "_PASSWORD", "")));
        }
        candidates.add(new AdminLogin("vigil_test", "vigil_test"));
        candidates.add(new AdminLogin(machineDefault, ""));
        List<String> refusals = new ArrayList<>();
        for (AdminLogin login : candidates) {
            try {
                probe.tryLogin(login);
                return login;
            } catch (SQLException e) {
                refusals.add(login.user() + ": " + e.getMessage());
            }
        }
        throw new AssertionError(hint + " Logins tried: " + refusals);
    }

    @Override
    public abstract Connection adminConnection() throws SQLException;

    /** Drops a test database and its user. */
    abstract void dropWith(Statement s, String name) throws SQLException;

    /** SQL listing the databases whose names start with {@link Names#FAMILY}. */
    abstract String listTestDatabases();

    void drop(String name) {
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            dropWith(s, name);
        } catch (SQLException e) {
            throw new IllegalStateException("could not drop test database " + name + ": " + e.getMessage(), e);
        }
    }

    /** Drops databases a crashed earlier run left behind. */
    void sweep() {
        try (Connection c = adminConnection(); Statement s = c.createStatement()) {
            List<String> stale = new ArrayList<>();
            try (ResultSet rs = s.executeQuery(listTestDatabases())) {
                while (rs.next()) {
                    if (Names.isStale(rs.getString(1))) {
                        stale.add(rs.getString(1));
                    }
                }
            }
            for (String name : stale) {
                dropWith(s, name);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not sweep old test databases: " + e.getMessage(), e);
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
