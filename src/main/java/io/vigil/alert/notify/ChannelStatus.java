package io.vigil.alert.notify;

import java.time.Instant;

import io.vigil.config.ChannelType;

/**
 * How a channel's deliveries stand, for the console's channel list and {@code vigil collect}'s status.
 *
 * @param channel   the channel's name
 * @param type      its type
 * @param lastOk    when it last delivered, or null
 * @param lastError the last failure in the user's words, or null when the last attempt succeeded
 * @param pending   messages waiting, the one being retried included
 * @param nextRetry when the waiting head is tried again, or null when nothing waits for a retry
 * @param dropped   messages dropped because the queue was full
 */
public record ChannelStatus(String channel, ChannelType type, Instant lastOk, String lastError, int pending, Instant nextRetry,
                            long dropped) {
}
