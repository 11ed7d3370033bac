package io.vigil.series;

import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.Optional;

/**
 * How fast a space series grows and when it reaches its capacity: what a DBA means by "APP_DATA grows 1.2 GB a day and
 * is full in 6 days". Plain arithmetic over points the caller has read; no store, no clock.
 *
 * <h2>The maths</h2>
 * <ul>
 *   <li><b>Cleaning.</b> Points with a non-finite time or value are dropped; the rest are sorted by time and points at
 *       the same time averaged into one. Gaps need nothing: the fit works on real time, x in days from the first point.</li>
 *   <li><b>Two lines.</b> Ordinary least squares (slope Sxy/Sxx, 95 % interval slope ± t(0.975, n−2)·√(SSE/(n−2)/Sxx)) and
 *       Theil–Sen (the median of the slopes of all pairs of points, or of 100,000 random pairs past that; 95 % interval
 *       by Sen's rank method: the sorted pair slopes of ranks (N−C)/2 and (N+C)/2+1 with C = 1.96·√(n(n−1)(2n+5)/18)).</li>
 *   <li><b>The choice.</b> Least squares is the sharper of the two on clean noise, Theil–Sen the one a purge, a load or
 *       a few wild points cannot drag. The forecast reports least squares when its slope lies inside Theil–Sen's
 *       interval and the two differ by less than 10 %; otherwise they disagree because of outliers or steps and it
 *       reports Theil–Sen ({@link #method()}).</li>
 *   <li><b>r²</b> is 1 − SSE/SST of the reported line (never below 0).</li>
 *   <li><b>Days until full.</b> The reported line's level at the last point is anchored on the newest quarter of the
 *       points (the median of their y − slope·x), so after a purge or a load the space grows on from where it is now.
 *       Days until full = (capacity − that level) / growth per day; its interval divides the same headroom by the high
 *       and the low end of the growth interval (the soonest and the latest day). The growth's uncertainty is the only
 *       one counted: the level is known far better than the slope over a week of points.</li>
 *   <li><b>Capacity</b> is the newest one the caller has (an autoextend raises it; the line runs to today's ceiling).</li>
 * </ul>
 *
 * <h2>Verdicts</h2>
 * {@link Verdict#TOO_FEW_POINTS} under {@value #MIN_POINTS} points or under an hour of span (say what is missing with
 * {@link #pointsNeeded()} and {@link #spanNeeded()}); {@link Verdict#ALREADY_FULL} when the newest value has reached the
 * capacity; {@link Verdict#NOT_GROWING} when the growth is not above 0 or its interval includes 0; otherwise
 * {@link Verdict#GROWING}, with days until full when a capacity is known (growth only otherwise).
 *
 * @param verdict       what the forecast says
 * @param method        the line reported ({@code null} with TOO_FEW_POINTS)
 * @param perDay        growth per day of the reported line, in the series' unit (NaN with TOO_FEW_POINTS)
 * @param perDayLow     low end of its 95 % interval
 * @param perDayHigh    high end of its 95 % interval
 * @param olsPerDay     least squares' growth per day, whichever was reported
 * @param theilSenPerDay Theil–Sen's growth per day, whichever was reported
 * @param r2            goodness of fit of the reported line
 * @param points        points used (after cleaning)
 * @param span          time from the first to the last point used
 * @param last          time of the newest point
 * @param lastValue     the newest value
 * @param level         the reported line's level at the newest point (what days until full count from)
 * @param capacity      the capacity, NaN when unknown (growth only)
 * @param days          days until full from {@link #last()}, NaN unless GROWING with a capacity
 * @param daysSoonest   the pessimistic end: headroom over the high end of the growth interval
 * @param daysLatest    the optimistic end: headroom over the low end of the growth interval
 */
public record Forecast(
        Verdict verdict,
        Method method,
        double perDay,
        double perDayLow,
        double perDayHigh,
        double olsPerDay,
        double theilSenPerDay,
        double r2,
        int points,
        Duration span,
        Instant last,
        double lastValue,
        double level,
        double capacity,
        double days,
        double daysSoonest,
        double daysLatest) {

    /** Fewer points than this give {@link Verdict#TOO_FEW_POINTS}. */
    public static final int MIN_POINTS = 12;
    /** A shorter span gives {@link Verdict#TOO_FEW_POINTS}. */
    public static final Duration MIN_SPAN = Duration.ofHours(1);
    private static final double DAY_MILLIS = 86_400_000.0;

    /** What the forecast concludes. */
    public enum Verdict {
        /** Grows steadily; full in {@link #days()} when the capacity is known. */
        GROWING,
        /** The growth is 0 or less, or too uncertain to tell from 0. */
        NOT_GROWING,
        /** Too few points or too short a span to fit a line. */
        TOO_FEW_POINTS,
        /** The newest value has reached the capacity. */
        ALREADY_FULL
    }

    /** Which line the growth comes from. */
    public enum Method {
        /** Ordinary least squares. */
        LEAST_SQUARES,
        /** Theil–Sen: the median of the pairwise slopes. */
        THEIL_SEN
    }

    /**
     * The forecast of the points (times in epoch milliseconds, any order) against a capacity.
     *
     * @param capacity what the value cannot exceed, in the values' unit; NaN (or not above 0) when unknown
     */
    public static Forecast of(long[] times, double[] values, double capacity) {
        if (times.length != values.length) {
            throw new IllegalArgumentException("times and values differ in length");
        }
        double cap = Double.isFinite(capacity) && capacity > 0 ? capacity : Double.NaN;
        double[][] clean = clean(times, values);
        long[] t = Arrays.stream(clean[0]).mapToLong(d -> (long) d).toArray();
        double[] y = clean[1];
        int n = y.length;
        Duration span = n == 0 ? Duration.ZERO : Duration.ofMillis(t[n - 1] - t[0]);
        Instant last = n == 0 ? null : Instant.ofEpochMilli(t[n - 1]);
        double lastValue = n == 0 ? Double.NaN : y[n - 1];
        if (n < MIN_POINTS || span.compareTo(MIN_SPAN) < 0) {
            return new Forecast(Verdict.TOO_FEW_POINTS, null, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, n,
                    span, last, lastValue, Double.NaN, cap, Double.NaN, Double.NaN, Double.NaN);
        }
        double[] x = new double[n];
        for (int i = 0; i < n; i++) {
            x[i] = (t[i] - t[0]) / DAY_MILLIS;
        }
        GrowthFit.Line ols = GrowthFit.ols(x, y);
        GrowthFit.Line ts = GrowthFit.theilSen(x, y);
        boolean agree = ols.slope() >= ts.low() && ols.slope() <= ts.high()
                && Math.abs(ols.slope() - ts.slope()) <= 0.10 * Math.max(Math.abs(ols.slope()), Math.abs(ts.slope()));
        Method method = agree ? Method.LEAST_SQUARES : Method.THEIL_SEN;
        GrowthFit.Line line = agree ? ols : ts;
        double r2 = GrowthFit.rSquared(line, x, y);
        double level = GrowthFit.levelAtEnd(line.slope(), x, y);
        Verdict verdict;
        double days = Double.NaN;
        double soonest = Double.NaN;
        double latest = Double.NaN;
        if (!Double.isNaN(cap) && lastValue >= cap) {
            verdict = Verdict.ALREADY_FULL;
            days = 0;
            soonest = 0;
            latest = 0;
        } else if (line.slope() <= 0 || line.low() <= 0) {
            verdict = Verdict.NOT_GROWING;
        } else {
            verdict = Verdict.GROWING;
            if (!Double.isNaN(cap)) {
                double headroom = Math.max(0, cap - level);
                days = headroom / line.slope();
                soonest = headroom / line.high();
                latest = headroom / line.low();
            }
        }
        return new Forecast(verdict, method, line.slope(), line.low(), line.high(), ols.slope(), ts.slope(), r2, n, span, last, lastValue,
                level, cap, days, soonest, latest);
    }

    /** As {@link #of(long[], double[], double)} over a range query's answer. */
    public static Forecast of(Series used, double capacity) {
        return of(used.times(), used.values(), capacity);
    }

    /** Whether the forecast carries days until full (GROWING with a capacity, or ALREADY_FULL). */
    public boolean hasDays() {
        return !Double.isNaN(days);
    }

    /** When it is full by the point estimate, if it says. */
    public Optional<Instant> fullAt() {
        return hasDays() && Double.isFinite(days) ? Optional.of(last.plusMillis((long) (days * DAY_MILLIS))) : Optional.empty();
    }

    /** How many more points a TOO_FEW_POINTS forecast needs (0 otherwise). */
    public int pointsNeeded() {
        return verdict == Verdict.TOO_FEW_POINTS ? Math.max(0, MIN_POINTS - points) : 0;
    }

    /** How much more span a TOO_FEW_POINTS forecast needs (zero otherwise). */
    public Duration spanNeeded() {
        return verdict == Verdict.TOO_FEW_POINTS && span.compareTo(MIN_SPAN) < 0 ? MIN_SPAN.minus(span) : Duration.ZERO;
    }

    /** Used share of the capacity in percent, NaN when the capacity is unknown. */
    public double usedPercent() {
        return Double.isNaN(capacity) ? Double.NaN : 100.0 * lastValue / capacity;
    }

    /** Sorted by time, non-finite values dropped, same-time points averaged: {times as doubles, values}. */
    private static double[][] clean(long[] times, double[] values) {
        Integer[] order = new Integer[times.length];
        int m = 0;
        for (int i = 0; i < times.length; i++) {
            if (Double.isFinite(values[i])) {
                order[m++] = i;
            }
        }
        Integer[] idx = Arrays.copyOf(order, m);
        Arrays.sort(idx, (a, b) -> Long.compare(times[a], times[b]));
        double[] t = new double[m];
        double[] v = new double[m];
        int n = 0;
        for (int k = 0; k < m; ) {
            long at = times[idx[k]];
            double sum = 0;
            int count = 0;
            while (k < m && times[idx[k]] == at) {
                sum += values[idx[k++]];
                count++;
            }
            t[n] = at;
            v[n++] = sum / count;
        }
        return new double[][] {Arrays.copyOf(t, n), Arrays.copyOf(v, n)};
    }
}
