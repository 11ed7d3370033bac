package io.vigil.ui.shell;

/** A target's health as the tree shows it; the collector drives it, UNKNOWN until it has run. */
public enum Health {
    OK,
    STALE,
    ERROR,
    DOWN,
    UNKNOWN;

    /** The style class of its dot. */
    public String styleClass() {
        return "health-" + name().toLowerCase(java.util.Locale.ROOT);
    }
}
