package io.vigil.mirror;

import java.math.BigDecimal;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Locale;
import java.util.Set;

/**
 * A column of a cache table: its name as cache SQL writes it and how values travel from the target's result set.
 * Names are lower-case, with {@code #} spelled {@code _no} and {@code $} as {@code _}, because MySQL reads {@code #}
 * as a comment: Oracle's {@code STATISTIC#} is cached as {@code statistic_no}.
 *
 * @param source the column's label on the target
 * @param name   the column's name in the cache
 * @param kind      how its values are read, stored and written
 * @param precision the source column's declared length (for text and binary)
 * @param index     the column's position in the target's result, from 1; 0 for a kept column the read does not return
 */
record CacheColumn(String source, String name, Kind kind, int precision, int index) {

    /** Storage classes that both H2 (MySQL mode) and MySQL/MariaDB hold without loss for monitoring data. */
    enum Kind {
        INTEGER("BIGINT"), NUMBER("DECIMAL(38,8)"), FLOAT("DOUBLE"), TEXT("VARCHAR(%d)"), LONG_TEXT("LONGTEXT"),
        TIME("DATETIME(3)"), BOOL("BOOLEAN"), BINARY("VARCHAR(%d)");

        private final String ddl;

        Kind(String ddl) {
            this.ddl = ddl;
        }
    }

    static final int MAX_VARCHAR = 255;
    /**
     * Declared text lengths below this are not trusted: MariaDB's and MySQL's SHOW SLAVE STATUS declare Slave_IO_Running
     * as 3 characters and Last_IO_Error as 20, then return "Connecting" and a 170-character message. Such columns get
     * {@link #MAX_VARCHAR}; a wider VARCHAR costs the cache nothing.
     */
    static final int TRUSTED_LENGTH = 64;

    static List<CacheColumn> of(ResultSetMetaData md) throws SQLException {
        List<CacheColumn> out = new ArrayList<>();
        Set<String> used = new HashSet<>(Set.of("target_id"));
        for (int i = 1; i <= md.getColumnCount(); i++) {
            String label = md.getColumnLabel(i);
            String name = unique(normalize(label), used);
            out.add(new CacheColumn(label, name, kindOf(md, i), md.getPrecision(i), i));
        }
        return out;
    }

    /**
     * The columns a mirror keeps: the read's columns renamed by its variant's {@code rename}, then, when the mirror names
     * its {@code keep} columns, exactly those in that order (a kept column the read lacks stays NULL, as text). So every
     * version's read fills the same cache table: the table is rebuilt when its columns change, and metrics name columns.
     */
    static List<CacheColumn> shape(List<CacheColumn> read, Map<String, String> rename, List<String> keep) {
        List<CacheColumn> renamed = new ArrayList<>();
        for (CacheColumn c : read) {
            String to = rename.get(c.name());
            renamed.add(to == null ? c : new CacheColumn(c.source(), normalize(to), c.kind(), c.precision(), c.index()));
        }
        if (keep.isEmpty()) {
            return renamed;
        }
        List<CacheColumn> out = new ArrayList<>();
        for (String k : keep) {
            String name = normalize(k);
            out.add(renamed.stream().filter(c -> c.name().equals(name)).findFirst()
                    .orElse(new CacheColumn(k, name, Kind.TEXT, MAX_VARCHAR, 0)));
        }
        return out;
    }

    static String normalize(String label) {
        String n = label.toLowerCase(Locale.ROOT).replace("#", "_no").replace("$", "_").replaceAll("[^a-z0-9_]", "_");
        return n.isEmpty() || Character.isDigit(n.charAt(0)) ? "c_" + n : n;
    }

    private static String unique(String name, Set<String> used) {
        String candidate = name;
        for (int k = 2; !used.add(candidate); k++) {
            candidate = name + "_" + k;
        }
        return candidate;
    }

    private static Kind kindOf(ResultSetMetaData md, int i) throws SQLException {
        int precision = md.getPrecision(i);
        return switch (md.getColumnType(i)) {
            case Types.TINYINT, Types.SMALLINT, Types.INTEGER, Types.BIGINT -> Kind.INTEGER;
            case Types.NUMERIC, Types.DECIMAL -> md.getScale(i) == 0 && precision > 0 && precision <= 18 ? Kind.INTEGER : Kind.NUMBER;
            case Types.REAL, Types.FLOAT, Types.DOUBLE, 100, 101 -> Kind.FLOAT; // 100/101: Oracle BINARY_FLOAT/DOUBLE
            case Types.BOOLEAN, Types.BIT -> Kind.BOOL;
            case Types.DATE, Types.TIME, Types.TIMESTAMP, Types.TIMESTAMP_WITH_TIMEZONE, Types.TIME_WITH_TIMEZONE, -101, -102 -> Kind.TIME;
            case Types.BINARY, Types.VARBINARY, Types.LONGVARBINARY -> Kind.BINARY;
            case Types.CHAR, Types.VARCHAR, Types.NCHAR, Types.NVARCHAR ->
                    precision > 0 && precision <= MAX_VARCHAR ? Kind.TEXT : Kind.LONG_TEXT;
            default -> md.getColumnTypeName(i).toUpperCase(Locale.ROOT).contains("DECFLOAT") ? Kind.NUMBER : Kind.LONG_TEXT;
        };
    }

    /** Whole digits a cache DECIMAL(38,8) holds. */
    static final int WHOLE_DIGITS = 30;

    /**
     * A number as the cache's DECIMAL(38,8) can keep it: rounded to 8 decimals; NULL for what no DECIMAL holds (NaN or an
     * infinity, which PostgreSQL's NUMERIC allows) or what is beyond its 30 whole digits, so one odd row never fails the
     * whole snapshot. Read as an object: some drivers refuse NaN as a BigDecimal but give it as a Double.
     */
    static BigDecimal keepable(Object raw) {
        BigDecimal v;
        if (raw == null) {
            return null;
        } else if (raw instanceof BigDecimal b) {
            v = b;
        } else if (raw instanceof Double || raw instanceof Float) {
            double d = ((Number) raw).doubleValue();
            if (!Double.isFinite(d)) {
                return null;
            }
            v = BigDecimal.valueOf(d);
        } else if (raw instanceof Number n) {
            v = new BigDecimal(n.toString());
        } else {
            try {
                v = new BigDecimal(raw.toString().strip());
            } catch (NumberFormatException e) {
                return null;
            }
        }
        if (v.stripTrailingZeros().scale() > 8) {
            v = v.setScale(8, java.math.RoundingMode.HALF_UP);
        }
        return v.precision() - v.scale() > WHOLE_DIGITS ? null : v;
    }

    /** The column's DDL in the cache, e.g. {@code `statistic_no` BIGINT}. */
    String ddl() {
        String type = switch (kind) {
            case TEXT -> String.format(kind.ddl, width());
            case BINARY -> String.format(kind.ddl, Math.max(2, Math.min(precision * 2, 2 * MAX_VARCHAR)));
            default -> kind.ddl;
        };
        return CacheDb.quote(name) + " " + type;
    }

    /** The characters a text column holds in the cache. */
    int width() {
        return precision < TRUSTED_LENGTH ? MAX_VARCHAR : Math.min(precision, MAX_VARCHAR);
    }

    /**
     * Copies the value of column {@code from} of the target's row to parameter {@code to} of the cache insert; with
     * {@code timeAsText}, a time goes as {@code yyyy-mm-dd hh:mm:ss.fff} text that the cache converts itself. Text is
     * read through {@code mends}, which counts the values that had to be stored otherwise.
     */
    void transfer(ResultSet rs, PreparedStatement ps, int to, boolean timeAsText, Mends mends) throws SQLException {
        int from = index;
        if (from == 0) {
            ps.setNull(to, Types.VARCHAR);
            return;
        }
        switch (kind) {
            case INTEGER -> {
                long v = rs.getLong(from);
                if (rs.wasNull()) {
                    ps.setNull(to, Types.BIGINT);
                } else {
                    ps.setLong(to, v);
                }
            }
            case NUMBER -> {
                Object raw = rs.getObject(from);
                BigDecimal v = keepable(raw);
                if (v == null && raw != null) {
                    mends.nulled(name);
                }
                ps.setBigDecimal(to, v);
            }
            case FLOAT -> {
                double v = rs.getDouble(from);
                if (rs.wasNull()) {
                    ps.setNull(to, Types.DOUBLE);
                } else if (!Double.isFinite(v)) {
                    mends.nulled(name);
                    ps.setNull(to, Types.DOUBLE);
                } else {
                    ps.setDouble(to, v);
                }
            }
            case BOOL -> {
                boolean v = rs.getBoolean(from);
                if (rs.wasNull()) {
                    ps.setNull(to, Types.BOOLEAN);
                } else {
                    ps.setBoolean(to, v);
                }
            }
            case TIME -> {
                java.sql.Timestamp v = rs.getTimestamp(from);
                if (timeAsText) {
                    ps.setString(to, v == null ? null : v.toString());
                } else {
                    ps.setTimestamp(to, v);
                }
            }
            case BINARY -> {
                byte[] v = rs.getBytes(from);
                ps.setString(to, v == null ? null : HexFormat.of().withUpperCase().formatHex(v));
            }
            case TEXT -> {
                // a value longer than its column is cut with an ellipsis rather than failing the whole snapshot
                String v = mends.text(rs, from, name);
                ps.setString(to, v == null || v.length() <= width() ? v : v.substring(0, width() - 1) + "\u2026");
            }
            default -> ps.setString(to, mends.text(rs, from, name));
        }
    }
}
