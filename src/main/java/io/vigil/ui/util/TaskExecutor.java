package io.vigil.ui.util;

import java.util.concurrent.Callable;
import java.util.function.Consumer;

/**
 * Runs blocking work (JDBC, files, network) off the FX thread and hands the result or the failure back on it.
 * View models take one by injection, so their tests can run the work in place.
 */
public interface TaskExecutor {

    <T> void run(Callable<T> work, Consumer<T> onDone, Consumer<Exception> onFailure);
}
