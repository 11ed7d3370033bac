package io.vigil.watch;

import java.time.Clock;

import io.vigil.i18n.Reason;
import io.vigil.alert.Alerting;
import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.ledger.SyncLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.schedule.LocalCollector.Stores;
import io.vigil.series.SeriesStore;
import io.vigil.target.TargetConnections;

/**
 * What a console watches: its own collector ({@link LocalMonitoring}), or a team's collectors through Redis. Panes read
 * snapshots and the stores through this; none of it needs the FX thread, and every method that may block is called
 * off it.
 */
public interface Monitoring extends AutoCloseable {

    /** Starts collecting everything the config store holds into {@code stores}. Opens files and pools: call off the FX thread. */
    static Monitoring start(AppDirs dirs, ConfigStore store, Stores stores, Clock clock) {
        return LocalMonitoring.start(dirs, store, stores, clock);
    }

    Watch.Snapshot snapshot();

    /** Runs the store's current definitions from now on. */
    void reload(ConfigStore store);

    void pause(long targetId);

    void resume(long targetId);

    boolean isPaused(long targetId);

    SeriesStore series();

    CacheDb cache();

    SyncLedger ledger();

    /** Connections for trying a target from this console (Test connection), whether or not it collects. */
    TargetConnections connections();

    /** The alerts shown here, and the channels. */
    Alerting alerting();

    LatestValues latest();

    /** Where the data goes, for the status bar and the collector's first line. */
    Reason describe();

    /** True when this console runs no collector and shows the team's. */
    default boolean watchesOnly() {
        return false;
    }

    @Override
    void close();
}
