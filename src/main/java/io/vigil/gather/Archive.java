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
public final class Archive implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Archive.class);

    private final SeriesStore store;
    private final Spool spool;
    private final java.util.function.Consumer<List<Point>> watcher;
    private final Object watching = new Object();
    private final java.util.Queue<Pending> queue = new java.util.concurrent.ConcurrentLinkedQueue<>();
    private final java.util.concurrent.atomic.AtomicInteger waiting = new java.util.concurrent.atomic.AtomicInteger();

    private static final class Pending {
        final List<Point> points;
        volatile Boolean archived;

        Pending(List<Point> points) {
            this.points = points;
        }
    }

    public Archive(SeriesStore store, Spool spool) {
        this(store, spool, points -> { });
    }

    /** With a watcher that sees every batch as it is archived or spooled (the console's latest values). */
    public Archive(SeriesStore store, Spool spool, java.util.function.Consumer<List<Point>> watcher) {
        this(store, spool, watcher, false);
    }

    private Archive(SeriesStore store, Spool spool, java.util.function.Consumer<List<Point>> watcher, boolean queued) {
        this.store = store;
        this.spool = spool;
        this.watcher = watcher;
        if (queued) {
            this.writer = Thread.ofPlatform().daemon().name("vigil-archive").unstarted(this::writeQueued);
            writer.start();
        } else {
            this.writer = null;
        }
    }

    /**
     * An archive whose callers do not wait for the store: {@link #archive} queues the points and returns, and one
     * writer sends everything queued in one write. A metric run then never holds a place among the collector's running
     * jobs while the series store is busy, which at a few dozen targets had become the collector's longest queue. When
     * more than {@value #QUEUE_LIMIT} batches wait, callers write themselves, so a slow store slows the collector down
     * rather than filling the heap. {@link #close} writes what is left.
     */
    public static Archive queued(SeriesStore store, Spool spool, java.util.function.Consumer<List<Point>> watcher) {
        return new Archive(store, spool, watcher, true);
    }

    static final int QUEUE_LIMIT = 2_000;
    private final Thread writer;
    private final java.util.concurrent.Semaphore queuedBatches = new java.util.concurrent.Semaphore(0);
    private volatile boolean storeAnswered = true;
    private volatile boolean closed;

    private void writeQueued() {
        while (!closed) {
            try {
                queuedBatches.acquire();
                queuedBatches.drainPermits();
                flush();
            } catch (InterruptedException e) {
                return;
            } catch (RuntimeException e) {
                LOG.error("Archiving queued points failed", e);
            }
        }
    }

    /** Writes what is queued (a queued archive's writer does this by itself). */
    public void flush() {
        synchronized (this) {
            List<Pending> batch = new java.util.ArrayList<>();
            for (Pending p = queue.poll(); p != null; p = queue.poll()) {
                waiting.decrementAndGet();
                batch.add(p);
            }
            if (!batch.isEmpty()) {
                boolean ok = write(batch);
                storeAnswered = ok;
                batch.forEach(p -> p.archived = ok);
            }
        }
    }

    /** Stops a queued archive's writer after writing what is queued. */
    @Override
    public void close() {
        closed = true;
        if (writer != null) {
            writer.interrupt();
            try {
                writer.join(10_000);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    /**
     * Archives the points, or spools them; returns true when they reached the store (a {@link #queued} archive: when
     * its last write did). Never throws for an outage.
     * Batches that arrive while another is being written wait and go to the store together in one write (a group
     * commit): one transaction for many metrics' points instead of one each, which is what a busy collector's archive
     * costs most.
     */
    public boolean archive(List<Point> points) {
        synchronized (watching) {
            try {
                watcher.accept(points);
            } catch (RuntimeException e) {
                LOG.warn("A point watcher failed: {}", e.toString());
            }
        }
        Pending mine = new Pending(points);
        queue.add(mine);
        int behind = waiting.incrementAndGet();
        if (writer != null && !closed && behind <= QUEUE_LIMIT) {
            queuedBatches.release();
            return storeAnswered;
        }
        synchronized (this) {
            if (mine.archived == null) {
                flush();
            }
        }
        return mine.archived;
    }

    private boolean write(List<Pending> batch) {
        List<Point> all = batch.size() == 1 ? batch.get(0).points : batch.stream().flatMap(p -> p.points.stream()).toList();
        if (!replay()) {
            spool.append(all);
            return false;
        }
        try {
            store.write(all);
            return true;
        } catch (SeriesStoreException e) {
            LOG.warn("Series store unavailable, spooling {} points: {}", all.size(), e.getMessage());
            spool.append(all);
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
