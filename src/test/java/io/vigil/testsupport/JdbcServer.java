package io.vigil.testsupport;

/** A real relational server the tests may create databases on. */
public interface JdbcServer {

    /** A fresh empty database and a user with all rights on it (plus what a monitoring user has); close() drops them. */
    TestDatabase createDatabase(String prefix);

    /** A connection as the server's admin account, for what a test needs beyond its own database (a replication slot, a checkpoint). */
    java.sql.Connection adminConnection() throws java.sql.SQLException;

    String host();

    int port();

    /** Whether this is a private server started for this test run (not one that was already answering). */
    boolean isPrivate();
}
