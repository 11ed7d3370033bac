package io.vigil.schedule;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import io.vigil.i18n.Reason;
import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.FirstStart;
import io.vigil.config.Packs;
import io.vigil.config.TargetKind;
import io.vigil.gather.Archive;
import io.vigil.gather.GatherJob;
import io.vigil.gather.Spool;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.ledger.SyncLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Point;
import io.vigil.series.Retention;
import io.vigil.series.SeriesStore;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;

/**
 * A collector and the stores it writes to: by default embedded in the app-data folder (H2 cache, in-process ledger, H2
 * series store), or the team's servers (MySQL/MariaDB cache, Redis ledger, InfluxDB) given as {@link Stores}. The spool
 * is always local. What the console runs, and {@code vigil collect}.
 */
public final class LocalCollector implements AutoCloseable {

    static final long SPOOL_LIMIT = 256L * 1024 * 1024;

    private final TargetConnections connections;
    private final CacheDb cache;
    private final SyncLedger ledger;
    private final SeriesStore series;
    private final Archive archive;
    private final MirrorJob mirrorJob;
    private final GatherJob gatherJob;
    private final Clock clock;
    private final Consumer<StatusEvent> listener;
    private final Map<TargetKind, String> starts = new EnumMap<>(TargetKind.class);
    private final java.util.Set<Long> paused = java.util.concurrent.ConcurrentHashMap.newKeySet();
    private final CollectorFigures figures;
    private final io.vigil.config.DataDisk disk;
    private volatile Collector collector;
    private volatile io.vigil.ledger.Fence fence = io.vigil.ledger.Fence.OPEN;
    /** The targets this collector runs when it shares them with others; null runs every enabled target. */
    private volatile java.util.Set<Long> only;

    /** Where a collector keeps its cache, ledger and series; null parts are embedded in the app-data folder. */
    public record Stores(CacheDb cache, SyncLedger ledger, SeriesStore series) {

        public static Stores embedded() {
            return new Stores(null, null, null);
        }
    }

    private LocalCollector(AppDirs dirs, ConfigStore store, Stores stores, Clock clock, Consumer<StatusEvent> listener,
                           Consumer<List<Point>> watcher) {
        FirstStart.prepare(store);
        Path home = dirs.home();
        this.disk = new io.vigil.config.DataDisk(home);
        this.connections = new TargetConnections(new DemoOracles());
        this.cache = stores.cache() != null ? stores.cache() : CacheDb.embedded(home.resolve("cache"));
        this.ledger = stores.ledger() != null ? stores.ledger() : new InMemoryLedger();
        this.series = stores.series() != null ? stores.series() : new H2SeriesStore(home.resolve("series"), Retention.defaults(), clock);
        this.archive = Archive.queued(series, new Spool(home.resolve("spool"), SPOOL_LIMIT), watcher);
        for (TargetKind kind : new TargetKind[] {TargetKind.ORACLE, TargetKind.MYSQL, TargetKind.POSTGRES}) {
            starts.put(kind, Packs.shipped(kind).instanceStart());
        }
        this.clock = clock;
        this.figures = new CollectorFigures(clock, () -> (int) collector.targets().stream().filter(io.vigil.config.Target::enabled).count(),
                () -> collector.lag(), archive::spoolFill);
        this.listener = e -> {
            figures.accept(e);
            listener.accept(e);
        };
        this.mirrorJob = new MirrorJob(connections, cache, ledger);
        this.gatherJob = new GatherJob(cache.readOnlyDataSource(), ledger, archive, clock);
        this.collector = newCollector(store);
    }

    private Collector newCollector(ConfigStore store) {
        java.util.Set<Long> mine = only;
        List<io.vigil.config.Target> targets = store.targets().stream().filter(t -> mine == null || mine.contains(t.id())).toList();
        Collector.Plan plan = new Collector.Plan(targets, store.mirrors(), store.metrics(), starts);
        Collector c = new Collector(plan, connections, mirrorJob, gatherJob, cache.dataSource(), clock, Collector.defaultBound(), listener);
        c.fence(fence);
        paused.forEach(c::pause);
        return c;
    }

    /** Starts collecting from every enabled target of the config store into the given stores (which it then owns). */
    public static LocalCollector start(AppDirs dirs, ConfigStore store, Stores stores, Clock clock, Consumer<StatusEvent> listener) {
        return start(dirs, store, stores, clock, listener, points -> { });
    }

    /** As {@link #start(AppDirs, ConfigStore, Stores, Clock, Consumer)}, with a watcher of every archived batch. */
    public static LocalCollector start(AppDirs dirs, ConfigStore store, Stores stores, Clock clock, Consumer<StatusEvent> listener,
                                       Consumer<List<Point>> watcher) {
        LocalCollector local = new LocalCollector(dirs, store, stores, clock, listener, watcher);
        local.collector.start();
        return local;
    }

    /**
     * As {@link #start(AppDirs, ConfigStore, Stores, Clock, Consumer, Consumer)}, for a collector that shares the
     * targets with others: it starts with none, runs those given to {@link #runOnly}, and writes only under {@code fence}.
     */
    public static LocalCollector startShared(AppDirs dirs, ConfigStore store, Stores stores, Clock clock, Consumer<StatusEvent> listener,
                                             Consumer<List<Point>> watcher, io.vigil.ledger.Fence fence, String collectorId,
                                             java.util.function.LongUnaryOperator fencingTokens) {
        LocalCollector local = new LocalCollector(dirs, store, stores, clock, listener, watcher);
        local.only = java.util.Set.of();
        local.collector.close(); // never started
        local.collector = local.newCollector(store);
        local.share(fence, collectorId, fencingTokens);
        local.collector.start();
        return local;
    }

    /** True when this collector runs the target (it may still be paused). */
    public boolean runsHere(long targetId) {
        java.util.Set<Long> mine = only;
        return mine == null || mine.contains(targetId);
    }

    /**
     * Runs the config store's current targets, mirrors and metrics from now on (after an edit). The stores, open
     * connections, the ledger and the counters' previous values carry over; only changed targets reconnect.
     */
    public synchronized void reload(ConfigStore store) {
        Collector next = newCollector(store);
        Map<Long, io.vigil.config.Target> before = new java.util.HashMap<>();
        collector.targets().forEach(t -> before.put(t.id(), t));
        for (io.vigil.config.Target t : next.targets()) {
            if (before.containsKey(t.id()) && !before.get(t.id()).equals(t)) {
                connections.release(t.id()); // edited: the next run probes the new address or account
            }
        }
        collector.close();
        collector = next;
        next.start();
    }

    /**
     * Shares targets with other collectors: from now on only {@code targets} run here (the next {@link #reload}
     * applies it), and nothing is written for a target unless {@code f} holds it.
     */
    public void share(io.vigil.ledger.Fence f, String collectorId, java.util.function.LongUnaryOperator fencingTokens) {
        this.fence = f;
        mirrorJob.fence(f);
        gatherJob.fence(f);
        collector.fence(f);
        if (ledger instanceof io.vigil.ledger.RedisLedger redis) {
            redis.writeAs(collectorId, fencingTokens);
        }
    }

    /** Runs only these targets from now on (the ones this collector holds), or every enabled one when null. */
    public synchronized void runOnly(java.util.Set<Long> targets, ConfigStore store) {
        java.util.Set<Long> before = only;
        if (targets != null && before != null) {
            for (Long gained : targets) {
                if (!before.contains(gained)) {
                    // taken over: pick only snapshots newer than what the previous collector may have picked already
                    ledger.lastForTarget(gained).values().stream().map(io.vigil.ledger.SyncRecord::syncedAt).max(java.time.Instant::compareTo)
                            .ifPresent(newest -> gatherJob.startAfter(gained, newest));
                }
            }
        }
        this.only = targets == null ? null : java.util.Set.copyOf(targets);
        reload(store);
    }

    public void pause(long targetId) {
        paused.add(targetId);
        collector.pause(targetId);
    }

    public void resume(long targetId) {
        paused.remove(targetId);
        collector.resume(targetId);
    }

    public boolean isPaused(long targetId) {
        return paused.contains(targetId);
    }

    public Collector collector() {
        return collector;
    }

    /** What the collector has done so far: runs, errors, lag, spool; for a health page, a metrics scrape or a heartbeat. */
    public CollectorFigures.Snapshot figures() {
        return figures.snapshot();
    }

    /** The cache the mirrors fill, for the console's mirrored tables and metric previews. */
    public CacheDb cache() {
        return cache;
    }

    public SyncLedger ledger() {
        return ledger;
    }

    public TargetConnections connections() {
        return connections;
    }

    public Archive archive() {
        return archive;
    }

    public SeriesStore series() {
        return series;
    }

    /** The disk under the data folder (the spool, and the embedded stores): how much room is left. */
    public io.vigil.config.DataDisk disk() {
        return disk;
    }

    /** Where the data goes, for the first status line. */
    public Reason describe() {
        return Reason.of("data.where", cache.location(), series.location(),
                Reason.of(ledger instanceof InMemoryLedger ? "data.ledger.inProcess" : "data.ledger.redis"));
    }

    @Override
    public void close() {
        collector.close();
        connections.close();
        archive.close();
        series.close();
        cache.close();
        ledger.close();
    }
}
