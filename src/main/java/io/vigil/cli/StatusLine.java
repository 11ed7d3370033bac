package io.vigil.cli;

import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import io.vigil.gather.Spool;
import io.vigil.i18n.Messages;
import io.vigil.schedule.StatusEvent;
import io.vigil.schedule.StatusEvent.Status;

/**
 * Counts status events between two status lines of {@code vigil collect}, and remembers each job's latest error so
 * the line can say what is wrong.
 */
final class StatusLine implements Consumer<StatusEvent> {

    private final Map<Status, AtomicLong> counts = new ConcurrentHashMap<>();
    private final AtomicLong rows = new AtomicLong();
    private final Map<String, String> errors = new ConcurrentHashMap<>();
    private final Messages messages;

    StatusLine(Messages messages) {
        this.messages = messages;
    }

    @Override
    public void accept(StatusEvent e) {
        counts.computeIfAbsent(e.status(), s -> new AtomicLong()).incrementAndGet();
        rows.addAndGet(e.rows());
        String key = e.targetName() + " " + messages.render(e.job().label());
        if (e.status() == Status.ERROR || e.status() == Status.QUARANTINED) {
            errors.put(key, messages.render(e.reason()));
        } else if (e.status() == Status.OK) {
            errors.remove(key);
        }
    }

    /** The line for the cycle just ended, e.g. "12:00:15 ok 40 waiting 12 stale 0 error 1 backoff 3 | rows 1234 | spool 0 points". */
    String next(Spool.Fill spool) {
        return next(spool, io.vigil.config.DataDisk.State.UNKNOWN);
    }

    /** As {@link #next(Spool.Fill)}, saying so when the disk under the data folder is full or nearly. */
    String next(Spool.Fill spool, io.vigil.config.DataDisk.State disk) {
        StringBuilder b = new StringBuilder(LocalTime.now().format(DateTimeFormatter.ofPattern("HH:mm:ss")));
        for (Status s : Status.values()) {
            b.append(' ').append(messages.get("cli.collect.count." + s.name(), take(s)));
        }
        b.append(messages.get("cli.collect.rowsAndSpool", rows.getAndSet(0), spool.points()));
        long overLimit = spool.droppedPoints() - spool.unwritablePoints();
        if (overLimit > 0) {
            b.append(messages.get("cli.collect.dropped", overLimit));
        }
        if (spool.unwritablePoints() > 0) {
            b.append(messages.get("cli.collect.unwritable", spool.unwritablePoints()));
        }
        if (disk.warning()) {
            b.append(" | ").append(messages.render(disk.reason()));
        }
        return b.toString();
    }

    private long take(Status s) {
        AtomicLong c = counts.get(s);
        return c == null ? 0 : c.getAndSet(0);
    }

    Map<String, String> errors() {
        return Map.copyOf(errors);
    }
}
