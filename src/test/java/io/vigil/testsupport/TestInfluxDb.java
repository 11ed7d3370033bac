package io.vigil.testsupport;

/** An InfluxDB database created for one test; {@link #close()} drops it. */
public record TestInfluxDb(String name, String url, Runnable dropper) implements AutoCloseable {

    @Override
    public void close() {
        dropper.run();
    }
}
