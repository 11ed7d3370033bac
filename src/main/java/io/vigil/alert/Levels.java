package io.vigil.alert;

import io.vigil.config.AlertRule;
import io.vigil.config.Direction;
import io.vigil.config.Severity;

/**
 * Where a value stands against a threshold rule, with hysteresis: once an alert is at a level, the value must come back
 * past the level by the rule's recovery margin before the alert drops, so a value dancing on the line does not flap.
 */
public final class Levels {

    private Levels() {
    }

    /**
     * The severity the value calls for, or null when it is fine.
     *
     * @param current the severity the alert has now (null when it is OK or pending nothing)
     */
    public static Severity of(AlertRule rule, double value, Severity current) {
        if (Double.isNaN(value)) {
            return current;
        }
        // BELOW is ABOVE mirrored: negate the value and the levels and the same comparisons hold.
        double sign = rule.direction() == Direction.BELOW ? -1 : 1;
        double v = sign * value;
        double margin = Math.max(0, rule.recovery());
        if (rule.crit() != null) {
            double crit = sign * rule.crit();
            if (v >= crit || current == Severity.CRIT && v > crit - margin) {
                return Severity.CRIT;
            }
        }
        if (rule.warn() != null) {
            double warn = sign * rule.warn();
            if (v >= warn || current != null && current != Severity.INFO && v > warn - margin) {
                return Severity.WARN;
            }
        }
        return null;
    }

    /** The severity a non-threshold rule fires at: CRIT when it names a critical level, WARN otherwise. */
    public static Severity fixed(AlertRule rule) {
        return rule.crit() != null ? Severity.CRIT : Severity.WARN;
    }
}
