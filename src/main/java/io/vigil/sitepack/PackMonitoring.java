package io.vigil.sitepack;

import java.nio.file.Path;
import java.time.Clock;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import io.vigil.alert.Alerting;
import io.vigil.config.ConfigStore;
import io.vigil.config.Target;
import io.vigil.gather.Spool;
import io.vigil.ledger.SyncLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.schedule.Collector.JobId;
import io.vigil.series.SeriesStore;
import io.vigil.target.TargetConnections;
import io.vigil.watch.JobBoard;
import io.vigil.watch.LatestValues;
import io.vigil.watch.Monitoring;
import io.vigil.watch.Watch;

/**
 * What a console watches when it shows a site pack: the pack's stores, its job states and newest values as they were
 * recorded, and its alerts as they stood; nothing collects, nothing is evaluated, nothing runs next, and its
 * connections refuse to connect, so the site's databases are never reached from here.
 */
public final class PackMonitoring implements Monitoring {

    private final OpenedPack pack;
    private final ConfigStore readOnly;
    private final List<Target> targets;
    private final LatestValues latest = new LatestValues();
    private final TargetConnections connections = TargetConnections.offline();
    private final Alerting alerting;
    private final Watch watch;

    /** Watches an opened pack; closing this closes the pack. Reads its store: call off the FX thread. */
    public PackMonitoring(OpenedPack pack) {
        this.pack = pack;
        this.readOnly = new ReadOnlyConfigStore(pack.store());
        this.targets = List.copyOf(pack.store().targets());
        JobBoard board = new JobBoard();
        pack.jobs().forEach(board::put);
        latest.add(pack.latest());
        // ages are read at the end of the pack's range: "3 s old" then, not "a week old" now
        Clock clock = Clock.fixed(pack.manifest().toTime(), ZoneOffset.UTC);
        this.alerting = new Alerting(pack.store(), null, id -> true, clock);
        Watch.Source source = new Watch.Source() {
            @Override
            public List<Target> targets() {
                return targets;
            }

            @Override
            public boolean isPaused(long targetId) {
                return false;
            }

            @Override
            public Map<JobId, Long> nextRuns() {
                return Map.of();
            }

            @Override
            public Spool.Fill spoolFill() {
                return new Spool.Fill(0, 0, 0, 0, 0);
            }
        };
        this.watch = new Watch(source, board, latest, alerting, clock);
    }

    /** Opens the pack at {@code file} and watches it; a damaged or newer pack is a {@link SitePackException}. */
    public static PackMonitoring open(Path file) {
        return new PackMonitoring(SitePackReader.open(file));
    }

    public PackManifest manifest() {
        return pack.manifest();
    }

    /** The pack's configuration: it reads, and every save is refused with {@code sitepack.readOnly}. */
    public ConfigStore store() {
        return readOnly;
    }

    @Override
    public Watch.Snapshot snapshot() {
        return watch.snapshot();
    }

    /** A pack's definitions do not change. */
    @Override
    public void reload(ConfigStore store) {
    }

    /** Nothing collects, so nothing pauses. */
    @Override
    public void pause(long targetId) {
    }

    @Override
    public void resume(long targetId) {
    }

    @Override
    public boolean isPaused(long targetId) {
        return false;
    }

    @Override
    public SeriesStore series() {
        return pack.series();
    }

    @Override
    public CacheDb cache() {
        return pack.cache();
    }

    @Override
    public SyncLedger ledger() {
        return pack.ledger();
    }

    /** Connections that never connect. */
    @Override
    public TargetConnections connections() {
        return connections;
    }

    @Override
    public Alerting alerting() {
        return alerting;
    }

    @Override
    public LatestValues latest() {
        return latest;
    }

    @Override
    public io.vigil.i18n.Reason describe() {
        return io.vigil.i18n.Reason.of("data.sitePack", pack.manifest().site());
    }

    /** A pack runs no collector. */
    @Override
    public boolean watchesOnly() {
        return true;
    }

    @Override
    public void close() {
        alerting.close();
        connections.close();
        pack.close();
    }
}
