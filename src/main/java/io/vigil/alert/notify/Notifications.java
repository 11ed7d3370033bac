package io.vigil.alert.notify;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.Map;
import java.util.StringJoiner;

import io.vigil.alert.notify.Notification.Item;
import io.vigil.alert.notify.Notification.Kind;
import io.vigil.i18n.Messages;

/** Turns a notification into the words a person reads, in their language. */
public final class Notifications {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss z");

    private Notifications() {
    }

    /**
     * A rendered notification.
     *
     * @param subject  one line: mail subject, chat title, desktop heading
     * @param plain    the body as plain text (mail, desktop, Vigil's JSON)
     * @param markdown the body as Markdown (DingTalk, WeCom)
     * @param slack    the body in Slack's mrkdwn
     */
    public record Rendered(String subject, String plain, String markdown, String slack) {
    }

    /** Renders with times in the system's time zone, which is where the reader of a desktop or server usually is. */
    public static Rendered render(Notification n, Messages messages) {
        return render(n, messages, ZoneId.systemDefault());
    }

    /** Renders with times in the given zone. */
    public static Rendered render(Notification n, Messages messages, ZoneId zone) {
        String subject = subject(n, messages);
        return new Rendered(subject, body(n, messages, zone, Style.PLAIN), heading(subject, Style.MARKDOWN) + body(n, messages, zone, Style.MARKDOWN),
                heading(subject, Style.SLACK) + body(n, messages, zone, Style.SLACK));
    }

    static String subject(Notification n, Messages m) {
        String severity = m.get("notify.severity." + n.worst());
        if (n.items().size() == 1) {
            Item item = n.items().getFirst();
            return m.get("notify.subject.one", severity, n.targetName(), name(item, m), m.get("notify.kind." + item.kind()));
        }
        Map<Kind, Integer> counts = new EnumMap<>(Kind.class);
        n.items().forEach(i -> counts.merge(i.kind(), 1, Integer::sum));
        StringJoiner summary = new StringJoiner(m.get("notify.separator"));
        counts.forEach((kind, count) -> summary.add(m.get("notify.count", count, m.get("notify.kind." + kind))));
        return m.get("notify.subject.many", severity, n.targetName(), n.items().size(), summary.toString());
    }

    private static String heading(String subject, Style style) {
        return switch (style) {
            case PLAIN -> subject + "\n\n";
            case MARKDOWN -> "#### " + subject + "\n\n";
            case SLACK -> "*" + Style.SLACK.escape(subject) + "*\n";
        };
    }

    private static String body(Notification n, Messages m, ZoneId zone, Style style) {
        StringBuilder out = new StringBuilder();
        for (Item item : n.items()) {
            out.append(style.bold(m.get("notify.severity." + item.severity()) + " " + m.get("notify.kind." + item.kind())))
                    .append(" · ").append(style.escape(m.metricTitle(item.title())));
            if (!item.series().isEmpty()) {
                out.append(" · ").append(style.code(item.series()));
            }
            out.append(style.lineBreak());
            StringJoiner facts = new StringJoiner(" · ");
            if (item.value() != null) {
                facts.add(m.get("notify.line.value", value(item, m)));
            }
            if (item.since() != null) {
                facts.add(m.get("notify.line.since", TIME.withLocale(m.locale()).format(item.since().atZone(zone))));
            }
            if (item.acknowledged()) {
                facts.add(m.get("notify.line.acknowledged"));
            }
            if (facts.length() > 0) {
                out.append(style.escape(facts.toString())).append(style.lineBreak());
            }
            if (!item.detail().isEmpty()) {
                out.append(style.quote(item.detail())).append(style.lineBreak());
            }
            out.append(style == Style.MARKDOWN ? "\n" : "");
        }
        out.append(style.escape(m.get("notify.footer", n.targetName(), TIME.withLocale(m.locale()).format(n.at().atZone(zone)))));
        return out.toString();
    }

    /** The alert's name as one phrase: its title (a metric's title in the reader's language), with the series when it watches one of several. */
    static String name(Item item, Messages m) {
        String title = m.metricTitle(item.title());
        return item.series().isEmpty() ? title : m.get("notify.item.withSeries", title, item.series());
    }

    static String value(Item item, Messages m) {
        return m.get("notify.value", item.value(), item.unit()).strip();
    }

    /** The few marks each text flavour needs; chat robots render Markdown differently, so it stays simple. */
    private enum Style {
        PLAIN, MARKDOWN, SLACK;

        String bold(String s) {
            return switch (this) {
                case PLAIN -> s;
                case MARKDOWN -> "**" + s + "**";
                case SLACK -> "*" + escape(s) + "*";
            };
        }

        String code(String s) {
            return this == PLAIN ? s : "`" + escape(s).replace("`", "'") + "`";
        }

        String quote(String s) {
            return this == PLAIN ? "  " + s.replace("\n", "\n  ") : "> " + escape(s).replace("\n", "\n> ");
        }

        // Markdown needs two trailing spaces for a line break inside a paragraph; DingTalk and WeCom honour them.
        String lineBreak() {
            return this == MARKDOWN ? "  \n" : "\n";
        }

        // Slack reads <, > and & as its own markup.
        String escape(String s) {
            return this == SLACK ? s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") : s;
        }
    }
}
