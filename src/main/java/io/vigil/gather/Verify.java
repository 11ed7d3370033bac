package io.vigil.gather;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import io.vigil.config.MetricDef;
import io.vigil.i18n.Reason;
import io.vigil.ledger.SyncRecord;

/**
 * Verify refuses to pick when a mirror the metric needs has never synced, is older than the metric's freshness bound,
 * or has no snapshot newer than the one the last pick used: no stale values, and no snapshot counted twice.
 */
public final class Verify {

    private Verify() {
    }

    /**
     * @param syncs    the target's last sync per mirror, from the ledger
     * @param now      the collector's clock
     * @param lastUsed the snapshot time the previous pick of this metric used, or null
     */
    public static Verdict check(MetricDef metric, Map<String, SyncRecord> syncs, Instant now, Instant lastUsed) {
        Instant oldest = null;
        for (String mirror : metric.mirrors()) {
            SyncRecord sync = syncs.get(mirror);
            if (sync == null) {
                return Verdict.stale(Verdict.Cause.NOT_SYNCED_YET, Reason.of("reason.verify.notSynced", mirror));
            }
            long age = Duration.between(sync.syncedAt(), now).toSeconds();
            if (age > metric.freshnessSeconds()) {
                return Verdict.stale(Verdict.Cause.TOO_OLD,
                        Reason.of("reason.verify.tooOld", mirror, age, metric.name(), metric.freshnessSeconds()));
            }
            oldest = oldest == null || sync.syncedAt().isBefore(oldest) ? sync.syncedAt() : oldest;
        }
        if (oldest == null) {
            return Verdict.stale(Verdict.Cause.NO_MIRROR, Reason.of("reason.verify.noMirror", metric.name()));
        }
        if (lastUsed != null && !oldest.isAfter(lastUsed)) {
            return Verdict.waiting(Reason.of("reason.verify.nothingNew"));
        }
        return Verdict.pick(oldest);
    }
}
