package io.vigil.alert;

import io.vigil.config.Alert;
import io.vigil.config.AlertChange;

/**
 * What one evaluation did to one alert.
 *
 * @param next   the alert now; null when it is (back to) OK and leaves the store
 * @param change the history entry, or null when nothing worth keeping changed
 * @param notice what channels should hear, or null
 */
public record Step(Alert next, AlertChange change, Notice notice) {

    /** What channels hear of a change. */
    public enum Notice { FIRING, ESCALATED, RESOLVED }

    static Step unchanged(Alert current) {
        return new Step(current, null, null);
    }
}
