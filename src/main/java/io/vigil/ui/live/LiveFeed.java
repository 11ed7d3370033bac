package io.vigil.ui.live;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Supplier;

import javafx.application.Platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.watch.Watch.Snapshot;

/**
 * Takes a snapshot of the running collector once a second on its own thread and hands it to the panes in one FX
 * event. When the FX thread has not yet taken the previous one, the newer one waits for the next tick instead of
 * queueing, so a busy UI never falls behind.
 */
public final class LiveFeed implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(LiveFeed.class);

    private final Supplier<Snapshot> source;
    private final List<Consumer<Snapshot>> panes = new CopyOnWriteArrayList<>();
    private final AtomicBoolean delivering = new AtomicBoolean();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigil-live-feed");
        t.setDaemon(true);
        return t;
    });
    private volatile Snapshot last;

    public LiveFeed(Supplier<Snapshot> source) {
        this.source = source;
    }

    public void start(long periodMillis) {
        timer.scheduleWithFixedDelay(this::tick, 0, periodMillis, TimeUnit.MILLISECONDS);
    }

    private void tick() {
        if (delivering.get()) {
            return;
        }
        Snapshot s;
        try {
            s = source.get();
        } catch (RuntimeException e) {
            LOG.warn("Live snapshot failed: {}", e.toString());
            return;
        }
        delivering.set(true);
        Platform.runLater(() -> {
            try {
                deliver(s);
            } finally {
                delivering.set(false);
            }
        });
    }

    /** Hands a snapshot to every pane, on the FX thread (also how tests drive the panes). */
    public void deliver(Snapshot s) {
        last = s;
        for (Consumer<Snapshot> pane : panes) {
            try {
                pane.accept(s);
            } catch (RuntimeException e) {
                LOG.error("A pane failed to show the live snapshot", e);
            }
        }
    }

    /** A pane's refresh, called on the FX thread with every snapshot, and at once with the last one when there is one. */
    public void subscribe(Consumer<Snapshot> pane) {
        panes.add(pane);
        if (last != null) {
            pane.accept(last);
        }
    }

    /** Drops every pane (the view is being rebuilt). */
    public void clear() {
        panes.clear();
    }

    public Snapshot last() {
        return last;
    }

    @Override
    public void close() {
        timer.shutdownNow();
    }
}
