package io.vigil.ui.trends;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

import javafx.util.StringConverter;

/** How the chart writes numbers and times: short SI numbers on the axes (12k, 1.5G), full ones in tooltips. */
final class Values {

    private static final DecimalFormatSymbols DOT = DecimalFormatSymbols.getInstance(Locale.ROOT);
    private static final String[] PREFIXES = {"", "k", "M", "G", "T", "P"};

    private Values() {
    }

    /** 0.25, 12.5, 980, 12.3k, 1.5M, 3.2G: three significant figures at most, as axis ticks want. */
    static String compact(double v) {
        if (!Double.isFinite(v)) {
            return "";
        }
        double a = Math.abs(v);
        int p = 0;
        while (a >= 10_000 && p < PREFIXES.length - 1) {
            a /= 1000;
            p++;
        }
        String digits = new DecimalFormat(a >= 100 || a == Math.rint(a) ? "0" : a >= 10 ? "0.#" : "0.##", DOT).format(a);
        return (v < 0 ? "-" : "") + digits + PREFIXES[p];
    }

    /** Full precision a DBA can copy: 12,345.67 (two decimals at most). */
    static String full(double v) {
        return Double.isFinite(v) ? new DecimalFormat("#,##0.##", DOT).format(v) : "–";
    }

    static String withUnit(double v, String unit) {
        String n = full(v);
        if (unit == null || unit.isBlank()) {
            return n;
        }
        return unit.startsWith("/") || unit.equals("%") ? n + unit : n + " " + unit;
    }

    /** Axis tick labels in the compact form. */
    static StringConverter<Number> ticks() {
        return new StringConverter<>() {
            @Override
            public String toString(Number n) {
                return n == null ? "" : compact(n.doubleValue());
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException("display only");
            }
        };
    }

    /** Epoch seconds (ChartFX's time unit) as a local date and time. */
    static String time(double epochSeconds, ZoneId zone) {
        Instant at = Instant.ofEpochMilli(Math.round(epochSeconds * 1000));
        return DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss").format(at.atZone(zone));
    }
}
