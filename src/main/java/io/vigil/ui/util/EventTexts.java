package io.vigil.ui.util;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vigil.config.EventType;
import io.vigil.config.Severity;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;

/**
 * How the console writes an event: a short title for a list, and a tooltip with its time, kind, severity, code and the
 * first lines of its text (an ORA-00600 entry runs to dozens of lines; the first ones say what happened).
 */
public final class EventTexts {

    /** Lines of an event's text a tooltip shows. */
    public static final int TOOLTIP_LINES = 8;
    private static final int LINE_CHARS = 160;
    private static final DateTimeFormatter FULL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss", Locale.ROOT);
    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter DAY_CLOCK = DateTimeFormatter.ofPattern("MM-dd HH:mm", Locale.ROOT);

    private final Messages messages;
    private final ZoneId zone;

    public EventTexts(Messages messages, ZoneId zone) {
        this.messages = messages;
        this.zone = zone;
    }

    /**
     * "ORA-00600 · Internal error" for an alert-log entry with a code, "Startup · Starting ORACLE instance (normal)" for one
     * without, "Instance restarted", or an alert change's sentence.
     */
    public String title(VigilEvent e) {
        return switch (e.type()) {
            case RESTART -> messages.get("event.restart.title");
            case ALERT -> firstLine(e.text());
            case ALERT_LOG -> {
                String key = "event.category." + e.category();
                String category = messages.has(key) ? messages.get(key) : "";
                if (e.code().isEmpty()) {
                    yield category.isEmpty() ? firstLine(e.text()) : category + " \u00b7 " + firstLine(e.text());
                }
                yield category.isEmpty() ? e.code() : e.code() + " \u00b7 " + category;
            }
        };
    }

    /** "2026-03-02 11:40:07 · Alert log · CRIT · ORA-00600", then the text's first lines. */
    public String tooltip(VigilEvent e) {
        return head(e) + "\n" + firstLines(e.text(), TOOLTIP_LINES);
    }

    /** The tooltip's first line: time, kind, severity and code. */
    public String head(VigilEvent e) {
        String head = time(e.at()) + " \u00b7 " + type(e.type()) + " \u00b7 " + messages.get("alerts.severity." + e.severity().name());
        return e.code().isEmpty() ? head : head + " \u00b7 " + e.code();
    }

    public String type(EventType type) {
        return messages.get("event.type." + type.name());
    }

    /** A local date and time to the second. */
    public String time(Instant at) {
        return FULL.format(at.atZone(zone));
    }

    /** "14:05" for today, "03-01 23:40" for another day: short enough for a list. */
    public String shortTime(Instant at, Instant now) {
        LocalDate day = at.atZone(zone).toLocalDate();
        return (day.equals(now.atZone(zone).toLocalDate()) ? CLOCK : DAY_CLOCK).format(at.atZone(zone));
    }

    /** At most {@code max} lines, each cut at a readable width, and how many more there were. */
    public String firstLines(String text, int max) {
        List<String> lines = text.strip().lines().map(String::stripTrailing).filter(l -> !l.isBlank()).toList();
        List<String> shown = new ArrayList<>();
        for (String l : lines.subList(0, Math.min(max, lines.size()))) {
            shown.add(l.length() <= LINE_CHARS ? l : l.substring(0, LINE_CHARS) + "\u2026");
        }
        if (lines.size() > max) {
            shown.add(messages.get("event.moreLines", lines.size() - max));
        }
        return String.join("\n", shown);
    }

    private static String firstLine(String text) {
        String line = text.strip().lines().findFirst().orElse("");
        return line.length() <= LINE_CHARS ? line : line.substring(0, LINE_CHARS) + "\u2026";
    }

    /** {@code event-crit}, {@code event-warn} or {@code event-info}: the colour of a mark or a list row. */
    public static String styleClass(Severity s) {
        return "event-" + s.name().toLowerCase(Locale.ROOT);
    }
}
