package io.vigil.schedule;

import java.util.Arrays;

/** Start delays of jobs against their schedule, in milliseconds: the last 10,000, for percentiles. */
public final class ScheduleLag {

    static final int BUCKET_MILLIS = 5;
    private final long[] samples = new long[10_000];
    // every delay since the start, in 5 ms buckets up to two minutes (the last holds all longer ones): percentiles of a
    // whole window, however many runs it had
    private final long[] buckets = new long[24_000];
    private int count;

    synchronized void add(long millis) {
        samples[count % samples.length] = Math.max(0, millis);
        buckets[(int) Math.min(buckets.length - 1, Math.max(0, millis) / BUCKET_MILLIS)]++;
        count++;
    }

    /** Every delay recorded so far, bucketed, to pass to {@link #percentileSince} later. */
    public synchronized long[] mark() {
        return buckets.clone();
    }

    /** The percentile (0–100) of the delays recorded since {@code mark}, to within 5 ms (rounded up); 0 with none. */
    public synchronized long percentileSince(double p, long[] mark) {
        long n = 0;
        for (int i = 0; i < buckets.length; i++) {
            n += buckets[i] - mark[i];
        }
        if (n == 0) {
            return 0;
        }
        long wanted = Math.max(1, (long) Math.ceil(p / 100.0 * n));
        long seen = 0;
        for (int i = 0; i < buckets.length; i++) {
            seen += buckets[i] - mark[i];
            if (seen >= wanted) {
                return (i + 1L) * BUCKET_MILLIS;
            }
        }
        return (long) buckets.length * BUCKET_MILLIS;
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
