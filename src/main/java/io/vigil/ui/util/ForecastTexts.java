package io.vigil.ui.util;

import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.List;
import java.util.Locale;

import io.vigil.i18n.Messages;
import io.vigil.series.Forecast;
import io.vigil.series.SpaceForecast;

/** Space forecasts in words: the Tables pane's "Full in" cell and its tooltip, the dashboard's line under the space gauge. */
public final class ForecastTexts {

    /** What a cell shows when a space is not growing. */
    public static final String NOT_GROWING = "\u2014";
    /** Past this, "more than a year": a straight line says little that far out. */
    static final double YEAR = 365;

    private ForecastTexts() {
    }

    /** "6 d", "—" (not growing), "few points", "full", "> 1 y"; a growth per day when the size is unknown. */
    public static String cell(Forecast f, Messages m) {
        return switch (f.verdict()) {
            case ALREADY_FULL -> m.get("forecast.cell.full");
            case NOT_GROWING -> NOT_GROWING;
            case TOO_FEW_POINTS -> m.get("forecast.cell.few");
            case GROWING -> f.hasDays() ? days(f.days(), m) : m.get("forecast.perDay", bytes(f.perDay(), m.locale()));
        };
    }

    /** The whole forecast in a sentence or two, for a tooltip. */
    public static String tooltip(Forecast f, Messages m) {
        Locale l = m.locale();
        return switch (f.verdict()) {
            case TOO_FEW_POINTS -> m.get("forecast.tip.few", f.points(), span(f.span(), m), Forecast.MIN_POINTS,
                    Ages.format(Forecast.MIN_SPAN, m), f.pointsNeeded(), Ages.format(f.spanNeeded(), m));
            case ALREADY_FULL -> m.get("forecast.tip.full", bytes(f.lastValue(), l), bytes(f.capacity(), l));
            case NOT_GROWING -> m.get("forecast.tip.notGrowing", signedBytes(f.perDay(), l), signedBytes(f.perDayLow(), l),
                    signedBytes(f.perDayHigh(), l)) + " " + fit(f, m);
            case GROWING -> (f.hasDays()
                    ? m.get("forecast.tip.growing", bytes(f.perDay(), l), bytes(f.perDayLow(), l), bytes(f.perDayHigh(), l),
                            days(f.days(), m), days(f.daysSoonest(), m), days(f.daysLatest(), m), bytes(f.capacity(), l))
                    : m.get("forecast.tip.growth", bytes(f.perDay(), l), bytes(f.perDayLow(), l), bytes(f.perDayHigh(), l)))
                    + " " + fit(f, m);
        };
    }

    /**
     * The dashboard's line for a target: the space that fills first ("APP_DATA: full in 6 d"), else the fastest-growing
     * one without a size, else "not growing"; empty while nothing is known.
     */
    public static String headline(List<SpaceForecast> all, Messages m) {
        if (all.isEmpty()) {
            return "";
        }
        SpaceForecast first = all.getFirst(); // the most urgent first
        Forecast f = first.forecast();
        String name = name(first, m);
        if (f.verdict() == Forecast.Verdict.ALREADY_FULL) {
            return m.get("forecast.line.full", name);
        }
        if (f.verdict() == Forecast.Verdict.GROWING && f.hasDays()) {
            return m.get("forecast.line.days", name, days(f.days(), m));
        }
        if (f.verdict() == Forecast.Verdict.GROWING) {
            SpaceForecast fastest = all.stream().filter(s -> s.forecast().verdict() == Forecast.Verdict.GROWING)
                    .max(java.util.Comparator.comparingDouble(s -> s.forecast().perDay())).orElse(first);
            return m.get("forecast.line.grows", name(fastest, m), bytes(fastest.forecast().perDay(), m.locale()));
        }
        boolean fitted = all.stream().anyMatch(s -> s.forecast().verdict() != Forecast.Verdict.TOO_FEW_POINTS);
        return fitted ? m.get("forecast.line.notGrowing") : m.get("forecast.line.few");
    }

    /** The space's name as people say it: the tablespace's name, or "Recovery area" for a target's single space. */
    public static String name(SpaceForecast f, Messages m) {
        return f.name().isEmpty() ? m.get("forecast.space." + f.space().key()) : f.name();
    }

    /** "6 d", "0.5 d", "> 1 y". */
    public static String days(double days, Messages m) {
        if (!Double.isFinite(days) || days > YEAR) {
            return m.get("forecast.days.overYear");
        }
        DecimalFormat f = new DecimalFormat(days < 10 ? "0.#" : "0", DecimalFormatSymbols.getInstance(m.locale()));
        return m.get("forecast.days", f.format(days));
    }

    /** Bytes in decimal units: "1.2 GB", "350 MB". */
    public static String bytes(double n, Locale locale) {
        if (!Double.isFinite(n)) {
            return NOT_GROWING;
        }
        String[] units = {"B", "KB", "MB", "GB", "TB", "PB"};
        double v = Math.abs(n);
        int u = 0;
        while (v >= 999.5 && u < units.length - 1) { // 999.99 MB reads as 1 GB, not 1000 MB
            v /= 1000;
            u++;
        }
        DecimalFormat f = new DecimalFormat(v < 10 && u > 0 ? "0.#" : "0", DecimalFormatSymbols.getInstance(locale));
        return (n < 0 ? "-" : "") + f.format(v) + " " + units[u];
    }

    // A fit's span rounded, not floored as an age is: a week of 5-minute buckets is "7 d", not "6 d".
    private static String span(java.time.Duration d, Messages m) {
        long minutes = Math.round(d.toSeconds() / 60.0);
        if (minutes < 120) {
            return m.get("age.minutes", minutes);
        }
        return minutes < 2 * 24 * 60 ? m.get("age.hours", Math.round(minutes / 60.0)) : m.get("age.days", Math.round(minutes / 1440.0));
    }

    private static String signedBytes(double n, Locale locale) {
        return (n > 0 ? "+" : "") + bytes(n, locale);
    }

    private static String fit(Forecast f, Messages m) {
        DecimalFormat r2 = new DecimalFormat("0.00", DecimalFormatSymbols.getInstance(m.locale()));
        return m.get("forecast.tip.fit", m.get("forecast.method." + f.method().name()), f.points(), span(f.span(), m),
                r2.format(f.r2()));
    }
}
