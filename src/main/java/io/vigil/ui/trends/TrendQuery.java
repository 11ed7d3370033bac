package io.vigil.ui.trends;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.vigil.config.MetricDef;
import io.vigil.config.Target;
import io.vigil.series.RangeQuery;
import io.vigil.series.Series;
import io.vigil.series.SeriesStore;

/**
 * One refresh of the Trends pane: every chosen metric on every chosen target of its kind, over one window, with at most
 * {@code maxPoints} points per series. Runs on a background thread; the store does the downsampling.
 *
 * @param metrics   the chosen metrics, in the order they are drawn
 * @param targets   the chosen targets
 * @param extraTags per metric name, tags a series must also have (a headline that reads one statistic of many)
 * @param from      window start
 * @param to        window end
 * @param maxPoints most points per series, about the chart's width in pixels
 */
public record TrendQuery(List<MetricDef> metrics, List<Target> targets, Map<String, Map<String, String>> extraTags, Instant from,
                         Instant to, int maxPoints) {

    /** More lines than this make a legend nobody can read; the rest are counted, not drawn. */
    public static final int MAX_LINES = 48;

    private static final long SECOND = 1000;
    private static final long MINUTE = 60 * SECOND;
    private static final long HOUR = 60 * MINUTE;
    private static final long DAY = 24 * HOUR;
    private static final long[] STEPS = {SECOND, 2 * SECOND, 5 * SECOND, 10 * SECOND, 15 * SECOND, 30 * SECOND, MINUTE,
        2 * MINUTE, 5 * MINUTE, 10 * MINUTE, 15 * MINUTE, 30 * MINUTE, HOUR, 2 * HOUR, 3 * HOUR, 6 * HOUR, 12 * HOUR, DAY};

    public TrendQuery {
        metrics = List.copyOf(metrics);
        targets = List.copyOf(targets);
        extraTags = Map.copyOf(extraTags);
        if (maxPoints < 10) {
            throw new IllegalArgumentException("a trend needs room for at least 10 points");
        }
    }

    /**
     * The width of one point: a round step (5 s, 10 min, 1 h...) wide enough that the window, widened to whole steps, holds
     * at most {@code maxPoints}. Round steps keep the buckets where they were when the window slides (live mode), so a
     * refresh does not reshuffle every mean.
     */
    public long step() {
        long span = to.toEpochMilli() - from.toEpochMilli();
        long least = Math.max(1, (span + maxPoints - 3) / (maxPoints - 2)); // two extra for the widening at both ends
        for (long s : STEPS) {
            if (s >= least) {
                return s;
            }
        }
        return (least + DAY - 1) / DAY * DAY;
    }

    /** Asks the store, series by series; lines with no point in the window are left out. */
    public Trend run(SeriesStore store) {
        return run(store, java.util.function.Function.identity());
    }

    /** As {@link #run(SeriesStore)}, the lines labelled with each metric's {@code title} instead of its dotted id. */
    public Trend run(SeriesStore store, java.util.function.Function<String, String> title) {
        long step = step();
        long alignedFrom = Math.floorDiv(from.toEpochMilli(), step) * step;
        long alignedTo = Math.floorDiv(to.toEpochMilli() + step - 1, step) * step;
        int buckets = (int) Math.max(1, (alignedTo - alignedFrom) / step);
        boolean severalTargets = targets.size() > 1;
        List<TrendLine> lines = new ArrayList<>();
        int omitted = 0;
        for (MetricDef metric : metrics) {
            for (Target target : targets) {
                if (target.kind().packKind() != metric.kind()) {
                    continue;
                }
                Map<String, String> filter = new HashMap<>(extraTags.getOrDefault(metric.name(), Map.of()));
                filter.put("target", target.name());
                RangeQuery q = new RangeQuery(metric.name(), filter, Instant.ofEpochMilli(alignedFrom), Instant.ofEpochMilli(alignedTo),
                        buckets);
                for (Series s : store.query(q)) {
                    if (s.size() == 0) {
                        continue;
                    }
                    if (lines.size() >= MAX_LINES) {
                        omitted++;
                        continue;
                    }
                    lines.add(TrendLine.of(s.key(), label(s, title.apply(metric.name()), target, severalTargets), metric.unit(), s.times(), s.values()));
                }
            }
        }
        return new Trend(from, to, step, lines, omitted);
    }

    /** "Tablespace used [USERS, PERMANENT]", prefixed with the target when several are shown. */
    static String label(Series s, String title, Target target, boolean withTarget) {
        String labels = s.key().tags().entrySet().stream().filter(e -> !e.getKey().equals("target")).map(Map.Entry::getValue)
                .collect(Collectors.joining(", "));
        String text = labels.isEmpty() ? title : title + " [" + labels + "]";
        return withTarget ? target.name() + " · " + text : text;
    }
}
