package io.vigil.ui.trends;

import java.time.Instant;
import java.util.List;

/**
 * What the chart draws: the window shown, the width of one point, and the lines with their points.
 *
 * @param from    start of the window shown
 * @param to      end of the window shown
 * @param step    milliseconds each point stands for (a point is the mean of that bucket when the store holds more)
 * @param lines   the series found, at most {@link TrendQuery#MAX_LINES}
 * @param omitted series found beyond that cap, not drawn
 */
public record Trend(Instant from, Instant to, long step, List<TrendLine> lines, int omitted) {

    public Trend {
        lines = List.copyOf(lines);
    }

    public static Trend none(Instant from, Instant to) {
        return new Trend(from, to, 0, List.of(), 0);
    }

    public int points() {
        return lines.stream().mapToInt(TrendLine::size).sum();
    }

    /** True when nothing in the window has a point. */
    public boolean isEmpty() {
        return points() == 0;
    }
}
