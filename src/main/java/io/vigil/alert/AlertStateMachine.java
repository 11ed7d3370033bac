package io.vigil.alert;

import java.time.Duration;
import java.time.Instant;

import io.vigil.config.Alert;
import io.vigil.config.AlertChange;
import io.vigil.config.AlertKey;
import io.vigil.config.AlertState;
import io.vigil.config.Severity;

/**
 * One alert's life: OK → PENDING (the crossing must last the hold time) → FIRING (warn or crit, escalating and easing
 * as the value moves) → RESOLVED → OK. Pure: given the alert as it is and what the rule wants now, the next state.
 */
public final class AlertStateMachine {

    private AlertStateMachine() {
    }

    /**
     * @param current what the alert is now, or null when OK
     * @param wanted  the severity the observation calls for, or null when it is fine
     * @param hold    how long a crossing must last before it fires
     */
    public static Step step(AlertKey key, String targetName, Alert current, Severity wanted, Double value, String detail, Duration hold,
                            Instant now) {
        AlertState state = current == null ? AlertState.OK : current.state();
        if (wanted == null) {
            return switch (state) {
                case OK -> new Step(null, null, null);
                case RESOLVED -> new Step(null, null, null);
                case PENDING -> new Step(null, change(key, targetName, AlertState.PENDING, AlertState.OK, current.severity(), value, detail, now),
                        null);
                case FIRING -> {
                    Alert resolved = new Alert(key, targetName, AlertState.RESOLVED, current.severity(), value, current.pendingAt(),
                            current.firedAt(), now, current.notifiedAt(), current.ackBy(), current.ackComment(), current.ackAt(),
                            detail == null || detail.isEmpty() ? current.detail() : detail);
                    yield new Step(resolved, change(key, targetName, AlertState.FIRING, AlertState.RESOLVED, current.severity(), value,
                            resolved.detail(), now), Step.Notice.RESOLVED);
                }
            };
        }
        return switch (state) {
            case OK, RESOLVED -> {
                if (hold.isZero() || hold.isNegative()) {
                    Alert firing = new Alert(key, targetName, AlertState.FIRING, wanted, value, now, now, now, null, "", "", null, detail);
                    yield new Step(firing, change(key, targetName, state, AlertState.FIRING, wanted, value, detail, now), Step.Notice.FIRING);
                }
                Alert pending = new Alert(key, targetName, AlertState.PENDING, wanted, value, now, null, now, null, "", "", null, detail);
                yield new Step(pending, change(key, targetName, state, AlertState.PENDING, wanted, value, detail, now), null);
            }
            case PENDING -> {
                if (!now.isBefore(current.pendingAt().plus(hold))) {
                    Alert firing = new Alert(key, targetName, AlertState.FIRING, wanted, value, current.pendingAt(), now, now, null, "", "",
                            null, detail);
                    yield new Step(firing, change(key, targetName, AlertState.PENDING, AlertState.FIRING, wanted, value, detail, now),
                            Step.Notice.FIRING);
                }
                yield Step.unchanged(with(current, wanted, value, detail, current.changedAt()));
            }
            case FIRING -> {
                if (wanted == current.severity()) {
                    yield Step.unchanged(with(current, wanted, value, detail, current.changedAt()));
                }
                Alert moved = with(current, wanted, value, detail, now);
                yield new Step(moved, change(key, targetName, AlertState.FIRING, AlertState.FIRING, wanted, value, detail, now),
                        wanted.atLeast(current.severity()) ? Step.Notice.ESCALATED : null);
            }
        };
    }

    private static Alert with(Alert a, Severity severity, Double value, String detail, Instant changedAt) {
        return new Alert(a.key(), a.targetName(), a.state(), severity, value, a.pendingAt(), a.firedAt(), changedAt, a.notifiedAt(),
                a.ackBy(), a.ackComment(), a.ackAt(), detail == null || detail.isEmpty() ? a.detail() : detail);
    }

    private static AlertChange change(AlertKey key, String target, AlertState from, AlertState to, Severity severity, Double value,
                                      String detail, Instant at) {
        return new AlertChange(0, key, target, from, to, severity, value, at, detail);
    }
}
