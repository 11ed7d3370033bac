package io.vigil.gather;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.OptionalDouble;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.series.SeriesKey;

/**
 * Turns counter readings into per-second rates. The first reading of a series gives no point; neither does a reading
 * after the counter went down (a reset) or after the instance restarted (its restart marker changed), because the
 * difference would be negative, or a meaningless jump. Rates are never negative.
 */
public final class Rates {

    private record Last(double value, Instant time, Object marker) {
    }

    private final Map<SeriesKey, Last> last = new ConcurrentHashMap<>();

    /** Two instance starts within this are the same start (one derived from uptime wobbles by a second). */
    static final Duration SAME_START = Duration.ofSeconds(5);

    static boolean sameLife(Object before, Object now) {
        if (before instanceof Instant a && now instanceof Instant b) {
            return Duration.between(a, b).abs().compareTo(SAME_START) <= 0;
        }
        return Objects.equals(before, now);
    }

    /**
     * @param marker what changes when the instance restarts (Oracle's startup time, MySQL's start derived from Uptime,
     *               PostgreSQL's postmaster start); null when unknown
     */
    public OptionalDouble rate(SeriesKey series, double value, Instant time, Object marker) {
        Last previous = last.put(series, new Last(value, time, marker));
        if (previous == null || !sameLife(previous.marker(), marker) || value < previous.value()) {
            return OptionalDouble.empty();
        }
        double seconds = Duration.between(previous.time(), time).toMillis() / 1000.0;
        if (seconds <= 0) {
            return OptionalDouble.empty();
        }
        return OptionalDouble.of((value - previous.value()) / seconds);
    }
}
