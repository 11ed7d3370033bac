package io.vigil.alert.notify;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.BiConsumer;
import java.util.function.Function;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.AlertKey;
import io.vigil.config.ChannelDef;
import io.vigil.config.ChannelType;
import io.vigil.i18n.Messages;

/**
 * One channel's queue and the virtual thread that empties it in order: a failed message stays at the head and is
 * retried with backoff, so a dead receiver holds up only its own channel and the collector never waits for it.
 */
final class ChannelWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ChannelWorker.class);

    private final Function<ChannelType, Sender> senders;
    private final Messages messages;
    private final Clock clock;
    private final Retries retries;
    private final BiConsumer<ChannelDef, Notification> delivered;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition work = lock.newCondition();
    private final Condition wake = lock.newCondition();
    private final Deque<Notification> queue = new ArrayDeque<>();
    private final Thread thread;

    // guarded by lock
    private ChannelDef channel;
    private Notification inFlight;
    private Instant lastOk;
    private String lastError;
    private Instant nextRetry;
    private int failures;
    private long dropped;
    private boolean retryNow;
    private boolean closed;

    ChannelWorker(ChannelDef channel, Function<ChannelType, Sender> senders, Messages messages, Clock clock, Retries retries,
                  BiConsumer<ChannelDef, Notification> delivered) {
        this.channel = channel;
        this.senders = senders;
        this.messages = messages;
        this.clock = clock;
        this.retries = retries;
        this.delivered = delivered;
        this.thread = Thread.ofVirtual().name("vigil-notify-" + channel.name()).start(this::run);
    }

    /** Takes the channel's newest definition: an edited URL or password applies from the next attempt. */
    void update(ChannelDef newer) {
        lock.lock();
        try {
            channel = newer;
        } finally {
            lock.unlock();
        }
    }

    /** Queues a message without waiting; when the queue is full the oldest waiting message is dropped and counted. */
    void enqueue(Notification n) {
        lock.lock();
        try {
            if (closed) {
                return;
            }
            if (queue.size() >= retries.queueCapacity()) {
                Notification oldest = queue.pollFirst();
                dropped++;
                LOG.warn("Channel {}: queue full, dropped a message about {} ({} dropped so far)", channel.name(),
                        oldest == null ? "?" : oldest.targetName(), dropped);
            }
            queue.addLast(n);
            work.signal();
        } finally {
            lock.unlock();
        }
    }

    /** Whether a message about this alert is still waiting or being sent. */
    boolean holds(AlertKey key) {
        lock.lock();
        try {
            return (inFlight != null && mentions(inFlight, key)) || queue.stream().anyMatch(n -> mentions(n, key));
        } finally {
            lock.unlock();
        }
    }

    /** Ends the wait before the next retry (the user fixed the receiver and does not want to wait). */
    void retryNow() {
        lock.lock();
        try {
            retryNow = true;
            wake.signalAll();
        } finally {
            lock.unlock();
        }
    }

    ChannelStatus status() {
        lock.lock();
        try {
            return new ChannelStatus(channel.name(), channel.type(), lastOk, lastError, queue.size() + (inFlight == null ? 0 : 1),
                    nextRetry, dropped);
        } finally {
            lock.unlock();
        }
    }

    private void run() {
        while (true) {
            Notification next;
            ChannelDef current;
            lock.lock();
            try {
                while (queue.isEmpty() && !closed) {
                    work.awaitUninterruptibly();
                }
                if (closed) {
                    return;
                }
                next = queue.pollFirst();
                inFlight = next;
                current = channel;
            } finally {
                lock.unlock();
            }
            attempt(current, next);
        }
    }

    private void attempt(ChannelDef current, Notification next) {
        try {
            Sender sender = senders.apply(current.type());
            if (sender == null) {
                throw ChannelException.permanent("notify.error.unsupported", current.type().name());
            }
            sender.send(current, next);
            succeeded(current, next);
        } catch (ChannelException e) {
            failed(current, next, e);
        } catch (RuntimeException e) {
            LOG.warn("Channel {}: sending failed unexpectedly", current.name(), e);
            failed(current, next, ChannelException.transientFault("notify.error.unexpected"));
        }
    }

    private void succeeded(ChannelDef current, Notification sent) {
        lock.lock();
        try {
            inFlight = null;
            lastOk = clock.instant();
            lastError = null;
            nextRetry = null;
            failures = 0;
        } finally {
            lock.unlock();
        }
        delivered.accept(current, sent);
    }

    private void failed(ChannelDef current, Notification n, ChannelException e) {
        Instant deadline;
        lock.lock();
        try {
            inFlight = null;
            failures++;
            Duration wait = retries.after(failures, e.isTransient());
            nextRetry = clock.instant().plus(wait);
            lastError = e.describe(messages) + " " + messages.get("notify.retryIn", Waits.format(wait, messages));
            LOG.info("Channel {}: {} (attempt {}, next in {})", current.name(), e.getMessage(), failures, wait);
            if (queue.size() >= retries.queueCapacity()) {
                dropped++; // the failed head is the oldest message: it makes room for the newer ones
            } else {
                queue.addFirst(n);
            }
            deadline = Instant.now().plus(wait);
            retryNow = false;
            while (!closed && !retryNow) {
                long left = Duration.between(Instant.now(), deadline).toNanos();
                if (left <= 0) {
                    break;
                }
                wake.awaitNanos(left);
            }
        } catch (InterruptedException ie) {
            Thread.currentThread().interrupt();
        } finally {
            lock.unlock();
        }
    }

    private static boolean mentions(Notification n, AlertKey key) {
        return n.items().stream().anyMatch(i -> i.key().equals(key));
    }

    /** Stops after the message in hand; what still waits is given up (logged with its count). */
    @Override
    public void close() {
        int left;
        lock.lock();
        try {
            closed = true;
            left = queue.size();
            queue.clear();
            work.signalAll();
            wake.signalAll();
        } finally {
            lock.unlock();
        }
        if (left > 0) {
            LOG.warn("Channel {}: closing with {} undelivered message(s)", channel.name(), left);
        }
        thread.interrupt();
        try {
            thread.join(TimeUnit.SECONDS.toMillis(5));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
