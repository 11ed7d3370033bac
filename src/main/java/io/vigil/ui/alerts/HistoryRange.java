package io.vigil.ui.alerts;

import java.time.Duration;

/** How far back the history tab looks. */
public enum HistoryRange {
    HOUR(Duration.ofHours(1)),
    DAY(Duration.ofHours(24)),
    WEEK(Duration.ofDays(7)),
    MONTH(Duration.ofDays(30));

    private final Duration length;

    HistoryRange(Duration length) {
        this.length = length;
    }

    public Duration length() {
        return length;
    }
}
