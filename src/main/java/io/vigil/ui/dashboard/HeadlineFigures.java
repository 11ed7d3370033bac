package io.vigil.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.TreeMap;

import io.vigil.config.AlertRule;
import io.vigil.config.ConfigStore;
import io.vigil.config.Headline;
import io.vigil.config.MetricDef;
import io.vigil.config.RuleType;
import io.vigil.config.Packs;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.series.Point;
import io.vigil.series.RangeQuery;
import io.vigil.series.Series;
import io.vigil.series.SeriesKey;
import io.vigil.series.SeriesStore;
import io.vigil.watch.LatestValues;

/**
 * The headline figures of targets: which headlines each kind shows (from its shipped pack), and their current values
 * from the latest points, with units and thresholds from the metric definitions. Holds no JavaFX; built off the FX
 * thread because it reads the pack files and the config store.
 */
public final class HeadlineFigures {

    private static final HeadlineFigures EMPTY = new HeadlineFigures(Map.of(), List.of(), List.of());

    private final Map<TargetKind, List<Headline>> headlines;
    private final Map<TargetKind, Map<String, MetricDef>> metrics = new EnumMap<>(TargetKind.class);
    private final Map<TargetKind, Map<String, AlertRule>> rules = new EnumMap<>(TargetKind.class);

    /**
     * @param headlines by pack kind
     * @param metrics   metric definitions; a later one of the same kind and name replaces an earlier one
     * @param rules     alert rules; the colours of a metric's figure follow the first enabled threshold rule that watches all
     *                  its series (a later rule of the same kind and name replaces an earlier one)
     */
    public HeadlineFigures(Map<TargetKind, List<Headline>> headlines, List<MetricDef> metrics, List<AlertRule> rules) {
        this.headlines = Map.copyOf(headlines);
        for (MetricDef m : metrics) {
            this.metrics.computeIfAbsent(m.kind(), k -> new HashMap<>()).put(m.name(), m);
        }
        Map<TargetKind, Map<String, AlertRule>> byName = new EnumMap<>(TargetKind.class);
        for (AlertRule r : rules) {
            byName.computeIfAbsent(r.kind(), k -> new java.util.LinkedHashMap<>()).put(r.name(), r);
        }
        byName.forEach((kind, named) -> named.values().stream()
                .filter(r -> r.enabled() && r.type() == RuleType.THRESHOLD && r.labels().isEmpty())
                .forEach(r -> this.rules.computeIfAbsent(kind, k -> new HashMap<>()).putIfAbsent(r.subject(), r)));
    }

    /** Nothing known yet: no headlines. */
    public static HeadlineFigures empty() {
        return EMPTY;
    }

    /** The shipped packs' headlines and metrics, overridden by the store's metrics when there is a store (reads files and the store). */
    public static HeadlineFigures load(ConfigStore store) {
        Map<TargetKind, List<Headline>> byKind = new EnumMap<>(TargetKind.class);
        List<MetricDef> defs = new ArrayList<>();
        List<AlertRule> ruleDefs = new ArrayList<>();
        for (TargetKind kind : TargetKind.values()) {
            if (kind.packKind() == kind) {
                var pack = Packs.shipped(kind);
                byKind.put(kind, pack.headlines());
                defs.addAll(pack.metricDefs());
                ruleDefs.addAll(pack.ruleDefs());
            }
        }
        if (store != null) {
            defs.addAll(store.metrics()); // an admin's edited definitions win over the shipped ones
            List<AlertRule> stored = store.rules();
            if (!stored.isEmpty()) {
                ruleDefs = stored; // the store holds every rule; one an admin deleted must not colour tiles from the pack
            }
        }
        return new HeadlineFigures(byKind, defs, ruleDefs);
    }

    /** A headline's title in the console's language ("Sessions"), its key when the bundle has none. */
    public static String title(String key, Messages messages) {
        return messages.has("headline." + key) ? messages.get("headline." + key) : key;
    }

    /** The headlines a target of this kind shows, in pack order. */
    public List<Headline> headlines(TargetKind kind) {
        return headlines.getOrDefault(kind.packKind(), List.of());
    }

    /** The levels a metric's figure is coloured by: its alert rule's, or its own when no rule watches it. */
    public Thresholds thresholds(TargetKind kind, String metric, Optional<MetricDef> def) {
        AlertRule rule = rules.getOrDefault(kind.packKind(), Map.of()).get(metric);
        return rule != null ? Thresholds.of(rule) : def.map(Thresholds::of).orElse(Thresholds.none());
    }

    /** The definition of a headline's metric for a kind, if the store or pack has it. */
    public Optional<MetricDef> metric(TargetKind kind, String name) {
        return Optional.ofNullable(metrics.getOrDefault(kind.packKind(), Map.of()).get(name));
    }

    /**
     * The headline's current figure for the target: its metric's newest points whose tags contain the headline's tags,
     * combined by SUM or MAX. Only the points of the newest pick count: a series that vanished (a wait class no session
     * waits on any more) keeps its last point in the latest values, and must not be added to today's figure.
     */
    public Figure figure(Target target, Headline headline, LatestValues latest) {
        Optional<MetricDef> def = metric(target.kind(), headline.metric());
        String unit = def.map(MetricDef::unit).orElse("");
        Thresholds thresholds = thresholds(target.kind(), headline.metric(), def);
        List<Point> points = latest.of(target.name(), headline.metric());
        Instant newest = null;
        for (Point p : points) {
            if (matches(p, headline) && (newest == null || p.time().isAfter(newest))) {
                newest = p.time();
            }
        }
        if (newest == null) {
            return Figure.empty(headline, unit, thresholds);
        }
        double combined = headline.combine() == Headline.Combine.MAX ? Double.NEGATIVE_INFINITY : 0;
        for (Point p : points) {
            if (matches(p, headline) && p.time().equals(newest)) {
                combined = headline.combine() == Headline.Combine.MAX ? Math.max(combined, p.value()) : combined + p.value();
            }
        }
        return new Figure(headline, unit, thresholds, OptionalDouble.of(combined), Optional.of(newest), thresholds.level(combined));
    }

    /** How far back the panes look in the series store for a headline's recent values. */
    public static final Duration RECENT = Duration.ofMinutes(15);

    /**
     * A headline's values on a target over the {@link #RECENT} quarter hour before {@code at}, one per pick, oldest
     * first. Reads the store: call off the FX thread.
     */
    public static Series recent(SeriesStore store, Target target, Headline headline, Instant at) {
        Instant from = at.minus(RECENT);
        Instant to = at.plusSeconds(60); // a target's clock may run ahead of ours
        int perSecond = (int) Duration.between(from, to).toSeconds(); // one-second buckets keep each pick a value of its own
        return history(headline, store.query(historyQuery(target, headline, from, to, perSecond)));
    }

    /** What to ask the series store for a headline's recent past on a target: its metric, the target's tag and the headline's tags. */
    public static RangeQuery historyQuery(Target target, Headline headline, Instant from, Instant to, int maxPoints) {
        Map<String, String> filter = new HashMap<>(headline.tags());
        filter.put("target", target.name());
        return new RangeQuery(headline.metric(), filter, from, to, maxPoints);
    }

    /**
     * A headline's past values from the series store's answer to {@link #historyQuery}: at each time, the matching
     * series combined by SUM or MAX, as {@link #figure} combines the latest points. Points of one pick share their
     * snapshot's time (and thinned ones their bucket's start), so equal times belong together.
     *
     * @return {times in epoch ms, values}, oldest first
     */
    public static Series history(Headline headline, List<Series> answer) {
        TreeMap<Long, Double> combined = new TreeMap<>();
        for (Series s : answer) {
            if (!s.key().tags().entrySet().containsAll(headline.tags().entrySet())) {
                continue;
            }
            for (int i = 0; i < s.size(); i++) {
                double v = s.values()[i];
                if (Double.isFinite(v)) {
                    combined.merge(s.times()[i], v, headline.combine() == Headline.Combine.MAX ? Math::max : Double::sum);
                }
            }
        }
        long[] times = new long[combined.size()];
        double[] values = new double[combined.size()];
        int i = 0;
        for (Map.Entry<Long, Double> e : combined.entrySet()) {
            times[i] = e.getKey();
            values[i++] = e.getValue();
        }
        return new Series(new SeriesKey(headline.metric(), null), times, values);
    }

    private static boolean matches(Point p, Headline headline) {
        for (Map.Entry<String, String> tag : headline.tags().entrySet()) {
            if (!tag.getValue().equals(p.tags().get(tag.getKey()))) {
                return false;
            }
        }
        return true;
    }
}
