package io.vigil.series;

import java.util.Comparator;

import io.vigil.config.Space;

/**
 * The forecast of one space of a target: a tablespace, the recovery area, a disk group, a database.
 *
 * @param space    what kind of space, with its metrics
 * @param key      the used-space series it was fitted to (metric and tags)
 * @param name     the space's name (its label's value, e.g. {@code APP_DATA}); empty when the target has one
 * @param forecast growth and days until full
 */
public record SpaceForecast(Space space, SeriesKey key, String name, Forecast forecast) {

    /** The soonest full first, then the fullest; spaces that are not growing or lack points after those that are. */
    public static final Comparator<SpaceForecast> MOST_URGENT = Comparator
            .comparingInt((SpaceForecast f) -> rank(f.forecast()))
            .thenComparingDouble(f -> f.forecast().hasDays() ? f.forecast().days() : Double.MAX_VALUE)
            .thenComparingDouble(f -> Double.isNaN(f.forecast().usedPercent()) ? 0 : -f.forecast().usedPercent())
            .thenComparing(SpaceForecast::name);

    /**
     * The days an alert rule compares with its levels: the <em>pessimistic</em> end of the interval (the soonest day the
     * growth's interval allows), so a rule warns while there is still the lead time it names even if growth runs at the
     * high end; 0 when full; +∞ when not growing or without a capacity; NaN with too few points (nothing known, nothing
     * changes).
     */
    public double alertDays() {
        return switch (forecast.verdict()) {
            case ALREADY_FULL -> 0;
            case GROWING -> forecast.hasDays() ? forecast.daysSoonest() : Double.POSITIVE_INFINITY;
            case NOT_GROWING -> Double.POSITIVE_INFINITY;
            case TOO_FEW_POINTS -> Double.NaN;
        };
    }

    private static int rank(Forecast f) {
        return switch (f.verdict()) {
            case ALREADY_FULL -> 0;
            case GROWING -> f.hasDays() ? 1 : 2;
            case NOT_GROWING -> 3;
            case TOO_FEW_POINTS -> 4;
        };
    }
}
