package io.vigil.mirror;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Writes pulled rows into a cache table keyed by target. The table is created from the first result's columns and
 * rebuilt when a mirror's SQL changes its columns (the cache holds copies only, so nothing is lost). Replace mode
 * deletes a target's old rows and inserts the new ones in one transaction, so a reader sees the old snapshot or the new
 * one, never half of either.
 */
final class Cache {

    private static final Logger LOG = LoggerFactory.getLogger(Cache.class);
    static final int BATCH = 1000;

    private Cache() {
    }

    /** Creates the table, or rebuilds it when its columns are not the ones given. Runs outside the data transaction (DDL commits in MySQL). */
    static void ensureTable(Connection c, String table, List<CacheColumn> columns, String watermark) throws SQLException {
        List<String> wanted = new ArrayList<>(List.of("target_id"));
        columns.forEach(col -> wanted.add(col.name()));
        List<String> existing = existingColumns(c, table);
        if (existing.equals(wanted)) {
            return;
        }
        try {
            createTable(c, table, columns, watermark, existing, wanted);
        } catch (SQLException e) {
            // two targets' first snapshots of one table can race to create it: the one that lost finds it made as it wants
            if (!existingColumns(c, table).equals(wanted)) {
                throw e;
            }
        }
    }

    private static void createTable(Connection c, String table, List<CacheColumn> columns, String watermark, List<String> existing,
                                    List<String> wanted) throws SQLException {
        try (Statement s = c.createStatement()) {
            if (!existing.isEmpty()) {
                LOG.info("Cache table {} changed shape ({} -> {}); rebuilding it", table, existing, wanted);
                s.execute("DROP TABLE " + CacheDb.quote(table));
            }
            String cols = columns.stream().map(CacheColumn::ddl).collect(Collectors.joining(", "));
            s.execute("CREATE TABLE " + CacheDb.quote(table) + " (`target_id` BIGINT NOT NULL" + (cols.isEmpty() ? "" : ", " + cols)
                    + ") ENGINE=InnoDB DEFAULT CHARSET=utf8mb4");
            String index = watermark == null ? "`target_id`" : "`target_id`, " + CacheDb.quote(watermark);
            s.execute("CREATE INDEX " + CacheDb.quote("ix_" + table + "_target") + " ON " + CacheDb.quote(table) + " (" + index + ")");
        }
    }

    private static List<String> existingColumns(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        List<String> names = new ArrayList<>();
        try (ResultSet rs = md.getColumns(c.getCatalog(), c.getSchema(), table, "%")) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
            }
        }
        return names;
    }

    static void deleteTarget(Connection c, String table, long targetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + CacheDb.quote(table) + " WHERE `target_id` = ?")) {
            ps.setLong(1, targetId);
            ps.executeUpdate();
        }
    }

    /**
     * Streams rows from the target's result into the table in batches; returns how many were written (at most {@code cap}).
     * A {@link SQLException} comes from reading the target, a {@link CacheException} from writing the cache. What had to
     * be stored otherwise than read is counted in {@code mends}.
     */
    static long copy(ResultSet from, Connection c, String table, List<CacheColumn> columns, long targetId, int cap, Mends mends)
            throws SQLException {
        String marks = "?" + ", ?".repeat(columns.size());
        String names = "`target_id`" + columns.stream().map(col -> ", " + CacheDb.quote(col.name())).collect(Collectors.joining());
        long rows = 0;
        // Connector/J drops the fraction of a bound Timestamp on MariaDB (it reads the server as MySQL 5.5.5, from before
        // fractional seconds); written as text, DATETIME(3) keeps its milliseconds.
        boolean timesAsText = !"H2".equals(c.getMetaData().getDatabaseProductName());
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + CacheDb.quote(table) + " (" + names + ") VALUES (" + marks + ")")) {
            while (rows < cap && from.next()) {
                ps.setLong(1, targetId);
                for (int i = 0; i < columns.size(); i++) {
                    columns.get(i).transfer(from, ps, i + 2, timesAsText, mends);
                }
                ps.addBatch();
                if (++rows % BATCH == 0) {
                    flush(ps, table);
                }
            }
            if (rows % BATCH != 0) {
                flush(ps, table);
            }
        }
        return rows;
    }

    // A failing batch is the cache's fault; failures reading the result set stay SQLExceptions (the target's).
    private static void flush(PreparedStatement ps, String table) {
        try {
            ps.executeBatch();
        } catch (SQLException e) {
            String detail = String.valueOf(e.getMessage()).lines().findFirst().orElse("").strip();
            throw new CacheException(io.vigil.i18n.Reason.of("reason.cache.write", table, detail),
                    "writing to cache table " + table + " failed: " + e.getMessage(), e);
        }
    }

    /** The highest watermark cached for the target, or null when none (first run, or no table yet). */
    static Object maxWatermark(Connection c, String table, String watermark, long targetId) throws SQLException {
        if (existingColumns(c, table).isEmpty()) {
            return null;
        }
        try (PreparedStatement ps = c.prepareStatement("SELECT MAX(" + CacheDb.quote(watermark) + ") FROM " + CacheDb.quote(table)
                + " WHERE `target_id` = ?")) {
            ps.setLong(1, targetId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getObject(1);
            }
        }
    }

    /** Keeps the newest {@code keep} rows of an append table for the target. */
    static void trim(Connection c, String table, String watermark, long targetId, int keep) throws SQLException {
        String t = CacheDb.quote(table);
        String w = CacheDb.quote(watermark);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE `target_id` = ? AND " + w + " < (SELECT cut FROM ("
                + "SELECT " + w + " AS cut FROM " + t + " WHERE `target_id` = ? ORDER BY " + w + " DESC LIMIT 1 OFFSET ?) x)")) {
            ps.setLong(1, targetId);
            ps.setLong(2, targetId);
            ps.setInt(3, keep - 1);
            ps.executeUpdate();
        }
    }

    /** Drops the target's rows of an append table whose time watermark is more than {@code seconds} before its newest. */
    static void trimOlder(Connection c, String table, String watermark, long targetId, long seconds) throws SQLException {
        String t = CacheDb.quote(table);
        String w = CacheDb.quote(watermark);
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM " + t + " WHERE `target_id` = ? AND " + w + " < (SELECT cut FROM ("
                + "SELECT TIMESTAMPADD(SECOND, ?, MAX(" + w + ")) AS cut FROM " + t + " WHERE `target_id` = ?) x)")) {
            ps.setLong(1, targetId);
            ps.setLong(2, -seconds);
            ps.setLong(3, targetId);
            ps.executeUpdate();
        }
    }
}
