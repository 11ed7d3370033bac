package io.vigil.report;

import io.vigil.series.RangeQuery;
import io.vigil.series.Series;
import io.vigil.series.SeriesStore;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * Range queries of one target over the report's range, and the few statistics the report tells from their answers.
 * Statistics run over the buckets the store returns (means of 5-minute buckets over a week), so a figure can be
 * checked again with the same range query.
 */
final class SeriesReads {

    /** Points per series for figures: 5-minute buckets over a week, finer over a shorter range. */
    static final int FIGURE_POINTS = 2016;
    /** Points per series for charts: about one per pixel of an A4 page's width. */
    static final int CHART_POINTS = 360;

    private final SeriesStore store;
    private final String target;
    private final Instant from;
    private final Instant to;

    SeriesReads(SeriesStore store, String target, Instant from, Instant to) {
        this.store = store;
        this.target = target;
        this.from = from;
        this.to = to;
    }

    Instant from() {
        return from;
    }

    Instant to() {
        return to;
    }

    /** Every series of the metric for the target, bucketed for figures. */
    List<Series> figures(String metric) {
        return query(metric, FIGURE_POINTS);
    }

    /** Every series of the metric for the target, bucketed for a chart. */
    List<Series> chart(String metric) {
        return query(metric, CHART_POINTS);
    }

    /** The target's one series of the metric (the first when a label splits it), or null when it has none in the range. */
    Series one(String metric) {
        List<Series> all = figures(metric);
        return all.stream().filter(s -> s.size() > 0).findFirst().orElse(null);
    }

    private List<Series> query(String metric, int points) {
        return store.query(new RangeQuery(metric, Map.of("target", target), from, to, points));
    }

    static double mean(Series s) {
        return s == null ? Double.NaN : Arrays.stream(s.values()).filter(Double::isFinite).average().orElse(Double.NaN);
    }

    static double max(Series s) {
        return s == null ? Double.NaN : Arrays.stream(s.values()).filter(Double::isFinite).max().orElse(Double.NaN);
    }

    /** The {@code p}-th percentile (0–100) of the values, nearest rank. */
    static double percentile(Series s, double p) {
        if (s == null) {
            return Double.NaN;
        }
        double[] v = Arrays.stream(s.values()).filter(Double::isFinite).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        int rank = (int) Math.ceil(p / 100.0 * v.length);
        return v[Math.max(0, Math.min(v.length - 1, rank - 1))];
    }

    /** The newest finite value, NaN when none. */
    static double last(Series s) {
        if (s != null) {
            for (int i = s.size() - 1; i >= 0; i--) {
                if (Double.isFinite(s.values()[i])) {
                    return s.values()[i];
                }
            }
        }
        return Double.NaN;
    }

    /** The time of the newest finite value, null when none. */
    static Instant lastTime(Series s) {
        if (s != null) {
            for (int i = s.size() - 1; i >= 0; i--) {
                if (Double.isFinite(s.values()[i])) {
                    return Instant.ofEpochMilli(s.times()[i]);
                }
            }
        }
        return null;
    }
}
