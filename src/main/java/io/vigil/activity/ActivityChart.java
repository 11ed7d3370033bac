package io.vigil.activity;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalInt;

/**
 * Average active sessions by wait class over a window, bucket by bucket.
 *
 * @param from          the window's start (a bucket boundary)
 * @param bucketSeconds the length of a bucket
 * @param buckets       how many buckets the window has
 * @param classes       the wait classes with activity in the window, in {@link WaitClasses#STACKING} order
 * @param aas           per class (same order), the average active sessions of each bucket
 * @param cpus          the host's CPU count, when V$OSSTAT is cached
 * @param newest        the newest sample of the target, or null when there is none
 */
public record ActivityChart(Instant from, int bucketSeconds, int buckets, List<String> classes, List<double[]> aas, OptionalInt cpus, Instant newest) {

    public ActivityChart {
        classes = List.copyOf(classes);
        aas = List.copyOf(aas);
    }

    /** The start of bucket {@code i}. */
    public Instant bucketStart(int i) {
        return from.plusSeconds((long) i * bucketSeconds);
    }

    public Instant to() {
        return from.plus(Duration.ofSeconds((long) buckets * bucketSeconds));
    }

    /** The average active sessions of class {@code cls} in bucket {@code i}; 0 when it had none. */
    public double aas(String cls, int i) {
        int k = classes.indexOf(cls);
        return k < 0 ? 0 : aas.get(k)[i];
    }

    /** All classes together in bucket {@code i}. */
    public double total(int i) {
        return aas.stream().mapToDouble(a -> a[i]).sum();
    }
}
