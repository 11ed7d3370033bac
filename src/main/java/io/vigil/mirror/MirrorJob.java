package io.vigil.mirror;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorVariant;
import io.vigil.config.MirrorMode;
import io.vigil.config.Target;
import io.vigil.ledger.SyncLedger;
import io.vigil.ledger.SyncRecord;
import io.vigil.target.Failures;
import io.vigil.target.TargetConnections;

/**
 * Mirror = pull → cache → record: reads a mirror's rows from a target, writes them into the cache table in one
 * transaction, and records the snapshot's source time in the ledger. A failure on the target is a
 * {@link io.vigil.target.TargetFailure}, one in the cache a {@link CacheException}; either way nothing is recorded and
 * the previous snapshot stays in place.
 */
public final class MirrorJob {

    private static final Logger LOG = LoggerFactory.getLogger(MirrorJob.class);
    /** How many rows an append mirror keeps per target, as a multiple of its row cap. */
    static final int APPEND_KEEP_FACTOR = 10;
    /**
     * How far back an append mirror whose watermark is a time keeps rows per target, from its newest row (a day of
     * session samples for Top Activity). Its size is bounded all the same: a pull keeps at most the row cap and there
     * are a day's intervals in it.
     */
    static final java.time.Duration APPEND_KEEP_TIME = java.time.Duration.ofHours(24);

    private final TargetConnections targets;
    private final CacheDb cache;
    private final SyncLedger ledger;
    private volatile io.vigil.ledger.Fence fence = io.vigil.ledger.Fence.OPEN;
    private final io.vigil.config.PhaseTimes times = new io.vigil.config.PhaseTimes();
    /**
     * The columns each cache table was last found or made with: a run whose columns match skips the table check, a
     * catalogue read that cost as much as the rest of a small mirror's write. A failed write forgets the table, so a
     * table changed by someone else is checked again on the next run.
     */
    private final java.util.Map<String, List<String>> shapes = new java.util.concurrent.ConcurrentHashMap<>();
    /** By target id and cache table: which columns the last run mended, while it mended any (see {@link #tell}). */
    private final java.util.Map<String, String> mended = new java.util.concurrent.ConcurrentHashMap<>();

    public MirrorJob(TargetConnections targets, CacheDb cache, SyncLedger ledger) {
        this.targets = targets;
        this.cache = cache;
        this.ledger = ledger;
    }

    /** The ledger the syncs are recorded in. */
    public SyncLedger ledger() {
        return ledger;
    }

    /** Who may write for which target: checked before the cache is written and before the sync is recorded. */
    public void fence(io.vigil.ledger.Fence f) {
        this.fence = f;
    }

    public MirrorResult run(Target target, MirrorDef def) {
        refuseWithoutRoom(); // nothing could be kept: the target is not asked
        long start = System.nanoTime();
        String table = def.cacheTable().toLowerCase(Locale.ROOT);
        String watermark = def.mode() == MirrorMode.APPEND ? CacheColumn.normalize(def.watermarkColumn()) : null;
        long t = start;
        Object after = null;
        if (watermark != null) {
            Connection w = borrow(table);
            try {
                after = onCache("reading the watermark of", table, () -> Cache.maxWatermark(w, table, watermark, target.id()));
            } finally {
                giveBack(w);
            }
            t = times.since("mirror: cache watermark", t);
        }
        Instant sourceTime;
        long rows;
        boolean capped;
        Mends mends;
        // the cache connection is taken once the target has answered, so it is held for the write, not for the query
        javax.sql.DataSource from = targets.pool(target);
        try (Connection src = from.getConnection()) {
            t = times.since("mirror: target pool wait", t);
            sourceTime = Pull.sourceTime(src, target.kind());
            MirrorVariant read = def.readFor(targets.release(target, src.getMetaData()));
            try (PreparedStatement ps = Pull.prepare(src, target.kind(), def, read.sql(), after, timeoutFor(def))) {
                boolean bytes = Pull.textAsBytes(src, target.kind());
                try (ResultSet rs = ps.executeQuery()) {
                    t = times.since("mirror: pull (query)", t);
                    List<CacheColumn> columns = CacheColumn.shape(CacheColumn.of(rs.getMetaData()), read.rename(), def.columns());
                    mends = bytes ? Mends.storedBytes(rs.getMetaData()) : Mends.decoded();
                    Connection dst = borrow(table);
                    try {
                        rows = write(dst, rs, table, columns, watermark, target.id(), def, mends);
                        capped = rows == def.rowCap() && def.mode() == MirrorMode.REPLACE && rs.next();
                    } finally {
                        giveBack(dst);
                    }
                }
            } finally {
                if (!src.getAutoCommit()) {
                    src.rollback(); // ends PostgreSQL's read transaction; nothing was written there
                }
            }
        } catch (SQLException e) {
            throw Failures.classify(Failures.reading(def.name()), targets.spec(target).address(), e, from);
        }
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        t = System.nanoTime();
        fence.check(target.id());
        ledger.record(new SyncRecord(target.id(), def.name(), sourceTime, rows, took.toMillis()));
        times.since("mirror: ledger", t);
        LOG.debug("Mirrored {} of {}: {} rows in {} ms{}", def.name(), target.name(), rows, took.toMillis(), capped ? " (capped)" : "");
        tell(target, def, table, mends);
        return new MirrorResult(rows, capped, sourceTime, took, mends.nulledCount(), mends.repairedCount());
    }

    /**
     * Logs what a run had to store otherwise than read: one line per run and table, a warning when the columns so mended
     * are not the ones of the target's previous run of the table (a DBA learns of it once, not every interval), else a
     * debug line.
     */
    private void tell(Target target, MirrorDef def, String table, Mends mends) {
        String key = target.id() + " " + table;
        if (mends.isEmpty()) {
            mended.remove(key);
            return;
        }
        String kinds = mends.kinds();
        if (kinds.equals(mended.put(key, kinds))) {
            LOG.debug("Mirror {} of target {} into cache table {} mended values again: {}", def.name(), target.name(), table, mends.describe());
        } else {
            LOG.warn("Mirror {} of target {} ({}) into cache table {} kept odd values: {}; said again when other columns have them",
                    def.name(), target.name(), targets.spec(target).address(), table, mends.describe());
        }
    }

    private Connection borrow(String table) {
        long t = System.nanoTime();
        Connection c = onCache("connecting to", table, () -> cache.dataSource().getConnection());
        times.since("mirror: cache pool wait", t);
        return c;
    }

    // An embedded cache on a full disk: said at once, rather than after the pool's wait for a connection it cannot open.
    private void refuseWithoutRoom() {
        java.util.Optional<io.vigil.i18n.Reason> full = cache.noRoom();
        if (full.isPresent()) {
            throw new CacheException(full.get(), "the disk under the cache " + cache.location() + " is full", null);
        }
    }

    private void giveBack(Connection c) {
        try {
            c.close();
        } catch (SQLException e) {
            throw new CacheException(cache.refused(e).orElseGet(() -> io.vigil.i18n.Reason.of("reason.cache.close", cache.location(), firstLine(e))),
                    "The cache " + cache.location() + " could not be closed cleanly: " + e.getMessage(), e);
        }
    }

    /** Where the mirror runs' time went, by phase. */
    public io.vigil.config.PhaseTimes times() {
        return times;
    }

    /** Replaces the target's snapshot, or appends to it, in one cache transaction. */
    private long write(Connection dst, ResultSet rs, String table, List<CacheColumn> columns, String watermark, long targetId,
                       MirrorDef def, Mends mends) throws SQLException {
        fence.check(targetId);
        long t = System.nanoTime();
        List<String> shape = columns.stream().map(CacheColumn::name).toList();
        onCache("preparing", table, () -> {
            if (!shape.equals(shapes.get(table))) {
                dst.setAutoCommit(true);
                Cache.ensureTable(dst, table, columns, watermark); // DDL commits by itself on MySQL: keep it out of the data transaction
                shapes.put(table, shape);
            }
            dst.setAutoCommit(false);
            if (def.mode() == MirrorMode.REPLACE) {
                Cache.deleteTarget(dst, table, targetId);
            }
            return null;
        });
        t = times.since("mirror: cache prepare (table check, delete)", t);
        try {
            long rows = Cache.copy(rs, dst, table, columns, targetId, def.rowCap(), mends);
            t = times.since("mirror: copy (stream rows + cache insert)", t);
            onCache("committing", table, () -> {
                if (watermark != null && keyedByTime(columns, watermark)) {
                    Cache.trimOlder(dst, table, watermark, targetId, APPEND_KEEP_TIME.toSeconds());
                } else if (watermark != null) {
                    Cache.trim(dst, table, watermark, targetId, def.rowCap() * APPEND_KEEP_FACTOR);
                }
                dst.commit();
                return null;
            });
            times.since("mirror: cache commit", t);
            return rows;
        } catch (SQLException | RuntimeException e) {
            shapes.remove(table);
            try {
                dst.rollback();
            } catch (SQLException rollback) {
                LOG.warn("Rolling back cache table {} failed: {}", table, rollback.getMessage());
            }
            if (e instanceof CacheException refused) {
                java.util.Optional<io.vigil.i18n.Reason> full = cache.refused(refused);
                if (full.isPresent()) {
                    throw new CacheException(full.get(), refused.getMessage(), refused); // said as a full disk
                }
            }
            throw e;
        }
    }

    private static boolean keyedByTime(List<CacheColumn> columns, String watermark) {
        return columns.stream().anyMatch(c -> c.name().equals(watermark) && c.kind() == CacheColumn.Kind.TIME);
    }

    @FunctionalInterface
    private interface CacheCall<T> {
        T run() throws SQLException;
    }

    private <T> T onCache(String action, String table, CacheCall<T> call) {
        try {
            return call.run();
        } catch (SQLException e) {
            throw new CacheException(cache.refused(e).orElseGet(() -> io.vigil.i18n.Reason.of("reason.cache.table", cache.location(), table,
                    io.vigil.config.PoolWait.detail(e, cache.location(), cache.dataSource()))),
                    "The cache " + cache.location() + " failed " + action + " table " + table + ": " + e.getMessage(), e);
        }
    }

    private static String firstLine(SQLException e) {
        String m = String.valueOf(e.getMessage());
        return m.lines().findFirst().orElse(m).strip();
    }

    /** A mirror may run at most as long as its interval, between 5 s and 2 min. */
    static int timeoutFor(MirrorDef def) {
        return Math.clamp(def.intervalSeconds(), 5, 120);
    }
}
