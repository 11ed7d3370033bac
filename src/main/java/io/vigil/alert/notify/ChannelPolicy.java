package io.vigil.alert.notify;

import java.time.Instant;
import java.util.List;

import io.vigil.alert.notify.Notification.Item;
import io.vigil.alert.notify.Notification.Kind;
import io.vigil.config.ChannelDef;
import io.vigil.config.MuteWindow;
import io.vigil.config.Severity;

/** Which of a notification's items a channel carries: its mildest severity, resolved or not, and the mute windows. */
final class ChannelPolicy {

    private ChannelPolicy() {
    }

    /** The items this channel sends now; empty when it sends nothing. */
    static List<Item> keep(ChannelDef channel, Notification n, List<MuteWindow> mutes, Instant now) {
        return n.items().stream()
                .filter(i -> i.kind() != Kind.RESOLVED || channel.sendResolved())
                .filter(i -> carries(channel, i.severity()))
                .filter(i -> !muted(mutes, n.targetName(), i.key().rule(), now))
                .toList();
    }

    static boolean carries(ChannelDef channel, Severity severity) {
        return severity.atLeast(channel.minSeverity());
    }

    static boolean muted(List<MuteWindow> mutes, String target, String rule, Instant now) {
        return mutes.stream().anyMatch(m -> m.mutes(target, rule, now));
    }
}
