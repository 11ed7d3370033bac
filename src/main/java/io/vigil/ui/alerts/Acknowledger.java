package io.vigil.ui.alerts;

import io.vigil.config.AlertKey;

/** Acknowledges an alert in the running collector (its {@code Alerting}); blocks on the store, so it runs in the background. */
@FunctionalInterface
public interface Acknowledger {

    /** False when the alert is gone (it went back to OK meanwhile). */
    boolean acknowledge(AlertKey key, String by, String comment);
}
