package io.vigil.ui.util;

import java.util.concurrent.Callable;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;

/**
 * Work handed to the FX thread by a thread that must wait for it: the screenshot tour and the benchmarks, never the
 * console's own background work (that goes through {@link TaskExecutor}, which never blocks).
 */
public final class FxThread {

    private FxThread() {
    }

    /** Runs {@code work} on the FX thread and returns its result; its failure, or a wait longer than {@code seconds}, is thrown. */
    public static <T> T call(Callable<T> work, long seconds) throws Exception {
        CompletableFuture<T> result = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                result.complete(work.call());
            } catch (Throwable e) {
                result.completeExceptionally(e);
            }
        });
        return result.get(seconds, TimeUnit.SECONDS);
    }

    /** Runs {@code work} on the FX thread and waits for it, at most {@code seconds}. */
    public static void run(Runnable work, long seconds) throws Exception {
        call(() -> {
            work.run();
            return null;
        }, seconds);
    }
}
