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
 */
public record MirrorResult(long rows, boolean capped, Instant sourceTime, Duration took) {
}
