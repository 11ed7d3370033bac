package io.vigil.ui.util;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/** Runs the work in place, so a view-model test sees the result as soon as the call returns. */
public final class DirectTaskExecutor implements TaskExecutor {

    @Override
    public <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onFailure) {
        T result;
        try {
            result = work.call();
        } catch (Exception e) {
            onFailure.accept(e);
            return;
        }
        onDone.accept(result);
    }
}
