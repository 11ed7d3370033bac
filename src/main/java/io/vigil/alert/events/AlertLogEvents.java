package io.vigil.alert.events;

import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import javax.sql.DataSource;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.EventType;
import io.vigil.config.VigilEvent;
import io.vigil.mirror.CacheException;

/**
 * Turns the alert-log rows the {@code alert_log} mirror appended to the cache into events: reads a target's rows past
 * the last record id already handled, groups, classifies, and drops routine and ignored entries.
 */
public final class AlertLogEvents {

    private static final Logger LOG = LoggerFactory.getLogger(AlertLogEvents.class);
    /** The cache table the Oracle pack's {@code alert_log} mirror writes. */
    public static final String TABLE = "ora_alert_log";
    /** At most this many rows per read, so a first read of a long log stays short; the rest comes on the next reads. */
    public static final int MAX_ROWS = 5000;
    private static final int TIMEOUT_SECONDS = 30;
    private static final List<String> OPTIONAL = List.of("originating_timestamp", "message_level", "message_type");

    private final DataSource cache;
    private final int maxRows;
    private static final AlertLogClassifier CLASSIFIER = new AlertLogClassifier();

    private final AlertLogGrouper grouper = new AlertLogGrouper(CLASSIFIER);

    /** Reads from the cache database (H2 or MySQL/MariaDB). */
    public AlertLogEvents(DataSource cache) {
        this(cache, MAX_ROWS);
    }

    AlertLogEvents(DataSource cache, int maxRows) {
        this.cache = cache;
        this.maxRows = maxRows;
    }

    /**
     * The events of the target's rows after {@code afterRecordId}; nothing when the mirror has not written the table
     * (it never ran, or the target is 11g, where it is skipped). A failing cache is a {@link CacheException}.
     */
    public AlertLogBatch read(long targetId, String targetName, long afterRecordId, AlertLogIgnoreList ignore) {
        List<AlertLogRow> rows;
        try (Connection c = cache.getConnection()) {
            Set<String> columns = columns(c);
            if (!columns.contains("record_id") || !columns.contains("message_text")) {
                return new AlertLogBatch(List.of(), afterRecordId);
            }
            rows = fetch(c, columns, targetId, afterRecordId);
        } catch (SQLException e) {
            throw new CacheException(io.vigil.i18n.Reason.of("reason.cache.read", TABLE, targetName,
                    io.vigil.config.PoolWait.detail(e, io.vigil.i18n.Reason.of("pool.what.cache"), cache)),
                    "The cache failed reading " + TABLE + " for " + targetName + ": " + e.getMessage(), e);
        }
        if (rows.isEmpty()) {
            return new AlertLogBatch(List.of(), afterRecordId);
        }
        List<AlertLogEntry> entries = new ArrayList<>(grouper.group(rows));
        long last = rows.getLast().recordId();
        // The last entry may be cut off (by this read's bound, or by the mirror between an incident's rows): leave it
        // for the next read, which sees it whole. A bounded read that is one single entry goes out as it is.
        boolean full = rows.size() >= maxRows;
        if (full ? entries.size() > 1 : grouper.awaitsMore(entries.getLast())) {
            last = entries.removeLast().firstRecordId() - 1;
            last = Math.max(last, afterRecordId);
        }
        List<VigilEvent> events = events(targetId, targetName, entries, ignore);
        LOG.debug("Alert log of {}: {} rows after record {}, {} entries, {} events", targetName, rows.size(), afterRecordId,
                entries.size(), events.size());
        return new AlertLogBatch(events, last);
    }

    /** The events of grouped entries (also of a pasted alert_SID.log): routine and ignored entries dropped. */
    public static List<VigilEvent> events(long targetId, String targetName, List<AlertLogEntry> entries, AlertLogIgnoreList ignore) {
        List<VigilEvent> out = new ArrayList<>();
        for (AlertLogEntry e : entries) {
            String text = e.text();
            AlertLogClass k = CLASSIFIER.classify(text);
            if (k.isEvent() && !ignore.ignores(text)) {
                out.add(new VigilEvent(0, targetId, targetName, e.at(), EventType.ALERT_LOG, k.category().name(), k.severity(), k.code(), text));
            }
        }
        return out;
    }

    private static Set<String> columns(Connection c) throws SQLException {
        Set<String> names = new HashSet<>();
        DatabaseMetaData md = c.getMetaData();
        try (ResultSet rs = md.getColumns(c.getCatalog(), c.getSchema(), TABLE, "%")) {
            while (rs.next()) {
                names.add(rs.getString("COLUMN_NAME").toLowerCase(Locale.ROOT));
            }
        }
        return names;
    }

    // A user may have edited the mirror's SQL: a column it no longer reads comes back as NULL instead of failing.
    private List<AlertLogRow> fetch(Connection c, Set<String> columns, long targetId, long after) throws SQLException {
        StringBuilder select = new StringBuilder("SELECT `record_id`");
        for (String col : OPTIONAL) {
            select.append(", ").append(columns.contains(col) ? "`" + col + "`" : "NULL");
        }
        select.append(", `message_text` FROM `").append(TABLE).append("` WHERE `target_id` = ? AND `record_id` > ? ORDER BY `record_id` LIMIT ?");
        List<AlertLogRow> rows = new ArrayList<>();
        ZoneId zone = ZoneId.systemDefault();
        try (PreparedStatement ps = c.prepareStatement(select.toString())) {
            ps.setQueryTimeout(TIMEOUT_SECONDS);
            ps.setLong(1, targetId);
            ps.setLong(2, after);
            ps.setInt(3, maxRows);
            try (ResultSet rs = ps.executeQuery()) {
                Instant previous = null;
                while (rs.next()) {
                    Instant at = CachedValues.instant(rs.getObject(2), zone);
                    at = at != null ? at : previous != null ? previous : Instant.now(); // a row without a time sits with the one before
                    rows.add(new AlertLogRow(CachedValues.number(rs.getObject(1)), at, (int) CachedValues.number(rs.getObject(3)),
                            (int) CachedValues.number(rs.getObject(4)), rs.getString(5)));
                    previous = at;
                }
            }
        }
        return rows;
    }
}
