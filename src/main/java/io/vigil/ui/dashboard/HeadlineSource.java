package io.vigil.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.i18n.Messages;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * Keeps the {@link HeadlineFigures} a pane computes with, loaded in the background at once and again every
 * {@code refresh} of snapshot time, so thresholds edited in the definitions reach the tiles without a restart.
 */
public final class HeadlineSource {

    private static final Logger LOG = LoggerFactory.getLogger(HeadlineSource.class);

    private final TaskExecutor executor;
    private final Callable<HeadlineFigures> loader;
    private final Duration refresh;
    private final Messages messages;
    private final ReadOnlyObjectWrapper<HeadlineFigures> figures = new ReadOnlyObjectWrapper<>(HeadlineFigures.empty());
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper("");
    private Instant lastLoad;
    private boolean loading;

    public HeadlineSource(TaskExecutor executor, Callable<HeadlineFigures> loader, Duration refresh, Messages messages) {
        this.executor = executor;
        this.loader = loader;
        this.refresh = refresh;
        this.messages = messages;
    }

    /** Loads when nothing was loaded yet or the last load is older than the refresh period. */
    public void refreshIfDue(Instant now) {
        if (loading || (lastLoad != null && Duration.between(lastLoad, now).compareTo(refresh) < 0)) {
            return;
        }
        loading = true;
        lastLoad = now;
        executor.run(loader, loaded -> {
            loading = false;
            problem.set("");
            figures.set(loaded);
        }, e -> {
            loading = false;
            LOG.warn("Headline definitions not loaded: {}", e.toString());
            problem.set(messages.get("headline.loadFailed", UserErrors.describe(e, messages)));
        });
    }

    public HeadlineFigures current() {
        return figures.get();
    }

    public ReadOnlyObjectProperty<HeadlineFigures> figures() {
        return figures.getReadOnlyProperty();
    }

    /** Why the definitions could not be read, empty when they were. */
    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }
}
