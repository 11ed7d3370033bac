package io.vigil.config;

import java.time.Instant;
import java.util.Objects;

/**
 * Something that happened on a target at a moment, drawn as a marker on trends and listed on the dashboard.
 *
 * @param id         store identity; 0 before it is saved
 * @param targetId   the target
 * @param targetName its name
 * @param at         when it happened (the source's time)
 * @param type       alert-log entry, alert change or restart
 * @param category   for alert-log entries, the class it falls in (e.g. {@code INTERNAL_ERROR}); else the rule's name
 * @param severity   how bad
 * @param code       the first ORA- code, e.g. {@code ORA-00600}; empty when none
 * @param text       the whole text (a multi-line entry stays whole)
 */
public record VigilEvent(long id, long targetId, String targetName, Instant at, EventType type, String category, Severity severity,
                         String code, String text) {

    public VigilEvent {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(type, "type");
        targetName = targetName == null ? "" : targetName;
        category = category == null ? "" : category;
        severity = severity == null ? Severity.INFO : severity;
        code = code == null ? "" : code;
        text = text == null ? "" : text;
    }
}
