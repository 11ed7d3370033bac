package io.vigil.sitepack;

import java.util.List;

import io.vigil.config.ConfigStore;
import io.vigil.ledger.SyncLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.series.SeriesStore;
import io.vigil.watch.JobBoard.JobState;

/**
 * What a pack is written from: the configuration, the series store (H2 or InfluxDB), the cache, and, when a collector
 * runs here, its ledger and job states (a pack written without them shows the targets' health as unknown).
 *
 * @param ledger may be null
 * @param jobs   may be empty
 */
public record PackSource(ConfigStore store, SeriesStore series, CacheDb cache, SyncLedger ledger, List<JobState> jobs) {

    public PackSource {
        jobs = jobs == null ? List.of() : List.copyOf(jobs);
    }
}
