package io.vigil.alert.events;

import java.time.Instant;
import java.util.Objects;

/**
 * One message of the alert log as V$DIAG_ALERT_EXT has it (or one line of a plain-text alert log).
 *
 * @param recordId its record id, increasing in the order written
 * @param at       when it was written (ORIGINATING_TIMESTAMP)
 * @param level    MESSAGE_LEVEL: 1 critical, 2 severe, 8 important, 16 normal
 * @param type     MESSAGE_TYPE: 1 unknown, 2 incident error, 3 error, 4 warning, 5 notification, 6 trace
 * @param text     MESSAGE_TEXT, possibly several lines
 */
public record AlertLogRow(long recordId, Instant at, int level, int type, String text) {

    public AlertLogRow {
        Objects.requireNonNull(at, "at");
        text = text == null ? "" : text;
    }
}
