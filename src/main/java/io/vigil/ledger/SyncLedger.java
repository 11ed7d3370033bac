package io.vigil.ledger;

import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * When each mirror of each target was last synced. Mirror jobs {@link #record} after caching a snapshot; gather jobs
 * read it to refuse stale data, and may {@link #subscribe} to react to new snapshots instead of polling.
 */
public interface SyncLedger extends AutoCloseable {

    /** Records a sync, replacing the previous one for that target and mirror unless that one is newer. */
    void record(SyncRecord sync);

    Optional<SyncRecord> last(long targetId, String mirror);

    /** Every mirror's last sync for a target, by mirror name. */
    Map<String, SyncRecord> lastForTarget(long targetId);

    /** Calls {@code listener} for every sync recorded from now on (from any collector, with Redis); close to stop. */
    AutoCloseable subscribe(Consumer<SyncRecord> listener);

    @Override
    void close();
}
