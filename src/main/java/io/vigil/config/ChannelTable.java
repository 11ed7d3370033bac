package io.vigil.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Reads and writes notification channels; secrets go through the {@link SecretBox}. */
final class ChannelTable {

    private static final String COLUMNS = "name, channel_type, endpoint, user_name, secret_enc, sender, recipients, min_severity, "
            + "repeat_min, send_resolved, enabled, updated_at";

    private final SecretBox box;

    ChannelTable(SecretBox box) {
        this.box = box;
    }

    List<ChannelDef> readAll(Connection c) throws SQLException {
        List<ChannelDef> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, " + COLUMNS + " FROM notify_channel ORDER BY name");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) {
                String recipients = rs.getString("recipients");
                out.add(new ChannelDef(rs.getLong("id"), rs.getString("name"), ChannelType.valueOf(rs.getString("channel_type")),
                        rs.getString("endpoint"), rs.getString("user_name"), box.open(rs.getString("secret_enc")), rs.getString("sender"),
                        recipients.isBlank() ? List.of() : Arrays.asList(recipients.split("\n")),
                        Severity.valueOf(rs.getString("min_severity")), rs.getInt("repeat_min"), rs.getBoolean("send_resolved"),
                        rs.getBoolean("enabled")));
            }
        }
        return out;
    }

    long write(Connection c, ChannelDef ch) throws SQLException {
        boolean insert = ch.id() == 0;
        String sql = insert
                ? "INSERT INTO notify_channel (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)"
                : "UPDATE notify_channel SET name = ?, channel_type = ?, endpoint = ?, user_name = ?, secret_enc = ?, sender = ?, "
                        + "recipients = ?, min_severity = ?, repeat_min = ?, send_resolved = ?, enabled = ?, updated_at = ? WHERE id = ?";
        try (PreparedStatement ps = Rows.prepare(c, sql, insert)) {
            ps.setString(1, ch.name());
            ps.setString(2, ch.type().name());
            ps.setString(3, ch.endpoint());
            ps.setString(4, ch.user());
            ps.setString(5, box.seal(ch.secret()));
            ps.setString(6, ch.sender());
            ps.setString(7, String.join("\n", ch.recipients()));
            ps.setString(8, ch.minSeverity().name());
            ps.setInt(9, ch.repeatMinutes());
            ps.setBoolean(10, ch.sendResolved());
            ps.setBoolean(11, ch.enabled());
            ps.setTimestamp(12, Rows.now());
            if (insert) {
                return Rows.insertReturningId(ps);
            }
            ps.setLong(13, ch.id());
            if (ps.executeUpdate() == 0) {
                throw new ConfigStoreException(io.vigil.i18n.Reason.of("configStore.deletedMeanwhile.channel", ch.name()));
            }
            return ch.id();
        }
    }

    void delete(Connection c, long id) throws SQLException {
        Rows.deleteById(c, "notify_channel", id);
    }
}
