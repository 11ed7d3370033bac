package io.vigil.schedule;

import java.nio.file.Path;
import java.time.Clock;
import java.util.EnumMap;
import java.util.Map;
import java.util.function.Consumer;

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
    private final Collector collector;

    /** Where a collector keeps its cache, ledger and series; null parts are embedded in the app-data folder. */
    public record Stores(CacheDb cache, SyncLedger ledger, SeriesStore series) {

        public static Stores embedded() {
            return new Stores(null, null, null);
        }
    }

    private LocalCollector(AppDirs dirs, ConfigStore store, Stores stores, Clock clock, Consumer<StatusEvent> listener) {
        FirstStart.prepare(store);
        Path home = dirs.home();
        this.connections = new TargetConnections(new DemoOracles());
        this.cache = stores.cache() != null ? stores.cache() : CacheDb.embedded(home.resolve("cache"));
        this.ledger = stores.ledger() != null ? stores.ledger() : new InMemoryLedger();
        this.series = stores.series() != null ? stores.series() : new H2SeriesStore(home.resolve("series"), Retention.defaults(), clock);
        this.archive = new Archive(series, new Spool(home.resolve("spool"), SPOOL_LIMIT));
        Map<TargetKind, String> starts = new EnumMap<>(TargetKind.class);
        for (TargetKind kind : new TargetKind[] {TargetKind.ORACLE, TargetKind.MYSQL, TargetKind.POSTGRES}) {
            starts.put(kind, Packs.shipped(kind).instanceStart());
        }
        Collector.Plan plan = new Collector.Plan(store.targets(), store.mirrors(), store.metrics(), starts);
        this.collector = new Collector(plan, connections, new MirrorJob(connections, cache, ledger),
                new GatherJob(cache.dataSource(), ledger, archive, clock), cache.dataSource(), clock, 32, listener);
    }

    /** Starts collecting from every enabled target of the config store into the given stores (which it then owns). */
    public static LocalCollector start(AppDirs dirs, ConfigStore store, Stores stores, Clock clock, Consumer<StatusEvent> listener) {
        LocalCollector local = new LocalCollector(dirs, store, stores, clock, listener);
        local.collector.start();
        return local;
    }

    public Collector collector() {
        return collector;
    }

    public Archive archive() {
        return archive;
    }

    public SeriesStore series() {
        return series;
    }

    /** Where the data goes, for the first status line. */
    public String describe() {
        return "cache " + cache.location() + ", series " + series.location() + ", ledger "
                + (ledger instanceof InMemoryLedger ? "in-process" : "Redis");
    }

    @Override
    public void close() {
        collector.close();
        connections.close();
        series.close();
        cache.close();
        ledger.close();
    }
}
