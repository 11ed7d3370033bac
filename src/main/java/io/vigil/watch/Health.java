package io.vigil.watch;

/** A target's health as the console shows it, worst first after PAUSED. */
public enum Health {
    /** Cannot be reached or refuses the login; the collector backs off. */
    DOWN,
    /** Reached, but a job fails (bad SQL, a missing privilege, a cache error). */
    ERROR,
    /** Reached, but a metric's mirrors are missing or too old. */
    STALE,
    /** Every job that ran last went well. */
    OK,
    /** Paused by the user: nothing runs. */
    PAUSED,
    /** Nothing has run yet. */
    UNKNOWN;

    /** The style class of its dot. */
    public String styleClass() {
        return "health-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
