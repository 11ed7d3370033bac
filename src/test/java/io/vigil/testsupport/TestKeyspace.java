package io.vigil.testsupport;

/** A key prefix reserved for one test; {@link #close()} deletes every key under it. */
public record TestKeyspace(String prefix, Runnable cleaner) implements AutoCloseable {

    @Override
    public void close() {
        cleaner.run();
    }
}
