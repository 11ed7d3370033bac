package io.vigil.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An ordered list of strings kept in a child table {@code (parent, ord, value)}: tags, a metric's mirrors, label columns. */
record ChildList(String table, String parentColumn, String valueColumn) {

    Map<Long, List<String>> readAll(Connection c) throws SQLException {
        Map<Long, List<String>> byParent = new HashMap<>();
        String sql = "SELECT " + parentColumn + ", " + valueColumn + " FROM " + table + " ORDER BY " + parentColumn + ", ord";
        try (PreparedStatement ps = c.prepareStatement(sql); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                byParent.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>()).add(rs.getString(2));
            }
        }
        return byParent;
    }

    void replace(Connection c, long parentId, List<String> values) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM " + table + " WHERE " + parentColumn + " = ?")) {
            del.setLong(1, parentId);
            del.executeUpdate();
        }
        if (values.isEmpty()) {
            return;
        }
        String sql = "INSERT INTO " + table + " (" + parentColumn + ", ord, " + valueColumn + ") VALUES (?, ?, ?)";
        try (PreparedStatement ins = c.prepareStatement(sql)) {
            for (int i = 0; i < values.size(); i++) {
                ins.setLong(1, parentId);
                ins.setInt(2, i);
                ins.setString(3, values.get(i));
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }
}
