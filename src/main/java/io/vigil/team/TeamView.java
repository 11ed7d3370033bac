package io.vigil.team;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.ConfigStore;
import io.vigil.config.Target;
import io.vigil.gather.Spool;
import io.vigil.ledger.RedisLedger;
import io.vigil.schedule.Collector.JobId;
import io.vigil.watch.JobBoard;
import io.vigil.watch.LatestValues;
import io.vigil.watch.Watch;

/**
 * A team's collectors as a console sees them through Redis, without collecting: their heartbeats, every target's job
 * states with the collector that ran them and their next run, and the newest value of every series. It reads the
 * published keys once when it starts (so a console opened late sees everything at once), then applies the batches the
 * collectors publish, and every two seconds reads the collectors, the paused targets and the targets of the config
 * store again. Pause and resume go to Redis, where the collector that holds the target applies them.
 */
public final class TeamView implements Watch.Source, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TeamView.class);

    /** A collector as its last heartbeat described it. */
    public record CollectorInfo(String id, String host, long pid, java.time.Instant startedAt, java.time.Instant lastBeat, List<Long> targets,
                                double jobsPerSecond, long lagP99Ms, long spoolBytes, long spoolLimitBytes, long errorsLastMinute) {

        static CollectorInfo of(Wire.Heartbeat h) {
            return new CollectorInfo(h.id(), h.host(), h.pid(), java.time.Instant.ofEpochMilli(h.startedAt()), java.time.Instant.ofEpochMilli(h.at()),
                    h.targets() == null ? List.of() : List.copyOf(h.targets()), h.jobsPerSecond(), h.lagP99Ms(), h.spoolBytes(),
                    h.spoolLimitBytes(), h.errorsLastMinute());
        }
    }

    private final RedisLedger ledger;
    private final TeamKeys keys;
    private final ConfigStore store;
    private final JobBoard board = new JobBoard();
    private final LatestValues latest = new LatestValues();
    private final Map<JobId, Long> next = new ConcurrentHashMap<>();
    private final Map<JobId, String> runBy = new ConcurrentHashMap<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigil-team-view");
        t.setDaemon(true);
        return t;
    });
    private volatile List<Target> targets = List.of();
    private volatile Map<String, CollectorInfo> collectors = Map.of();
    private volatile Set<Long> paused = Set.of();
    private volatile AutoCloseable events;
    private boolean warned;

    private TeamView(RedisLedger ledger, ConfigStore store) {
        this.ledger = ledger;
        this.keys = new TeamKeys(ledger.prefix());
        this.store = store;
    }

    /**
     * Starts watching: subscribes, then reads everything published so far. Blocks on Redis and the store: call off the
     * FX thread. Without a store ({@code null}) it sees the collectors only, not the targets' jobs.
     */
    public static TeamView start(RedisLedger ledger, ConfigStore store) {
        TeamView view = new TeamView(ledger, store);
        view.events = ledger.subscribe(view.keys.events(), view::apply, "vigil-team-events");
        view.refresh();
        view.loadAll();
        view.timer.scheduleWithFixedDelay(view::refreshQuietly, 2, 2, TimeUnit.SECONDS);
        return view;
    }

    private void loadAll() {
        var redis = ledger.client();
        for (Target t : targets) {
            redis.hgetAll(keys.jobs(t.id())).values().forEach(json -> applyJob(Wire.read(json, Wire.Job.class)));
            List<io.vigil.series.Point> points = new ArrayList<>();
            redis.hgetAll(keys.latest(t.id())).values().forEach(json -> points.add(Wire.read(json, Wire.Sample.class).point()));
            latest.add(points);
        }
    }

    private void apply(String message) {
        Wire.Batch b = Wire.read(message, Wire.Batch.class);
        if (b.j() != null) {
            b.j().forEach(this::applyJob);
        }
        if (b.p() != null) {
            latest.add(b.p().stream().map(Wire.Sample::point).toList());
        }
    }

    private void applyJob(Wire.Job j) {
        JobId id = new JobId(j.t(), j.j());
        JobBoard.JobState now = j.state();
        var before = board.job(j.t(), j.j());
        if (before.isPresent() && before.get().lastRun().isAfter(now.lastRun())) {
            return; // an older run arriving late (a handover)
        }
        board.put(now);
        if (j.x() != null) {
            next.put(id, j.x());
        }
        runBy.put(id, j.c() == null ? "" : j.c());
    }

    private void refreshQuietly() {
        try {
            refresh();
            warned = false;
        } catch (RuntimeException e) {
            if (!warned) {
                LOG.warn("The team's collectors could not be read: {}", e.getMessage());
                warned = true;
            }
        }
    }

    @SuppressWarnings("unchecked")
    private void refresh() {
        if (store != null) {
            targets = List.copyOf(store.targets());
        }
        var redis = ledger.client();
        List<String> ids = (List<String>) redis.eval("""
                local t = redis.call('TIME')
                local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
                return redis.call('ZRANGEBYSCORE', KEYS[1], now - tonumber(ARGV[1]), '+inf')
                """, List.of(keys.collectors()), List.of(String.valueOf(TeamCollector.DEFAULT_LEASE.multipliedBy(2).toMillis())));
        Map<String, CollectorInfo> seen = new HashMap<>();
        if (!ids.isEmpty()) {
            List<String> beats = redis.mget(ids.stream().map(keys::collector).toArray(String[]::new));
            for (String json : beats) {
                if (json != null) {
                    CollectorInfo c = CollectorInfo.of(Wire.read(json, Wire.Heartbeat.class));
                    seen.put(c.id(), c);
                }
            }
        }
        collectors = Map.copyOf(seen);
        Set<Long> p = new HashSet<>();
        redis.smembers(keys.paused()).forEach(s -> {
            try {
                p.add(Long.parseLong(s));
            } catch (NumberFormatException e) {
                // not a target id
            }
        });
        paused = Set.copyOf(p);
    }

    /** The live collectors, by id. */
    public Map<String, CollectorInfo> collectors() {
        return collectors;
    }

    public JobBoard board() {
        return board;
    }

    public LatestValues latest() {
        return latest;
    }

    @Override
    public List<Target> targets() {
        return targets;
    }

    @Override
    public boolean isPaused(long targetId) {
        return paused.contains(targetId);
    }

    @Override
    public Map<JobId, Long> nextRuns() {
        Set<Long> live = new HashSet<>();
        targets.forEach(t -> live.add(t.id()));
        Map<JobId, Long> out = new HashMap<>();
        next.forEach((k, v) -> {
            if (live.contains(k.targetId())) {
                out.put(k, v);
            }
        });
        return out;
    }

    @Override
    public String runBy(JobId job) {
        return runBy.getOrDefault(job, "");
    }

    /** The collectors' spools together. */
    @Override
    public Spool.Fill spoolFill() {
        long bytes = 0;
        long limit = 0;
        for (CollectorInfo c : collectors.values()) {
            bytes += c.spoolBytes();
            limit += c.spoolLimitBytes();
        }
        return new Spool.Fill(0, 0, bytes, limit, 0);
    }

    /** Pauses the target on whichever collector holds it (now or later). Blocks on Redis: call off the FX thread. */
    public void pause(long targetId) {
        ledger.client().sadd(keys.paused(), String.valueOf(targetId));
        ledger.client().publish(keys.control(), Wire.write(new Wire.Control("pause", targetId)));
        refreshPaused(targetId, true);
    }

    public void resume(long targetId) {
        ledger.client().srem(keys.paused(), String.valueOf(targetId));
        ledger.client().publish(keys.control(), Wire.write(new Wire.Control("resume", targetId)));
        refreshPaused(targetId, false);
    }

    private void refreshPaused(long targetId, boolean on) {
        Set<Long> p = new HashSet<>(paused);
        if (on) {
            p.add(targetId);
        } else {
            p.remove(targetId);
        }
        paused = Set.copyOf(p);
    }

    /** Tells the collectors the definitions changed, so they run the store's current ones. */
    public void definitionsChanged() {
        ledger.client().publish(keys.control(), Wire.write(new Wire.Control("reload", 0)));
        refreshQuietly();
    }

    @Override
    public void close() {
        timer.shutdownNow();
        try {
            if (events != null) {
                events.close();
            }
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
    }
}
