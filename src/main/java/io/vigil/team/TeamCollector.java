package io.vigil.team;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.Target;
import io.vigil.ledger.RedisLedger;
import io.vigil.schedule.Collector;
import io.vigil.schedule.LocalCollector;
import io.vigil.schedule.StatusEvent;
import io.vigil.series.Point;
import io.vigil.watch.JobBoard;
import redis.clients.jedis.RedisClient;

/**
 * A collector that shares the config store's targets with the other collectors on the same Redis. Every third of the
 * lease time it beats its heart, renews its leases, and evens out the work: with N live collectors and T enabled
 * targets it holds ⌈T/N⌉ at most, gives up the ones it ranks lowest when it holds more, and takes free ones (never
 * held, or whose holder stopped renewing) when it holds fewer, ranking targets by rendezvous hashing so the same
 * collector tends to get the same targets back. Jobs run only for held targets, and the fence keeps a collector that
 * lost a lease from writing for it. It publishes its heartbeat, job states and newest values for consoles that watch.
 */
public final class TeamCollector implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(TeamCollector.class);
    /** How long a lease lives without renewal; a dead collector's targets are taken over within this and a tick. */
    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(9);

    // KEYS: collectors, heartbeat; ARGV: id, heartbeat JSON, ttl ms. Returns the live collectors by Redis's own clock.
    private static final String BEAT = """
            local t = redis.call('TIME')
            local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
            redis.call('ZADD', KEYS[1], now, ARGV[1])
            redis.call('SET', KEYS[2], ARGV[2], 'PX', ARGV[3])
            redis.call('ZREMRANGEBYSCORE', KEYS[1], '-inf', now - 86400000)
            return redis.call('ZRANGEBYSCORE', KEYS[1], now - tonumber(ARGV[3]), '+inf')
            """;

    private final String id;
    private final LocalCollector local;
    private final ConfigStore store;
    private final RedisClient redis;
    private final TeamKeys keys;
    private final Leases leases;
    private final Publisher publisher;
    private final Duration lease;
    private final long startedAt = System.currentTimeMillis();
    private final ScheduledExecutorService timer = Executors.newScheduledThreadPool(2, r -> {
        Thread t = new Thread(r, "vigil-team");
        t.setDaemon(true);
        return t;
    });
    private final AutoCloseable control;
    private volatile Set<Long> running = Set.of();
    private volatile Consumer<Set<Long>> adopted = ids -> { };
    private volatile Map<String, Long> idsByName = Map.of();
    private boolean redisWarned;
    private final java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();

    private TeamCollector(String id, LocalCollector local, ConfigStore store, RedisLedger ledger, Publisher publisher, Duration lease) {
        this.id = id;
        this.local = local;
        this.store = store;
        this.redis = ledger.client();
        this.keys = new TeamKeys(ledger.prefix());
        this.publisher = publisher;
        this.lease = lease;
        this.leases = new Leases(redis, keys, id, lease, System::nanoTime);
        this.control = ledger.subscribe(keys.control(), this::controlled, "vigil-team-control");
    }

    /**
     * Starts a collector that shares the store's targets through the Redis of {@code stores}' ledger: it runs no target
     * until it holds its lease. {@code listener} and {@code watcher} hear its status events and archived points, as
     * with {@link LocalCollector#start}; {@code board} must hear every status event before it is published.
     */
    public static TeamCollector start(AppDirs dirs, ConfigStore store, LocalCollector.Stores stores, Clock clock, JobBoard board,
                                      Consumer<StatusEvent> listener, Consumer<List<Point>> watcher, Duration lease) {
        if (!(stores.ledger() instanceof RedisLedger ledger)) {
            throw new IllegalArgumentException("sharing targets needs a Redis ledger");
        }
        String id = newId();
        Publisher publisher = new Publisher(ledger.client(), new TeamKeys(ledger.prefix()), id, board);
        Leases[] fence = new Leases[1];
        LocalCollector local = LocalCollector.startShared(dirs, store, stores, clock, e -> {
            board.accept(e);
            listener.accept(e);
            publisher.accept(e);
        }, points -> {
            watcher.accept(points);
            publisher.points(points);
        }, targetId -> fence[0] != null && fence[0].holds(targetId), id, targetId -> fence[0] == null ? 0 : fence[0].token(targetId));
        TeamCollector team = new TeamCollector(id, local, store, ledger, publisher, lease);
        fence[0] = team.leases;
        team.timer.scheduleWithFixedDelay(team::tickQuietly, 0, lease.toMillis() / 3, TimeUnit.MILLISECONDS);
        team.timer.scheduleWithFixedDelay(team::flushQuietly, 1000, 1000, TimeUnit.MILLISECONDS);
        return team;
    }

    /** A name that says where the collector runs: host/pid, and a short random part for a restarted process. */
    static String newId() {
        String host;
        try {
            host = java.net.InetAddress.getLocalHost().getHostName();
        } catch (java.io.IOException e) {
            host = "localhost";
        }
        return host + "/" + ProcessHandle.current().pid() + "-" + Integer.toHexString(java.util.concurrent.ThreadLocalRandom.current().nextInt(0x1000, 0x10000));
    }

    public String id() {
        return id;
    }

    public LocalCollector local() {
        return local;
    }

    /** The targets this collector runs now. */
    public Set<Long> held() {
        return running;
    }

    /** Called with the targets this collector has just taken over (their alerts are read again, for one). */
    public void onAdopt(Consumer<Set<Long>> listener) {
        this.adopted = listener;
    }

    private void tickQuietly() {
        try {
            tick();
            redisWarned = false;
        } catch (RuntimeException e) {
            if (!redisWarned) {
                LOG.warn("A round of the team's leases failed (Redis or the config store); targets whose lease lapses stop here: {}", e.getMessage());
                redisWarned = true;
            }
            applyHeld(); // leases lapse on this collector's own clock even while Redis is away
        }
    }

    /** One round: heartbeat, renewal, even spread, paused targets. */
    synchronized void tick() {
        List<Target> enabled = store.targets().stream().filter(Target::enabled).toList();
        Map<String, Long> names = new HashMap<>();
        enabled.forEach(t -> names.put(t.name(), t.id()));
        idsByName = names;
        Set<Long> ids = new HashSet<>(names.values());

        @SuppressWarnings("unchecked")
        List<String> alive = (List<String>) redis.eval(BEAT, List.of(keys.collectors(), keys.collector(id)),
                List.of(id, Wire.write(heartbeat()), String.valueOf(lease.toMillis())));
        leases.renew();
        Set<Long> held = leases.held();
        for (Long gone : held) {
            if (!ids.contains(gone)) {
                leases.release(gone); // deleted or disabled
            }
        }
        held = leases.held();
        int n = Math.max(1, alive.contains(id) ? alive.size() : alive.size() + 1);
        int fair = (ids.size() + n - 1) / n;
        if (held.size() > fair) {
            List<Long> mine = new ArrayList<>(held);
            mine.sort(Comparator.comparingLong(t -> rank(t)));
            for (Long t : mine.subList(0, held.size() - fair)) {
                leases.release(t);
            }
        } else if (held.size() < fair) {
            Map<Long, String> owners = leases.owners(ids);
            List<Long> free = new ArrayList<>(ids.stream().filter(t -> !owners.containsKey(t)).toList());
            free.sort(Comparator.comparingLong((Long t) -> rank(t)).reversed());
            int want = fair - held.size();
            for (Long t : free) {
                if (want == 0) {
                    break;
                }
                if (leases.acquire(t)) {
                    want--;
                }
            }
        }
        syncPaused();
        applyHeld();
    }

    // Runs exactly the held targets; a change restarts the local schedule with them.
    private synchronized void applyHeld() {
        Set<Long> now = leases.held();
        if (!now.equals(running)) {
            Set<Long> gained = new HashSet<>(now);
            gained.removeAll(running);
            running = Set.copyOf(now);
            local.runOnly(now, store);
            LOG.info("Collector {} runs {} targets", id, now.size());
            if (!gained.isEmpty()) {
                adopted.accept(gained);
            }
        }
    }

    // Rendezvous hashing: this collector's weight for a target.
    private long rank(long targetId) {
        long h = 1125899906842597L;
        for (byte b : (id + "#" + targetId).getBytes(StandardCharsets.UTF_8)) {
            h = 31 * h + b;
        }
        h ^= h >>> 33;
        h *= 0xff51afd7ed558ccdL;
        h ^= h >>> 33;
        return h;
    }

    private void syncPaused() {
        Set<Long> paused = new HashSet<>();
        for (String s : redis.smembers(keys.paused())) {
            try {
                paused.add(Long.parseLong(s));
            } catch (NumberFormatException e) {
                // not ours
            }
        }
        for (long t : running) {
            if (paused.contains(t) && !local.isPaused(t)) {
                local.pause(t);
            } else if (!paused.contains(t) && local.isPaused(t)) {
                local.resume(t);
            }
        }
    }

    private void controlled(String message) {
        Wire.Control c = Wire.read(message, Wire.Control.class);
        timer.execute(() -> {
            try {
                if ("reload".equals(c.op())) {
                    synchronized (this) {
                        local.reload(store);
                    }
                } else {
                    syncPaused();
                }
            } catch (RuntimeException e) {
                LOG.warn("A request from a console was not applied: {}", e.getMessage());
            }
        });
    }

    private Wire.Heartbeat heartbeat() {
        var f = local.figures();
        String host = id.substring(0, Math.max(0, id.indexOf('/')));
        return new Wire.Heartbeat(id, host, ProcessHandle.current().pid(), startedAt, System.currentTimeMillis(), List.copyOf(running),
                f.jobsPerSecond(), f.lagP99Millis(), f.spoolBytes(), f.spoolLimitBytes(), f.errorsLastMinute());
    }

    private void flushQuietly() {
        try {
            Map<Collector.JobId, Long> next = local.collector().nextRuns();
            publisher.flush(idsByName, (t, job) -> next.get(new Collector.JobId(t, job)));
        } catch (RuntimeException e) {
            LOG.debug("Publishing to the team's Redis failed: {}", e.getMessage());
        }
    }

    /** Stops: publishes what is left, gives every lease up so others take over at once, and closes the collector. */
    @Override
    public void close() {
        if (!closed.compareAndSet(false, true)) {
            return;
        }
        timer.shutdownNow();
        try {
            control.close();
        } catch (Exception e) {
            Thread.currentThread().interrupt();
        }
        try {
            flushQuietly();
            leases.releaseAll();
            redis.zrem(keys.collectors(), id);
            redis.del(keys.collector(id));
        } catch (RuntimeException e) {
            LOG.debug("Leaving the team cleanly failed: {}", e.getMessage());
        }
        local.close();
    }
}
