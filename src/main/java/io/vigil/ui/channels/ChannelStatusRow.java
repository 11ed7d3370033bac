package io.vigil.ui.channels;

import java.time.Instant;

/**
 * How a channel's deliveries went lately, as the notification dispatcher keeps it in memory.
 *
 * @param name      the channel's name
 * @param lastOk    when a notification last went out, or null
 * @param lastError why the last attempt failed, in words; empty when it did not
 * @param pending   notifications waiting to be sent again
 * @param dropped   notifications given up because the channel's queue was full while its receiver failed
 */
public record ChannelStatusRow(String name, Instant lastOk, String lastError, int pending, long dropped) {

    public ChannelStatusRow {
        lastError = lastError == null ? "" : lastError;
    }

    /** A channel that has dropped nothing. */
    public ChannelStatusRow(String name, Instant lastOk, String lastError, int pending) {
        this(name, lastOk, lastError, pending, 0);
    }
}
