package io.vigil.gather;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * When the target's current instance started, from the pack's {@code instanceStart} SQL over the cache: a timestamp
 * (Oracle's startup time, PostgreSQL's postmaster start) or uptime in seconds (MySQL), which is subtracted from the
 * snapshot time. Counter rates use it to skip the interval across a restart.
 */
public final class InstanceStart {

    private InstanceStart() {
    }

    public static Optional<Instant> read(Connection cache, String sql, long targetId, Instant snapshotTime) throws SQLException {
        if (sql == null || sql.isBlank()) {
            return Optional.empty();
        }
        try (PreparedStatement ps = cache.prepareStatement(sql)) {
            ps.setQueryTimeout(Pick.TIMEOUT_SECONDS);
            for (int i = 1; i <= ps.getParameterMetaData().getParameterCount(); i++) {
                ps.setLong(i, targetId);
            }
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) {
                    return Optional.empty();
                }
                Object v = rs.getObject(1);
                if (v instanceof Timestamp ts) {
                    return Optional.of(ts.toInstant());
                }
                if (v instanceof java.time.LocalDateTime ldt) {
                    return Optional.of(Timestamp.valueOf(ldt).toInstant());
                }
                if (v == null) {
                    return Optional.empty();
                }
                double uptime = Double.parseDouble(v.toString().strip());
                return Optional.of(snapshotTime.minusMillis(Math.round(uptime * 1000)));
            }
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }
}
