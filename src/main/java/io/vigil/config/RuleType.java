package io.vigil.config;

/** What an alert rule watches. */
public enum RuleType {
    /** A metric's value against warn and crit levels, held for a time, with a recovery margin. */
    THRESHOLD,
    /** A metric with no successful pick for a number of its periods ({@code *} = every metric of the target). */
    NO_DATA,
    /** A mirror that has not synced for a number of its intervals ({@code *} = every mirror of the target). */
    MIRROR_STALE,
    /** The target cannot be reached or refuses the login; holds back the target's other alerts while it fires. */
    TARGET_DOWN,
    /** An event of a class (an alert-log category such as {@code INTERNAL_ERROR}) fires it; it clears after a quiet time. */
    EVENT,
    /**
     * A space (the used-space metric of a pack's {@code spaces:}, one series or every one) forecast to be full within
     * warn or crit days; clears when the forecast moves past the level plus the recovery margin, in days.
     */
    FORECAST
}
