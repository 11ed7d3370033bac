package io.vigil.alert.notify;

import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

import io.vigil.config.ChannelType;
import io.vigil.i18n.Messages;

/** The senders Vigil ships, one per channel type. */
public final class Senders {

    private Senders() {
    }

    /** Webhooks (one HTTP client for all four flavours), e-mail, and desktop notifications handed to {@code desktopSink}. */
    public static Map<ChannelType, Sender> standard(Messages messages, Clock clock, Consumer<Notification> desktopSink) {
        Map<ChannelType, Sender> all = new EnumMap<>(ChannelType.class);
        WebhookSender webhooks = new WebhookSender(messages, clock);
        all.put(ChannelType.WEBHOOK, webhooks);
        all.put(ChannelType.DINGTALK, webhooks);
        all.put(ChannelType.WECOM, webhooks);
        all.put(ChannelType.SLACK, webhooks);
        all.put(ChannelType.EMAIL, new MailSender(messages));
        all.put(ChannelType.DESKTOP, new DesktopSender(desktopSink));
        return all;
    }
}
