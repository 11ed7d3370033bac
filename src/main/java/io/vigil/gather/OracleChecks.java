package io.vigil.gather;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.Packs;
import io.vigil.config.TargetKind;
import io.vigil.mirror.CacheDb;

/**
 * What a DBA looks at each morning on an Oracle target, read from the cache the Oracle pack's mirrors fill: the
 * instance's version and start, Data Guard (role, protection mode, lags, gap), the last full, incremental and
 * archived-log backups, and the accounts whose password expires soon, is in grace or is locked. A part whose mirror has
 * not run yet (or does not run on the target's version) is absent from the report, never an error.
 */
public final class OracleChecks {

    private static final Logger LOG = LoggerFactory.getLogger(OracleChecks.class);
    /** Accounts listed as expiring: within this many days. */
    public static final int EXPIRY_DAYS = 30;

    private OracleChecks() {
    }

    /** The backups listed, with the age in hours past which each is amber (the pack's default rules) and red. */
    public enum BackupKind {
        FULL("DB FULL", 192, 336),
        INCREMENTAL("DB INCR", 48, 96),
        ARCHIVELOG("ARCHIVELOG", 24, 48);

        public final String inputType;
        public final double warnHours;
        public final double critHours;

        BackupKind(String inputType, double warnHours, double critHours) {
            this.inputType = inputType;
            this.warnHours = warnHours;
            this.critHours = critHours;
        }
    }

    /**
     * One kind of backup: when the last successful one ended (database time) and how many hours ago, and the status of
     * the last job of that kind; nulls when there was none in the 35 days the mirror reads.
     */
    public record Backup(BackupKind kind, LocalDateTime lastOk, Double ageHours, String lastStatus) {

        /** Whether the last job of this kind failed or ended with errors. */
        public boolean lastFailed() {
            return lastStatus != null && (lastStatus.startsWith("FAILED") || lastStatus.endsWith("WITH ERRORS"));
        }
    }

    /** An account expiring soon: its status and the days left. */
    public record Account(String username, String status, double days) {
    }

    /**
     * The report. Absent parts (null, or {@code accountsRead} false) were not mirrored (yet, or not on this version).
     *
     * @param version     V$INSTANCE's version
     * @param started     when the instance started
     * @param role        the database role (PRIMARY, PHYSICAL STANDBY, ...)
     * @param protection  the protection mode
     * @param transportLag transport lag in seconds, null without a standby
     * @param applyLag    apply lag in seconds, null without a standby
     * @param gapLogs     archived logs missing on the standby
     */
    public record Report(String version, Instant started, String role, String protection, Double transportLag, Double applyLag,
                         Integer gapLogs, List<Backup> backups, boolean accountsRead, List<Account> expiring, List<String> grace,
                         List<String> locked) {

        /** Whether a standby reports lags here (a database without Data Guard has none). */
        public boolean hasStandby() {
            return transportLag != null || applyLag != null;
        }
    }

    /** Reads a target's report from the cache; blocking. A part whose table a mirror has not created yet is absent. */
    public static Report read(CacheDb cache, long targetId, Instant now) throws SQLException {
        try (Connection c = cache.dataSource().getConnection()) {
            c.setReadOnly(true);
            String version = optional(() -> first(c, "SELECT version FROM ora_instance WHERE target_id = ?", targetId)).orElse(null);
            Instant started = optional(() -> InstanceStart.read(c, Packs.shipped(TargetKind.ORACLE).instanceStart(), targetId, now).orElse(null))
                    .orElse(null);
            String[] dg = optional(() -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "SELECT database_role, protection_mode FROM ora_dataguard_status WHERE target_id = ?")) {
                    ps.setLong(1, targetId);
                    try (ResultSet rs = ps.executeQuery()) {
                        return rs.next() ? new String[] {rs.getString(1), rs.getString(2)} : null;
                    }
                }
            }).orElse(new String[2]);
            Double transport = optional(() -> number(c, "SELECT seconds FROM ora_dataguard_stats WHERE target_id = ? AND name = 'transport lag'",
                    targetId)).orElse(null);
            Double apply = optional(() -> number(c, "SELECT seconds FROM ora_dataguard_stats WHERE target_id = ? AND name = 'apply lag'",
                    targetId)).orElse(null);
            Double gap = optional(() -> number(c, "SELECT COALESCE(SUM(high_sequence_no - low_sequence_no + 1), 0) FROM ora_archive_gap "
                    + "WHERE target_id = ?", targetId)).orElse(null);
            List<Backup> backups = new ArrayList<>();
            for (BackupKind kind : BackupKind.values()) {
                optional(() -> backup(c, targetId, kind)).ifPresent(backups::add);
            }
            List<Account> expiring = new ArrayList<>();
            List<String> grace = new ArrayList<>();
            List<String> locked = new ArrayList<>();
            boolean accounts = optional(() -> {
                try (PreparedStatement ps = c.prepareStatement("SELECT username, account_status, days_to_expiry FROM ora_users "
                        + "WHERE target_id = ? ORDER BY days_to_expiry, username")) {
                    ps.setLong(1, targetId);
                    try (ResultSet rs = ps.executeQuery()) {
                        while (rs.next()) {
                            String user = rs.getString(1);
                            String status = rs.getString(2) == null ? "" : rs.getString(2);
                            double days = rs.getDouble(3);
                            boolean hasExpiry = !rs.wasNull();
                            if (status.contains("GRACE")) {
                                grace.add(user);
                            }
                            if (status.contains("LOCKED")) {
                                locked.add(user);
                            } else if (hasExpiry && days >= 0 && days <= EXPIRY_DAYS) {
                                expiring.add(new Account(user, status, days));
                            }
                        }
                    }
                }
                return true;
            }).orElse(false);
            locked.sort(String::compareTo);
            return new Report(version, started, dg[0], dg[1], transport, apply, gap == null ? null : (int) Math.round(gap), backups, accounts,
                    expiring, grace, locked);
        }
    }

    private static Backup backup(Connection c, long targetId, BackupKind kind) throws SQLException {
        LocalDateTime lastOk = null;
        Double age = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT end_time, age_hours FROM ora_rman_backups WHERE target_id = ? AND input_type = ? "
                + "AND status IN ('COMPLETED', 'COMPLETED WITH WARNINGS') ORDER BY end_time DESC")) {
            ps.setLong(1, targetId);
            ps.setString(2, kind.inputType);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    Timestamp end = rs.getTimestamp(1);
                    lastOk = end == null ? null : end.toLocalDateTime();
                    age = rs.getDouble(2);
                }
            }
        }
        String status = null;
        try (PreparedStatement ps = c.prepareStatement("SELECT status FROM ora_rman_backups WHERE target_id = ? AND input_type = ? "
                + "ORDER BY start_time DESC")) {
            ps.setLong(1, targetId);
            ps.setString(2, kind.inputType);
            ps.setMaxRows(1);
            try (ResultSet rs = ps.executeQuery()) {
                if (rs.next()) {
                    status = rs.getString(1);
                }
            }
        }
        return new Backup(kind, lastOk, age, status);
    }

    private static String first(Connection c, String sql, long targetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, targetId);
            try (ResultSet rs = ps.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        }
    }

    private static Double number(Connection c, String sql, long targetId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            ps.setLong(1, targetId);
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                double v = rs.getDouble(1);
                return rs.wasNull() ? null : v;
            }
        }
    }

    private interface Read<T> {
        T read() throws SQLException;
    }

    // A part whose mirror has not run yet (its table is missing) or does not run on this version is left out.
    private static <T> Optional<T> optional(Read<T> read) {
        try {
            return Optional.ofNullable(read.read());
        } catch (SQLException e) {
            LOG.debug("A DBA check was not read: {}", e.getMessage());
            return Optional.empty();
        }
    }
}
