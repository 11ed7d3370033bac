package io.vigil.alert.notify;

import java.util.Objects;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.ChannelDef;

/**
 * Hands notifications to whatever shows them on this machine: the console's notification area, or {@code vigil collect}
 * printing them. The sink runs on the channel's worker thread, so it must hand over, not draw.
 */
public final class DesktopSender implements Sender {

    private static final Logger LOG = LoggerFactory.getLogger(DesktopSender.class);

    private final Consumer<Notification> sink;

    public DesktopSender(Consumer<Notification> sink) {
        this.sink = Objects.requireNonNull(sink, "sink");
    }

    @Override
    public void send(ChannelDef channel, Notification notification) throws ChannelException {
        try {
            sink.accept(notification);
        } catch (RuntimeException e) {
            // the display is ours, not a remote receiver: a failure here is a bug to log, and retrying will not help soon
            LOG.warn("The desktop notification sink failed for channel {}", channel.name(), e);
            throw ChannelException.permanent("notify.error.desktop");
        }
    }
}
