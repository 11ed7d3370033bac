package io.vigil.schedule;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.schedule.Collector.JobId;

/**
 * Mirrors held back after their SQL was refused (bad SQL, a missing privilege): the target is fine, but asking again
 * every interval would fail the same way. The n-th failure in a row holds the mirror for 2<sup>n</sup> times its
 * interval, at most an hour (or one interval when that is longer); one success ends it. A collector starts with none,
 * so reloaded definitions (an edited mirror) get a fresh start.
 */
final class Quarantines {

    static final Duration LONGEST = Duration.ofHours(1);

    private record Hold(int strikes, Instant until) {
    }

    private final Map<JobId, Hold> holds = new ConcurrentHashMap<>();

    /**
     * Whether the job must wait at {@code now}. Ticks come once an interval, a little late or early: the tick nearest the
     * end of the hold (within half an interval) runs it.
     */
    boolean holds(JobId id, Instant now, Duration interval) {
        Hold h = holds.get(id);
        return h != null && now.isBefore(h.until().minus(interval.dividedBy(2)));
    }

    /** Records a failure of a run started at {@code started}; returns when the job is tried again. */
    Instant strike(JobId id, Instant started, Duration interval) {
        Hold h = holds.compute(id, (k, old) -> {
            int strikes = old == null ? 1 : old.strikes() + 1;
            return new Hold(strikes, started.plus(hold(strikes, interval)));
        });
        return h.until();
    }

    /** How long the n-th failure in a row holds a job of this interval. */
    static Duration hold(int strikes, Duration interval) {
        Duration grown = interval.multipliedBy(1L << Math.min(strikes, 20));
        Duration capped = grown.compareTo(LONGEST) > 0 ? LONGEST : grown;
        return capped.compareTo(interval) < 0 ? interval : capped;
    }

    /** The job succeeded: nothing holds it any more. */
    void clear(JobId id) {
        holds.remove(id);
    }

    /** When a held job runs next, as epoch milliseconds: the first tick from {@code due} on that the hold lets through. */
    long nextRun(JobId id, long due, long period) {
        Hold h = holds.get(id);
        if (h == null) {
            return due;
        }
        long free = h.until().toEpochMilli() - period / 2;
        return due >= free ? due : due + ((free - due + period - 1) / period) * period;
    }
}
