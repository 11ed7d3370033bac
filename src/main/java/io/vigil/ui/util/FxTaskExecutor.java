package io.vigil.ui.util;

import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;

import javafx.application.Platform;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Background work on a small pool of daemon threads; callbacks run once, on the FX thread. */
public final class FxTaskExecutor implements TaskExecutor, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(FxTaskExecutor.class);

    private final ExecutorService pool;

    public FxTaskExecutor() {
        AtomicInteger n = new AtomicInteger();
        this.pool = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "vigil-ui-worker-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
    }

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onFailure) {
        if (pool.isShutdown()) {
            return; // the console is closing: a pane's last refresh has nobody to show it to
        }
        try {
            pool.execute(task(work, onDone, onFailure));
        } catch (RejectedExecutionException e) {
            LOG.debug("Background work dropped while closing");
        }
    }

    private static <T> Runnable task(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onFailure) {
        return () -> {
            try {
                T result = work.call();
                Platform.runLater(() -> onDone.accept(result));
            } catch (Exception e) {
                LOG.debug("Background work failed: {}", e.toString(), e);
                Platform.runLater(() -> onFailure.accept(e));
            }
        };
    }

    @Override
    public void close() {
        pool.shutdownNow();
    }
}
