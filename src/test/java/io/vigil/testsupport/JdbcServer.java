package io.vigil.testsupport;

/** A real relational server the tests may create databases on. */
public interface JdbcServer {

    /** A fresh empty database and a user with all rights on it (plus what a monitoring user has); close() drops them. */
    TestDatabase createDatabase(String prefix);

    String host();

    int port();

    /** Whether this is a private server started for this test run (not one that was already answering). */
    boolean isPrivate();
}
