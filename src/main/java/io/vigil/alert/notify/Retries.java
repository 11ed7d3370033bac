package io.vigil.alert.notify;

import java.time.Duration;

/**
 * How a channel retries and how much it holds while its receiver is away.
 *
 * @param first         the wait after the first failure; it doubles after each further one
 * @param max           the longest wait, and the wait after a failure that needs someone to fix the channel
 * @param queueCapacity messages held per channel; past it the oldest is dropped and counted
 */
public record Retries(Duration first, Duration max, int queueCapacity) {

    /** 5 s doubling to 10 min, 500 messages per channel. */
    public static final Retries STANDARD = new Retries(Duration.ofSeconds(5), Duration.ofMinutes(10), 500);

    public Retries {
        if (first.isNegative() || first.isZero() || max.compareTo(first) < 0 || queueCapacity < 1) {
            throw new IllegalArgumentException("retries need 0 < first <= max and room for a message");
        }
    }

    /** The wait after the n-th failure in a row (n from 1). */
    public Duration after(int failures, boolean transientFault) {
        if (!transientFault) {
            return max;
        }
        Duration wait = first;
        for (int i = 1; i < failures && wait.compareTo(max) < 0; i++) {
            wait = wait.multipliedBy(2);
        }
        return wait.compareTo(max) > 0 ? max : wait;
    }
}
