package io.vigil.ui.channels;

import java.time.Instant;

/**
 * How a channel's deliveries went lately, as the notification dispatcher keeps it in memory.
 *
 * @param name      the channel's name
 * @param lastOk    when a notification last went out, or null
 * @param lastError why the last attempt failed, in words; empty when it did not
 * @param pending   notifications waiting to be sent again
 */
public record ChannelStatusRow(String name, Instant lastOk, String lastError, int pending) {

    public ChannelStatusRow {
        lastError = lastError == null ? "" : lastError;
    }
}
