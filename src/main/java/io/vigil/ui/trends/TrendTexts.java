package io.vigil.ui.trends;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

import io.vigil.config.MetricDef;
import io.vigil.config.Target;
import io.vigil.i18n.Messages;

/** The words of the Trends pane around the chart: what a trend holds, and what was asked for when it holds nothing. */
final class TrendTexts {

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");

    private final Messages messages;

    TrendTexts(Messages messages) {
        this.messages = messages;
    }

    /** "13 series · 1,500 points · one per 5 s · updated 14:02:07", and how many series were left out. */
    String info(Trend t, Instant now, ZoneId zone) {
        String text = messages.get("trends.info", t.lines().size(), t.points(), step(t.step()), CLOCK.format(now.atZone(zone)));
        return t.omitted() == 0 ? text : text + " " + messages.get("trends.info.omitted", t.omitted());
    }

    /** "No points in this range for oracle.sessions.active, oracle.host.cpu_busy_pct on prod-db. ..." */
    String noData(TrendQuery q) {
        String ms = names(q.metrics().stream().map(MetricDef::name).toList());
        String ts = names(q.targets().stream().map(Target::name).toList());
        return messages.get("trends.empty.noData.hint", messages.get("trends.empty.what", ms, ts));
    }

    private static String names(List<String> names) {
        return names.size() <= 3 ? String.join(", ", names) : String.join(", ", names.subList(0, 3)) + " (+" + (names.size() - 3) + ")";
    }

    // One point's width in the words of the age labels: 5 s, 10 min, 1 h, 1 d.
    String step(long millis) {
        long s = millis / 1000;
        if (s >= 86_400 && s % 86_400 == 0) {
            return messages.get("age.days", s / 86_400);
        }
        if (s >= 3600 && s % 3600 == 0) {
            return messages.get("age.hours", s / 3600);
        }
        if (s >= 60 && s % 60 == 0) {
            return messages.get("age.minutes", s / 60);
        }
        return messages.get("age.seconds", Math.max(1, s));
    }
}
