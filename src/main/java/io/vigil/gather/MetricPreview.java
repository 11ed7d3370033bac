package io.vigil.gather;

import java.sql.Connection;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

import javax.sql.DataSource;

import io.vigil.config.MetricDef;
import io.vigil.config.MetricType;
import io.vigil.config.Target;
import io.vigil.ledger.SyncLedger;
import io.vigil.ledger.SyncRecord;
import io.vigil.mirror.CacheDb;

/**
 * Runs a metric's SQL over the cache for one target, read-only, the way the collector would, and says what it would
 * archive — or why it could not: a needed mirror not synced yet, SQL the cache refuses, or rows that are not numbers.
 * Nothing is archived and no counter state is kept, so trying a metric never disturbs the collector's rates.
 */
public final class MetricPreview {

    /** How a preview went. */
    public enum Outcome {
        /** The SQL returned rows; {@link Result#rows()} holds them. */
        VALUES,
        /** The SQL ran and returned no rows: nothing would be archived. */
        NO_ROWS,
        /** A mirror the metric reads has not synced for this target yet; {@link Result#missing()} names them. */
        MIRROR_MISSING,
        /** The cache refused the SQL; {@link Result#detail()} is the database's message. */
        SQL_FAILED,
        /** The SQL ran but its rows cannot be archived (text instead of numbers, label columns missing); the detail says which. */
        REFUSED
    }

    /**
     * One series the metric would write.
     *
     * @param tags  the target's name and the label columns of the row
     * @param value the value as picked (the raw counter for a counter); NaN when the row holds no value and is skipped
     */
    public record Row(SortedMap<String, String> tags, double value) {

        public boolean archived() {
            return Double.isFinite(value);
        }
    }

    /**
     * What a preview found.
     *
     * @param snapshotTime the source time of the oldest snapshot the SQL read; null when no mirror was synced
     * @param stale        a needed mirror is older than the metric's freshness bound, so the collector would not pick now
     */
    public record Result(Outcome outcome, MetricType type, String unit, List<Row> rows, String detail, List<String> missing,
                         Instant snapshotTime, boolean stale) {

        public Result {
            rows = List.copyOf(rows);
            missing = List.copyOf(missing);
            detail = detail == null ? "" : detail;
        }

        /** A counter is archived as its per-second rate between two picks; the rows hold the raw readings. */
        public boolean archivesRate() {
            return type == MetricType.COUNTER;
        }
    }

    private final DataSource cache;
    private final SyncLedger ledger;
    private final Clock clock;

    public MetricPreview(CacheDb cache, SyncLedger ledger, Clock clock) {
        this.cache = cache.dataSource();
        this.ledger = ledger;
        this.clock = clock;
    }

    /** Picks {@code metric} for {@code target} now. Blocks on the cache: call it off the FX thread. */
    public Result run(MetricDef metric, Target target) {
        Map<String, SyncRecord> syncs = ledger.lastForTarget(target.id());
        List<String> missing = new ArrayList<>();
        Instant oldest = null;
        boolean stale = false;
        for (String mirror : metric.mirrors()) {
            SyncRecord sync = syncs.get(mirror);
            if (sync == null) {
                missing.add(mirror);
                continue;
            }
            oldest = oldest == null || sync.syncedAt().isBefore(oldest) ? sync.syncedAt() : oldest;
            stale |= Duration.between(sync.syncedAt(), clock.instant()).toSeconds() > metric.freshnessSeconds();
        }
        if (!missing.isEmpty()) {
            return result(metric, Outcome.MIRROR_MISSING, List.of(), "", missing, oldest, false);
        }
        List<PickedValue> picked;
        try (Connection c = cache.getConnection()) {
            picked = Pick.run(c, metric, target.id());
        } catch (SQLException e) {
            throw new PickFailure(io.vigil.i18n.Reason.of("reason.pick.cache", metric.name(),
                    io.vigil.config.PoolWait.detail(e, io.vigil.i18n.Reason.of("pool.what.cache"), cache)),
                    "the cache is not available: " + e.getMessage(), e);
        } catch (PickFailure e) {
            return e.getCause() instanceof SQLException sql
                    ? result(metric, Outcome.SQL_FAILED, List.of(), databaseMessage(sql), missing, oldest, stale)
                    : result(metric, Outcome.REFUSED, List.of(), withoutName(e.getMessage(), metric), missing, oldest, stale);
        }
        List<Row> rows = new ArrayList<>();
        for (PickedValue v : picked) {
            TreeMap<String, String> tags = new TreeMap<>(v.labels());
            tags.put("target", target.name());
            rows.add(new Row(tags, v.value()));
        }
        return result(metric, rows.isEmpty() ? Outcome.NO_ROWS : Outcome.VALUES, rows, "", missing, oldest, stale);
    }

    private static Result result(MetricDef metric, Outcome outcome, List<Row> rows, String detail, List<String> missing,
                                 Instant snapshotTime, boolean stale) {
        return new Result(outcome, metric.type(), metric.unit(), rows, detail, missing, snapshotTime, stale);
    }

    // H2 appends the statement and its error code; the first sentence is what a DBA needs.
    static String databaseMessage(SQLException e) {
        String first = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().lines().findFirst().orElse("");
        return first.replaceFirst(";\\s*SQL statement:?\\s*$", "").strip();
    }

    private static String withoutName(String message, MetricDef metric) {
        String prefix = metric.name() + ": ";
        return message.startsWith(prefix) ? message.substring(prefix.length()) : message;
    }
}
