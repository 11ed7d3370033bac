package io.vigil.ui.util;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.Target;
import io.vigil.series.SpaceForecast;
import io.vigil.series.SpaceForecasts;

/**
 * The shown target's space forecasts for a pane: asked for in the background when another target is shown and every
 * {@link #EVERY} of snapshot time after (the forecasts themselves are fitted again every {@link SpaceForecasts#REFRESH}),
 * never once a second. An answer for a target no longer shown is dropped.
 */
public final class SpaceForecastFeed {

    private static final Logger LOG = LoggerFactory.getLogger(SpaceForecastFeed.class);
    /** How often a pane asks again while it shows a target. */
    public static final Duration EVERY = Duration.ofMinutes(1);

    private final SpaceForecasts forecasts;
    private final TaskExecutor executor;
    private final ReadOnlyObjectWrapper<List<SpaceForecast>> current = new ReadOnlyObjectWrapper<>(this, "forecasts", List.of());
    private Target shown;
    private Instant lastAsked;
    private boolean reading;
    private long asked;

    public SpaceForecastFeed(SpaceForecasts forecasts, TaskExecutor executor) {
        this.forecasts = forecasts;
        this.executor = executor;
    }

    /** The target shown now (null for none) and the snapshot's time; call on the FX thread. */
    public void update(Target target, Instant now) {
        if (target == null) {
            shown = null;
            asked++;
            reading = false;
            current.set(List.of());
            return;
        }
        boolean another = shown == null || shown.id() != target.id() || !shown.name().equals(target.name());
        if (another) {
            shown = target;
            current.set(List.of());
        } else if (reading || lastAsked != null && Duration.between(lastAsked, now).compareTo(EVERY) < 0) {
            return;
        }
        long mine = ++asked;
        reading = true;
        lastAsked = now;
        executor.run(() -> forecasts.recent(target.name(), target.kind()), found -> {
            if (mine == asked) {
                reading = false;
                current.set(found);
            }
        }, e -> {
            if (mine == asked) {
                reading = false;
                LOG.warn("No space forecast for {}: {}", target.name(), e.toString());
            }
        });
    }

    /** The shown target's forecasts, the most urgent first; empty before the first answer. */
    public ReadOnlyObjectProperty<List<SpaceForecast>> forecasts() {
        return current.getReadOnlyProperty();
    }
}
