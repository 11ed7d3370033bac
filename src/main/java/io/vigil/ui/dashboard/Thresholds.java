package io.vigil.ui.dashboard;

import io.vigil.config.AlertRule;
import io.vigil.config.Direction;
import io.vigil.config.MetricDef;

/**
 * A figure's warn and crit values (either may be absent) and which way is worse. They come from the alert rule that
 * watches the metric, so a tile turns amber exactly when the rule would warn; a metric no rule watches falls back to its
 * own levels, where crit below warn means lower is worse.
 */
public record Thresholds(Double warn, Double crit, boolean descending) {

    private static final Thresholds NONE = new Thresholds(null, null, false);

    /** Levels without a stated direction: lower is worse when crit lies below warn. */
    public Thresholds(Double warn, Double crit) {
        this(warn, crit, warn != null && crit != null && crit < warn);
    }

    public static Thresholds none() {
        return NONE;
    }

    public static Thresholds of(MetricDef metric) {
        return metric == null ? NONE : new Thresholds(metric.warn(), metric.crit());
    }

    public static Thresholds of(AlertRule rule) {
        return new Thresholds(rule.warn(), rule.crit(), rule.direction() == Direction.BELOW);
    }

    public boolean any() {
        return warn != null || crit != null;
    }

    public Level level(double value) {
        if (Double.isNaN(value)) {
            return Level.NONE;
        }
        if (crossed(crit, value)) {
            return Level.CRIT;
        }
        if (crossed(warn, value)) {
            return Level.WARN;
        }
        return Level.OK;
    }

    private boolean crossed(Double threshold, double value) {
        return threshold != null && (descending ? value <= threshold : value >= threshold);
    }
}
