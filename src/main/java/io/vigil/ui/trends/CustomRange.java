package io.vigil.ui.trends;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;

/**
 * A window the DBA types: a date and a time of day for each end, in the console's time zone. Either both ends, or the
 * message key (with arguments) of what is wrong with them.
 */
public record CustomRange(Instant from, Instant to, String problem, List<Object> args) {

    /** Shorter windows are a slip of the keyboard: the chart would show one or two points. */
    public static final Duration SHORTEST = Duration.ofMinutes(1);

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("H:mm[:ss]");

    public CustomRange {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public boolean ok() {
        return problem == null;
    }

    public static CustomRange check(LocalDate fromDate, String fromTime, LocalDate toDate, String toTime, ZoneId zone, Instant now) {
        if (fromDate == null || toDate == null) {
            return problem("trends.custom.noDate");
        }
        LocalTime start;
        LocalTime end;
        try {
            start = time(fromTime);
        } catch (DateTimeParseException e) {
            return problem("trends.custom.badTime", fromTime.strip());
        }
        try {
            end = time(toTime);
        } catch (DateTimeParseException e) {
            return problem("trends.custom.badTime", toTime.strip());
        }
        Instant from = fromDate.atTime(start).atZone(zone).toInstant();
        Instant to = toDate.atTime(end).atZone(zone).toInstant();
        if (!from.isBefore(to)) {
            return problem("trends.custom.order");
        }
        if (!from.isBefore(now)) {
            return problem("trends.custom.future");
        }
        if (Duration.between(from, to).compareTo(SHORTEST) < 0) {
            return problem("trends.custom.short");
        }
        return new CustomRange(from, to, null, List.of());
    }

    // A blank time means the start of the day, so a date alone is a whole day's boundary.
    private static LocalTime time(String text) {
        String t = text == null ? "" : text.strip();
        return t.isEmpty() ? LocalTime.MIDNIGHT : LocalTime.parse(t, TIME);
    }

    private static CustomRange problem(String key, Object... args) {
        return new CustomRange(null, null, key, List.of(args));
    }
}
