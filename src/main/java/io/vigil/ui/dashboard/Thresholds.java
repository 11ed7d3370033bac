package io.vigil.ui.dashboard;

import io.vigil.config.MetricDef;

/**
 * A metric's warn and crit values (either may be absent). Higher is worse, unless crit lies below warn (a cache hit
 * ratio that warns at 95 and is critical at 90): then lower is worse.
 */
public record Thresholds(Double warn, Double crit) {

    private static final Thresholds NONE = new Thresholds(null, null);

    public static Thresholds none() {
        return NONE;
    }

    public static Thresholds of(MetricDef metric) {
        return metric == null ? NONE : new Thresholds(metric.warn(), metric.crit());
    }

    public boolean any() {
        return warn != null || crit != null;
    }

    /** Whether falling values are the bad ones. */
    public boolean descending() {
        return warn != null && crit != null && crit < warn;
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
        return threshold != null && (descending() ? value <= threshold : value >= threshold);
    }
}
