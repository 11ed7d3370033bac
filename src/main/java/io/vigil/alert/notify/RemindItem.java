package io.vigil.alert.notify;

import java.time.Instant;
import java.util.Objects;

import io.vigil.alert.notify.Notification.Item;
import io.vigil.alert.notify.Notification.Kind;
import io.vigil.config.Alert;
import io.vigil.config.AlertKey;
import io.vigil.config.Severity;

/**
 * An alert still firing and not acknowledged, as the engine hands it to {@link Dispatcher#remind} each cycle.
 *
 * @param key          which alert
 * @param targetName   its target's name
 * @param title        the rule description's short title, or the rule's name
 * @param severity     how bad it is now
 * @param value        the value that last decided it, or null
 * @param unit         the value's unit, may be empty
 * @param since        when it fired
 * @param detail       what it is about in words, may be empty
 * @param lastNotified when channels were last told (the stored {@code notifiedAt}), or null when never
 */
public record RemindItem(AlertKey key, String targetName, String title, Severity severity, Double value, String unit,
                         Instant since, String detail, Instant lastNotified) {

    public RemindItem {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(severity, "severity");
        targetName = targetName == null ? "" : targetName;
    }

    /** The reminder for a stored alert; the title and unit come from its rule and metric. */
    public static RemindItem of(Alert alert, String title, String unit) {
        Instant since = alert.firedAt() != null ? alert.firedAt() : alert.pendingAt();
        return new RemindItem(alert.key(), alert.targetName(), title, alert.severity(), alert.value(), unit, since, alert.detail(),
                alert.notifiedAt());
    }

    /** The series, e.g. {@code tablespace_name=USERS}; empty for a rule with one alert per target. */
    public String series() {
        return key.series();
    }

    Item toItem(Kind kind) {
        return new Item(key, title, kind, severity, value, unit, series(), since, detail, false);
    }
}
