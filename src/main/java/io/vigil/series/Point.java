package io.vigil.series;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * One archived value.
 *
 * @param metric the metric's name, e.g. {@code oracle.sessions.active}
 * @param tags   what identifies the series within the metric: always {@code target}, plus label columns (e.g. tablespace)
 * @param time   the source time of the snapshot the value was picked from
 * @param value  the value (a rate for counters)
 */
public record Point(String metric, SortedMap<String, String> tags, Instant time, double value) {

    public Point {
        Objects.requireNonNull(metric, "metric");
        Objects.requireNonNull(time, "time");
        tags = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(tags == null ? Map.of() : tags));
    }

    public static Point of(String metric, Map<String, String> tags, Instant time, double value) {
        return new Point(metric, new TreeMap<>(tags), time, value);
    }

    public SeriesKey key() {
        return new SeriesKey(metric, tags);
    }
}
