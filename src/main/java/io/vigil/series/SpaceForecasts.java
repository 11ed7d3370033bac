package io.vigil.series;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.config.Packs;
import io.vigil.config.Space;
import io.vigil.config.TargetKind;

/**
 * Days-until-full forecasts of every space of a target (each tablespace, the recovery area, each ASM disk group; for
 * MySQL and PostgreSQL each database, growth only), fitted to the last week of its series in the series store. The
 * dashboard, the Tables pane, the alert rules and reports all ask here, so they agree.
 * Reads the store: never call on the FX thread.
 */
public final class SpaceForecasts {

    /** How far back the fit reads by default: a week holds a weekly batch and is short enough to follow a change of pace. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(7);
    /** How long {@link #recent} keeps an answer: space moves in hours, so a fit every few minutes is plenty. */
    public static final Duration REFRESH = Duration.ofMinutes(5);
    /** At most this many points per series (5-minute buckets over a week). */
    static final int MAX_POINTS = 2016;

    private final SeriesStore store;
    private final Clock clock;
    private final Duration window;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    private record Kept(Instant at, List<SpaceForecast> forecasts) {
    }

    public SpaceForecasts(SeriesStore store, Clock clock) {
        this(store, clock, DEFAULT_WINDOW);
    }

    /** @param window how far back to fit; never less than an hour */
    public SpaceForecasts(SeriesStore store, Clock clock, Duration window) {
        this.store = store;
        this.clock = clock;
        this.window = window.compareTo(Forecast.MIN_SPAN) < 0 ? Forecast.MIN_SPAN : window;
    }

    /** The spaces the shipped pack of the kind forecasts. */
    public List<Space> spacesOf(TargetKind kind) {
        return Packs.spaces(kind);
    }

    /** Every space of the target, the most urgent first ({@link SpaceForecast#MOST_URGENT}). Reads the store now. */
    public List<SpaceForecast> forecast(String targetName, TargetKind kind) {
        return forecast(targetName, spacesOf(kind));
    }

    /** The forecasts of these spaces of the target, the most urgent first. Reads the store now. */
    public List<SpaceForecast> forecast(String targetName, List<Space> of) {
        Instant now = clock.instant();
        Instant from = now.minus(window);
        Instant to = now.plusMillis(1);
        Map<String, String> filter = Map.of("target", targetName);
        List<SpaceForecast> out = new ArrayList<>();
        for (Space space : of) {
            List<Series> used = store.query(new RangeQuery(space.used(), filter, from, to, MAX_POINTS));
            List<Series> capacity = space.hasCapacity() ? store.query(new RangeQuery(space.capacity(), filter, from, to, MAX_POINTS)) : List.of();
            for (Series s : used) {
                double cap = capacity.stream().filter(c -> c.key().tags().equals(s.key().tags())).findFirst()
                        .map(SpaceForecasts::newest).orElse(Double.NaN);
                String name = space.label() == null ? "" : s.key().tags().getOrDefault(space.label(), "");
                out.add(new SpaceForecast(space, s.key(), name, Forecast.of(s, cap)));
            }
        }
        out.sort(SpaceForecast.MOST_URGENT);
        return List.copyOf(out);
    }

    /**
     * As {@link #forecast(String, TargetKind)}, but an answer younger than {@link #REFRESH} is given again without
     * reading the store: what the alert rules (every few seconds) and the console (every few minutes) call.
     */
    public List<SpaceForecast> recent(String targetName, TargetKind kind) {
        Instant now = clock.instant();
        String key = kind.packKind() + "/" + targetName;
        Kept k = kept.get(key);
        if (k != null && now.isBefore(k.at().plus(REFRESH)) && !now.isBefore(k.at())) {
            return k.forecasts();
        }
        List<SpaceForecast> fresh = forecast(targetName, kind);
        kept.put(key, new Kept(now, fresh));
        return fresh;
    }

    /** The newest finite value of a series (the capacity now: an autoextend raises it), NaN when none. */
    private static double newest(Series s) {
        for (int i = s.size() - 1; i >= 0; i--) {
            if (Double.isFinite(s.values()[i])) {
                return s.values()[i];
            }
        }
        return Double.NaN;
    }
}
