package io.vigil.series;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.flywaydb.core.Flyway;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

/**
 * The series store for one workstation: an H2 file with raw points, minute and hour rollups, and retention.
 * A range query reads the coarsest level whose step still fits the requested number of points, so a 30-day chart
 * touches minute or hour rows, never a month of raw points.
 */
public final class H2SeriesStore implements SeriesStore {

    /**
     * H2's page cache, in KB. Left alone, H2 sizes it from the heap's limit (64 MB per GB of -Xmx) for each database,
     * which with the config store, the cache and the series store is a third of the console's heap; pages it misses
     * come from the operating system's file cache.
     */
    static final int CACHE_KB = 8 * 1024;

    private static final Logger LOG = LoggerFactory.getLogger(H2SeriesStore.class);
    static final long MINUTE = 60_000;
    static final long HOUR = 3_600_000;
    static final long ROLLUP_EVERY_MILLIS = 10_000;

    private final HikariDataSource pool;
    private final Retention retention;
    private final Clock clock;
    private final String location;
    private final Map<SeriesKey, Integer> ids = new ConcurrentHashMap<>();
    private volatile long lastRetentionRun;
    private final Object rollupLock = new Object();
    private final ScheduledExecutorService rollups;
    private final io.vigil.config.EmbeddedReopen reopen;

    /** Opens (creating and migrating) the store in {@code folder}. */
    public H2SeriesStore(Path folder, Retention retention, Clock clock) {
        this.retention = retention;
        this.clock = clock;
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("vigil-series");
        // WRITE_DELAY=0: a commit is written before it returns, so a write the disk refuses fails there and its points go to
        // the spool; by default H2 writes a second later, fails on its own, and then takes writes it never keeps (see
        // EmbeddedReopen). It costs 1.6x on a write (docs/benchmarks.md); a write is one group commit of many metrics.
        cfg.setJdbcUrl("jdbc:h2:file:" + folder.resolve("series").toAbsolutePath() + ";AUTO_SERVER=TRUE;WRITE_DELAY=0;CACHE_SIZE=" + CACHE_KB);
        cfg.setConnectionTimeout(5_000); // a local file: what does not open in 5 s will not (a full disk), and the write spools
        cfg.setUsername("vigil");
        cfg.setPassword("");
        cfg.setMaximumPoolSize(4);
        cfg.setInitializationFailTimeout(1);
        this.pool = io.vigil.config.DamagedStores.open(io.vigil.config.DamagedStores.Store.SERIES, folder.resolve("series"), () -> {
            HikariDataSource p = new HikariDataSource(cfg);
            try {
                Flyway.configure().dataSource(p).locations("classpath:db/series").table("vigil_schema_history").load().migrate();
                return p;
            } catch (RuntimeException e) {
                p.close();
                throw e;
            }
        });
        this.location = "H2 " + folder.toAbsolutePath();
        this.reopen = new io.vigil.config.EmbeddedReopen(folder, "embedded series store", pool);
        this.rollups = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "vigil-series-rollup");
            t.setDaemon(true);
            return t;
        });
        // at once too: ranges a previous run recorded and did not roll up before it stopped
        rollups.scheduleWithFixedDelay(this::rollUpQuietly, 0, ROLLUP_EVERY_MILLIS, TimeUnit.MILLISECONDS);
    }

    @Override
    public synchronized void write(List<Point> points) {
        if (points.isEmpty()) {
            return;
        }
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                writeRaw(c, points);
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            reopenAfter(e);
            throw new SeriesStoreException("The series store " + location + " could not write " + points.size() + " points: "
                    + e.getMessage(), e);
        }
        applyRetentionHourly();
    }

    // Raw points and, per series, the range they touched; the rollups follow in rollUpPending.
    private void writeRaw(Connection c, List<Point> points) throws SQLException {
        Map<Integer, long[]> touched = new HashMap<>(); // series id -> [first, last] time written
        try (PreparedStatement raw = c.prepareStatement("MERGE INTO point_raw KEY (series_id, ts) VALUES (?, ?, ?)")) {
            for (Point p : points) {
                if (!Double.isFinite(p.value())) {
                    continue; // a point with no number is no point; archive never sends one on purpose
                }
                int id = seriesId(c, p.key());
                long ts = p.time().toEpochMilli();
                raw.setInt(1, id);
                raw.setLong(2, ts);
                raw.setDouble(3, p.value());
                raw.addBatch();
                long[] span = touched.computeIfAbsent(id, k -> new long[] {ts, ts});
                span[0] = Math.min(span[0], ts);
                span[1] = Math.max(span[1], ts);
            }
            raw.executeBatch();
        }
        if (touched.isEmpty()) {
            return;
        }
        try (PreparedStatement pending = c.prepareStatement("INSERT INTO rollup_pending (series_id, first_ts, last_ts) VALUES (?, ?, ?)")) {
            for (Map.Entry<Integer, long[]> e : touched.entrySet()) {
                pending.setInt(1, e.getKey());
                pending.setLong(2, e.getValue()[0]);
                pending.setLong(3, e.getValue()[1]);
                pending.addBatch();
            }
            pending.executeBatch();
        }
    }

    /**
     * Rebuilds the minute and hour rollups of every range written since the last pass, then forgets those ranges. Runs
     * every {@value #ROLLUP_EVERY_MILLIS} ms in the background and before a read of the rollups, so a chart never
     * misses a point; several writes to a series in between cost one rebuild instead of one each.
     */
    void rollUpPending() {
        synchronized (rollupLock) {
            try (Connection c = pool.getConnection()) {
                c.setAutoCommit(false);
                try {
                    long upTo;
                    try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT MAX(id) FROM rollup_pending")) {
                        rs.next();
                        upTo = rs.getLong(1);
                        if (rs.wasNull()) {
                            c.rollback();
                            return;
                        }
                    }
                    Map<Integer, long[]> touched = new HashMap<>();
                    try (PreparedStatement ps = c.prepareStatement(
                            "SELECT series_id, MIN(first_ts), MAX(last_ts) FROM rollup_pending WHERE id <= ? GROUP BY series_id")) {
                        ps.setLong(1, upTo);
                        try (ResultSet rs = ps.executeQuery()) {
                            while (rs.next()) {
                                touched.put(rs.getInt(1), new long[] {rs.getLong(2), rs.getLong(3)});
                            }
                        }
                    }
                    rollUp(c, touched);
                    try (PreparedStatement ps = c.prepareStatement("DELETE FROM rollup_pending WHERE id <= ?")) {
                        ps.setLong(1, upTo);
                        ps.executeUpdate();
                    }
                    c.commit();
                } catch (SQLException | RuntimeException e) {
                    c.rollback();
                    throw e;
                }
            } catch (SQLException e) {
                reopenAfter(e);
                throw new SeriesStoreException("The series store " + location + " could not update its minute and hour figures: "
                        + e.getMessage(), e);
            }
        }
    }

    // The disk refused a write: the file is opened again at its last sound state, where series made since may be missing.
    private void reopenAfter(SQLException e) {
        if (reopen.afterFailure(e)) {
            ids.clear();
        }
    }

    private void rollUpQuietly() {
        try {
            rollUpPending();
        } catch (RuntimeException e) {
            LOG.warn("Rollups on {} failed; they are tried again: {}", location, e.getMessage());
        }
    }

    // Rebuilds every minute a write touched from raw, then every touched hour from its minutes: idempotent, so late or
    // replayed points correct the rollups. Each statement reads one series' time range through the primary key.
    private static void rollUp(Connection c, Map<Integer, long[]> touched) throws SQLException {
        try (PreparedStatement minutes = c.prepareStatement("""
                     MERGE INTO point_1m KEY (series_id, ts)
                     SELECT series_id, ts - MOD(ts, 60000) AS b, SUM(v), COUNT(*), MIN(v), MAX(v)
                     FROM point_raw WHERE series_id = ? AND ts >= ? AND ts < ?
                     GROUP BY series_id, b""");
             PreparedStatement hours = c.prepareStatement("""
                     MERGE INTO point_1h KEY (series_id, ts)
                     SELECT series_id, ts - MOD(ts, 3600000) AS b, SUM(v_sum), SUM(v_n), MIN(v_min), MAX(v_max)
                     FROM point_1m WHERE series_id = ? AND ts >= ? AND ts < ?
                     GROUP BY series_id, b""")) {
            for (Map.Entry<Integer, long[]> e : touched.entrySet()) {
                long first = e.getValue()[0];
                long last = e.getValue()[1];
                minutes.setInt(1, e.getKey());
                minutes.setLong(2, Math.floorDiv(first, MINUTE) * MINUTE);
                minutes.setLong(3, Math.floorDiv(last, MINUTE) * MINUTE + MINUTE);
                minutes.addBatch();
                hours.setInt(1, e.getKey());
                hours.setLong(2, Math.floorDiv(first, HOUR) * HOUR);
                hours.setLong(3, Math.floorDiv(last, HOUR) * HOUR + HOUR);
                hours.addBatch();
            }
            minutes.executeBatch();
            hours.executeBatch();
        }
    }

    private int seriesId(Connection c, SeriesKey key) throws SQLException {
        Integer known = ids.get(key);
        if (known != null) {
            return known;
        }
        String tags = key.canonicalTags();
        try (PreparedStatement merge = c.prepareStatement("MERGE INTO series (metric, tags) KEY (metric, tags) VALUES (?, ?)")) {
            merge.setString(1, key.metric());
            merge.setString(2, tags);
            merge.executeUpdate();
        }
        try (PreparedStatement find = c.prepareStatement("SELECT id FROM series WHERE metric = ? AND tags = ?")) {
            find.setString(1, key.metric());
            find.setString(2, tags);
            try (ResultSet rs = find.executeQuery()) {
                rs.next();
                int id = rs.getInt(1);
                ids.put(key, id);
                return id;
            }
        }
    }

    @Override
    public List<Series> query(RangeQuery q) {
        Level level = Level.choose(q, retention, clock.instant());
        if (level != Level.RAW) {
            rollUpPending(); // what was written since the last pass, so the chart's last minute is there
        }
        try (Connection c = pool.getConnection()) {
            Map<Integer, SeriesKey> matching = matchingSeries(c, q);
            if (matching.isEmpty()) {
                return List.of();
            }
            return level.read(c, q, matching);
        } catch (SQLException e) {
            reopenAfter(e);
            throw new SeriesStoreException(io.vigil.i18n.Reason.of("reason.series.read", location, q.metric(),
                    io.vigil.config.PoolWait.is(e) ? io.vigil.config.PoolWait.reason(location, pool)
                            : io.vigil.i18n.Reason.of("configStore.code", e.getErrorCode(), e.getSQLState() == null ? "-" : e.getSQLState())),
                    "The series store " + location + " could not read " + q.metric() + ": " + e.getMessage(), e);
        }
    }

    private static Map<Integer, SeriesKey> matchingSeries(Connection c, RangeQuery q) throws SQLException {
        Map<Integer, SeriesKey> out = new LinkedHashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, tags FROM series WHERE metric = ? ORDER BY tags")) {
            ps.setString(1, q.metric());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    SeriesKey key = new SeriesKey(q.metric(), SeriesKey.parseTags(rs.getString(2)));
                    if (key.tags().entrySet().containsAll(q.tagFilter().entrySet())) {
                        out.put(rs.getInt(1), key);
                    }
                }
            }
        }
        return out;
    }

    /** Deletes what is past each level's retention, at most once an hour. */
    void applyRetentionHourly() {
        long now = clock.millis();
        if (now - lastRetentionRun < HOUR) {
            return;
        }
        lastRetentionRun = now;
        try {
            rollUpPending(); // raw points about to go must reach their minutes first
        } catch (RuntimeException e) {
            LOG.warn("Retention on {} waits for the rollups: {}", location, e.getMessage());
            lastRetentionRun = 0;
            return;
        }
        try (Connection c = pool.getConnection(); Statement s = c.createStatement()) {
            int raw = s.executeUpdate("DELETE FROM point_raw WHERE ts < " + (now - retention.raw().toMillis()));
            int min = s.executeUpdate("DELETE FROM point_1m WHERE ts < " + (now - retention.minutes().toMillis()));
            int hr = s.executeUpdate("DELETE FROM point_1h WHERE ts < " + (now - retention.hours().toMillis()));
            LOG.debug("Retention removed {} raw, {} minute and {} hour rows", raw, min, hr);
        } catch (SQLException e) {
            LOG.warn("Retention on {} failed: {}", location, e.getMessage());
        }
    }

    @Override
    public String location() {
        return location;
    }

    @Override
    public void close() {
        rollups.shutdown(); // never an interrupt: H2 closes a file whose reading thread is interrupted
        try {
            rollups.awaitTermination(10, TimeUnit.SECONDS);
            rollUpPending();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } catch (RuntimeException e) {
            LOG.warn("Rollups on {} left for the next start: {}", location, e.getMessage());
        }
        pool.close();
    }

    /** Closes the store without the last rollup pass, as a crash would (tests). */
    void closeAbruptly() {
        rollups.shutdown();
        pool.close();
    }

    /** The resolution a query reads, and how. */
    enum Level {
        RAW("point_raw", "AVG(v)", 0),
        MINUTE("point_1m", "SUM(v_sum) / SUM(v_n)", H2SeriesStore.MINUTE),
        HOUR("point_1h", "SUM(v_sum) / SUM(v_n)", H2SeriesStore.HOUR);

        private final String table;
        private final String mean;
        private final long step;

        Level(String table, String mean, long step) {
            this.table = table;
            this.mean = mean;
            this.step = step;
        }

        /** The coarsest level whose step fits the bucket; a finer one when the coarse one is all that still holds the range. */
        static Level choose(RangeQuery q, Retention retention, Instant now) {
            long bucket = q.bucketMillis();
            long from = q.from().toEpochMilli();
            boolean rawHolds = from >= now.toEpochMilli() - retention.raw().toMillis();
            boolean minutesHold = from >= now.toEpochMilli() - retention.minutes().toMillis();
            if (bucket >= HOUR.step || !minutesHold) {
                return HOUR;
            }
            if (bucket >= MINUTE.step || !rawHolds) {
                return MINUTE;
            }
            return RAW;
        }

        List<Series> read(Connection c, RangeQuery q, Map<Integer, SeriesKey> matching) throws SQLException {
            long b = Math.max(q.bucketMillis(), step == 0 ? 1 : step);
            long from = q.from().toEpochMilli();
            String ids = matching.keySet().stream().map(String::valueOf).collect(Collectors.joining(","));
            String sql = "SELECT series_id, ? + ((ts - ?) / ?) * ? AS bucket, " + mean + " FROM " + table
                    + " WHERE series_id IN (" + ids + ") AND ts >= ? AND ts < ?"
                    + " GROUP BY series_id, bucket ORDER BY series_id, bucket";
            Map<Integer, List<Long>> times = new HashMap<>();
            Map<Integer, List<Double>> values = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setLong(1, from);
                ps.setLong(2, from);
                ps.setLong(3, b);
                ps.setLong(4, b);
                ps.setLong(5, from);
                ps.setLong(6, q.to().toEpochMilli());
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        int id = rs.getInt(1);
                        times.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getLong(2));
                        values.computeIfAbsent(id, k -> new ArrayList<>()).add(rs.getDouble(3));
                    }
                }
            }
            List<Series> out = new ArrayList<>();
            for (Map.Entry<Integer, SeriesKey> e : matching.entrySet()) {
                List<Long> t = times.getOrDefault(e.getKey(), List.of());
                List<Double> v = values.getOrDefault(e.getKey(), List.of());
                out.add(new Series(e.getValue(), t.stream().mapToLong(Long::longValue).toArray(), v.stream().mapToDouble(Double::doubleValue).toArray()));
            }
            return out;
        }
    }
}
