package io.vigil.series;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * The two straight lines {@link Forecast} chooses between, fitted to points already cleaned (sorted, distinct times,
 * finite values; x in days from the first point). Pure arithmetic, no state.
 */
final class GrowthFit {

    /** 95 % two-sided. */
    static final double Z = 1.959963984540054;
    /** Above this many pairs Theil–Sen draws this many at random (seeded by n, so a result is reproducible). */
    static final int MAX_PAIRS = 100_000;

    /** A line y = intercept + slope·x with the slope's 95 % interval. */
    record Line(double slope, double intercept, double low, double high) {

        double at(double x) {
            return intercept + slope * x;
        }
    }

    private GrowthFit() {
    }

    /** Ordinary least squares; the interval is slope ± t(0.975, n−2)·se(slope). */
    static Line ols(double[] x, double[] y) {
        int n = x.length;
        double mx = mean(x);
        double my = mean(y);
        double sxx = 0;
        double sxy = 0;
        for (int i = 0; i < n; i++) {
            sxx += (x[i] - mx) * (x[i] - mx);
            sxy += (x[i] - mx) * (y[i] - my);
        }
        double slope = sxy / sxx;
        double intercept = my - slope * mx;
        double sse = 0;
        for (int i = 0; i < n; i++) {
            double r = y[i] - intercept - slope * x[i];
            sse += r * r;
        }
        double se = Math.sqrt(sse / (n - 2) / sxx);
        double half = studentT975(n - 2) * se;
        return new Line(slope, intercept, slope - half, slope + half);
    }

    /**
     * Theil–Sen: the median of the slopes of all pairs (or of {@link #MAX_PAIRS} random pairs), the intercept the median
     * of y − slope·x. The interval is Sen's rank interval: with N pair slopes sorted and
     * C = z·√(n(n−1)(2n+5)/18) (the spread of Kendall's S), the slopes of ranks (N−C)/2 and (N+C)/2 + 1, ranks scaled to the
     * sample when pairs were drawn.
     */
    static Line theilSen(double[] x, double[] y) {
        int n = x.length;
        long all = (long) n * (n - 1) / 2;
        double[] slopes;
        if (all <= MAX_PAIRS) {
            slopes = new double[(int) all];
            int k = 0;
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    slopes[k++] = (y[j] - y[i]) / (x[j] - x[i]);
                }
            }
        } else {
            SplittableRandom random = new SplittableRandom(n);
            slopes = new double[MAX_PAIRS];
            for (int k = 0; k < MAX_PAIRS; k++) {
                int i = random.nextInt(n);
                int j = random.nextInt(n - 1);
                if (j >= i) {
                    j++;
                }
                slopes[k] = (y[j] - y[i]) / (x[j] - x[i]);
            }
        }
        Arrays.sort(slopes);
        double slope = median(slopes);
        double[] residuals = new double[n];
        for (int i = 0; i < n; i++) {
            residuals[i] = y[i] - slope * x[i];
        }
        Arrays.sort(residuals);
        double intercept = median(residuals);
        double c = Z * Math.sqrt(n * (n - 1.0) * (2.0 * n + 5) / 18.0);
        double scale = slopes.length / (double) all;
        int lowRank = (int) Math.floor((all - c) / 2.0 * scale);
        int highRank = (int) Math.ceil(((all + c) / 2.0 + 1) * scale);
        double low = slopes[clamp(lowRank - 1, slopes.length)];
        double high = slopes[clamp(highRank - 1, slopes.length)];
        return new Line(slope, intercept, low, high);
    }

    /** 1 − SSE/SST of the line over the points, never below 0 (a robust line can fit worse than the mean). */
    static double rSquared(Line line, double[] x, double[] y) {
        double my = mean(y);
        double sse = 0;
        double sst = 0;
        for (int i = 0; i < x.length; i++) {
            double r = y[i] - line.at(x[i]);
            sse += r * r;
            sst += (y[i] - my) * (y[i] - my);
        }
        return sst == 0 ? (sse == 0 ? 1 : 0) : Math.max(0, 1 - sse / sst);
    }

    /**
     * Where the line stands at the last point, anchored on the newest quarter of the points (at least 3): the median of
     * their y − slope·x. After a purge or a load the space grows on from where it is now, not from the window's average.
     */
    static double levelAtEnd(double slope, double[] x, double[] y) {
        int n = x.length;
        int k = Math.max(3, n / 4);
        double[] r = new double[Math.min(k, n)];
        for (int i = 0; i < r.length; i++) {
            int at = n - r.length + i;
            r[i] = y[at] - slope * x[at];
        }
        Arrays.sort(r);
        return median(r) + slope * x[n - 1];
    }

    static double median(double[] sorted) {
        int n = sorted.length;
        return n % 2 == 1 ? sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2;
    }

    /** Student's t 97.5 % quantile by the Cornish–Fisher expansion around the normal one (within 0.3 % from 10 df). */
    static double studentT975(int df) {
        double z = Z;
        double d = Math.max(1, df);
        return z + (z * z * z + z) / (4 * d) + (5 * Math.pow(z, 5) + 16 * z * z * z + 3 * z) / (96 * d * d);
    }

    private static double mean(double[] v) {
        double s = 0;
        for (double d : v) {
            s += d;
        }
        return s / v.length;
    }

    private static int clamp(int i, int n) {
        return Math.max(0, Math.min(n - 1, i));
    }
}
