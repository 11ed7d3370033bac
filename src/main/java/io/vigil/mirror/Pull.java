package io.vigil.mirror;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.postgresql.PGConnection;

import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.config.TargetKind;

/**
 * Reads a mirror's rows (with the SQL of the variant the server's version picks) from a target without holding them all: a forward-only cursor with a fetch size (streaming on
 * MySQL, a server cursor on PostgreSQL), a query timeout and the row cap. Append mirrors read only past the cached
 * watermark, oldest first; on their first run, the newest rows up to the cap.
 */
final class Pull {

    static final int FETCH = 500;

    private Pull() {
    }

    /** The target's own clock now: the source time the snapshot is stamped with. */
    static Instant sourceTime(Connection c, TargetKind kind) throws SQLException {
        TargetKind pack = kind.packKind();
        String sql = switch (pack) {
            case MYSQL -> "SELECT UTC_TIMESTAMP(3)"; // no zone attached: read it as UTC, whatever the JVM's zone is
            case POSTGRES -> "SELECT clock_timestamp()";
            default -> "SELECT SYSTIMESTAMP FROM dual";
        };
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            if (pack == TargetKind.MYSQL) {
                return LocalDateTime.parse(rs.getString(1).replace(' ', 'T')).toInstant(ZoneOffset.UTC);
            }
            return rs.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    /**
     * Whether the read's text arrives as the bytes the target stores. A PostgreSQL database in {@code SQL_ASCII} (old
     * sites, Latin-1 text most often) holds whatever bytes its clients wrote, and the server refuses to send bytes that
     * are not UTF-8 to a UTF-8 client (SQLState 22021), which fails the whole read. For such a database the read's
     * transaction asks for the bytes as stored ({@code SET LOCAL client_encoding}: the rollback that ends the read puts
     * the connection back) and the mirror decodes them itself ({@link Mends#text}). The server tells its encoding at login:
     * this costs no query. Call after {@link #prepare}, which opens the transaction on PostgreSQL.
     */
    static boolean textAsBytes(Connection c, TargetKind kind) throws SQLException {
        if (!storesAnyBytes(c, kind)) {
            return false;
        }
        try (Statement s = c.createStatement()) {
            s.execute("SET LOCAL client_encoding TO 'SQL_ASCII'");
        }
        return true;
    }

    /** Whether the target is a PostgreSQL database in {@code SQL_ASCII}, whose text may be any bytes. */
    static boolean storesAnyBytes(Connection c, TargetKind kind) throws SQLException {
        return kind.packKind() == TargetKind.POSTGRES && c.isWrapperFor(PGConnection.class)
                && "SQL_ASCII".equalsIgnoreCase(c.unwrap(PGConnection.class).getParameterStatus("server_encoding"));
    }

    /** The statement that reads the mirror, ready to execute. */
    static PreparedStatement prepare(Connection c, TargetKind kind, MirrorDef def, String read, Object watermark, int timeoutSeconds)
            throws SQLException {
        String body = read.strip();
        while (body.endsWith(";")) {
            body = body.substring(0, body.length() - 1).strip();
        }
        String sql = body;
        if (def.mode() == MirrorMode.APPEND) {
            String w = "v." + def.watermarkColumn();
            sql = "SELECT * FROM (" + body + ") v" + (watermark == null ? " ORDER BY " + w + " DESC" : " WHERE " + w + " > ? ORDER BY " + w);
        }
        if (kind.packKind() == TargetKind.POSTGRES) {
            c.setAutoCommit(false); // pgjdbc only streams inside a transaction
        }
        PreparedStatement ps = c.prepareStatement(sql, ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY);
        ps.setFetchSize(kind.packKind() == TargetKind.MYSQL ? Integer.MIN_VALUE : FETCH); // MIN_VALUE: MySQL's row streaming
        ps.setQueryTimeout(timeoutSeconds);
        ps.setMaxRows(def.rowCap() + 1); // one more than the cap shows whether the cap cut the source short
        if (def.mode() == MirrorMode.APPEND && watermark != null) {
            ps.setObject(1, watermark);
        }
        return ps;
    }
}
