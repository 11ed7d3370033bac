package io.vigil.ui.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.TreeMap;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.vigil.series.SeriesKey;

class TrendLineTest {

    private static final SeriesKey KEY = new SeriesKey("oracle.sessions.total", new TreeMap<>(Map.of("target", "prod")));

    @Test
    void aSilenceOfMoreThanThreeIntervalsBreaksTheDrawnLineButNotTheData() {
        // picks every 15 s, then nothing for 10 minutes (the collector was stopped), then picks again
        long[] times = {0, 15_000, 30_000, 45_000, 645_000, 660_000, 675_000};
        double[] values = {1, 2, 3, 4, 5, 6, 7};

        TrendLine line = TrendLine.of(KEY, "prod", "sessions", times, values);

        assertThat(line.times()).containsExactly(times);
        assertThat(line.values()).as("what CSV export and the tooltip use").containsExactly(values);
        assertThat(line.seconds()).containsExactly(0, 15, 30, 45, 345, 645, 660, 675);
        assertThat(line.drawn()).containsExactly(1, 2, 3, 4, Double.NaN, 5, 6, 7);
        assertThat(breaks(line)).containsExactly(345);
    }

    @Test
    void aLateOrMissedPickDoesNotBreakTheLine() {
        long[] times = {0, 15_000, 30_000, 60_000, 75_000, 120_000, 135_000};
        TrendLine line = TrendLine.of(KEY, "prod", "sessions", times, new double[] {1, 2, 3, 4, 5, 6, 7});
        assertThat(breaks(line)).as("30 s and 45 s are within three 15 s steps").isEmpty();
        assertThat(line.drawn()).doesNotContain(Double.NaN);
    }

    @Test
    void thinnedBucketsBreakOnlyWhereWholeBucketsAreMissing() {
        long hour = 3_600_000;
        long[] times = {0, hour, 2 * hour, 3 * hour, 9 * hour, 10 * hour};
        TrendLine line = TrendLine.of(KEY, "prod", "sessions", times, new double[] {1, 2, 3, 4, 5, 6});
        assertThat(breaks(line)).containsExactly(6 * 3_600.0);
    }

    @Test
    void tooFewPointsToTellAGapAreDrawnAsTheyAre() {
        TrendLine line = TrendLine.of(KEY, "prod", "sessions", new long[] {0, 86_400_000}, new double[] {1, 2});
        assertThat(line.drawn()).containsExactly(1, 2);
        assertThat(TrendLine.of(KEY, "prod", "sessions", new long[0], new double[0]).seconds()).isEmpty();
    }

    // Where the drawn line stops: the x of each NaN the chart is handed.
    private static double[] breaks(TrendLine line) {
        return IntStream.range(0, line.drawn().length).filter(i -> Double.isNaN(line.drawn()[i])).mapToDouble(i -> line.seconds()[i]).toArray();
    }
}
