package io.vigil.mirror;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * Copies one target's rows of a cache table from one cache into another (H2 or MySQL either side), creating the table
 * there with the same column kinds: how a site pack takes the snapshots along.
 */
public final class CacheCopy {

    private CacheCopy() {
    }

    /** The cache tables of {@code tables} that exist in the cache (their mirror ran at least once). */
    public static List<String> existing(CacheDb cache, List<String> tables) {
        List<String> out = new ArrayList<>();
        try (Connection c = cache.dataSource().getConnection()) {
            for (String t : tables) {
                String table = t.toLowerCase(Locale.ROOT);
                if (!out.contains(table) && CacheBrowser.exists(c, table)) {
                    out.add(table);
                }
            }
        } catch (SQLException e) {
            throw new CacheException(io.vigil.i18n.Reason.of("reason.cache.tables", cache.location(),
                    io.vigil.config.PoolWait.detail(e, cache.location(), cache.dataSource())),
                    "Reading the tables of " + cache.location() + " failed: " + e.getMessage(), e);
        }
        return out;
    }

    /**
     * Copies the rows of {@code fromTarget} in {@code table} into {@code to}, keyed there by {@code toTarget}; returns
     * how many rows were copied.
     */
    public static long copy(CacheDb from, CacheDb to, String table, long fromTarget, long toTarget) {
        String t = table.toLowerCase(Locale.ROOT);
        try (Connection src = from.dataSource().getConnection(); Connection dst = to.dataSource().getConnection()) {
            List<String> names = new ArrayList<>();
            try (PreparedStatement ps = src.prepareStatement("SELECT * FROM " + CacheDb.quote(t) + " WHERE 1 = 0");
                 ResultSet rs = ps.executeQuery()) {
                for (int i = 1; i <= rs.getMetaData().getColumnCount(); i++) {
                    String n = rs.getMetaData().getColumnLabel(i).toLowerCase(Locale.ROOT);
                    if (!n.equals("target_id")) {
                        names.add(n);
                    }
                }
            }
            String select = names.isEmpty() ? "1" : names.stream().map(CacheDb::quote).collect(Collectors.joining(", "));
            try (PreparedStatement ps = src.prepareStatement("SELECT " + select + " FROM " + CacheDb.quote(t) + " WHERE `target_id` = ?")) {
                ps.setLong(1, fromTarget);
                try (ResultSet rs = ps.executeQuery()) {
                    List<CacheColumn> columns = names.isEmpty() ? List.of() : CacheColumn.of(rs.getMetaData());
                    Cache.ensureTable(dst, t, columns, null);
                    dst.setAutoCommit(false);
                    try {
                        long rows = Cache.copy(rs, dst, t, columns, toTarget, Integer.MAX_VALUE, Mends.decoded());
                        dst.commit();
                        return rows;
                    } catch (SQLException | RuntimeException e) {
                        dst.rollback();
                        throw e;
                    } finally {
                        dst.setAutoCommit(true);
                    }
                }
            }
        } catch (SQLException e) {
            throw new CacheException(io.vigil.i18n.Reason.of("reason.cache.copy", t, io.vigil.config.PoolWait.detail(e, to.location(), to.dataSource())),
                    "Copying cache table " + t + " failed: " + e.getMessage(), e);
        }
    }
}
