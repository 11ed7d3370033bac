package io.vigil.alert.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.alert.notify.Notification.Item;
import io.vigil.alert.notify.Notification.Kind;
import io.vigil.config.ChannelDef;
import io.vigil.config.ChannelType;
import io.vigil.config.MuteWindow;
import io.vigil.i18n.Messages;

/**
 * The alert engine's one door to the notification channels: it takes notifications and reminders without ever
 * waiting, applies each channel's policy and the mute windows, and delivers through per-channel queues that retry.
 */
public final class Dispatcher implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Dispatcher.class);

    private final Supplier<List<ChannelDef>> channels;
    private final Supplier<List<MuteWindow>> mutes;
    private final Messages messages;
    private final Clock clock;
    private final Map<ChannelType, Sender> senders;
    private final Retries retries;
    private final Map<String, ChannelWorker> workers = new ConcurrentHashMap<>();
    private final Deliveries deliveries = new Deliveries();
    /** Alerts a channel was not told of when they fired (muted, too mild): their resolve message is not sent there either. */
    private final Set<Held> withheld = ConcurrentHashMap.newKeySet();
    private final List<Consumer<DeliveryEvent>> listeners = new CopyOnWriteArrayList<>();
    private final ChannelProbe tests;
    private volatile List<ChannelDef> lastChannels = List.of();
    private volatile List<MuteWindow> lastMutes = List.of();
    private volatile boolean closed;

    /** A dispatcher with Vigil's senders, desktop notifications handed to {@code desktopSink}, and standard retries. */
    public Dispatcher(Supplier<List<ChannelDef>> channels, Supplier<List<MuteWindow>> mutes, Messages messages, Clock clock,
                      Consumer<Notification> desktopSink) {
        this(channels, mutes, messages, clock, Senders.standard(messages, clock, desktopSink), Retries.STANDARD);
    }

    /**
     * A dispatcher over the given senders, which it owns and closes. The suppliers are asked on every call and may throw
     * while the store is down; the last list they gave is used meanwhile.
     */
    public Dispatcher(Supplier<List<ChannelDef>> channels, Supplier<List<MuteWindow>> mutes, Messages messages, Clock clock,
                      Map<ChannelType, Sender> senders, Retries retries) {
        this.channels = channels;
        this.mutes = mutes;
        this.messages = messages;
        this.clock = clock;
        this.senders = senders.isEmpty() ? Map.of() : new EnumMap<>(senders);
        this.retries = retries;
        this.tests = new ChannelProbe(this.senders::get, messages, clock);
    }

    /** Learns of every delivery (to record {@code notifiedAt}); called on a channel's worker thread. */
    public void addListener(Consumer<DeliveryEvent> listener) {
        listeners.add(listener);
    }

    private record Held(String channel, io.vigil.config.AlertKey key) {
    }

    /** Queues a notification on every enabled channel that carries any of its items; returns at once. */
    public void submit(Notification n) {
        if (closed) {
            return;
        }
        try {
            List<MuteWindow> muteList = mutes();
            Instant now = clock.instant();
            n.items().stream().filter(i -> i.kind() == Kind.RESOLVED).forEach(i -> deliveries.forget(i.key()));
            for (ChannelDef channel : channels()) {
                List<Item> kept = ChannelPolicy.keep(channel, n, muteList, now).stream()
                        .filter(i -> i.kind() != Kind.RESOLVED || !withheld.contains(new Held(channel.name(), i.key()))).toList();
                for (Item i : n.items()) {
                    Held held = new Held(channel.name(), i.key());
                    if (i.kind() == Kind.RESOLVED) {
                        withheld.remove(held);
                    } else if (kept.contains(i)) {
                        withheld.remove(held);
                    } else if (i.kind() == Kind.FIRING) {
                        withheld.add(held);
                    }
                }
                if (!kept.isEmpty()) {
                    workers.get(channel.name()).enqueue(n.with(kept));
                }
            }
        } catch (RuntimeException e) {
            // the collector must go on whatever happens here
            LOG.error("Could not queue a notification about {}", n.targetName(), e);
        }
    }

    /**
     * Sends reminders for alerts still firing and not acknowledged: each channel repeats an alert every
     * {@code repeatMinutes}, and sends at once one it has never delivered (muted until now, or filtered before).
     * Alerts not in the list are forgotten. Returns at once.
     */
    public void remind(List<RemindItem> firing) {
        if (closed) {
            return;
        }
        try {
            List<MuteWindow> muteList = mutes();
            Instant now = clock.instant();
            Set<io.vigil.config.AlertKey> live = new HashSet<>();
            firing.forEach(f -> live.add(f.key()));
            deliveries.retain(live);
            for (ChannelDef channel : channels()) {
                ChannelWorker worker = workers.get(channel.name());
                Map<String, List<Item>> due = new LinkedHashMap<>();
                for (RemindItem f : firing) {
                    Kind kind = reminder(channel, worker, f, muteList, now);
                    if (kind != null) {
                        withheld.remove(new Held(channel.name(), f.key()));
                        due.computeIfAbsent(f.targetName(), t -> new ArrayList<>()).add(f.toItem(kind));
                    }
                }
                due.forEach((target, items) -> worker.enqueue(new Notification(target, items, now)));
            }
        } catch (RuntimeException e) {
            LOG.error("Could not queue reminders", e);
        }
    }

    // FIRING for an alert this channel never delivered, REPEAT when its interval has passed, null for nothing yet
    private Kind reminder(ChannelDef channel, ChannelWorker worker, RemindItem f, List<MuteWindow> muteList, Instant now) {
        if (!ChannelPolicy.carries(channel, f.severity()) || ChannelPolicy.muted(muteList, f.targetName(), f.key().rule(), now)
                || worker.holds(f.key())) {
            return null;
        }
        Instant last = deliveries.last(channel.name(), f.key(), f.lastNotified());
        if (last == null) {
            return Kind.FIRING;
        }
        boolean due = channel.repeatMinutes() > 0 && !now.isBefore(last.plus(Duration.ofMinutes(channel.repeatMinutes())));
        return due ? Kind.REPEAT : null;
    }

    /** Each enabled channel's deliveries, by name. */
    public List<ChannelStatus> status() {
        return workers.values().stream().map(ChannelWorker::status).sorted(Comparator.comparing(ChannelStatus::channel)).toList();
    }

    /** Ends the wait before a channel's next retry, e.g. after its receiver was fixed. */
    public void retryNow(String channelName) {
        ChannelWorker worker = workers.get(channelName);
        if (worker != null) {
            worker.retryNow();
        }
    }

    /** Sends one test message now, past mutes and policy; completes with the outcome in the user's words, never fails. */
    public CompletableFuture<TestResult> test(ChannelDef channel) {
        return tests.run(channel);
    }

    // The enabled channels, with a worker each; workers of channels gone or disabled are stopped.
    private List<ChannelDef> channels() {
        List<ChannelDef> all;
        try {
            all = List.copyOf(channels.get());
            lastChannels = all;
        } catch (RuntimeException e) {
            // said without the stack: while the store is down this repeats every cycle
            LOG.warn("Channels could not be read ({}); using the {} known before", e.toString(), lastChannels.size());
            LOG.debug("reading channels failed", e);
            all = lastChannels;
        }
        List<ChannelDef> enabled = all.stream().filter(ChannelDef::enabled).toList();
        Set<String> names = new HashSet<>();
        for (ChannelDef c : enabled) {
            names.add(c.name());
            workers.computeIfAbsent(c.name(), name -> new ChannelWorker(c, senders::get, messages, clock, retries, this::delivered))
                    .update(c);
        }
        workers.entrySet().removeIf(e -> {
            boolean gone = !names.contains(e.getKey());
            if (gone) {
                e.getValue().close();
            }
            return gone;
        });
        return enabled;
    }

    private List<MuteWindow> mutes() {
        try {
            List<MuteWindow> now = List.copyOf(mutes.get());
            lastMutes = now;
            return now;
        } catch (RuntimeException e) {
            LOG.warn("Mute windows could not be read ({}); using the {} known before", e.toString(), lastMutes.size());
            LOG.debug("reading mute windows failed", e);
            return lastMutes;
        }
    }

    private void delivered(ChannelDef channel, Notification n) {
        Instant at = clock.instant();
        for (Item item : n.items()) {
            if (item.kind() != Kind.RESOLVED) {
                deliveries.delivered(channel.name(), item.key(), at);
            }
        }
        DeliveryEvent event = new DeliveryEvent(channel.name(), n, at);
        for (Consumer<DeliveryEvent> listener : listeners) {
            try {
                listener.accept(event);
            } catch (RuntimeException e) {
                LOG.warn("A delivery listener failed", e);
            }
        }
    }

    /** Stops every channel's worker; messages still waiting are given up. */
    @Override
    public void close() {
        closed = true;
        workers.values().forEach(ChannelWorker::close);
        workers.clear();
        for (Sender s : new HashSet<>(senders.values())) {
            if (s instanceof AutoCloseable c) {
                try {
                    c.close();
                } catch (Exception e) {
                    LOG.debug("closing a sender failed", e);
                }
            }
        }
    }
}
