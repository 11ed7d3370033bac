package io.vigil.activity;

import java.util.List;
import java.util.Map;

/**
 * Who and what was active in a part of the window: top SQL, top sessions and top events, each with its share of all
 * samples there ({@code pct}, 0-100) and average active sessions ({@code aas}).
 *
 * @param samples how many session samples the part holds
 * @param seconds how long the part is
 */
public record ActivityBreakdown(long samples, double seconds, List<TopSql> sql, List<TopSession> sessions, List<TopEvent> events) {

    public ActivityBreakdown {
        sql = List.copyOf(sql);
        sessions = List.copyOf(sessions);
        events = List.copyOf(events);
    }

    /** A statement; {@code text} is empty when its text is not cached; {@code byClass} counts its samples per wait class. */
    public record TopSql(String sqlId, String text, long samples, double pct, double aas, Map<String, Long> byClass) {
    }

    /** A session; {@code topEvent} is what it did most ({@link WaitClasses#CPU} when on CPU), in {@code topEventClass}. */
    public record TopSession(long sid, long serial, String user, String program, long samples, double pct, double aas, String topEvent,
                             String topEventClass, Map<String, Long> byClass) {
    }

    /** A wait event, or CPU ({@code event} and {@code waitClass} both {@link WaitClasses#CPU}). */
    public record TopEvent(String event, String waitClass, long samples, double pct, double aas) {
    }
}
