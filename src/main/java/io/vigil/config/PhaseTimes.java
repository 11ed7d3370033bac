package io.vigil.config;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Time summed per named phase of the collector's jobs (waiting for a slot, pulling, writing the cache, picking,
 * archiving), and how often each phase ran: what a capacity run reads to see where a collector's time goes. Adding is
 * two uncontended counter increments, cheap enough to leave on.
 */
public final class PhaseTimes {

    private record Sum(LongAdder nanos, LongAdder count) {
    }

    private final Map<String, Sum> sums = new ConcurrentHashMap<>();

    /** Adds the time since {@code startNanos} (a {@link System#nanoTime()}) to the phase; returns now, for the next phase. */
    public long since(String phase, long startNanos) {
        long now = System.nanoTime();
        add(phase, now - startNanos);
        return now;
    }

    public void add(String phase, long nanos) {
        Sum s = sums.computeIfAbsent(phase, k -> new Sum(new LongAdder(), new LongAdder()));
        s.nanos().add(nanos);
        s.count().increment();
    }

    /** Each phase's total milliseconds and count so far, by name. */
    public Map<String, long[]> snapshot() {
        Map<String, long[]> out = new TreeMap<>();
        sums.forEach((k, v) -> out.put(k, new long[] {v.nanos().sum() / 1_000_000, v.count().sum()}));
        return out;
    }

    public void reset() {
        sums.values().forEach(s -> {
            s.nanos().reset();
            s.count().reset();
        });
    }
}
