package io.vigil.schedule;

import java.util.Arrays;

/** Start delays of jobs against their schedule, in milliseconds: the last 10,000, for percentiles. */
public final class ScheduleLag {

    private final long[] samples = new long[10_000];
    private int count;

    synchronized void add(long millis) {
        samples[count % samples.length] = Math.max(0, millis);
        count++;
    }

    /** The given percentile (0–100) of the recorded delays, or 0 with none recorded. */
    public synchronized long percentile(double p) {
        int n = Math.min(count, samples.length);
        if (n == 0) {
            return 0;
        }
        long[] sorted = Arrays.copyOf(samples, n);
        Arrays.sort(sorted);
        int index = Math.max(0, (int) Math.ceil(p / 100.0 * n) - 1);
        return sorted[Math.min(n - 1, index)];
    }

    public synchronized int count() {
        return count;
    }
}
