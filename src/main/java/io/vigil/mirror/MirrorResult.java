package io.vigil.mirror;

import java.time.Duration;
import java.time.Instant;

/**
 * One finished mirror run.
 *
 * @param rows       rows cached by this run
 * @param capped     whether the row cap stopped the pull (the mirror holds only part of the source)
 * @param sourceTime the target's clock when the snapshot was read
 * @param took       pull + cache time
 * @param nulled     values the cache cannot hold (NaN, an infinity, a number too large) stored as NULL
 * @param repaired   text values that were not UTF-8, kept with replacement characters
 */
public record MirrorResult(long rows, boolean capped, Instant sourceTime, Duration took, long nulled, long repaired) {

    /** Values this run stored otherwise than it read them. */
    public long mended() {
        return nulled + repaired;
    }
}
