package io.vigil.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads and writes mirror definitions. */
final class MirrorTable {

    private static final String COLUMNS =
            "name, kind, sql_text, cache_table, interval_s, row_cap, mirror_mode, watermark_column, enabled, description, min_version, keep_columns, licence, "
                    + "updated_at";

    List<MirrorDef> readAll(Connection c) throws SQLException {
        List<MirrorDef> out = new ArrayList<>();
        Map<Long, List<MirrorVariant>> variants = readVariants(c);
        try (PreparedStatement ps = c.prepareStatement("SELECT id, " + COLUMNS + " FROM mirror_def ORDER BY kind, name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.add(new MirrorDef(rs.getLong("id"), rs.getString("name"), TargetKind.valueOf(rs.getString("kind")),
                        rs.getString("sql_text"), rs.getString("cache_table"), rs.getInt("interval_s"), rs.getInt("row_cap"),
                        MirrorMode.valueOf(rs.getString("mirror_mode")), rs.getString("watermark_column"), rs.getBoolean("enabled"),
                        rs.getString("description"), rs.getString("min_version"), variants.getOrDefault(rs.getLong("id"), List.of()),
                        columns(rs.getString("keep_columns")), licence(rs.getString("licence"))));
            }
        }
        return out;
    }

    long write(Connection c, MirrorDef m) throws SQLException {
        boolean insert = m.id() == 0;
        String sql = insert
                ? "INSERT INTO mirror_def (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE mirror_def SET name = ?, kind = ?, sql_text = ?, cache_table = ?, interval_s = ?, row_cap = ?, "
                        + "mirror_mode = ?, watermark_column = ?, enabled = ?, description = ?, min_version = ?, keep_columns = ?, licence = ?, "
                        + "updated_at = ? WHERE id = ?";
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
            ps.setString(12, String.join(",", m.columns()));
            ps.setString(13, m.licence() == null ? "" : m.licence().name());
            ps.setTimestamp(14, Rows.now());
            long id;
            if (insert) {
                id = Rows.insertReturningId(ps);
            } else {
                ps.setLong(15, m.id());
                if (ps.executeUpdate() == 0) {
                    throw new ConfigStoreException(io.vigil.i18n.Reason.of("configStore.deletedMeanwhile.mirror", m.name()));
                }
                id = m.id();
            }
            writeVariants(c, id, m.variants());
            return id;
        }
    }

    private static Map<Long, List<MirrorVariant>> readVariants(Connection c) throws SQLException {
        Map<Long, List<MirrorVariant>> out = new HashMap<>();
        try (PreparedStatement ps = c.prepareStatement(
                "SELECT mirror_id, since_version, below_version, sql_text, rename_text FROM mirror_variant ORDER BY mirror_id, ord");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                out.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(new MirrorVariant(rs.getString(2), rs.getString(3), rs.getString(4), renames(rs.getString(5))));
            }
        }
        return out;
    }

    private static void writeVariants(Connection c, long mirrorId, List<MirrorVariant> variants) throws SQLException {
        try (PreparedStatement del = c.prepareStatement("DELETE FROM mirror_variant WHERE mirror_id = ?")) {
            del.setLong(1, mirrorId);
            del.executeUpdate();
        }
        if (variants.isEmpty()) {
            return;
        }
        try (PreparedStatement ins = c.prepareStatement(
                "INSERT INTO mirror_variant (mirror_id, ord, since_version, below_version, sql_text, rename_text) VALUES (?, ?, ?, ?, ?, ?)")) {
            for (int i = 0; i < variants.size(); i++) {
                MirrorVariant v = variants.get(i);
                ins.setLong(1, mirrorId);
                ins.setInt(2, i);
                ins.setString(3, v.since());
                ins.setString(4, v.below());
                ins.setString(5, v.sql());
                StringBuilder r = new StringBuilder();
                v.rename().forEach((from, to) -> r.append(r.isEmpty() ? "" : "\n").append(from).append('=').append(to));
                ins.setString(6, r.toString());
                ins.addBatch();
            }
            ins.executeBatch();
        }
    }

    private static Map<String, String> renames(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        for (String line : (text == null ? "" : text).split("\n")) {
            int eq = line.indexOf('=');
            if (eq > 0) {
                out.put(line.substring(0, eq), line.substring(eq + 1));
            }
        }
        return out;
    }

    private static List<String> columns(String text) {
        return text == null || text.isBlank() ? List.of() : Arrays.stream(text.split(",")).map(String::strip).toList();
    }

    private static LicensedPack licence(String text) {
        return text == null || text.isBlank() ? null : LicensedPack.valueOf(text.strip());
    }

    void delete(Connection c, long id) throws SQLException {
        Rows.deleteById(c, "mirror_def", id);
    }
}
