package io.vigil.alert.notify;

import java.time.Instant;
import java.util.List;

import io.vigil.config.AlertKey;

/**
 * A message a channel's receiver took: the engine records {@code notifiedAt} from it, so a restart does not send again
 * what was already sent.
 *
 * @param channel      the channel's name
 * @param notification what was delivered (the channel's share of it)
 * @param at           when
 */
public record DeliveryEvent(String channel, Notification notification, Instant at) {

    /** The alerts this delivery told about. */
    public List<AlertKey> keys() {
        return notification.items().stream().map(Notification.Item::key).toList();
    }
}
