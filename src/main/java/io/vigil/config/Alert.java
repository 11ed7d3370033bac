package io.vigil.config;

import java.time.Instant;
import java.util.Objects;

/**
 * An alert that is not OK, as the collector keeps it (in the config store, so a restart neither re-fires nor forgets it).
 *
 * @param key        which rule, target and series
 * @param targetName the target's name when it last changed
 * @param state      PENDING, FIRING or RESOLVED
 * @param severity   WARN or CRIT
 * @param value      the value that last decided it (null for no-data, down and event alerts)
 * @param pendingAt  when the crossing began
 * @param firedAt    when it fired, or null while pending
 * @param changedAt  when state or severity last changed
 * @param notifiedAt when channels were last told, or null
 * @param ackBy      who acknowledged it; empty when nobody has
 * @param ackComment what they said
 * @param ackAt      when
 * @param detail     what it is about in words (the event's text, the mirror's last error)
 */
public record Alert(AlertKey key, String targetName, AlertState state, Severity severity, Double value, Instant pendingAt,
                    Instant firedAt, Instant changedAt, Instant notifiedAt, String ackBy, String ackComment, Instant ackAt,
                    String detail) {

    public Alert {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(state, "state");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(pendingAt, "pendingAt");
        Objects.requireNonNull(changedAt, "changedAt");
        targetName = targetName == null ? "" : targetName;
        ackBy = ackBy == null ? "" : ackBy;
        ackComment = ackComment == null ? "" : ackComment;
        detail = detail == null ? "" : detail;
    }

    /** The detail's most telling line: its first ORA- error line (an alert-log entry opens with "Errors in file …"), else its first. */
    public static String headline(String detail) {
        java.util.List<String> lines = detail == null ? java.util.List.of()
                : detail.strip().lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        return lines.stream().filter(l -> ORA_LINE.matcher(l).find()).findFirst().orElse(lines.isEmpty() ? "" : lines.getFirst());
    }

    private static final java.util.regex.Pattern ORA_LINE = java.util.regex.Pattern.compile("\\bORA-\\d+");

    public boolean acknowledged() {
        return !ackBy.isEmpty();
    }

    public Alert withNotified(Instant at) {
        return new Alert(key, targetName, state, severity, value, pendingAt, firedAt, changedAt, at, ackBy, ackComment, ackAt, detail);
    }

    public Alert withAck(String by, String comment, Instant at) {
        return new Alert(key, targetName, state, severity, value, pendingAt, firedAt, changedAt, notifiedAt, by, comment, at, detail);
    }
}
