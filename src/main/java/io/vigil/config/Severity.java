package io.vigil.config;

/** How bad an alert or event is, mildest first. */
public enum Severity {
    INFO,
    WARN,
    CRIT;

    public boolean atLeast(Severity other) {
        return ordinal() >= other.ordinal();
    }
}
