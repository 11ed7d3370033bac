package io.vigil.alert.notify;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

import io.vigil.config.AlertKey;
import io.vigil.config.Severity;

/**
 * What one message to one target's audience says: that target's alert changes of one engine cycle, grouped so a
 * burst of changes is one message, not one per alert.
 *
 * @param targetName the target the alerts are about
 * @param items      the alert changes, at least one
 * @param at         when the engine saw them
 */
public record Notification(String targetName, List<Item> items, Instant at) {

    public Notification {
        Objects.requireNonNull(at, "at");
        targetName = targetName == null ? "" : targetName;
        items = List.copyOf(items);
        if (items.isEmpty()) {
            throw new IllegalArgumentException("a notification says something about at least one alert");
        }
    }

    /** The same notification with only these items (a channel's share of it). */
    public Notification with(List<Item> kept) {
        return new Notification(targetName, kept, at);
    }

    /** The worst severity among the items. */
    public Severity worst() {
        return items.stream().map(Item::severity).max(Enum::compareTo).orElse(Severity.INFO);
    }

    /** Why a message is sent. */
    public enum Kind {
        FIRING,
        ESCALATED,
        REPEAT,
        RESOLVED,
        TEST
    }

    /**
     * One alert's change.
     *
     * @param key          which rule, target and series
     * @param title        the rule description's short title, or the rule's name
     * @param kind         what happened
     * @param severity     how bad; for RESOLVED, the severity it had while firing
     * @param value        the value that decided it, or null (no data, down, events)
     * @param unit         the value's unit, may be empty
     * @param series       the series, e.g. {@code tablespace_name=USERS}, may be empty
     * @param since        when it began firing
     * @param detail       what it is about in words, may be empty
     * @param acknowledged whether someone has taken it on
     */
    public record Item(AlertKey key, String title, Kind kind, Severity severity, Double value, String unit, String series,
                       Instant since, String detail, boolean acknowledged) {

        public Item {
            Objects.requireNonNull(key, "key");
            Objects.requireNonNull(kind, "kind");
            Objects.requireNonNull(severity, "severity");
            title = title == null || title.isBlank() ? key.rule() : title.strip();
            unit = unit == null ? "" : unit.strip();
            series = series == null ? "" : series;
            detail = detail == null ? "" : detail.strip();
        }

        /** The same change sent again for another reason (a reminder). */
        public Item as(Kind newKind) {
            return new Item(key, title, newKind, severity, value, unit, series, since, detail, acknowledged);
        }
    }
}
