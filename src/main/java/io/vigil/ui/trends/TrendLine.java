package io.vigil.ui.trends;

import io.vigil.series.SeriesKey;

/**
 * One line of a trend: a series of one metric on one target (one per label value for metrics with label columns).
 *
 * @param key     the series as the store names it, also the CSV column
 * @param label   the legend text
 * @param unit    the metric's unit, which picks the y axis
 * @param times   epoch milliseconds, ascending
 * @param values  the values at those times
 * @param seconds the same times in epoch seconds, as ChartFX's time axis wants them (computed off the FX thread)
 */
public record TrendLine(SeriesKey key, String label, String unit, long[] times, double[] values, double[] seconds) {

    public TrendLine {
        if (times.length != values.length || times.length != seconds.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
    }

    public static TrendLine of(SeriesKey key, String label, String unit, long[] times, double[] values) {
        double[] seconds = new double[times.length];
        for (int i = 0; i < times.length; i++) {
            seconds[i] = times[i] / 1000.0;
        }
        return new TrendLine(key, label, unit, times, values, seconds);
    }

    public int size() {
        return times.length;
    }
}
