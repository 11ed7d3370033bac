package io.vigil.testsupport;

/**
 * A private MariaDB or PostgreSQL started for one test, which the test may {@link #stop()} and {@link #start()} again on
 * the same port with the same data (to restart a target or a store under a running collector).
 */
public interface PrivateJdbcServer extends JdbcServer {

    /** Stops the server cleanly (SIGTERM, or PostgreSQL's fast shutdown); its data stays for the next {@link #start()}. */
    void stop();

    /** Starts it again on the same port and waits until it takes logins. */
    void start();
}
