package io.vigil.testsupport;

/**
 * A database created for one test, with its own user holding all rights on it; {@link #close()} drops both.
 *
 * @param name     database (and user) name
 * @param jdbcUrl  URL without credentials
 * @param user     its own login
 * @param password that login's password
 */
public record TestDatabase(String name, String jdbcUrl, String user, String password, String host, int port, Runnable dropper)
        implements AutoCloseable {

    @Override
    public void close() {
        dropper.run();
    }

    @Override
    public String toString() {
        return "TestDatabase[" + name + " at " + jdbcUrl + " as " + user + "]";
    }
}
