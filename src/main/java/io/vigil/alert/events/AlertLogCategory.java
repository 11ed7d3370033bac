package io.vigil.alert.events;

import io.vigil.config.Severity;

/**
 * What an alert-log entry is about, with the severity it usually has. Declared in order of precedence: when an entry
 * carries codes of two categories of equal severity, the earlier one names it.
 */
public enum AlertLogCategory {
    INTERNAL_ERROR(Severity.CRIT),
    MEMORY(Severity.CRIT),
    ARCHIVER_STUCK(Severity.CRIT),
    CORRUPTION(Severity.CRIT),
    SNAPSHOT_TOO_OLD(Severity.WARN),
    DEADLOCK(Severity.WARN),
    SPACE(Severity.WARN),
    STARTUP(Severity.INFO),
    SHUTDOWN(Severity.INFO),
    OTHER_ERROR(Severity.WARN),
    /** Log switches, archived logs, checkpoints and everything else without an error: not turned into events. */
    ROUTINE(Severity.INFO);

    private final Severity severity;

    AlertLogCategory(Severity severity) {
        this.severity = severity;
    }

    /** The usual severity; a single entry may differ (an ORA-19815 warning is milder than a stuck archiver). */
    public Severity severity() {
        return severity;
    }

    /** The i18n key of the category's title, e.g. {@code event.category.INTERNAL_ERROR}. */
    public String messageKey() {
        return "event.category." + name();
    }
}
