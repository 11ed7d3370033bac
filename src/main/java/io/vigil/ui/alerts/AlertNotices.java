package io.vigil.ui.alerts;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import io.vigil.config.Alert;
import io.vigil.config.AlertKey;
import io.vigil.config.AlertState;
import io.vigil.config.Severity;
import io.vigil.i18n.Messages;
import io.vigil.ui.live.HealthNotices.Notice;

/**
 * Which alerts are worth a desktop notification between two snapshots: one that started firing (or got worse, from
 * warning to critical) and one that resolved. One notification per target and snapshot, however many of its alerts
 * changed, so a bad minute on one database does not bury the screen; a warning when anything fires, else good news.
 */
public final class AlertNotices {

    private AlertNotices() {
    }

    public static List<Notice> between(List<Alert> before, List<Alert> now, Messages messages) {
        if (before == null) {
            return List.of(); // the first snapshot sets the scene: what already fires is in the pane and the badge
        }
        Map<AlertKey, Alert> was = new HashMap<>();
        before.forEach(a -> was.put(a.key(), a));
        Map<String, List<String>> fired = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        Map<String, List<String>> resolved = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        for (Alert a : now) {
            Alert old = was.remove(a.key());
            boolean firing = old != null && old.state() == AlertState.FIRING;
            if (a.state() == AlertState.FIRING && (!firing || worse(old, a))) {
                fired.computeIfAbsent(a.targetName(), k -> new ArrayList<>()).add(line(a, messages));
            } else if (a.state() == AlertState.RESOLVED && firing) {
                resolved.computeIfAbsent(a.targetName(), k -> new ArrayList<>()).add(AlertsViewModel.title(a));
            }
        }
        for (Alert gone : was.values()) { // straight back to OK between two snapshots
            if (gone.state() == AlertState.FIRING) {
                resolved.computeIfAbsent(gone.targetName(), k -> new ArrayList<>()).add(AlertsViewModel.title(gone));
            }
        }
        List<Notice> out = new ArrayList<>();
        fired.forEach((target, lines) -> {
            List<String> text = new ArrayList<>(lines);
            List<String> ok = resolved.remove(target);
            if (ok != null) {
                ok.forEach(t -> text.add(messages.get("alerts.notice.resolvedLine", t)));
            }
            out.add(new Notice(true, messages.get("alerts.notice.firing", target, lines.size()), String.join("\n", text)));
        });
        resolved.forEach((target, titles) -> out.add(new Notice(false, messages.get("alerts.notice.resolved", target, titles.size()),
                String.join("\n", titles))));
        return out;
    }

    private static boolean worse(Alert old, Alert now) {
        return old.severity() == Severity.WARN && now.severity() == Severity.CRIT;
    }

    private static String line(Alert a, Messages messages) {
        return messages.get("alerts.severity." + a.severity().name()) + " \u00b7 " + AlertsViewModel.title(a);
    }
}
