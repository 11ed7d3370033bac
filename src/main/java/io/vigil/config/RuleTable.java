package io.vigil.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes alert rules. */
final class RuleTable {

    private static final String COLUMNS = "name, kind, rule_type, subject, label_filter, direction, warn_at, crit_at, hold_s, recovery, "
            + "missed, enabled, description, updated_at";

    List<AlertRule> readAll(Connection c) throws SQLException {
        List<AlertRule> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, " + COLUMNS + " FROM alert_rule ORDER BY kind, name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new AlertRule(rs.getLong("id"), rs.getString("name"), TargetKind.valueOf(rs.getString("kind")),
                        RuleType.valueOf(rs.getString("rule_type")), rs.getString("subject"),
                        AlertRule.parseLabels(rs.getString("label_filter")), Direction.valueOf(rs.getString("direction")),
                        Rows.nullableDouble(rs, "warn_at"), Rows.nullableDouble(rs, "crit_at"), rs.getInt("hold_s"),
                        rs.getDouble("recovery"), rs.getInt("missed"), rs.getBoolean("enabled"), rs.getString("description")));
            }
        }
        return out;
    }

    long write(Connection c, AlertRule r) throws SQLException {
        boolean insert = r.id() == 0;
        String sql = insert
                ? "INSERT INTO alert_rule (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE alert_rule SET name = ?, kind = ?, rule_type = ?, subject = ?, label_filter = ?, direction = ?, warn_at = ?, "
                        + "crit_at = ?, hold_s = ?, recovery = ?, missed = ?, enabled = ?, description = ?, updated_at = ? WHERE id = ?";
        try (PreparedStatement ps = Rows.prepare(c, sql, insert)) {
            ps.setString(1, r.name());
            ps.setString(2, r.kind().name());
            ps.setString(3, r.type().name());
            ps.setString(4, r.subject());
            ps.setString(5, r.labelText());
            ps.setString(6, r.direction().name());
            Rows.setNullableDouble(ps, 7, r.warn());
            Rows.setNullableDouble(ps, 8, r.crit());
            ps.setInt(9, r.holdSeconds());
            ps.setDouble(10, r.recovery());
            ps.setInt(11, r.missed());
            ps.setBoolean(12, r.enabled());
            ps.setString(13, r.description());
            ps.setTimestamp(14, Rows.now());
            if (insert) {
                return Rows.insertReturningId(ps);
            }
            ps.setLong(15, r.id());
            if (ps.executeUpdate() == 0) {
                throw new ConfigStoreException(io.vigil.i18n.Reason.of("configStore.deletedMeanwhile.rule", r.name()));
            }
            return r.id();
        }
    }

    void delete(Connection c, long id) throws SQLException {
        Rows.deleteById(c, "alert_rule", id);
    }
}
