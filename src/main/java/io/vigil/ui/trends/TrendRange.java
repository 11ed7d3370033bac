package io.vigil.ui.trends;

import java.time.Duration;

/** The spans a trend shows at a click, ending now, and a custom span of the DBA's choosing. */
public enum TrendRange {
    M15(Duration.ofMinutes(15), "15 min"),
    H1(Duration.ofHours(1), "1 h"),
    H6(Duration.ofHours(6), "6 h"),
    H24(Duration.ofHours(24), "24 h"),
    D7(Duration.ofDays(7), "7 d"),
    D30(Duration.ofDays(30), "30 d"),
    CUSTOM(null, null);

    private final Duration span;
    private final String shortName;

    TrendRange(Duration span, String shortName) {
        this.span = span;
        this.shortName = shortName;
    }

    /** How far back a preset reaches; null for {@link #CUSTOM}. */
    public Duration span() {
        return span;
    }

    /** The button text of a preset (the same in every language, as on a clock); null for {@link #CUSTOM}. */
    public String shortName() {
        return shortName;
    }

    public boolean isCustom() {
        return this == CUSTOM;
    }
}
