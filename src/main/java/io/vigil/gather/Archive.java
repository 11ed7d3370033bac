package io.vigil.gather;

import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.series.Point;
import io.vigil.series.SeriesStore;
import io.vigil.series.SeriesStoreException;

/**
 * Archive writes points to the series store in batches. While the store is unreachable the points wait in the
 * {@link Spool}; once it answers again the spool is replayed oldest first, before anything new, so series stay in
 * order. Writes are idempotent in the store, so a batch replayed after a half-finished write is still there once.
 */
public final class Archive {

    private static final Logger LOG = LoggerFactory.getLogger(Archive.class);

    private final SeriesStore store;
    private final Spool spool;
    private final java.util.function.Consumer<List<Point>> watcher;

    public Archive(SeriesStore store, Spool spool) {
        this(store, spool, points -> { });
    }

    /** With a watcher that sees every batch as it is archived or spooled (the console's latest values). */
    public Archive(SeriesStore store, Spool spool, java.util.function.Consumer<List<Point>> watcher) {
        this.store = store;
        this.spool = spool;
        this.watcher = watcher;
    }

    /** Archives the points, or spools them; returns true when they reached the store. Never throws for an outage. */
    public synchronized boolean archive(List<Point> points) {
        try {
            watcher.accept(points);
        } catch (RuntimeException e) {
            LOG.warn("A point watcher failed: {}", e.toString());
        }
        if (!replay()) {
            spool.append(points);
            return false;
        }
        try {
            store.write(points);
            return true;
        } catch (SeriesStoreException e) {
            LOG.warn("Series store unavailable, spooling {} points: {}", points.size(), e.getMessage());
            spool.append(points);
            return false;
        }
    }

    /** Replays spooled batches oldest first; false when the store still refuses them. */
    public synchronized boolean replay() {
        for (Optional<List<Point>> batch = spool.peek(); batch.isPresent(); batch = spool.peek()) {
            try {
                store.write(batch.get());
                spool.pop();
            } catch (SeriesStoreException e) {
                return false;
            }
        }
        return true;
    }

    public Spool.Fill spoolFill() {
        return spool.fill();
    }
}
