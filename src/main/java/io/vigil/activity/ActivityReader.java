package io.vigil.activity;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.TreeMap;
import java.util.TreeSet;

import io.vigil.mirror.CacheDb;
import io.vigil.mirror.CacheException;

/**
 * Reads a target's session samples (the Oracle pack's {@code activity_sample} mirror) back from the cache as Top
 * Activity shows them. Each sample row stands for one session busy for one sampling interval, so a part of the window
 * holds {@code rows × interval} seconds of database time, and its average active sessions are that over its length.
 * Counting is done by the cache (one grouped query per figure), so a day of samples never travels to the console.
 * Works the same on the embedded H2 cache and on MySQL/MariaDB.
 */
public final class ActivityReader {

    /** The cache table of the sampling mirror. */
    public static final String TABLE = "ora_activity_sample";
    /** How many statements, sessions and events a breakdown lists. */
    public static final int TOP = 10;

    private static final String CLASS = "CASE WHEN session_state = 'WAITING' THEN COALESCE(wait_class, 'Other') ELSE 'CPU' END";
    private static final String RANGE = " WHERE target_id = ? AND sample_time >= ? AND sample_time < ?";

    private final CacheDb cache;

    public ActivityReader(CacheDb cache) {
        this.cache = cache;
    }

    /**
     * The window of length {@code window} that ends with the target's newest sample (at the end of its bucket; at the end
     * of {@code now}'s bucket when there is no sample), in buckets of {@code bucketSeconds} aligned on the clock, so that
     * a live chart does not shift its buckets as samples come. The newest bucket counts only the time sampled so far.
     */
    public ActivityChart chart(long targetId, Duration window, int bucketSeconds, int sampleSeconds, Instant now) {
        try (Connection c = cache.dataSource().getConnection()) {
            boolean sampled = io.vigil.mirror.CacheBrowser.exists(c, TABLE);
            Instant newest = sampled ? newest(c, targetId) : null;
            long endEpoch = Math.floorDiv((newest == null ? now : newest).getEpochSecond(), bucketSeconds) * bucketSeconds + bucketSeconds;
            int buckets = (int) Math.max(1, window.toSeconds() / bucketSeconds);
            Instant from = Instant.ofEpochSecond(endEpoch - (long) buckets * bucketSeconds);
            Instant to = Instant.ofEpochSecond(endEpoch);
            Map<String, long[]> counts = new TreeMap<>(WaitClasses.STACKING);
            if (newest != null) {
                String sql = "SELECT b, cls, COUNT(*) FROM (SELECT FLOOR(TIMESTAMPDIFF(SECOND, ?, sample_time) / ?) AS b, " + CLASS
                        + " AS cls FROM " + TABLE + RANGE + ") x GROUP BY b, cls";
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setTimestamp(1, Timestamp.from(from));
                    ps.setInt(2, bucketSeconds);
                    bindRange(ps, 3, targetId, from, to);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            int b = rs.getInt(1);
                            if (b >= 0 && b < buckets) {
                                counts.computeIfAbsent(rs.getString(2), k -> new long[buckets])[b] += rs.getLong(3);
                            }
                        }
                    }
                }
            }
            List<double[]> aas = new ArrayList<>();
            for (long[] n : counts.values()) {
                double[] a = new double[buckets];
                for (int i = 0; i < buckets; i++) {
                    long start = from.getEpochSecond() + (long) i * bucketSeconds;
                    a[i] = n[i] == 0 ? 0 : (double) n[i] * sampleSeconds / sampledSeconds(start, start + bucketSeconds, newest, sampleSeconds);
                }
                aas.add(a);
            }
            return new ActivityChart(from, bucketSeconds, buckets, List.copyOf(counts.keySet()), aas, cpus(c, targetId), newest);
        } catch (SQLException e) {
            throw new CacheException(io.vigil.i18n.Reason.of("reason.cache.activity", cache.location(),
                    io.vigil.config.PoolWait.detail(e, cache.location(), cache.readOnlyDataSource())),
                    "Top Activity could not read the cache " + cache.location() + ": " + e.getMessage(), e);
        }
    }

    /** Top SQL, sessions and events of the samples in [{@code from}, {@code to}). */
    public ActivityBreakdown breakdown(long targetId, Instant from, Instant to, int sampleSeconds) {
        Instant a = from.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        Instant b = to.truncatedTo(java.time.temporal.ChronoUnit.SECONDS);
        try (Connection c = cache.dataSource().getConnection()) {
            if (!io.vigil.mirror.CacheBrowser.exists(c, TABLE) || !b.isAfter(a)) {
                return new ActivityBreakdown(0, 0, List.of(), List.of(), List.of());
            }
            Instant newest = newest(c, targetId);
            double seconds = newest == null ? b.getEpochSecond() - a.getEpochSecond()
                    : sampledSeconds(a.getEpochSecond(), b.getEpochSecond(), newest, sampleSeconds);
            // sessions and events from one grouping: a session's samples per event
            Map<List<Object>, Map<String, Long>> sessionEvents = new LinkedHashMap<>();
            Map<List<String>, Long> events = new HashMap<>();
            long total = 0;
            String bySession = "SELECT sid, serial_no, username, program, cls, ev, COUNT(*) FROM (SELECT sid, serial_no, username, program, "
                    + CLASS + " AS cls, CASE WHEN session_state = 'WAITING' THEN event ELSE 'CPU' END AS ev FROM " + TABLE + RANGE
                    + ") x GROUP BY sid, serial_no, username, program, cls, ev";
            try (PreparedStatement ps = c.prepareStatement(bySession)) {
                bindRange(ps, 1, targetId, a, b);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) {
                        long n = rs.getLong(7);
                        total += n;
                        List<Object> who = java.util.Arrays.asList(rs.getLong(1), rs.getLong(2), nz(rs.getString(3)), nz(rs.getString(4)));
                        String cls = rs.getString(5);
                        String ev = nz(rs.getString(6));
                        sessionEvents.computeIfAbsent(who, k -> new LinkedHashMap<>()).merge(cls + "\u0000" + ev, n, Long::sum);
                        events.merge(List.of(ev, cls), n, Long::sum);
                    }
                }
            }
            if (total == 0) {
                return new ActivityBreakdown(0, seconds, List.of(), List.of(), List.of());
            }
            long all = total;
            List<ActivityBreakdown.TopSession> sessions = new ArrayList<>();
            for (var e : sessionEvents.entrySet()) {
                long n = e.getValue().values().stream().mapToLong(Long::longValue).sum();
                var top = e.getValue().entrySet().stream().max(Map.Entry.<String, Long>comparingByValue()
                        .thenComparing(Map.Entry.comparingByKey(Comparator.reverseOrder()))).orElseThrow();
                String[] clsEv = top.getKey().split("\u0000", 2);
                Map<String, Long> byClass = new TreeMap<>(WaitClasses.STACKING);
                e.getValue().forEach((k, v) -> byClass.merge(k.split("\u0000", 2)[0], v, Long::sum));
                List<Object> who = e.getKey();
                sessions.add(new ActivityBreakdown.TopSession((Long) who.get(0), (Long) who.get(1), (String) who.get(2), (String) who.get(3), n,
                        pct(n, all), n * sampleSeconds / seconds, clsEv[1], clsEv[0], byClass));
            }
            sessions.sort(Comparator.comparingLong(ActivityBreakdown.TopSession::samples).reversed()
                    .thenComparingLong(ActivityBreakdown.TopSession::sid));
            List<ActivityBreakdown.TopEvent> topEvents = new ArrayList<>();
            events.forEach((k, n) -> topEvents.add(new ActivityBreakdown.TopEvent(k.get(0), k.get(1), n, pct(n, all), n * sampleSeconds / seconds)));
            topEvents.sort(Comparator.comparingLong(ActivityBreakdown.TopEvent::samples).reversed()
                    .thenComparing(ActivityBreakdown.TopEvent::event));
            List<ActivityBreakdown.TopSql> sql = topSql(c, targetId, a, b, all, sampleSeconds, seconds);
            return new ActivityBreakdown(all, seconds, sql, head(sessions), head(topEvents));
        } catch (SQLException e) {
            throw new CacheException(io.vigil.i18n.Reason.of("reason.cache.activity", cache.location(),
                    io.vigil.config.PoolWait.detail(e, cache.location(), cache.readOnlyDataSource())),
                    "Top Activity could not read the cache " + cache.location() + ": " + e.getMessage(), e);
        }
    }

    private List<ActivityBreakdown.TopSql> topSql(Connection c, long targetId, Instant a, Instant b, long all, int sampleSeconds,
                                                   double seconds) throws SQLException {
        Map<String, Map<String, Long>> bySql = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT sql_id, cls, COUNT(*) FROM (SELECT sql_id, " + CLASS + " AS cls FROM " + TABLE
                + RANGE + " AND sql_id IS NOT NULL) x GROUP BY sql_id, cls")) {
            bindRange(ps, 1, targetId, a, b);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    bySql.computeIfAbsent(rs.getString(1), k -> new TreeMap<>(WaitClasses.STACKING)).merge(rs.getString(2), rs.getLong(3), Long::sum);
                }
            }
        }
        List<Map.Entry<String, Long>> ranked = new ArrayList<>();
        bySql.forEach((id, m) -> ranked.add(Map.entry(id, m.values().stream().mapToLong(Long::longValue).sum())));
        ranked.sort(Map.Entry.<String, Long>comparingByValue().reversed().thenComparing(Map.Entry.comparingByKey()));
        List<Map.Entry<String, Long>> top = head(ranked);
        Map<String, String> texts = texts(c, targetId, top.stream().map(Map.Entry::getKey).toList());
        List<ActivityBreakdown.TopSql> out = new ArrayList<>();
        for (var e : top) {
            long n = e.getValue();
            out.add(new ActivityBreakdown.TopSql(e.getKey(), texts.getOrDefault(e.getKey(), ""), n, pct(n, all), n * sampleSeconds / seconds,
                    bySql.get(e.getKey())));
        }
        return out;
    }

    // The statements' text where the pack's top_sql mirror (V$SQLSTATS) has it.
    private static Map<String, String> texts(Connection c, long targetId, List<String> sqlIds) throws SQLException {
        Map<String, String> out = new HashMap<>();
        if (sqlIds.isEmpty() || !io.vigil.mirror.CacheBrowser.exists(c, "ora_top_sql")) {
            return out;
        }
        String marks = String.join(", ", java.util.Collections.nCopies(sqlIds.size(), "?"));
        try (PreparedStatement ps = c.prepareStatement("SELECT sql_id, MAX(sql_text) FROM ora_top_sql WHERE target_id = ? AND sql_id IN ("
                + marks + ") GROUP BY sql_id")) {
            ps.setLong(1, targetId);
            for (int i = 0; i < sqlIds.size(); i++) {
                ps.setString(i + 2, sqlIds.get(i));
            }
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    if (rs.getString(2) != null) {
                        out.put(rs.getString(1), rs.getString(2));
                    }
                }
            }
        }
        return out;
    }

    /** The host's CPUs as V$OSSTAT's NUM_CPUS gives them, when the pack's osstat mirror is cached. */
    private static OptionalInt cpus(Connection c, long targetId) throws SQLException {
        if (!io.vigil.mirror.CacheBrowser.exists(c, "ora_osstat")) {
            return OptionalInt.empty();
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(value) FROM ora_osstat WHERE target_id = ? AND stat_name = 'NUM_CPUS'")) {
            ps.setLong(1, targetId);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    double v = rs.getDouble(1);
                    if (!rs.wasNull() && v > 0) {
                        return OptionalInt.of((int) Math.round(v));
                    }
                }
            }
        }
        return OptionalInt.empty();
    }

    private static Instant newest(Connection c, long targetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(sample_time) FROM " + TABLE + " WHERE target_id = ?")) {
            ps.setLong(1, targetId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                Timestamp t = rs.getTimestamp(1);
                return t == null ? null : t.toInstant();
            }
        }
    }

    /** How much of [{@code start}, {@code end}) the samples cover: up to the newest sample and its interval. */
    public static double sampledSeconds(long start, long end, Instant newest, int sampleSeconds) {
        if (newest == null) {
            return end - start;
        }
        double covered = newest.getEpochSecond() + newest.getNano() / 1e9 + sampleSeconds;
        return Math.max(Math.min(end, covered) - start, Math.min(sampleSeconds, end - start));
    }

    private static void bindRange(PreparedStatement ps, int at, long targetId, Instant from, Instant to) throws SQLException {
        ps.setLong(at, targetId);
        ps.setTimestamp(at + 1, Timestamp.from(from));
        ps.setTimestamp(at + 2, Timestamp.from(to));
    }

    private static double pct(long n, long all) {
        return 100.0 * n / all;
    }

    private static String nz(String s) {
        return s == null ? "" : s;
    }

    private static <T> List<T> head(List<T> all) {
        return List.copyOf(all.subList(0, Math.min(TOP, all.size())));
    }
}
