package io.vigil.ui.alerts;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import io.vigil.config.Alert;
import io.vigil.config.AlertKey;
import io.vigil.config.AlertState;
import io.vigil.config.Severity;
import io.vigil.config.Target;
import io.vigil.gather.Spool;
import io.vigil.watch.LatestValues;
import io.vigil.watch.Watch;

/** Hand-built alerts and the snapshots that carry them. */
final class AlertsFixture {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    private AlertsFixture() {
    }

    /** An alert of {@code rule} on a target, pending since {@code pendingAt} and (unless PENDING) firing a minute later. */
    static Alert alert(long targetId, String target, String rule, String series, AlertState state, Severity severity, Double value,
                       Instant pendingAt) {
        Instant fired = state == AlertState.PENDING ? null : pendingAt.plusSeconds(60);
        return new Alert(new AlertKey(rule, targetId, series), target, state, severity, value, pendingAt, fired,
                fired == null ? pendingAt : fired, null, "", "", null, "");
    }

    static Watch.Snapshot snapshot(Instant at, List<Target> targets, List<Alert> alerts) {
        return new Watch.Snapshot(at, targets, Map.of(), List.of(), new LatestValues(), new Spool.Fill(0, 0, 0, 0, 0), alerts);
    }
}
