package io.vigil.ui.activity;

import java.time.Duration;

/** The windows Top Activity offers, each with the bucket its chart averages over (about 200-360 buckets a window). */
public enum ActivityRange {
    M15(Duration.ofMinutes(15), 5, 120),
    H1(Duration.ofHours(1), 15, 600),
    H6(Duration.ofHours(6), 60, 3600),
    H24(Duration.ofHours(24), 300, 4 * 3600);

    private final Duration window;
    private final int bucketSeconds;
    private final int tickSeconds;

    ActivityRange(Duration window, int bucketSeconds, int tickSeconds) {
        this.window = window;
        this.bucketSeconds = bucketSeconds;
        this.tickSeconds = tickSeconds;
    }

    public Duration window() {
        return window;
    }

    /** The chart's bucket; never shorter than the sampling interval, or a bucket could hold no sample. */
    public int bucketSeconds(int sampleSeconds) {
        return Math.max(bucketSeconds, sampleSeconds);
    }

    /** How far apart the time axis' labels are. */
    public int tickSeconds() {
        return tickSeconds;
    }
}
