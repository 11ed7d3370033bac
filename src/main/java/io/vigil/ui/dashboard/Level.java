package io.vigil.ui.dashboard;

import java.util.Locale;

/** How a figure stands against its metric's thresholds, mildest first: no value yet, fine, amber, red. */
public enum Level {
    NONE,
    OK,
    WARN,
    CRIT;

    /** The worse of two levels. */
    public Level worst(Level other) {
        return other.ordinal() > ordinal() ? other : this;
    }

    /** Whether a threshold is crossed. */
    public boolean breached() {
        return this == WARN || this == CRIT;
    }

    /** The style class of a figure at this level: level-none, level-ok, level-warn, level-crit. */
    public String styleClass() {
        return "level-" + name().toLowerCase(Locale.ROOT);
    }
}
