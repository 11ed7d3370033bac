package io.vigil.alert.notify;

import java.time.Instant;
import java.util.List;

import io.vigil.alert.notify.Notification.Item;
import io.vigil.alert.notify.Notification.Kind;
import io.vigil.config.AlertKey;
import io.vigil.config.ChannelDef;
import io.vigil.config.ChannelType;
import io.vigil.config.Secret;
import io.vigil.config.Severity;

/** Notifications and channels the tests share. */
final class Samples {

    static final Instant AT = Instant.parse("2025-03-01T08:30:00Z");
    static final Instant SINCE = Instant.parse("2025-03-01T08:25:00Z");

    private Samples() {
    }

    static Item item(String rule, Kind kind, Severity severity) {
        return new Item(new AlertKey(rule, 7, ""), rule, kind, severity, 93.25, "%", "", SINCE, "", false);
    }

    static Item tablespace() {
        return new Item(new AlertKey("oracle.tablespace.full", 7, "tablespace_name=USERS"), "表空间将满", Kind.FIRING,
                Severity.CRIT, 93.25, "%", "tablespace_name=USERS", SINCE, "USERS 已用 93%，剩余 2 GB", false);
    }

    static Notification one(Item item) {
        return new Notification("billing-prod", List.of(item), AT);
    }

    static ChannelDef channel(ChannelType type, String endpoint) {
        return new ChannelDef(1, type.name().toLowerCase() + " channel", type, endpoint, "", Secret.empty(), "", List.of(),
                Severity.WARN, 0, true, true);
    }

    static ChannelDef channel(String name, String endpoint, Severity min, int repeatMinutes, boolean sendResolved) {
        return new ChannelDef(1, name, ChannelType.WEBHOOK, endpoint, "", Secret.empty(), "", List.of(), min, repeatMinutes,
                sendResolved, true);
    }

    static ChannelDef withSecret(ChannelDef c, String secret, List<String> people) {
        return new ChannelDef(c.id(), c.name(), c.type(), c.endpoint(), c.user(), Secret.of(secret), c.sender(), people,
                c.minSeverity(), c.repeatMinutes(), c.sendResolved(), c.enabled());
    }
}
