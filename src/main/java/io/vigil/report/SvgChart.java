package io.vigil.report;

import io.vigil.report.HealthReport.Bar;
import io.vigil.report.HealthReport.Chart;
import io.vigil.report.HealthReport.Line;
import java.util.Locale;
import java.util.function.DoubleFunction;
import java.util.function.LongFunction;

/** Draws a {@link Chart} as inline SVG: no script, no font file, no link; every text escaped. */
final class SvgChart {

    static final int WIDTH = 720;
    static final int LINE_HEIGHT = 190;
    private static final int LEFT = 64;
    private static final int RIGHT = 12;
    private static final int TOP = 12;
    private static final int BOTTOM = 26;
    private static final int BAR_ROW = 22;
    private static final int BAR_LABEL = 200;
    private static final String[] COLOURS = {"#1f5fa8", "#c2561a", "#2f8a4c", "#8a3fa0", "#b08a00", "#5a6b7b"};

    private SvgChart() {
    }

    static String draw(Chart chart, DoubleFunction<String> valueText, LongFunction<String> timeText) {
        return switch (chart.kind()) {
            case LINES -> lines(chart, valueText, timeText);
            case BARS -> bars(chart);
        };
    }

    private static String lines(Chart chart, DoubleFunction<String> valueText, LongFunction<String> timeText) {
        long t0 = Long.MAX_VALUE;
        long t1 = Long.MIN_VALUE;
        double max = 0;
        for (Line l : chart.lines()) {
            for (int i = 0; i < l.times().length; i++) {
                if (Double.isFinite(l.values()[i])) {
                    t0 = Math.min(t0, l.times()[i]);
                    t1 = Math.max(t1, l.times()[i]);
                    max = Math.max(max, l.values()[i]);
                }
            }
        }
        if (Double.isFinite(chart.ceiling())) {
            max = Math.max(max, chart.ceiling());
        }
        max = max <= 0 ? 1 : nice(max);
        if (t1 <= t0) {
            t1 = t0 + 1;
        }
        int plotW = WIDTH - LEFT - RIGHT;
        int plotH = LINE_HEIGHT - TOP - BOTTOM;
        StringBuilder svg = open(WIDTH, LINE_HEIGHT, chart.caption());
        for (int k = 0; k <= 4; k++) {
            double y = TOP + plotH - plotH * k / 4.0;
            svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" y1=\"%.1f\" x2=\"%d\" y2=\"%.1f\" class=\"grid\"/>", LEFT, y, WIDTH - RIGHT, y));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"axis\" text-anchor=\"end\">%s</text>", LEFT - 6, y + 4,
                    HtmlReport.escape(valueText.apply(max * k / 4))));
        }
        for (int k = 0; k <= 4; k++) {
            long t = t0 + (t1 - t0) * k / 4;
            double x = LEFT + plotW * k / 4.0;
            String anchor = k == 0 ? "start" : k == 4 ? "end" : "middle";
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" class=\"axis\" text-anchor=\"%s\">%s</text>", x, LINE_HEIGHT - 8, anchor,
                    HtmlReport.escape(timeText.apply(t))));
        }
        int colour = 0;
        for (Line l : chart.lines()) {
            long gap = gapOf(l.times());
            StringBuilder path = new StringBuilder();
            long previous = Long.MIN_VALUE;
            for (int i = 0; i < l.times().length; i++) {
                double v = l.values()[i];
                if (!Double.isFinite(v)) {
                    previous = Long.MIN_VALUE;
                    continue;
                }
                double x = LEFT + plotW * (double) (l.times()[i] - t0) / (t1 - t0);
                double y = TOP + plotH - plotH * Math.min(v, max) / max;
                boolean jump = previous == Long.MIN_VALUE || l.times()[i] - previous > gap;
                path.append(String.format(Locale.ROOT, "%s%.1f %.1f ", jump ? "M" : "L", x, y));
                previous = l.times()[i];
            }
            svg.append("<path d=\"").append(path.toString().strip()).append("\" fill=\"none\" stroke=\"").append(COLOURS[colour++ % COLOURS.length])
                    .append("\" stroke-width=\"1.4\"/>");
        }
        svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%d\" width=\"%d\" height=\"%d\" class=\"frame\"/>", LEFT, TOP, plotW, plotH));
        return svg.append("</svg>").toString();
    }

    /** Points further apart than three typical steps are not joined: nothing was collected in between. */
    private static long gapOf(long[] times) {
        if (times.length < 2) {
            return Long.MAX_VALUE;
        }
        long[] steps = new long[times.length - 1];
        for (int i = 1; i < times.length; i++) {
            steps[i - 1] = times[i] - times[i - 1];
        }
        java.util.Arrays.sort(steps);
        return Math.max(1, steps[steps.length / 2]) * 3;
    }

    private static String bars(Chart chart) {
        double max = Double.isFinite(chart.ceiling()) ? chart.ceiling() : 0;
        for (Bar b : chart.bars()) {
            max = Math.max(max, b.value());
        }
        max = max <= 0 ? 1 : max;
        int height = TOP + chart.bars().size() * BAR_ROW + 8;
        int plotW = WIDTH - BAR_LABEL - 80;
        StringBuilder svg = open(WIDTH, height, chart.caption());
        int row = 0;
        for (Bar b : chart.bars()) {
            double y = TOP + row * BAR_ROW;
            double w = Math.max(1, plotW * Math.min(b.value(), max) / max);
            String colour = "%".equals(chart.unit()) ? b.value() >= 90 ? "#c0392b" : b.value() >= 80 ? "#d68910" : COLOURS[0] : COLOURS[row % COLOURS.length];
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%.1f\" class=\"label\" text-anchor=\"end\">%s</text>", BAR_LABEL - 8, y + 14,
                    HtmlReport.escape(shorten(b.name()))));
            if (Double.isFinite(chart.ceiling())) {
                svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%d\" height=\"14\" class=\"track\"/>", BAR_LABEL, y + 3, plotW));
            }
            svg.append(String.format(Locale.ROOT, "<rect x=\"%d\" y=\"%.1f\" width=\"%.1f\" height=\"14\" fill=\"%s\"/>", BAR_LABEL, y + 3, w, colour));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%.1f\" class=\"label\">%s</text>", BAR_LABEL + (Double.isFinite(chart.ceiling())
                    ? plotW : w) + 6, y + 14, HtmlReport.escape(b.shown())));
            row++;
        }
        return svg.append("</svg>").toString();
    }

    private static StringBuilder open(int w, int h, String caption) {
        return new StringBuilder().append(String.format(Locale.ROOT,
                "<svg viewBox=\"0 0 %d %d\" width=\"100%%\" role=\"img\" aria-label=\"%s\">", w, h,
                HtmlReport.escape(caption)));
    }

    private static String shorten(String s) {
        return s.length() <= 30 ? s : s.substring(0, 29) + "\u2026";
    }

    /** The next round value at or above v (1, 2, 2.5, 5 × 10ⁿ) so the axis reads in round steps. */
    static double nice(double v) {
        double p = Math.pow(10, Math.floor(Math.log10(v)));
        for (double m : new double[] {1, 2, 2.5, 5, 10}) {
            if (m * p >= v) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
