package io.vigil.config;

/** How a picked value becomes a point. */
public enum MetricType {
    /** The value as read, e.g. sessions now, tablespace percent used. */
    GAUGE,
    /** An ever-growing counter turned into a per-second rate; resets and restarts give no point, never a spike. */
    COUNTER
}
