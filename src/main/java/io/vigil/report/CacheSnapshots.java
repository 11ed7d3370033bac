package io.vigil.report;

import io.vigil.mirror.CacheDb;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link Snapshots} from the cache: a table a mirror has not created yet (or another kind's) answers nothing. */
public final class CacheSnapshots implements Snapshots {

    private static final Logger LOG = LoggerFactory.getLogger(CacheSnapshots.class);
    private static final List<String> VERSION_READS = List.of(
            "SELECT version FROM ora_instance WHERE target_id = ?",
            "SELECT version FROM pg_instance WHERE target_id = ?",
            "SELECT variable_value FROM my_global_variables WHERE target_id = ? AND LOWER(variable_name) = 'version'");

    private final CacheDb cache;

    public CacheSnapshots(CacheDb cache) {
        this.cache = cache;
    }

    @Override
    public Optional<String> version(long targetId) {
        try (Connection c = cache.dataSource().getConnection()) {
            for (String sql : VERSION_READS) {
                try (PreparedStatement ps = c.prepareStatement(sql)) {
                    ps.setLong(1, targetId);
                    try (ResultSet rs = ps.executeQuery()) {
                        if (rs.next() && rs.getString(1) != null) {
                            return Optional.of(rs.getString(1));
                        }
                    }
                } catch (SQLException absent) {
                    // this kind's table is not there: try the next
                }
            }
        } catch (SQLException e) {
            LOG.warn("The cache could not be read for the report: {}", e.getMessage());
        }
        return Optional.empty();
    }

    @Override
    public List<TopSql> topSql(long targetId, int limit) {
        List<TopSql> out = new ArrayList<>();
        try (Connection c = cache.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT sql_id, executions, elapsed_time, cpu_time, buffer_gets, sql_text "
                     + "FROM ora_top_sql WHERE target_id = ? ORDER BY elapsed_time DESC LIMIT ?")) {
            ps.setLong(1, targetId);
            ps.setInt(2, limit);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(new TopSql(rs.getString(1), rs.getLong(2), rs.getDouble(3) / 1e6, rs.getDouble(4) / 1e6, rs.getLong(5),
                            rs.getString(6) == null ? "" : rs.getString(6)));
                }
            }
        } catch (SQLException absent) {
            // no top SQL mirror for this target (another kind, or not synced yet)
        }
        return out;
    }
}
