package io.vigil.config;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.vigil.i18n.Reason;

/** The alerting state in the config store's database: open alerts, their history, and events. */
final class JdbcAlertStore implements AlertStore {

    private static final String STATE_COLUMNS = "rule_name, target_id, series, target_name, state, severity, value_at, pending_at, "
            + "fired_at, changed_at, notified_at, ack_by, ack_comment, ack_at, detail";
    private static final int MAX_DETAIL = 2000;
    private static final int MAX_SERIES = 500;
    private static final String EVENT_COLUMNS = "id, target_id, target_name, at_time, event_type, category, severity, code, text_body";

    private final Transactions tx;

    JdbcAlertStore(Transactions tx) {
        this.tx = tx;
    }

    @Override
    public List<Alert> open() {
        return tx.run(Reason.of("configStore.action.readingOpenAlerts"), c -> {
            List<Alert> out = new ArrayList<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT " + STATE_COLUMNS + " FROM alert_state ORDER BY changed_at");
                 ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new Alert(new AlertKey(rs.getString(1), rs.getLong(2), rs.getString(3)), rs.getString(4),
                            AlertState.valueOf(rs.getString(5)), Severity.valueOf(rs.getString(6)), Rows.nullableDouble(rs, "value_at"),
                            instant(rs, 8), instant(rs, 9), instant(rs, 10), instant(rs, 11), rs.getString(12), rs.getString(13),
                            instant(rs, 14), rs.getString(15)));
                }
            }
            return out;
        });
    }

    @Override
    public void apply(Collection<Alert> upserts, Collection<AlertKey> removed, List<AlertChange> changes) {
        if (upserts.isEmpty() && removed.isEmpty() && changes.isEmpty()) {
            return;
        }
        tx.run(Reason.of("configStore.action.savingAlertStates"), c -> {
            delete(c, removed);
            delete(c, upserts.stream().map(Alert::key).toList());
            insert(c, upserts);
            history(c, changes);
            return null;
        });
    }

    private static void delete(Connection c, Collection<AlertKey> keys) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM alert_state WHERE rule_name = ? AND target_id = ? AND series = ?")) {
            for (AlertKey k : keys) {
                ps.setString(1, k.rule());
                ps.setLong(2, k.targetId());
                ps.setString(3, clip(k.series(), MAX_SERIES));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void insert(Connection c, Collection<Alert> alerts) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_state (" + STATE_COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Alert a : alerts) {
                ps.setString(1, a.key().rule());
                ps.setLong(2, a.key().targetId());
                ps.setString(3, clip(a.key().series(), MAX_SERIES));
                ps.setString(4, a.targetName());
                ps.setString(5, a.state().name());
                ps.setString(6, a.severity().name());
                Rows.setNullableDouble(ps, 7, finite(a.value()));
                ps.setTimestamp(8, ts(a.pendingAt()));
                ps.setTimestamp(9, ts(a.firedAt()));
                ps.setTimestamp(10, ts(a.changedAt()));
                ps.setTimestamp(11, ts(a.notifiedAt()));
                ps.setString(12, clip(a.ackBy(), 128));
                ps.setString(13, clip(a.ackComment(), 1000));
                ps.setTimestamp(14, ts(a.ackAt()));
                ps.setString(15, clip(a.detail(), MAX_DETAIL));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    private static void history(Connection c, List<AlertChange> changes) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO alert_history (rule_name, target_id, series, target_name, from_state, "
                + "to_state, severity, value_at, at_time, detail) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (AlertChange ch : changes) {
                ps.setString(1, ch.key().rule());
                ps.setLong(2, ch.key().targetId());
                ps.setString(3, clip(ch.key().series(), MAX_SERIES));
                ps.setString(4, ch.targetName());
                ps.setString(5, ch.from().name());
                ps.setString(6, ch.to().name());
                ps.setString(7, ch.severity().name());
                Rows.setNullableDouble(ps, 8, finite(ch.value()));
                ps.setTimestamp(9, ts(ch.at()));
                ps.setString(10, clip(ch.detail(), MAX_DETAIL));
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    @Override
    public List<AlertChange> history(Instant from, Instant to, String target, Severity atLeast, int limit) {
        return tx.run(Reason.of("configStore.action.readingAlertHistory"), c -> {
            List<AlertChange> out = new ArrayList<>();
            String sql = "SELECT id, rule_name, target_id, series, target_name, from_state, to_state, severity, value_at, at_time, detail "
                    + "FROM alert_history WHERE at_time >= ? AND at_time < ?" + (target.isEmpty() ? "" : " AND target_name = ?")
                    + " ORDER BY at_time DESC, id DESC";
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setTimestamp(1, ts(from));
                ps.setTimestamp(2, ts(to));
                if (!target.isEmpty()) {
                    ps.setString(3, target);
                }
                ps.setMaxRows(limit);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next() && out.size() < limit) {
                        Severity s = Severity.valueOf(rs.getString(8));
                        if (s.atLeast(atLeast)) {
                            out.add(new AlertChange(rs.getLong(1), new AlertKey(rs.getString(2), rs.getLong(3), rs.getString(4)),
                                    rs.getString(5), AlertState.valueOf(rs.getString(6)), AlertState.valueOf(rs.getString(7)), s,
                                    Rows.nullableDouble(rs, "value_at"), instant(rs, 10), rs.getString(11)));
                        }
                    }
                }
            }
            return out;
        });
    }

    @Override
    public boolean acknowledge(AlertKey key, String by, String comment, Instant at) {
        return tx.run(Reason.of("configStore.action.acknowledgingAlert"), c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE alert_state SET ack_by = ?, ack_comment = ?, ack_at = ? "
                    + "WHERE rule_name = ? AND target_id = ? AND series = ?")) {
                ps.setString(1, clip(by, 128));
                ps.setString(2, clip(comment, 1000));
                ps.setTimestamp(3, ts(at));
                ps.setString(4, key.rule());
                ps.setLong(5, key.targetId());
                ps.setString(6, key.series());
                return ps.executeUpdate() > 0;
            }
        });
    }

    @Override
    public void addEvents(List<VigilEvent> events) {
        if (events.isEmpty()) {
            return;
        }
        tx.run(Reason.of("configStore.action.savingEvents"), c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO vigil_event (target_id, target_name, at_time, event_type, category, "
                    + "severity, code, text_body) VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (VigilEvent e : events) {
                    ps.setLong(1, e.targetId());
                    ps.setString(2, e.targetName());
                    ps.setTimestamp(3, ts(e.at()));
                    ps.setString(4, e.type().name());
                    ps.setString(5, clip(e.category(), 32));
                    ps.setString(6, e.severity().name());
                    ps.setString(7, clip(e.code(), 32));
                    ps.setString(8, clip(e.text(), 60_000));
                    ps.addBatch();
                }
                ps.executeBatch();
            }
            return null;
        });
    }

    @Override
    public List<VigilEvent> events(String target, Instant from, Instant to, int limit) {
        return readEvents(target, from, to, "ORDER BY at_time, id", limit);
    }

    @Override
    public List<VigilEvent> recentEvents(String target, Instant from, Instant to, int limit) {
        return readEvents(target, from, to, "ORDER BY at_time DESC, id DESC", limit);
    }

    private List<VigilEvent> readEvents(String target, Instant from, Instant to, String order, int limit) {
        return tx.run(Reason.of("configStore.action.readingEvents"), c -> {
            String sql = "SELECT " + EVENT_COLUMNS + " FROM vigil_event WHERE at_time >= ? AND at_time < ?"
                    + (target.isEmpty() ? "" : " AND target_name = ?") + " " + order;
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setTimestamp(1, ts(from));
                ps.setTimestamp(2, ts(to));
                if (!target.isEmpty()) {
                    ps.setString(3, target);
                }
                return events(ps, limit);
            }
        });
    }

    @Override
    public Optional<VigilEvent> lastEvent(long targetId, EventType type) {
        return tx.run(Reason.of("configStore.action.readingLastEvent"), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + EVENT_COLUMNS + " FROM vigil_event WHERE target_id = ? "
                    + "AND event_type = ? ORDER BY at_time DESC, id DESC")) {
                ps.setLong(1, targetId);
                ps.setString(2, type.name());
                return events(ps, 1).stream().findFirst();
            }
        });
    }

    @Override
    public Optional<Instant> instanceStart(long targetId) {
        return tx.run(Reason.of("configStore.action.readingLastInstanceStart"), c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT started_at FROM instance_start WHERE target_id = ?")) {
                ps.setLong(1, targetId);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.ofNullable(instant(rs, 1)) : Optional.<Instant>empty();
                }
            }
        });
    }

    @Override
    public void instanceStarted(long targetId, Instant startedAt, Instant seenAt) {
        tx.run(Reason.of("configStore.action.keepingInstanceStart"), c -> {
            try (PreparedStatement up = c.prepareStatement("UPDATE instance_start SET started_at = ?, seen_at = ? WHERE target_id = ?")) {
                up.setTimestamp(1, ts(startedAt));
                up.setTimestamp(2, ts(seenAt));
                up.setLong(3, targetId);
                if (up.executeUpdate() > 0) {
                    return null;
                }
            }
            try (PreparedStatement in = c.prepareStatement("INSERT INTO instance_start (target_id, started_at, seen_at) VALUES (?, ?, ?)")) {
                in.setLong(1, targetId);
                in.setTimestamp(2, ts(startedAt));
                in.setTimestamp(3, ts(seenAt));
                in.executeUpdate();
            }
            return null;
        });
    }

    private static List<VigilEvent> events(PreparedStatement ps, int limit) throws SQLException {
        List<VigilEvent> out = new ArrayList<>();
        ps.setMaxRows(limit);
        try (ResultSet rs = ps.executeQuery()) {
            while (rs.next() && out.size() < limit) {
                out.add(new VigilEvent(rs.getLong(1), rs.getLong(2), rs.getString(3), instant(rs, 4), EventType.valueOf(rs.getString(5)),
                        rs.getString(6), Severity.valueOf(rs.getString(7)), rs.getString(8), rs.getString(9)));
            }
        }
        return out;
    }

    private static Timestamp ts(Instant i) {
        return i == null ? null : Timestamp.from(i);
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }

    private static Double finite(Double v) {
        return v == null || v.isNaN() || v.isInfinite() ? null : v;
    }

    private static String clip(String s, int max) {
        return s == null ? "" : s.length() <= max ? s : s.substring(0, max);
    }
}
