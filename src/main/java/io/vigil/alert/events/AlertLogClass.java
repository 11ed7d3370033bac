package io.vigil.alert.events;

import io.vigil.config.Severity;

/**
 * How an alert-log entry was classified.
 *
 * @param category the class it falls in
 * @param severity how bad this entry is (usually the category's, milder for e.g. a recovery-area warning)
 * @param code     the ORA- code that decided the category, five digits ({@code ORA-00600}); empty when none
 * @param title    a one-line summary, e.g. {@code ORA-00600 [kcbz_check_objd_typ]}
 */
public record AlertLogClass(AlertLogCategory category, Severity severity, String code, String title) {

    /** Whether the entry is worth an event (routine lines are not). */
    public boolean isEvent() {
        return category != AlertLogCategory.ROUTINE;
    }
}
