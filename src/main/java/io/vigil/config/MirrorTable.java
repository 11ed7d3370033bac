package io.vigil.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/** Reads and writes mirror definitions. */
final class MirrorTable {

    private static final String COLUMNS =
            "name, kind, sql_text, cache_table, interval_s, row_cap, mirror_mode, watermark_column, enabled, description, min_version, updated_at";

    List<MirrorDef> readAll(Connection c) throws SQLException {
        List<MirrorDef> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, " + COLUMNS + " FROM mirror_def ORDER BY kind, name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new MirrorDef(rs.getLong("id"), rs.getString("name"), TargetKind.valueOf(rs.getString("kind")),
                        rs.getString("sql_text"), rs.getString("cache_table"), rs.getInt("interval_s"), rs.getInt("row_cap"),
                        MirrorMode.valueOf(rs.getString("mirror_mode")), rs.getString("watermark_column"), rs.getBoolean("enabled"),
                        rs.getString("description"), rs.getString("min_version")));
            }
        }
        return out;
    }

    long write(Connection c, MirrorDef m) throws SQLException {
        boolean insert = m.id() == 0;
        String sql = insert
                ? "INSERT INTO mirror_def (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE mirror_def SET name = ?, kind = ?, sql_text = ?, cache_table = ?, interval_s = ?, row_cap = ?, "
                        + "mirror_mode = ?, watermark_column = ?, enabled = ?, description = ?, min_version = ?, updated_at = ? WHERE id = ?";
        try (PreparedStatement ps = Rows.prepare(c, sql, insert)) {
            ps.setString(1, m.name());
            ps.setString(2, m.kind().name());
            ps.setString(3, m.sql());
            ps.setString(4, m.cacheTable());
            ps.setInt(5, m.intervalSeconds());
            ps.setInt(6, m.rowCap());
            ps.setString(7, m.mode().name());
            ps.setString(8, m.watermarkColumn());
            ps.setBoolean(9, m.enabled());
            ps.setString(10, m.description());
            ps.setString(11, m.minVersion());
            ps.setTimestamp(12, Rows.now());
            if (insert) {
                return Rows.insertReturningId(ps);
            }
            ps.setLong(13, m.id());
            if (ps.executeUpdate() == 0) {
                throw new ConfigStoreException("The mirror “" + m.name() + "” was deleted meanwhile; nothing was saved.");
            }
            return m.id();
        }
    }

    void delete(Connection c, long id) throws SQLException {
        Rows.deleteById(c, "mirror_def", id);
    }
}
