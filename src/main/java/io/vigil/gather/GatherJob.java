package io.vigil.gather;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;

import javax.sql.DataSource;

import io.vigil.config.MetricDef;
import io.vigil.config.MetricType;
import io.vigil.config.Target;
import io.vigil.i18n.Reason;
import io.vigil.ledger.SyncLedger;
import io.vigil.series.Point;

/**
 * Gather = verify → pick → archive for one metric of one target. Points are stamped with the snapshot's source time,
 * tagged with the target's name and the metric's label columns; counters become per-second rates.
 */
public final class GatherJob {

    private record Key(long targetId, String metric) {
    }

    private final DataSource cache;
    private final SyncLedger ledger;
    private final Archive archive;
    private final Clock clock;
    private final Rates rates = new Rates();
    private final Map<Key, Instant> lastUsed = new ConcurrentHashMap<>();
    private volatile io.vigil.ledger.Fence fence = io.vigil.ledger.Fence.OPEN;
    private final Map<Long, Instant> floors = new ConcurrentHashMap<>();
    private final io.vigil.config.PhaseTimes times = new io.vigil.config.PhaseTimes();

    public GatherJob(DataSource cache, SyncLedger ledger, Archive archive, Clock clock) {
        this.cache = cache;
        this.ledger = ledger;
        this.archive = archive;
        this.clock = clock;
    }

    /** Where the metric runs' time went, by phase. */
    public io.vigil.config.PhaseTimes times() {
        return times;
    }

    /**
     * Picks for the target only snapshots newer than {@code snapshot} from now on: a collector that takes a target over
     * from another does not archive again what the other may have archived already.
     */
    public void startAfter(long targetId, Instant snapshot) {
        floors.merge(targetId, snapshot, (a, b) -> a.isAfter(b) ? a : b);
    }

    private void giveBack(Key key, Instant snapshot, Instant before) {
        if (before == null) {
            lastUsed.remove(key, snapshot);
        } else {
            lastUsed.replace(key, snapshot, before);
        }
    }

    /** Who may write for which target: checked before points are archived. */
    public void fence(io.vigil.ledger.Fence f) {
        this.fence = f;
    }

    /**
     * @param restartMarker what identifies the target's current instance life (see {@link Rates}); null when unknown
     */
    public GatherResult run(Target target, MetricDef metric, Object restartMarker) {
        Key key = new Key(target.id(), metric.name());
        long t = System.nanoTime();
        Instant used = lastUsed.get(key);
        Instant floor = floors.get(target.id());
        if (floor != null && (used == null || used.isBefore(floor))) {
            used = floor;
        }
        Verdict verdict = Verify.check(metric, ledger.lastForTarget(target.id()), clock.instant(), used);
        t = times.since("metric: verify (ledger)", t);
        if (!verdict.go()) {
            return new GatherResult(verdict.stale() ? GatherResult.Outcome.STALE : GatherResult.Outcome.WAITING, 0, false, verdict.cause(), verdict.reason(),
                    null);
        }
        // Claim the snapshot before picking: two runs of one metric at once (a schedule restarted while a run was under
        // way) must not both pick it. A failed pick gives it back for the next run.
        Instant snapshot = verdict.snapshotTime();
        Instant before = used;
        boolean[] claimed = {false};
        lastUsed.compute(key, (k, old) -> {
            if (old == null || snapshot.isAfter(old)) {
                claimed[0] = true;
                return snapshot;
            }
            return old;
        });
        if (!claimed[0]) {
            Verdict waiting = Verify.check(metric, ledger.lastForTarget(target.id()), clock.instant(), lastUsed.get(key));
            return new GatherResult(GatherResult.Outcome.WAITING, 0, false, waiting.cause(), waiting.reason(), null);
        }
        List<PickedValue> values;
        try (Connection c = cache.getConnection()) {
            t = times.since("metric: cache pool wait", t);
            values = Pick.run(c, metric, target.id());
            t = times.since("metric: pick", t);
        } catch (SQLException e) {
            giveBack(key, snapshot, before);
            throw new PickFailure(Reason.of("reason.pick.cache", metric.name(),
                    io.vigil.config.PoolWait.detail(e, Reason.of("pool.what.cache"), cache)),
                    metric.name() + ": the cache is not available: " + e.getMessage(), e);
        } catch (RuntimeException e) {
            giveBack(key, snapshot, before);
            throw e;
        }
        List<Point> points = new ArrayList<>();
        for (PickedValue v : values) {
            if (!Double.isFinite(v.value())) {
                continue;
            }
            TreeMap<String, String> tags = new TreeMap<>(v.labels());
            tags.put("target", target.name());
            Point reading = new Point(metric.name(), tags, verdict.snapshotTime(), v.value());
            if (metric.type() == MetricType.GAUGE) {
                points.add(reading);
            } else {
                OptionalDouble rate = rates.rate(reading.key(), v.value(), verdict.snapshotTime(), restartMarker);
                if (rate.isPresent()) {
                    points.add(new Point(metric.name(), tags, verdict.snapshotTime(), rate.getAsDouble()));
                }
            }
        }
        fence.check(target.id());
        t = System.nanoTime();
        boolean archived = points.isEmpty() || archive.archive(points);
        times.since("metric: archive", t);
        Reason reason = values.isEmpty() ? Reason.of("reason.gather.noRows", metric.name()) : Reason.NONE;
        return new GatherResult(GatherResult.Outcome.PICKED, points.size(), archived, verdict.cause(), reason, verdict.snapshotTime());
    }
}
