package io.vigil.ui.trends;

import java.util.Arrays;

import io.vigil.series.SeriesKey;

/**
 * One line of a trend: a series of one metric on one target (one per label value for metrics with label columns).
 *
 * @param key     the series as the store names it, also the CSV column
 * @param label   the legend text
 * @param unit    the metric's unit, which picks the y axis
 * @param times   epoch milliseconds, ascending
 * @param values  the values at those times
 * @param seconds what the chart draws, x: the times in epoch seconds, as ChartFX's time axis wants them, with a break
 *                wherever no points came for a while (computed off the FX thread)
 * @param drawn   what the chart draws, y: the values, with NaN at each break so that the line stops there instead of
 *                bridging the time nothing was collected
 */
public record TrendLine(SeriesKey key, String label, String unit, long[] times, double[] values, double[] seconds, double[] drawn) {

    /** A silence longer than this many usual steps between points breaks the line. */
    static final int GAP_STEPS = 3;

    public TrendLine {
        if (times.length != values.length || seconds.length != drawn.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
    }

    public static TrendLine of(SeriesKey key, String label, String unit, long[] times, double[] values) {
        long gap = GAP_STEPS * usualStep(times);
        int breaks = 0;
        for (int i = 1; i < times.length; i++) {
            if (times[i] - times[i - 1] > gap) {
                breaks++;
            }
        }
        double[] seconds = new double[times.length + breaks];
        double[] drawn = new double[times.length + breaks];
        int k = 0;
        for (int i = 0; i < times.length; i++) {
            if (i > 0 && times[i] - times[i - 1] > gap) {
                seconds[k] = (times[i - 1] + times[i]) / 2000.0;
                drawn[k++] = Double.NaN;
            }
            seconds[k] = times[i] / 1000.0;
            drawn[k++] = values[i];
        }
        return new TrendLine(key, label, unit, times, values, seconds, drawn);
    }

    // The median distance between neighbouring points: the pick interval for raw points, the bucket for thinned ones.
    private static long usualStep(long[] times) {
        if (times.length < 3) {
            return Long.MAX_VALUE / GAP_STEPS; // too few to tell a gap from the interval
        }
        long[] steps = new long[times.length - 1];
        for (int i = 1; i < times.length; i++) {
            steps[i - 1] = times[i] - times[i - 1];
        }
        Arrays.sort(steps);
        return Math.max(1, steps[steps.length / 2]);
    }

    public int size() {
        return times.length;
    }
}
