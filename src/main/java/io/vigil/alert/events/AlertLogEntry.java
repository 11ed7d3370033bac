package io.vigil.alert.events;

import java.time.Instant;
import java.util.List;

/**
 * One incident or message of the alert log: the rows written together for it, in order.
 *
 * @param firstRecordId the record id of its first row
 * @param lastRecordId  the record id of its last row
 * @param at            when its first row was written
 * @param lines         the rows' texts, in record-id order
 */
public record AlertLogEntry(long firstRecordId, long lastRecordId, Instant at, List<String> lines) {

    public AlertLogEntry {
        lines = List.copyOf(lines);
    }

    /** All lines, one per line, as the event keeps them. */
    public String text() {
        return String.join("\n", lines);
    }
}
