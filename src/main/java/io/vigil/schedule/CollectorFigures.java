package io.vigil.schedule;

import java.time.Clock;
import java.time.Instant;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.IntSupplier;
import java.util.function.Supplier;

import io.vigil.gather.Spool;
import io.vigil.schedule.StatusEvent.Status;

/**
 * A running tally of what a collector does, fed by its status events, for those who watch the collector itself (a
 * health page, a metrics scrape, a heartbeat): runs in total and over the last minute, errors, schedule lag, the
 * spool's fill, when the last job finished. Thread-safe; {@link #snapshot()} is cheap enough to call on every request.
 */
public final class CollectorFigures implements Consumer<StatusEvent> {

    private static final int WINDOW_SECONDS = 60;

    /**
     * The figures at one moment, in plain types so they can be sent anywhere as they are.
     *
     * @param at              when they were taken
     * @param startedAt       when the collector started
     * @param targets         enabled targets it collects from
     * @param jobRunsTotal    job runs since the start (every status event; backoffs and skips too)
     * @param jobsPerSecond   job runs per second over the last minute (or since the start, when that is shorter)
     * @param runsByStatus    job runs since the start per status, keyed by the status in lower case ("ok", "error", ...)
     * @param errorsTotal     runs that ended in an error since the start
     * @param errorsLastMinute runs that ended in an error in the last minute
     * @param lagP50Millis    median start delay of jobs against their schedule (the last 10,000 runs)
     * @param lagP99Millis    99th percentile of that delay
     * @param spoolBytes      bytes of points waiting on disk for the series store
     * @param spoolLimitBytes the most the spool holds before it drops points
     * @param lastJobAt       when the last job finished (ran and ended ok, waiting, stale or in error); null before any
     */
    public record Snapshot(Instant at, Instant startedAt, long targets, long jobRunsTotal, double jobsPerSecond,
                           Map<String, Long> runsByStatus, long errorsTotal, long errorsLastMinute, long lagP50Millis,
                           long lagP99Millis, long spoolBytes, long spoolLimitBytes, Instant lastJobAt) {

        public Snapshot {
            runsByStatus = Map.copyOf(runsByStatus);
        }
    }

    private final Clock clock;
    private final Instant startedAt;
    private final IntSupplier targets;
    private final Supplier<ScheduleLag> lag;
    private final Supplier<Spool.Fill> spool;
    private final Map<Status, Long> byStatus = new EnumMap<>(Status.class);
    // runs and errors per second of the last minute, in a ring indexed by epoch second
    private final long[] secondOf = new long[WINDOW_SECONDS];
    private final long[] runsIn = new long[WINDOW_SECONDS];
    private final long[] errorsIn = new long[WINDOW_SECONDS];
    private long total;
    private long errors;
    private Instant lastJobAt;

    /**
     * @param targets how many targets the collector runs now (it may be reloaded with others)
     * @param lag     the running collector's schedule lag
     * @param spool   the spool's fill now
     */
    public CollectorFigures(Clock clock, IntSupplier targets, Supplier<ScheduleLag> lag, Supplier<Spool.Fill> spool) {
        this.clock = clock;
        this.startedAt = clock.instant();
        this.targets = targets;
        this.lag = lag;
        this.spool = spool;
        java.util.Arrays.fill(secondOf, -1);
    }

    @Override
    public void accept(StatusEvent e) {
        long second = clock.instant().getEpochSecond();
        boolean ran = e.status() != Status.BACKOFF && e.status() != Status.SKIPPED;
        synchronized (this) {
            total++;
            byStatus.merge(e.status(), 1L, Long::sum);
            int slot = slot(second);
            runsIn[slot]++;
            if (e.status() == Status.ERROR) {
                errors++;
                errorsIn[slot]++;
            }
            if (ran && (lastJobAt == null || e.at().isAfter(lastJobAt))) {
                lastJobAt = e.at();
            }
        }
    }

    private int slot(long second) {
        int slot = (int) Math.floorMod(second, (long) WINDOW_SECONDS);
        if (secondOf[slot] != second) {
            secondOf[slot] = second;
            runsIn[slot] = 0;
            errorsIn[slot] = 0;
        }
        return slot;
    }

    /** The figures now. */
    public Snapshot snapshot() {
        Instant now = clock.instant();
        long second = now.getEpochSecond();
        ScheduleLag l = lag.get();
        long p50 = l.percentile(50);
        long p99 = l.percentile(99);
        Spool.Fill fill = spool.get();
        int targetCount = targets.getAsInt();
        long runs;
        long recentRuns = 0;
        long recentErrors = 0;
        long errorTotal;
        Instant last;
        Map<String, Long> statuses = new LinkedHashMap<>();
        synchronized (this) {
            runs = total;
            errorTotal = errors;
            last = lastJobAt;
            for (Status s : Status.values()) {
                statuses.put(s.name().toLowerCase(Locale.ROOT), byStatus.getOrDefault(s, 0L));
            }
            for (int i = 0; i < WINDOW_SECONDS; i++) {
                // the last minute: this second and the 59 before it
                if (secondOf[i] > second - WINDOW_SECONDS && secondOf[i] <= second) {
                    recentRuns += runsIn[i];
                    recentErrors += errorsIn[i];
                }
            }
        }
        double span = Math.clamp((now.toEpochMilli() - startedAt.toEpochMilli()) / 1000.0, 1.0, WINDOW_SECONDS);
        return new Snapshot(now, startedAt, targetCount, runs, recentRuns / span, statuses, errorTotal, recentErrors, p50, p99,
                fill.bytes(), fill.limitBytes(), last);
    }
}
