package io.vigil.schedule;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.gather.GatherJob;
import io.vigil.gather.GatherResult;
import io.vigil.gather.InstanceStart;
import io.vigil.i18n.Reason;
import io.vigil.mirror.MirrorJob;
import io.vigil.mirror.MirrorResult;
import io.vigil.schedule.StatusEvent.Status;
import io.vigil.target.FailureKind;
import io.vigil.target.ProbeResult;
import io.vigil.target.TargetConnections;
import io.vigil.target.TargetFailure;

/**
 * The background executor: runs every enabled target's mirrors and metrics on their own intervals. Jobs run on
 * virtual threads, at most {@value #PER_TARGET} at a time per target and a bounded number overall, so a slow or dead
 * target holds at most its own share; a failing target backs off and recovers by itself. Every run emits a
 * {@link StatusEvent}; how late each job started against its plan is kept in a {@link ScheduleLag}.
 */
public final class Collector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Collector.class);
    static final int PER_TARGET = 2;
    static final long RETRY_MILLIS = 10_000;
    /** What a job that does not read the target waits on instead of one of the target's slots: never anything. */
    private static final Semaphore NO_SLOT = new Semaphore(Integer.MAX_VALUE / 2);

    /**
     * How many jobs run at once over all targets, unless told otherwise. Jobs are virtual threads that mostly wait on
     * a target, the cache or the series store, whose pools bound them again; 32 queued the bursts of metrics that
     * follow a sync once a collector had more than a few dozen targets.
     */
    public static int defaultBound() {
        return 64;
    }

    /** What the collector runs: targets, and the mirrors, metrics and instance-start SQL of each target kind's pack. */
    public record Plan(List<Target> targets, List<MirrorDef> mirrors, List<MetricDef> metrics, Map<TargetKind, String> instanceStart) {
    }

    private final Plan plan;
    private final TargetConnections connections;
    private final MirrorJob mirrorJob;
    private final GatherJob gatherJob;
    private final DataSource cache;
    private final Clock clock;
    private final Consumer<StatusEvent> listener;
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigil-collector-timer");
        t.setDaemon(true);
        return t;
    });
    private final Semaphore overall;
    private final Map<Long, Semaphore> perTarget = new ConcurrentHashMap<>();
    private final Map<Long, TargetHealth> health = new ConcurrentHashMap<>();
    private final ScheduleLag lag = new ScheduleLag();
    private final io.vigil.config.PhaseTimes times = new io.vigil.config.PhaseTimes();
    private long spread = 3000;
    private final java.util.Set<String> skipped = ConcurrentHashMap.newKeySet();
    private final java.util.Set<Long> paused = ConcurrentHashMap.newKeySet();
    private final Map<JobId, Long> nextRuns = new ConcurrentHashMap<>();
    private final Quarantines quarantines = new Quarantines();
    /** For each mirror job, the metric jobs that run right after it syncs. */
    private final Map<JobId, List<Job>> followers = new ConcurrentHashMap<>();
    private volatile io.vigil.ledger.Fence fence = io.vigil.ledger.Fence.OPEN;
    private volatile AutoCloseable syncs = () -> { };
    /** Each target's instance start as last read from the cache, until its next sync. */
    private final Map<Long, java.util.concurrent.CompletableFuture<Optional<Instant>>> starts = new ConcurrentHashMap<>();

    // A scheduled job's body and its run state. A follower is a metric whose mirrors all sync at least as often as it
    // runs: it runs right after one of them syncs (at most once per ~interval) and its own timer only stands in when
    // no sync came, so a figure is never most of an interval older than the snapshot it is picked from.
    private record Job(Target target, JobKey name, java.util.function.BooleanSupplier body, AtomicBoolean inFlight, long period,
                       java.util.concurrent.atomic.AtomicLong lastStart, boolean follower, boolean readsTarget) {
    }

    /** One scheduled job of a target: a mirror or a metric. */
    public record JobId(long targetId, JobKey job) {
    }

    public Collector(Plan plan, TargetConnections connections, MirrorJob mirrorJob, GatherJob gatherJob, DataSource cache, Clock clock,
                     int maxConcurrent, Consumer<StatusEvent> listener) {
        this.plan = plan;
        this.connections = connections;
        this.mirrorJob = mirrorJob;
        this.gatherJob = gatherJob;
        this.cache = cache;
        this.clock = clock;
        this.overall = new Semaphore(maxConcurrent);
        this.listener = listener;
    }

    /** Which targets this collector may run now (all, unless it shares them with other collectors through leases). */
    public void fence(io.vigil.ledger.Fence f) {
        this.fence = f;
    }

    /**
     * Schedules every enabled job; first runs are spread over a few seconds so they do not all start at once: 3 s, and
     * a quarter of a second more per target up to the job's interval. Each job keeps the phase of its first run, so with
     * a fixed 3 s every 15 s job of a few dozen targets ran in the same fifth of each interval, and their targets' slots,
     * the pools and the servers saw that burst every time while idle the rest.
     */
    public void start() {
        // gather follows the ledger: a metric runs when the snapshots it reads are recorded, here or by another collector
        try {
            syncs = mirrorJob.ledger().subscribe(sync -> synced(sync.targetId(), sync.mirror()));
        } catch (io.vigil.ledger.LedgerException e) {
            LOG.warn("Metrics run on their timers only: the ledger's notices are not heard ({})", e.getMessage());
        }
        spread = Math.max(3000, 250L * plan.targets().size());
        for (Target t : plan.targets()) {
            if (!t.enabled()) {
                continue;
            }
            perTarget.put(t.id(), new Semaphore(PER_TARGET));
            health.put(t.id(), new TargetHealth());
            TargetKind pack = t.kind().packKind();
            for (MirrorDef m : plan.mirrors()) {
                if (m.enabled() && m.kind() == pack) {
                    schedule(t, JobKey.mirror(m.name()), m.intervalSeconds(), () -> {
                        runMirror(t, m);
                        return false;
                    }, false, true);
                }
            }
            for (MetricDef m : plan.metrics()) {
                if (m.enabled() && m.kind() == pack) {
                    List<MirrorDef> reads = plan.mirrors().stream().filter(x -> x.enabled() && x.kind() == pack && m.mirrors().contains(x.name()))
                            .toList();
                    boolean follower = !reads.isEmpty() && reads.size() == m.mirrors().size()
                            && reads.stream().allMatch(x -> x.intervalSeconds() <= m.intervalSeconds());
                    java.util.concurrent.atomic.AtomicLong lastStart = new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE / 2);
                    Job job = schedule(t, JobKey.metric(m.name()), m.intervalSeconds(), () -> runMetric(t, m, lastStart), follower, false,
                            lastStart);
                    if (follower) {
                        reads.forEach(x -> followers.computeIfAbsent(new JobId(t.id(), JobKey.mirror(x.name())), k -> new CopyOnWriteArrayList<>())
                                .add(job));
                    }
                }
            }
        }
    }

    // Each tick starts the job on a virtual thread that waits for one of its target's slots; a job whose previous run is
    // still waiting or running is skipped, so a slow target never piles up work, and waiting costs no platform thread.
    // A body returns true when it should run again soon rather than a whole interval later: a metric whose mirror has
    // not synced yet at start, which would otherwise show stale for up to one long interval.
    private Job schedule(Target t, JobKey name, int intervalSeconds, java.util.function.BooleanSupplier body, boolean follower,
                         boolean readsTarget) {
        return schedule(t, name, intervalSeconds, body, follower, readsTarget, new java.util.concurrent.atomic.AtomicLong(Long.MIN_VALUE / 2));
    }

    private Job schedule(Target t, JobKey name, int intervalSeconds, java.util.function.BooleanSupplier body, boolean follower,
                         boolean readsTarget, java.util.concurrent.atomic.AtomicLong lastStart) {
        long period = intervalSeconds * 1000L;
        long firstDelay = ThreadLocalRandom.current().nextLong(Math.min(period, spread));
        Job job = new Job(t, name, body, new AtomicBoolean(), period, lastStart, follower, readsTarget);
        long[] due = {System.currentTimeMillis() + firstDelay};
        JobId id = new JobId(t.id(), name);
        nextRuns.put(id, due[0]);
        timer.scheduleAtFixedRate(() -> {
            long planned = due[0];
            due[0] += period;
            nextRuns.put(id, quarantines.nextRun(id, due[0], period));
            // a follower's timer only stands in for syncs that did not come (the mirror fails, or is slower than planned)
            if (!job.follower() || planned - job.lastStart().get() >= period + period / 2) {
                start(job, planned);
            }
        }, firstDelay, period, TimeUnit.MILLISECONDS);
        return job;
    }

    /**
     * A mirror's new snapshot was recorded in the ledger (by this collector, or heard from the shared ledger): the
     * metrics that follow it run now, unless one ran less than ~an interval ago.
     */
    public void synced(long targetId, String mirror) {
        List<Job> jobs = followers.get(new JobId(targetId, JobKey.mirror(mirror)));
        if (jobs == null) {
            return;
        }
        // a new snapshot of the instance's start: the metrics about to run read it again rather than the one before
        Target t = jobs.getFirst().target();
        plan.mirrors().stream().filter(m -> m.name().equals(mirror) && m.kind() == t.kind().packKind() && readsInstanceStart(t, m)).findFirst()
                .ifPresent(m -> starts.remove(targetId));
        long now = System.currentTimeMillis();
        for (Job job : jobs) {
            if (now - job.lastStart().get() >= job.period() * 9 / 10) {
                start(job, now);
            }
        }
    }

    private void start(Job job, long planned) {
        start(job.target(), job.name(), job.body(), planned, job.inFlight(), job.period(), job.lastStart(), job.readsTarget());
    }

    // Only jobs that read the target (mirrors) take one of its slots: a metric reads the cache, so the burst of metrics
    // that follow a sync never queues behind the target's mirrors, and takes only a place under the global bound.
    private void start(Target t, JobKey job, java.util.function.BooleanSupplier body, long planned, AtomicBoolean inFlight, long period,
                       java.util.concurrent.atomic.AtomicLong lastStart, boolean readsTarget) {
        if (paused.contains(t.id()) || !fence.holds(t.id()) || !inFlight.compareAndSet(false, true)) {
            return;
        }
        lastStart.set(planned);
        Thread.ofVirtual().name("vigil-job").start(() -> {
            Semaphore mine = readsTarget ? perTarget.get(t.id()) : NO_SLOT;
            try {
                long t0 = System.nanoTime();
                mine.acquire();
                if (readsTarget) {
                    t0 = times.since("job: wait for the target's slot", t0);
                }
                try {
                    overall.acquire();
                    t0 = times.since("job: wait for the global bound", t0);
                    try {
                        lag.add(System.currentTimeMillis() - planned);
                        boolean again = body.getAsBoolean();
                        times.since("job: running", t0);
                        if (again && period > 2 * RETRY_MILLIS) {
                            timer.schedule(() -> start(t, job, body, System.currentTimeMillis(), inFlight, period, lastStart, readsTarget), RETRY_MILLIS,
                                    TimeUnit.MILLISECONDS);
                        }
                    } finally {
                        overall.release();
                    }
                } finally {
                    mine.release();
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (io.vigil.ledger.FencedOff e) {
                LOG.debug("{} of {}: not written, another collector holds the target now", job, t.name());
            } catch (java.util.concurrent.RejectedExecutionException e) {
                LOG.debug("{} of {}: not retried, the collector has stopped", job, t.name());
            } catch (RuntimeException e) {
                LOG.error("{} of {} failed unexpectedly", job, t.name(), e);
                emit(t, job, Status.ERROR, Reason.of("reason.unexpected"), Duration.ZERO, 0);
            } finally {
                inFlight.set(false);
            }
        });
    }

    /** True when the target may be asked; probes it first when not connected. */
    private boolean ready(Target t, JobKey job) {
        TargetHealth h = health.get(t.id());
        Instant now = clock.instant();
        // A target out of reach is probed again as soon as its port answers (its restart is over), rather than at the end
        // of a wait that doubles with each failure: collection resumes within about an interval of the server's return.
        // The port's answer stands for a couple of seconds, so a dead target's many jobs do not each wait on a connect.
        if (!h.mayTry(now) && !(h.outOfReach() && h.portAnswers(now, () -> connections.answers(t)))) {
            emit(t, job, Status.BACKOFF, Reason.of("reason.backoff", h.backoffUntil().toEpochMilli(), h.lastFailure()), Duration.ZERO, 0);
            return false;
        }
        if (h.connected()) {
            return true;
        }
        synchronized (h) {
            if (h.connected()) {
                return true;
            }
            ProbeResult probe = connections.probe(t);
            if (probe.ok()) {
                h.succeeded();
                h.version(probe.release());
                emit(t, JobKey.connect(), Status.OK, Reason.of("reason.text", probe.version()), probe.took(), 0);
                return true;
            }
            fail(t, JobKey.connect(), probe.failure(), probe.took());
            return false;
        }
    }

    private void fail(Target t, JobKey job, TargetFailure failure, Duration took) {
        Duration wait = health.get(t.id()).failed(clock.instant(), failure.kind(), failure.reason());
        if (failure.kind() == FailureKind.LOGIN_REFUSED || failure.kind() == FailureKind.UNREACHABLE || failure.kind() == FailureKind.TIMEOUT
                || failure.kind() == FailureKind.TLS_REFUSED) {
            connections.release(t.id()); // reconnect through a fresh probe, never through the pool's retries
        }
        emit(t, job, Status.ERROR, Reason.of("reason.nextTry", failure.reason(), wait.toSeconds()), took, 0);
    }

    /** What a mirror run that worked says beside its rows: that the row cap cut it short, that it kept odd values. */
    static Reason okReason(MirrorResult r, MirrorDef m) {
        Reason capped = r.capped() ? Reason.of("reason.capped", m.rowCap()) : Reason.NONE;
        if (r.mended() == 0) {
            return capped;
        }
        Reason mended = Reason.of("reason.mended", r.mended());
        return r.capped() ? Reason.of("reason.both", capped, mended) : mended;
    }

    private void runMirror(Target t, MirrorDef m) {
        JobKey job = JobKey.mirror(m.name());
        JobId id = new JobId(t.id(), job);
        Duration interval = Duration.ofSeconds(m.intervalSeconds());
        if (quarantines.holds(id, clock.instant(), interval)) {
            return; // its last status says until when
        }
        if (!ready(t, job)) {
            return;
        }
        TargetHealth h = health.get(t.id());
        if (!m.allowedWith(t.licensed())) {
            if (skipped.add(t.id() + " " + m.name())) {
                emit(t, job, Status.SKIPPED, Reason.of("reason.skipped.licence", Reason.of("licence." + m.licence().name())), Duration.ZERO, 0);
            }
            return;
        }
        if (!m.runsOn(h.release())) {
            if (skipped.add(t.id() + " " + m.name())) {
                emit(t, job, Status.SKIPPED, Reason.of("reason.skipped.version", m.minVersion(), h.release().toString()),
                        Duration.ZERO, 0);
            }
            return;
        }
        long start = System.nanoTime();
        Instant started = clock.instant(); // after any probe: a hold counts from the read that failed
        try {
            MirrorResult r = mirrorJob.run(t, m);
            quarantines.clear(id);
            emit(t, job, Status.OK, okReason(r, m), r.took(), r.rows());
            if (readsInstanceStart(t, m)) {
                starts.remove(t.id()); // read again from the new snapshot by the next metric
            }
        } catch (TargetFailure e) {
            if (e.kind() == FailureKind.BAD_SQL || e.kind() == FailureKind.MISSING_PRIVILEGE) {
                // the target is fine, the mirror's SQL is not: asking every interval would fail the same way
                Instant until = quarantines.strike(id, started, interval);
                emit(t, job, Status.QUARANTINED, Reason.of("reason.quarantined", until.toEpochMilli(), e.reason()),
                        Duration.ofNanos(System.nanoTime() - start), 0);
            } else {
                fail(t, job, e, Duration.ofNanos(System.nanoTime() - start));
            }
        } catch (io.vigil.ledger.FencedOff e) {
            throw e;
        } catch (RuntimeException e) {
            emit(t, job, Status.ERROR, reasonOf(t, job, e), Duration.ofNanos(System.nanoTime() - start), 0);
        }
    }

    /**
     * Runs the metric; true when it should run again soon because a mirror it needs has not synced yet. A run that found
     * its mirrors missing or too old does not count as the follower's run of the interval ({@code lastStart} is cleared):
     * the sync that comes next runs it at once, so after a store's or a target's outage the first snapshot recorded
     * again is not left unpicked.
     */
    private boolean runMetric(Target t, MetricDef m, java.util.concurrent.atomic.AtomicLong lastStart) {
        JobKey job = JobKey.metric(m.name());
        long start = System.nanoTime();
        try {
            GatherResult r = gatherJob.run(t, m, instanceStart(t).orElse(null));
            Status status = switch (r.outcome()) {
                case PICKED -> Status.OK;
                case WAITING -> Status.WAITING;
                case STALE -> Status.STALE;
            };
            Reason reason = r.reason();
            if (r.outcome() == GatherResult.Outcome.PICKED && !r.archived()) {
                reason = reason.isEmpty() ? Reason.of("reason.spooled") : Reason.of("reason.withSpooled", reason);
            }
            emit(t, job, status, reason, Duration.ofNanos(System.nanoTime() - start), r.points());
            if (r.outcome() == GatherResult.Outcome.STALE) {
                lastStart.set(Long.MIN_VALUE / 2);
            }
            return r.outcome() == GatherResult.Outcome.STALE && r.notSyncedYet();
        } catch (io.vigil.ledger.FencedOff e) {
            throw e;
        } catch (RuntimeException e) {
            emit(t, job, Status.ERROR, reasonOf(t, job, e), Duration.ofNanos(System.nanoTime() - start), 0);
            return false;
        }
    }

    // Whether the pack's instance-start SQL reads the cache table of the mirror that has just synced.
    private boolean readsInstanceStart(Target t, MirrorDef m) {
        String sql = plan.instanceStart().get(t.kind().packKind());
        return sql != null && sql.toLowerCase(java.util.Locale.ROOT).contains(m.cacheTable().toLowerCase(java.util.Locale.ROOT));
    }

    // Read once per sync of the mirror it reads rather than once per metric: a cache query fewer for every metric run.
    private Optional<Instant> instanceStart(Target t) {
        // the metrics that follow a sync start together: one of them reads, the others wait for its answer
        java.util.concurrent.CompletableFuture<Optional<Instant>> mine = new java.util.concurrent.CompletableFuture<>();
        java.util.concurrent.CompletableFuture<Optional<Instant>> known = starts.putIfAbsent(t.id(), mine);
        if (known != null) {
            return known.join();
        }
        try {
            Optional<Instant> read = readInstanceStart(t); // nothing read stays nothing until that mirror syncs again
            mine.complete(read);
            return read;
        } catch (RuntimeException e) {
            starts.remove(t.id(), mine);
            mine.complete(Optional.empty());
            throw e;
        }
    }

    private Optional<Instant> readInstanceStart(Target t) {
        String sql = plan.instanceStart().get(t.kind().packKind());
        long t0 = System.nanoTime();
        try (Connection c = cache.getConnection()) {
            return InstanceStart.read(c, sql, t.id(), clock.instant());
        } catch (SQLException e) {
            return Optional.empty(); // before the first mirror run there is nothing to read yet
        } finally {
            times.since("metric: instance start (cache read)", t0);
        }
    }

    // The cache's and the pick's failures say what failed; anything else is a fault of Vigil's, told in the log.
    private static Reason reasonOf(Target t, JobKey job, RuntimeException e) {
        if (e instanceof io.vigil.mirror.CacheException c) {
            return c.reason();
        }
        if (e instanceof io.vigil.gather.PickFailure p) {
            return p.reason();
        }
        if (e instanceof TargetFailure f) {
            return f.reason();
        }
        if (e instanceof io.vigil.ledger.LedgerException l) {
            return l.reason(); // the ledger's server is down or restarting: the run tells so, the log needs no stack trace
        }
        LOG.error("{} of {} failed unexpectedly", job, t.name(), e);
        return Reason.of("reason.unexpected");
    }

    private void emit(Target t, JobKey job, Status status, Reason reason, Duration took, long rows) {
        try {
            listener.accept(new StatusEvent(t.id(), t.name(), job, status, reason == null ? Reason.NONE : reason, took, rows, clock.instant()));
        } catch (RuntimeException e) {
            LOG.warn("A status listener failed: {}", e.toString());
        }
    }

    /** Stops starting jobs of the target (runs under way finish); the schedule keeps ticking so resume is immediate. */
    public void pause(long targetId) {
        paused.add(targetId);
    }

    public void resume(long targetId) {
        paused.remove(targetId);
    }

    public boolean isPaused(long targetId) {
        return paused.contains(targetId);
    }

    /** When each scheduled job starts next, as epoch milliseconds. */
    public Map<JobId, Long> nextRuns() {
        return Map.copyOf(nextRuns);
    }

    /** Where the jobs' time went: waiting for a slot, running, reading the instance start; for capacity runs. */
    public io.vigil.config.PhaseTimes times() {
        return times;
    }

    /** How late jobs started against their plan: for benchmarks and the status line. */
    public ScheduleLag lag() {
        return lag;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            syncs.close();
        } catch (Exception e) {
            LOG.debug("Ledger notices not closed cleanly: {}", e.toString());
        }
    }

    /** Targets the collector runs. */
    public List<Target> targets() {
        return new ArrayList<>(plan.targets());
    }
}
