package io.vigil.alert.notify;

import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.vigil.config.AlertKey;

/**
 * When each channel last told its audience about each alert, in memory. Seeded from the stored {@code notifiedAt}
 * the first time an alert is seen, so a restart neither repeats early nor stays silent.
 */
final class Deliveries {

    private record Slot(String channel, AlertKey key) {
    }

    private final Map<Slot, Instant> last = new ConcurrentHashMap<>();

    /** The last delivery on this channel, seeding it with {@code stored} when the channel has none yet. */
    Instant last(String channel, AlertKey key, Instant stored) {
        Slot slot = new Slot(channel, key);
        if (stored != null) {
            return last.merge(slot, stored, (mine, theirs) -> mine);
        }
        return last.get(slot);
    }

    void delivered(String channel, AlertKey key, Instant at) {
        last.put(new Slot(channel, key), at);
    }

    /** A resolved alert starts afresh if it fires again. */
    void forget(AlertKey key) {
        last.keySet().removeIf(s -> s.key().equals(key));
    }

    /** Keeps only alerts that still fire unacknowledged: the others need no reminders. */
    void retain(Set<AlertKey> firing) {
        last.keySet().removeIf(s -> !firing.contains(s.key()));
    }
}
