package io.vigil.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.time.Duration;
import java.time.Instant;
import java.util.Random;

import org.junit.jupiter.api.Test;

class ForecastTest {

    private static final double GB = 1e9;
    private static final long START = Instant.parse("2026-11-01T00:00:00Z").toEpochMilli();
    private static final long FIVE_MIN = 300_000;

    /** used = base + perDay·days + N(0, noise), one point every 5 minutes over {@code days}. */
    private static double[][] line(double base, double perDay, double noise, double days, long seed) {
        Random r = new Random(seed);
        int n = (int) (days * 288);
        double[] t = new double[n];
        double[] v = new double[n];
        for (int i = 0; i < n; i++) {
            t[i] = START + i * FIVE_MIN;
            v[i] = base + perDay * (i * FIVE_MIN / 86_400_000.0) + noise * r.nextGaussian();
        }
        return new double[][] {t, v};
    }

    private static long[] times(double[][] s) {
        long[] t = new long[s[0].length];
        for (int i = 0; i < t.length; i++) {
            t[i] = (long) s[0][i];
        }
        return t;
    }

    @Test
    void aNoisyGrowingSeriesGivesItsGrowthAndDaysUntilFullWithinFivePercent() {
        // 1.2 GB/day for 7 days from 80 GB with 0.3 GB of noise, capacity 100 GB: at the end 88.4 GB, full in 9.67 days
        double[][] s = line(80 * GB, 1.2 * GB, 0.3 * GB, 7, 1);
        Forecast f = Forecast.of(times(s), s[1], 100 * GB);
        assertThat(f.verdict()).isEqualTo(Forecast.Verdict.GROWING);
        assertThat(f.perDay()).isCloseTo(1.2 * GB, withinPercentage(5));
        double expectedDays = (100 - 80 - 1.2 * (s[1].length - 1) * 300 / 86_400.0) / 1.2;
        assertThat(f.days()).isCloseTo(expectedDays, withinPercentage(5));
        assertThat(f.daysSoonest()).isLessThan(f.days());
        assertThat(f.daysLatest()).isGreaterThan(f.days());
        assertThat(f.perDayLow()).isLessThan(1.2 * GB).isPositive();
        assertThat(f.perDayHigh()).isGreaterThan(1.2 * GB);
        assertThat(f.method()).isEqualTo(Forecast.Method.LEAST_SQUARES);
        assertThat(f.r2()).isGreaterThan(0.9);
        assertThat(f.points()).isEqualTo(s[1].length);
        assertThat(f.span()).isEqualTo(Duration.ofMillis((s[1].length - 1) * FIVE_MIN));
        assertThat(f.fullAt()).hasValueSatisfying(at -> assertThat(at).isAfter(f.last().plus(Duration.ofDays(9))));
    }

    @Test
    void unsortedInputWithDuplicatesAndNaNGivesTheSameForecastAsTheCleanSeries() {
        double[][] s = line(50, 2, 0.5, 3, 2);
        Forecast clean = Forecast.of(times(s), s[1], 100);
        int n = s[1].length;
        long[] t = new long[n + 20];
        double[] v = new double[n + 20];
        for (int i = 0; i < n; i++) {
            t[n - 1 - i] = (long) s[0][i]; // reversed
            v[n - 1 - i] = s[1][i];
        }
        for (int k = 0; k < 10; k++) { // the same point twice: averaged with itself
            t[n + k] = (long) s[0][k * 7];
            v[n + k] = s[1][k * 7];
        }
        for (int k = 10; k < 20; k++) { // NaN and infinity are dropped
            t[n + k] = START + k;
            v[n + k] = k % 2 == 0 ? Double.NaN : Double.POSITIVE_INFINITY;
        }
        Forecast messy = Forecast.of(t, v, 100);
        assertThat(messy.points()).isEqualTo(n);
        assertThat(messy.perDay()).isCloseTo(clean.perDay(), within(1e-9));
        assertThat(messy.days()).isCloseTo(clean.days(), within(1e-9));
    }

    @Test
    void gapsAreFitOnRealTime() {
        double[][] s = line(10, 1, 0.05, 6, 3);
        int n = s[1].length;
        // keep only the first and the last two days: a two-day hole in the middle
        long[] t = new long[n];
        double[] v = new double[n];
        int m = 0;
        for (int i = 0; i < n; i++) {
            if (i < 576 || i >= n - 576) {
                t[m] = (long) s[0][i];
                v[m++] = s[1][i];
            }
        }
        Forecast f = Forecast.of(java.util.Arrays.copyOf(t, m), java.util.Arrays.copyOf(v, m), 100);
        assertThat(f.perDay()).isCloseTo(1, withinPercentage(2));
    }

    @Test
    void aFlatSeriesIsNotGrowing() {
        double[][] s = line(60 * GB, 0, 0.2 * GB, 7, 4);
        Forecast f = Forecast.of(times(s), s[1], 100 * GB);
        assertThat(f.verdict()).isEqualTo(Forecast.Verdict.NOT_GROWING);
        assertThat(f.perDayLow()).isNegative();
        assertThat(f.hasDays()).isFalse();
        assertThat(f.fullAt()).isEmpty();
    }

    @Test
    void aShrinkingSeriesIsNotGrowing() {
        double[][] s = line(60 * GB, -0.5 * GB, 0.1 * GB, 7, 5);
        Forecast f = Forecast.of(times(s), s[1], 100 * GB);
        assertThat(f.verdict()).isEqualTo(Forecast.Verdict.NOT_GROWING);
        assertThat(f.perDay()).isCloseTo(-0.5 * GB, withinPercentage(5));
    }

    @Test
    void aLoadStepMisleadsLeastSquaresButNotTheRobustLine() {
        // 1 GB/day, and a one-off 30 GB load at day 5.6: least squares reads several GB/day
        double[][] s = line(100 * GB, 1 * GB, 0.05 * GB, 7, 6);
        int step = (int) (s[1].length * 0.8);
        for (int i = step; i < s[1].length; i++) {
            s[1][i] += 30 * GB;
        }
        Forecast f = Forecast.of(times(s), s[1], 200 * GB);
        assertThat(f.method()).isEqualTo(Forecast.Method.THEIL_SEN);
        assertThat(f.olsPerDay()).isGreaterThan(3 * GB);
        assertThat(f.perDay()).isCloseTo(1 * GB, withinPercentage(15));
        // it grows on from after the load: 200 − (100 + 30 + 7) = 63 GB of headroom at 1 GB/day
        assertThat(f.level()).isCloseTo(137 * GB, withinPercentage(1));
        assertThat(f.days()).isCloseTo(63, withinPercentage(15));
    }

    @Test
    void aPurgeDoesNotTurnGrowthIntoShrinking() {
        double[][] s = line(100 * GB, 1 * GB, 0.05 * GB, 7, 7);
        int step = (int) (s[1].length * 0.2);
        for (int i = step; i < s[1].length; i++) {
            s[1][i] -= 20 * GB;
        }
        Forecast f = Forecast.of(times(s), s[1], 120 * GB);
        assertThat(f.olsPerDay()).isLessThan(0.5 * GB);
        assertThat(f.verdict()).isEqualTo(Forecast.Verdict.GROWING);
        assertThat(f.perDay()).isCloseTo(1 * GB, withinPercentage(15));
        assertThat(Math.abs(f.perDay() - GB)).isLessThan(Math.abs(f.olsPerDay() - GB));
    }

    @Test
    void wildOutliersAreIgnoredByTheRobustLine() {
        double[][] s = line(50, 2, 0.1, 7, 8);
        Random r = new Random(9);
        for (int k = 0; k < 40; k++) { // 2 % of the points read 0 or twice the value (a failed or doubled pick)
            int i = r.nextInt(s[1].length);
            s[1][i] = k % 2 == 0 ? 0 : 2 * s[1][i];
        }
        Forecast f = Forecast.of(times(s), s[1], 100);
        assertThat(f.theilSenPerDay()).isCloseTo(2, withinPercentage(3));
        assertThat(f.perDay()).isCloseTo(2, withinPercentage(5));
        assertThat(f.days()).isCloseTo((100 - 50 - 2 * 7) / 2.0, withinPercentage(5));
    }

    @Test
    void fewPointsOrAShortSpanSayWhatIsMissing() {
        Forecast few = Forecast.of(new long[] {START, START + 3_600_000, START + 7_200_000}, new double[] {1, 2, 3}, 10);
        assertThat(few.verdict()).isEqualTo(Forecast.Verdict.TOO_FEW_POINTS);
        assertThat(few.pointsNeeded()).isEqualTo(Forecast.MIN_POINTS - 3);
        assertThat(few.spanNeeded()).isZero();

        long[] t = new long[30];
        double[] v = new double[30];
        for (int i = 0; i < 30; i++) {
            t[i] = START + i * 60_000L; // 29 minutes
            v[i] = i;
        }
        Forecast shortSpan = Forecast.of(t, v, 100);
        assertThat(shortSpan.verdict()).isEqualTo(Forecast.Verdict.TOO_FEW_POINTS);
        assertThat(shortSpan.pointsNeeded()).isZero();
        assertThat(shortSpan.spanNeeded()).isEqualTo(Duration.ofMinutes(31));

        assertThat(Forecast.of(new long[0], new double[0], 1).verdict()).isEqualTo(Forecast.Verdict.TOO_FEW_POINTS);
    }

    @Test
    void aSeriesAtItsCapacityIsAlreadyFull() {
        double[][] s = line(90, 2, 0.01, 6, 10);
        Forecast f = Forecast.of(times(s), s[1], 100);
        assertThat(f.verdict()).isEqualTo(Forecast.Verdict.ALREADY_FULL);
        assertThat(f.days()).isZero();
    }

    @Test
    void withoutACapacityOnlyTheGrowthIsGiven() {
        double[][] s = line(5 * GB, 0.3 * GB, 0.01 * GB, 3, 11);
        Forecast f = Forecast.of(times(s), s[1], Double.NaN);
        assertThat(f.verdict()).isEqualTo(Forecast.Verdict.GROWING);
        assertThat(f.perDay()).isCloseTo(0.3 * GB, withinPercentage(5));
        assertThat(f.hasDays()).isFalse();
        assertThat(f.usedPercent()).isNaN();
    }

    @Test
    void aLongSeriesIsFitOnSampledPairsWithTheSameResult() {
        // 30 days at 5 min = 8640 points, 37 million pairs: Theil–Sen draws 100,000 of them
        double[][] s = line(10, 0.5, 0.2, 30, 12);
        Forecast f = Forecast.of(times(s), s[1], 100);
        assertThat(f.theilSenPerDay()).isCloseTo(0.5, withinPercentage(3));
        assertThat(f.perDayLow()).isLessThan(0.5);
        assertThat(f.perDayHigh()).isGreaterThan(0.5);
    }
}
