package io.vigil.sitepack;

import java.nio.file.Path;
import java.util.List;

import io.vigil.config.ConfigStore;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.series.SeriesStore;
import io.vigil.series.Point;
import io.vigil.watch.JobBoard.JobState;

/**
 * A site pack opened from its private copy: its manifest and stores, the job states and newest points it recorded.
 * Closing it closes the stores and removes the copy.
 */
public final class OpenedPack implements AutoCloseable {

    private final PackManifest manifest;
    private final Path folder;
    private final ConfigStore store;
    private final SeriesStore series;
    private final CacheDb cache;
    private final InMemoryLedger ledger;
    private final List<JobState> jobs;
    private final List<Point> latest;

    OpenedPack(PackManifest manifest, Path folder, ConfigStore store, SeriesStore series, CacheDb cache, InMemoryLedger ledger,
               List<JobState> jobs, List<Point> latest) {
        this.manifest = manifest;
        this.folder = folder;
        this.store = store;
        this.series = series;
        this.cache = cache;
        this.ledger = ledger;
        this.jobs = List.copyOf(jobs);
        this.latest = List.copyOf(latest);
    }

    public PackManifest manifest() {
        return manifest;
    }

    /** The private folder the pack was unpacked into. */
    public Path folder() {
        return folder;
    }

    public ConfigStore store() {
        return store;
    }

    public SeriesStore series() {
        return series;
    }

    public CacheDb cache() {
        return cache;
    }

    public InMemoryLedger ledger() {
        return ledger;
    }

    public List<JobState> jobs() {
        return jobs;
    }

    public List<Point> latest() {
        return latest;
    }

    @Override
    public void close() {
        cache.close();
        series.close();
        store.close();
        ledger.close();
        PackFiles.deleteTree(folder);
    }
}
