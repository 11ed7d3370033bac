package io.vigil.series;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;

/**
 * What a chart asks for: a metric, tags every returned series must have (e.g. {@code target=prod}; empty = all),
 * a time range [from, to) and the most points per series it can show.
 */
public record RangeQuery(String metric, Map<String, String> tagFilter, Instant from, Instant to, int maxPoints) {

    public RangeQuery {
        Objects.requireNonNull(metric, "metric");
        tagFilter = tagFilter == null ? Map.of() : Map.copyOf(tagFilter);
        if (!from.isBefore(to)) {
            throw new IllegalArgumentException("the range must end after it starts");
        }
        if (maxPoints < 1) {
            throw new IllegalArgumentException("maxPoints must be at least 1");
        }
    }

    /** The bucket width that yields at most {@code maxPoints} buckets over the range, at least 1 ms. */
    public long bucketMillis() {
        long span = to.toEpochMilli() - from.toEpochMilli();
        return Math.max(1, (span + maxPoints - 1) / maxPoints);
    }
}
