package io.vigil.target.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;

/** Inserts by column name, and Oracle DATE values from instants, for the demo's seed and workload. */
final class DemoSql {

    private DemoSql() {
    }

    /** {@code insert(c, "V$SYSSTAT", "STATISTIC#", 4, "NAME", "user commits", ...)}: column/value pairs. */
    static void insert(Connection c, String table, Object... columnsAndValues) throws SQLException {
        StringBuilder cols = new StringBuilder();
        StringBuilder marks = new StringBuilder();
        for (int i = 0; i < columnsAndValues.length; i += 2) {
            cols.append(i == 0 ? "" : ", ").append('"').append(columnsAndValues[i]).append('"');
            marks.append(i == 0 ? "?" : ", ?");
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + table + " (" + cols + ") VALUES (" + marks + ")")) {
            for (int i = 1; i < columnsAndValues.length; i += 2) {
                ps.setObject(i / 2 + 1, columnsAndValues[i]);
            }
            ps.executeUpdate();
        }
    }

    /** An Oracle DATE (no time zone): the instant in the database host's zone, as SYSDATE would show it. */
    static Timestamp date(Instant instant) {
        return Timestamp.valueOf(LocalDateTime.ofInstant(instant, ZoneId.systemDefault()).withNano(0));
    }

    static void update(Connection c, String sql, Object... args) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < args.length; i++) {
                ps.setObject(i + 1, args[i]);
            }
            ps.executeUpdate();
        }
    }
}
