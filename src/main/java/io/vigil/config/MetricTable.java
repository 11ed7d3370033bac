package io.vigil.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and writes metric definitions with their mirrors and label columns. */
final class MetricTable {

    private static final ChildList MIRRORS = new ChildList("metric_mirror", "metric_id", "mirror_name");
    private static final ChildList LABELS = new ChildList("metric_label", "metric_id", "column_name");
    private static final String COLUMNS = "name, kind, sql_text, freshness_s, metric_type, unit, interval_s, warn_at, crit_at, "
            + "privileges, enabled, description, updated_at";

    List<MetricDef> readAll(Connection c) throws SQLException {
        Map<Long, List<String>> mirrors = MIRRORS.readAll(c);
        Map<Long, List<String>> labels = LABELS.readAll(c);
        List<MetricDef> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, " + COLUMNS + " FROM metric_def ORDER BY kind, name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                out.add(new MetricDef(id, rs.getString("name"), TargetKind.valueOf(rs.getString("kind")), rs.getString("sql_text"),
                        mirrors.getOrDefault(id, List.of()), rs.getInt("freshness_s"), MetricType.valueOf(rs.getString("metric_type")),
                        rs.getString("unit"), labels.getOrDefault(id, List.of()), rs.getInt("interval_s"),
                        Rows.nullableDouble(rs, "warn_at"), Rows.nullableDouble(rs, "crit_at"), rs.getString("privileges"),
                        rs.getBoolean("enabled"), rs.getString("description")));
            }
        }
        return out;
    }

    long write(Connection c, MetricDef m) throws SQLException {
        boolean insert = m.id() == 0;
        String sql = insert
                ? "INSERT INTO metric_def (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE metric_def SET name = ?, kind = ?, sql_text = ?, freshness_s = ?, metric_type = ?, unit = ?, interval_s = ?, "
                        + "warn_at = ?, crit_at = ?, privileges = ?, enabled = ?, description = ?, updated_at = ? WHERE id = ?";
        long id;
        try (PreparedStatement ps = Rows.prepare(c, sql, insert)) {
            ps.setString(1, m.name());
            ps.setString(2, m.kind().name());
            ps.setString(3, m.sql());
            ps.setInt(4, m.freshnessSeconds());
            ps.setString(5, m.type().name());
            ps.setString(6, m.unit());
            ps.setInt(7, m.intervalSeconds());
            Rows.setNullableDouble(ps, 8, m.warn());
            Rows.setNullableDouble(ps, 9, m.crit());
            ps.setString(10, m.privileges());
            ps.setBoolean(11, m.enabled());
            ps.setString(12, m.description());
            ps.setTimestamp(13, Rows.now());
            if (insert) {
                id = Rows.insertReturningId(ps);
            } else {
                ps.setLong(14, m.id());
                if (ps.executeUpdate() == 0) {
                    throw new ConfigStoreException(io.vigil.i18n.Reason.of("configStore.deletedMeanwhile.metric", m.name()));
                }
                id = m.id();
            }
        }
        MIRRORS.replace(c, id, m.mirrors());
        LABELS.replace(c, id, m.labelColumns());
        return id;
    }

    void delete(Connection c, long id) throws SQLException {
        Rows.deleteById(c, "metric_def", id);
    }
}
