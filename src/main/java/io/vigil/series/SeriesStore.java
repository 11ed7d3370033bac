package io.vigil.series;

import java.util.List;

/**
 * Where archived points live and how charts read them back. Writes are idempotent per series and time (writing the
 * same point twice keeps one), so replaying a spool after an outage can never double a value.
 * Calls block on I/O: never call them on the FX thread.
 */
public interface SeriesStore extends AutoCloseable {

    /** Writes a batch; throws {@link SeriesStoreException} when the store cannot take it (nothing is then assumed written). */
    void write(List<Point> points);

    /** The matching series over the range, each with at most {@code maxPoints} points (bucket means when thinned). */
    List<Series> query(RangeQuery query);

    /** Where it is, for the status bar and messages. */
    String location();

    @Override
    void close();
}
