package io.vigil.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes mute windows and the alert log's ignore list. */
final class MuteTable {

    List<MuteWindow> current(Connection c, Instant now) throws SQLException {
        List<MuteWindow> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, target_name, rule_name, starts_at, ends_at, reason, created_by "
                + "FROM mute_window WHERE ends_at > ? ORDER BY starts_at, id")) {
            ps.setTimestamp(1, Timestamp.from(now));
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new MuteWindow(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getTimestamp(4).toInstant(),
                            rs.getTimestamp(5).toInstant(), rs.getString(6), rs.getString(7)));
                }
            }
        }
        return out;
    }

    long write(Connection c, MuteWindow m) throws SQLException {
        boolean insert = m.id() == 0;
        String sql = insert
                ? "INSERT INTO mute_window (target_name, rule_name, starts_at, ends_at, reason, created_by) VALUES (?, ?, ?, ?, ?, ?)"
                : "UPDATE mute_window SET target_name = ?, rule_name = ?, starts_at = ?, ends_at = ?, reason = ?, created_by = ? WHERE id = ?";
        try (PreparedStatement ps = Rows.prepare(c, sql, insert)) {
            ps.setString(1, m.targetName());
            ps.setString(2, m.ruleName());
            ps.setTimestamp(3, Timestamp.from(m.starts()));
            ps.setTimestamp(4, Timestamp.from(m.ends()));
            ps.setString(5, m.reason());
            ps.setString(6, m.createdBy());
            if (insert) {
                return Rows.insertReturningId(ps);
            }
            ps.setLong(7, m.id());
            ps.executeUpdate();
            return m.id();
        }
    }

    void delete(Connection c, long id) throws SQLException {
        Rows.deleteById(c, "mute_window", id);
    }

    List<String> ignores(Connection c) throws SQLException {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT pattern FROM event_ignore ORDER BY id"); ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    void replaceIgnores(Connection c, List<String> patterns) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM event_ignore")) {
            del.executeUpdate();
        }
        try (PreparedStatement ins = c.prepareStatement("INSERT INTO event_ignore (pattern) VALUES (?)")) {
            for (String p : patterns.stream().map(String::strip).filter(p -> !p.isEmpty()).distinct().toList()) {
                ins.setString(1, p);
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }
}
