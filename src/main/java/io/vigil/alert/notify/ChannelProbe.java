package io.vigil.alert.notify;

import java.time.Clock;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.alert.notify.Notification.Item;
import io.vigil.alert.notify.Notification.Kind;
import io.vigil.config.AlertKey;
import io.vigil.config.ChannelDef;
import io.vigil.config.ChannelType;
import io.vigil.config.Severity;
import io.vigil.i18n.Messages;

/** The Test button of a channel: one message now, on its own virtual thread, outcome in words. */
final class ChannelProbe {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelProbe.class);
    static final String RULE = "vigil.test";

    private final Function<ChannelType, Sender> senders;
    private final Messages messages;
    private final Clock clock;

    ChannelProbe(Function<ChannelType, Sender> senders, Messages messages, Clock clock) {
        this.senders = senders;
        this.messages = messages;
        this.clock = clock;
    }

    CompletableFuture<TestResult> run(ChannelDef channel) {
        CompletableFuture<TestResult> result = new CompletableFuture<>();
        try {
            Thread.ofVirtual().name("vigil-notify-test").start(() -> result.complete(attempt(channel)));
        } catch (RuntimeException e) {
            LOG.warn("Could not start a channel test", e);
            result.complete(new TestResult(false, messages.get("notify.error.unexpected")));
        }
        return result;
    }

    private TestResult attempt(ChannelDef channel) {
        try {
            Sender sender = senders.apply(channel.type());
            if (sender == null) {
                throw ChannelException.permanent("notify.error.unsupported", channel.type().name());
            }
            sender.send(channel, notification(channel));
            return new TestResult(true, messages.get("notify.test.ok", channel.name()));
        } catch (ChannelException e) {
            return new TestResult(false, e.describe(messages));
        } catch (RuntimeException e) {
            LOG.warn("Testing channel {} failed unexpectedly", channel.name(), e);
            return new TestResult(false, messages.get("notify.error.unexpected"));
        }
    }

    private Notification notification(ChannelDef channel) {
        Item item = new Item(new AlertKey(RULE, 0, ""), messages.get("notify.test.title"), Kind.TEST, Severity.INFO, null, "", "",
                null, messages.get("notify.test.detail", channel.name()), false);
        return new Notification("Vigil", List.of(item), clock.instant());
    }
}
