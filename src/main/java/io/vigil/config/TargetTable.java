package io.vigil.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Reads and writes targets and their tags; passwords go through the {@link SecretBox}. */
final class TargetTable {

    private static final ChildList TAGS = new ChildList("target_tag", "target_id", "tag");
    private static final String COLUMNS = "name, kind, host, port, connect_by, database_name, tns_admin, user_name, password_enc, enabled, "
            + "licensed_packs, tls_mode, tls_ca_file, updated_at";

    private final SecretBox box;

    TargetTable(SecretBox box) {
        this.box = box;
    }

    List<Target> readAll(Connection c) throws SQLException {
        Map<Long, List<String>> tags = TAGS.readAll(c);
        List<Target> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, " + COLUMNS + " FROM target ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                long id = rs.getLong("id");
                out.add(new Target(id, rs.getString("name"), TargetKind.valueOf(rs.getString("kind")), rs.getString("host"),
                        rs.getInt("port"), ConnectBy.valueOf(rs.getString("connect_by")), rs.getString("database_name"),
                        rs.getString("tns_admin"), rs.getString("user_name"), box.open(rs.getString("password_enc")),
                        tags.getOrDefault(id, List.of()), rs.getBoolean("enabled"), licensed(rs.getString("licensed_packs")),
                        new Tls(tlsMode(rs.getString("tls_mode")), rs.getString("tls_ca_file"))));
            }
        }
        return out;
    }

    long write(Connection c, Target t) throws SQLException {
        boolean insert = t.id() == 0;
        String sql = insert
                ? "INSERT INTO target (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE target SET name = ?, kind = ?, host = ?, port = ?, connect_by = ?, database_name = ?, tns_admin = ?, "
                        + "user_name = ?, password_enc = ?, enabled = ?, licensed_packs = ?, tls_mode = ?, tls_ca_file = ?, updated_at = ? WHERE id = ?";
        long id;
        try (PreparedStatement ps = Rows.prepare(c, sql, insert)) {
            ps.setString(1, t.name());
            ps.setString(2, t.kind().name());
            ps.setString(3, t.host());
            ps.setInt(4, t.port());
            ps.setString(5, t.connectBy().name());
            ps.setString(6, t.database());
            ps.setString(7, t.tnsAdmin());
            ps.setString(8, t.user());
            ps.setString(9, box.seal(t.password()));
            ps.setBoolean(10, t.enabled());
            ps.setString(11, t.licensed().stream().map(Enum::name).sorted().collect(java.util.stream.Collectors.joining(",")));
            ps.setString(12, t.tls().mode().name());
            ps.setString(13, t.tls().caFile());
            ps.setTimestamp(14, Rows.now());
            if (insert) {
                id = Rows.insertReturningId(ps);
            } else {
                ps.setLong(15, t.id());
                if (ps.executeUpdate() == 0) {
                    throw new ConfigStoreException(io.vigil.i18n.Reason.of("configStore.deletedMeanwhile.target", t.name()));
                }
                id = t.id();
            }
        }
        TAGS.replace(c, id, t.tags());
        return id;
    }

    void delete(Connection c, long id) throws SQLException {
        Rows.deleteById(c, "target", id);
    }

    /** A mode a newer Vigil may have written reads as no TLS asked for here rather than failing the whole store. */
    private static TlsMode tlsMode(String text) {
        TlsMode m = TlsMode.parse(text);
        return m == null ? TlsMode.OFF : m;
    }

    private static java.util.Set<LicensedPack> licensed(String text) {
        java.util.Set<LicensedPack> out = java.util.EnumSet.noneOf(LicensedPack.class);
        for (String p : (text == null ? "" : text).split(",")) {
            if (!p.isBlank()) {
                out.add(LicensedPack.valueOf(p.strip()));
            }
        }
        return out;
    }
}
