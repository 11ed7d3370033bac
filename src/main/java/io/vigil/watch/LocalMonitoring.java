package io.vigil.watch;

import java.time.Clock;

import io.vigil.i18n.Reason;
import io.vigil.alert.Alerting;
import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.ledger.SyncLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.schedule.LocalCollector;
import io.vigil.schedule.LocalCollector.Stores;
import io.vigil.series.SeriesStore;
import io.vigil.target.TargetConnections;

/**
 * The console's own collector with what watches it: a job board fed by its status events and the latest value of every
 * series it archives. Panes read snapshots and the stores through this; none of it needs the FX thread.
 */
public final class LocalMonitoring implements Monitoring {

    private final LocalCollector collector;
    private final JobBoard board;
    private final LatestValues latest;
    private final Watch watch;
    private final Alerting alerting;

    private LocalMonitoring(LocalCollector collector, JobBoard board, LatestValues latest, Alerting alerting, Clock clock) {
        this.collector = collector;
        this.board = board;
        this.latest = latest;
        this.alerting = alerting;
        this.watch = new Watch(collector, board, latest, alerting, clock);
    }

    /** Starts collecting everything the config store holds into {@code stores}. Opens files and pools: call off the FX thread. */
    public static LocalMonitoring start(AppDirs dirs, ConfigStore store, Stores stores, Clock clock) {
        JobBoard board = new JobBoard();
        LatestValues latest = new LatestValues();
        LocalCollector collector = LocalCollector.start(dirs, store, stores, clock, board, latest::add);
        Alerting alerting = Alerting.forCollector(store, collector, new BoardObservations(board, latest, clock), clock, n -> { });
        return new LocalMonitoring(collector, board, latest, alerting, clock);
    }

    @Override
    public Watch.Snapshot snapshot() {
        return watch.snapshot();
    }

    /** Runs the store's current definitions from now on; forgets jobs of targets that no longer exist. */
    @Override
    public void reload(ConfigStore store) {
        collector.reload(store);
        alerting.reload();
        java.util.Set<Long> ids = new java.util.HashSet<>();
        collector.collector().targets().forEach(t -> ids.add(t.id()));
        board.jobs().stream().map(JobBoard.JobState::targetId).filter(id -> !ids.contains(id)).distinct().forEach(board::forget);
    }

    @Override
    public void pause(long targetId) {
        collector.pause(targetId);
    }

    @Override
    public void resume(long targetId) {
        collector.resume(targetId);
    }

    @Override
    public boolean isPaused(long targetId) {
        return collector.isPaused(targetId);
    }

    @Override
    public SeriesStore series() {
        return collector.series();
    }

    @Override
    public CacheDb cache() {
        return collector.cache();
    }

    @Override
    public SyncLedger ledger() {
        return collector.ledger();
    }

    @Override
    public TargetConnections connections() {
        return collector.connections();
    }

    /** The rules evaluated over this collector, and the alerts they raised. */
    @Override
    public Alerting alerting() {
        return alerting;
    }

    @Override
    public LatestValues latest() {
        return latest;
    }

    /** Where the data goes, for the status bar. */
    @Override
    public Reason describe() {
        return collector.describe();
    }

    @Override
    public void close() {
        alerting.close();
        collector.close();
    }
}
