package io.vigil.watch;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.series.Point;
import io.vigil.series.SeriesKey;

/**
 * The newest point of every series the collector archived, by target name, so tiles read figures without a query.
 * An older point never replaces a newer one (a spool replay, a slow job finishing late).
 */
public final class LatestValues {

    private final Map<String, Map<SeriesKey, Point>> byTarget = new ConcurrentHashMap<>();

    public void add(List<Point> points) {
        for (Point p : points) {
            String target = p.tags().getOrDefault("target", "");
            byTarget.computeIfAbsent(target, k -> new ConcurrentHashMap<>())
                    .merge(p.key(), p, (old, neu) -> neu.time().isBefore(old.time()) ? old : neu);
        }
    }

    /** Every series of the metric for the target (one per label combination), newest points. */
    public List<Point> of(String target, String metric) {
        List<Point> out = new ArrayList<>();
        for (Point p : byTarget.getOrDefault(target, Map.of()).values()) {
            if (p.metric().equals(metric)) {
                out.add(p);
            }
        }
        return out;
    }

    /** The time of the newest point of the target, whatever the metric: how old its data is. */
    public Optional<java.time.Instant> newest(String target) {
        return byTarget.getOrDefault(target, Map.of()).values().stream().map(Point::time).max(java.time.Instant::compareTo);
    }

    /** Forgets a target (deleted or renamed). */
    public void forget(String target) {
        byTarget.remove(target);
    }
}
