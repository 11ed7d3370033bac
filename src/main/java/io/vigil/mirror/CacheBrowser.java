package io.vigil.mirror;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.ledger.SyncLedger;
import io.vigil.ledger.SyncRecord;

/**
 * Reads one target's snapshot of a mirror back out of the cache, for people to look at: the columns as cached (without
 * {@code target_id}), the rows as plain Java values and the snapshot's source time from the ledger. Works the same on
 * the embedded H2 cache and on MySQL/MariaDB.
 */
public final class CacheBrowser {

    /** How many rows a reader gets unless it asks otherwise: enough for any V$ view, few enough for a table on screen. */
    public static final int DEFAULT_LIMIT = 10_000;

    /** What a column holds, so a reader can align, sort and format it without looking at the values. */
    public enum ColumnKind { TEXT, NUMBER, TIME, BOOLEAN }

    /** A cached column: its cache name and what it holds. */
    public record Column(String name, ColumnKind kind) {
    }

    /**
     * A target's rows of one mirror.
     *
     * @param columns  the cache table's columns, {@code target_id} left out
     * @param rows     each row's values: String, Long, BigDecimal (no trailing zeros), Double, Boolean, LocalDateTime or null
     * @param total    how many rows the target has in the table (more than {@code rows.size()} when cut)
     * @param syncedAt the snapshot's source time, when the ledger knows it
     */
    public record Page(List<Column> columns, List<List<Object>> rows, long total, Optional<Instant> syncedAt) {

        /** Whether the row limit left rows out. */
        public boolean cut() {
            return total > rows.size();
        }
    }

    private final CacheDb cache;
    private final SyncLedger ledger;

    public CacheBrowser(CacheDb cache, SyncLedger ledger) {
        this.cache = cache;
        this.ledger = ledger;
    }

    /**
     * The target's rows of the mirror, at most {@code limit}; empty when the mirror has not been cached for the target
     * yet (no table, or no rows and no sync recorded). A failing cache is a {@link CacheException}.
     */
    public Optional<Page> read(long targetId, MirrorDef mirror, int limit) {
        // The ledger first: a sync landing in between makes the time shown older than the rows, never newer.
        Optional<Instant> syncedAt = syncedAt(targetId, mirror.name());
        String table = mirror.cacheTable().toLowerCase(Locale.ROOT);
        try (Connection c = cache.dataSource().getConnection()) {
            // Rows and count from one snapshot of the table, so "10,000 of N" never mixes two syncs.
            c.setAutoCommit(false);
            c.setTransactionIsolation(Connection.TRANSACTION_REPEATABLE_READ);
            try {
                Optional<Page> page = read(c, table, mirror, targetId, limit, syncedAt);
                return page.isEmpty() || page.get().rows().isEmpty() && syncedAt.isEmpty() ? Optional.empty() : page;
            } finally {
                c.rollback();
            }
        } catch (SQLException e) {
            throw new CacheException(io.vigil.i18n.Reason.of("reason.cache.browse", table, cache.location(),
                    io.vigil.config.PoolWait.detail(e, cache.location(), cache.readOnlyDataSource())),
                    "Reading cache table " + table + " of " + cache.location() + " failed: " + e.getMessage(), e);
        }
    }

    /** The source time of the target's newest snapshot of the mirror, when one was recorded. */
    public Optional<Instant> syncedAt(long targetId, String mirrorName) {
        return Optional.ofNullable(ledger.lastForTarget(targetId).get(mirrorName)).map(SyncRecord::syncedAt);
    }

    private static Optional<Page> read(Connection c, String table, MirrorDef mirror, long targetId, int limit,
                                       Optional<Instant> syncedAt) throws SQLException {
        if (!exists(c, table)) {
            return Optional.empty();
        }
        String t = CacheDb.quote(table);
        // An append table keeps history: when it is cut, the newest rows are the ones worth seeing.
        String order = mirror.mode() == MirrorMode.APPEND && !mirror.watermarkColumn().isEmpty()
                ? " ORDER BY " + CacheDb.quote(CacheColumn.normalize(mirror.watermarkColumn())) + " DESC" : "";
        List<Column> columns = new ArrayList<>();
        List<List<Object>> rows = new ArrayList<>();
        boolean more;
        try (PreparedStatement ps = c.prepareStatement("SELECT * FROM " + t + " WHERE `target_id` = ?" + order + " LIMIT ?")) {
            ps.setLong(1, targetId);
            ps.setInt(2, limit + 1);
            try (ResultSet rs = ps.executeQuery()) {
                ResultSetMetaData md = rs.getMetaData();
                List<Integer> shown = new ArrayList<>();
                List<ColumnKind> kinds = new ArrayList<>();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    String name = md.getColumnLabel(i).toLowerCase(Locale.ROOT);
                    if (!name.equals("target_id")) {
                        ColumnKind kind = kindOf(md, i);
                        shown.add(i);
                        kinds.add(kind);
                        columns.add(new Column(name, kind));
                    }
                }
                while (rows.size() < limit && rs.next()) {
                    List<Object> row = new ArrayList<>(shown.size());
                    for (int k = 0; k < shown.size(); k++) {
                        row.add(value(rs, shown.get(k), kinds.get(k), md.getColumnType(shown.get(k))));
                    }
                    rows.add(Collections.unmodifiableList(row));
                }
                more = rs.next();
            }
        }
        long total = more ? count(c, t, targetId) : rows.size();
        return Optional.of(new Page(List.copyOf(columns), Collections.unmodifiableList(rows), total, syncedAt));
    }

    /** Whether the cache holds this table yet (its mirror has run at least once). */
    public static boolean exists(Connection c, String table) throws SQLException {
        DatabaseMetaData md = c.getMetaData();
        String escape = md.getSearchStringEscape();
        // "_" is a wildcard in metadata patterns: ora_log must not find ora_logx
        String pattern = table.replace(escape, escape + escape).replace("_", escape + "_").replace("%", escape + "%");
        try (ResultSet rs = md.getTables(c.getCatalog(), c.getSchema(), pattern, null)) {
            while (rs.next()) {
                if (rs.getString("TABLE_NAME").equalsIgnoreCase(table)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static long count(Connection c, String quotedTable, long targetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM " + quotedTable + " WHERE `target_id` = ?")) {
            ps.setLong(1, targetId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    private static ColumnKind kindOf(ResultSetMetaData md, int i) throws SQLException {
        return switch (md.getColumnType(i)) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT, Types.NUMERIC, Types.DECIMAL, Types.REAL, Types.FLOAT,
                 Types.DOUBLE -> ColumnKind.NUMBER;
            case Types.DATE, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE -> ColumnKind.TIME;
            case Types.BOOLEAN, Types.BIT -> ColumnKind.BOOLEAN;
            default -> ColumnKind.TEXT;
        };
    }

    private static Object value(ResultSet rs, int i, ColumnKind kind, int sqlType) throws SQLException {
        Object v = switch (kind) {
            case NUMBER -> switch (sqlType) {
                case Types.NUMERIC, Types.DECIMAL -> plain(rs.getBigDecimal(i));
                case Types.REAL, Types.FLOAT, Types.DOUBLE -> rs.getDouble(i);
                default -> rs.getLong(i);
            };
            case TIME -> sqlType == Types.TIMESTAMP_WITH_TIMEZONE
                    ? Optional.ofNullable(rs.getObject(i, OffsetDateTime.class)).map(OffsetDateTime::toLocalDateTime).orElse(null)
                    : rs.getObject(i, LocalDateTime.class);
            case BOOLEAN -> rs.getBoolean(i);
            case TEXT -> rs.getString(i); // also reads H2's CLOBs (LONGTEXT) as text
        };
        return rs.wasNull() ? null : v;
    }

    // DECIMAL(38,8) hands back 27.00000000; a person and a CSV both want 27.
    private static BigDecimal plain(BigDecimal v) {
        if (v == null) {
            return null;
        }
        BigDecimal s = v.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }
}
