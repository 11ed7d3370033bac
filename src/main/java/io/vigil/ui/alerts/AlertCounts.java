package io.vigil.ui.alerts;

import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import io.vigil.config.Alert;
import io.vigil.config.AlertState;
import io.vigil.config.Severity;

/**
 * What a badge says about a set of alerts: how many fire and nobody has acknowledged yet (the number that asks for
 * attention), how many fire but are acknowledged, and whether any unacknowledged one is critical. Pending and resolved
 * alerts are not counted: they have not fired, or no longer do.
 */
public record AlertCounts(int firing, int acknowledged, boolean critical) {

    public static final AlertCounts NONE = new AlertCounts(0, 0, false);

    public static AlertCounts of(Collection<Alert> alerts) {
        int firing = 0;
        int acked = 0;
        boolean crit = false;
        for (Alert a : alerts) {
            if (a.state() != AlertState.FIRING) {
                continue;
            }
            if (a.acknowledged()) {
                acked++;
            } else {
                firing++;
                crit |= a.severity() == Severity.CRIT;
            }
        }
        return new AlertCounts(firing, acked, crit);
    }

    /** The counts of each target that has any alert. */
    public static Map<Long, AlertCounts> byTarget(List<Alert> alerts) {
        Map<Long, List<Alert>> grouped = new HashMap<>();
        alerts.forEach(a -> grouped.computeIfAbsent(a.key().targetId(), k -> new java.util.ArrayList<>()).add(a));
        Map<Long, AlertCounts> out = new HashMap<>();
        grouped.forEach((id, list) -> out.put(id, of(list)));
        return out;
    }

    /** Whether a badge shows at all: something fires, acknowledged or not. */
    public boolean shown() {
        return firing > 0 || acknowledged > 0;
    }

    /** The badge's number: the unacknowledged ones, or when all are acknowledged, those (in a muted colour). */
    public int number() {
        return firing > 0 ? firing : acknowledged;
    }

    /** alert-badge-crit (red), alert-badge-warn (amber), or alert-badge-ack (muted: everything firing is acknowledged). */
    public String styleClass() {
        return firing == 0 ? "alert-badge-ack" : critical ? "alert-badge-crit" : "alert-badge-warn";
    }
}
