package io.vigil.report;

import io.vigil.i18n.Messages;
import java.text.NumberFormat;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.Locale;

/** Numbers, sizes, percentages, days and times as the report's reader writes them (decimal marks, units). */
final class ReportFormat {

    private static final String[] BYTE_UNITS = {"B", "KB", "MB", "GB", "TB", "PB"};

    private final Messages messages;
    private final Locale locale;
    private final DateTimeFormatter time;
    private final DateTimeFormatter day;

    ReportFormat(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.locale = messages.locale();
        this.time = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", locale).withZone(zone);
        this.day = DateTimeFormatter.ofLocalizedDate(FormatStyle.MEDIUM).withLocale(locale).withZone(zone);
    }

    Messages messages() {
        return messages;
    }

    /** A number with at most {@code decimals} decimals, grouped, as the locale writes it; "–" for none. */
    String number(double v, int decimals) {
        if (!Double.isFinite(v)) {
            return "\u2013";
        }
        NumberFormat f = NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(decimals);
        f.setMinimumFractionDigits(0);
        return f.format(v);
    }

    /** A size in binary units (1 GB = 1024³ bytes), one decimal from MB up. */
    String bytes(double v) {
        if (!Double.isFinite(v)) {
            return "\u2013";
        }
        double a = Math.abs(v);
        int u = 0;
        while (a >= 1024 && u < BYTE_UNITS.length - 1) {
            a /= 1024;
            u++;
        }
        return (v < 0 ? "-" : "") + number(a, u >= 2 ? 1 : 0) + " " + BYTE_UNITS[u];
    }

    String percent(double v) {
        return Double.isFinite(v) ? number(v, v < 10 ? 1 : 0) + " %" : "\u2013";
    }

    /** Days as a reader counts them: whole days from 2 up, one decimal under. */
    String days(double v) {
        return messages.get("report.unit.days", number(v, Math.abs(v) < 2 ? 1 : 0));
    }

    /** Hours, turned into days past two days. */
    String hours(double h) {
        if (!Double.isFinite(h)) {
            return "\u2013";
        }
        return h >= 48 ? days(h / 24) : messages.get("report.unit.hours", number(h, h < 10 ? 1 : 0));
    }

    /** Seconds, turned into minutes and hours past them. */
    String seconds(double s) {
        if (!Double.isFinite(s)) {
            return "\u2013";
        }
        if (s >= 7200) {
            return hours(s / 3600);
        }
        return s >= 120 ? messages.get("report.unit.minutes", number(s / 60, 0)) : messages.get("report.unit.seconds", number(s, s < 10 ? 1 : 0));
    }

    /** A value in a pack's unit. */
    String value(double v, String unit) {
        return switch (unit) {
            case "bytes" -> bytes(v);
            case "%" -> percent(v);
            case "s" -> seconds(v);
            case "h" -> hours(v);
            case "bytes/s" -> bytes(v) + "/s";
            default -> number(v, Math.abs(v) < 10 ? 2 : Math.abs(v) < 100 ? 1 : 0) + (unit.isEmpty() ? "" : unit.startsWith("/") ? unit : " " + unit);
        };
    }

    String time(Instant t) {
        return t == null ? "\u2013" : time.format(t);
    }

    String date(Instant t) {
        return t == null ? "\u2013" : day.format(t);
    }
}
