package io.vigil.config;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.sql.SQLException;
import java.sql.SQLIntegrityConstraintViolationException;
import java.sql.SQLTimeoutException;

import javax.sql.DataSource;

import org.h2.jdbc.JdbcException;

import io.vigil.i18n.Reason;

/**
 * Turns driver exceptions into sentences a DBA can act on, chosen by SQLState, vendor code and exception type; the
 * driver's exception stays as the cause. Only MySQL's own sentence (the server speaking, e.g. "Access denied for
 * user …") is quoted; the embedded store's errors are told by their code.
 */
final class SqlErrors {

    private static final int MYSQL_DB_ACCESS_DENIED = 1044;
    private static final int MYSQL_ACCESS_DENIED = 1045;
    private static final int MYSQL_UNKNOWN_DATABASE = 1049;
    private static final int H2_DATABASE_IN_USE = 90020;

    private SqlErrors() {
    }

    /**
     * The failure of {@code action} on the store at {@code location}, in words.
     *
     * @param pool the pool the connection was asked from, for the words of its time-out; null when there is none yet
     */
    static ConfigStoreException translate(Reason action, String location, SQLException thrown, DataSource pool) {
        SQLException e = PoolWait.real(thrown);
        if (PoolWait.is(e)) {
            return new ConfigStoreException(Reason.of("configStore.failed", location, action, PoolWait.reason(location, pool)), thrown);
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        if (e.getErrorCode() == MYSQL_ACCESS_DENIED || state.equals("28000") || state.equals("28P01")) {
            return new ConfigStoreException(Reason.of("configStore.loginRefused", location, serverText(e)), thrown);
        }
        if (e.getErrorCode() == MYSQL_UNKNOWN_DATABASE) {
            return new ConfigStoreException(Reason.of("configStore.noDatabase", location, serverText(e)), thrown);
        }
        if (e.getErrorCode() == MYSQL_DB_ACCESS_DENIED) {
            return new ConfigStoreException(Reason.of("configStore.dbDenied", location, serverText(e)), thrown);
        }
        if (state.startsWith("08") || e instanceof SQLTimeoutException || has(e, ConnectException.class)
                || has(e, UnknownHostException.class) || has(e, SocketTimeoutException.class)) {
            return new ConfigStoreException(Reason.of("configStore.unreachable", location, unreachable(e)), thrown);
        }
        if (e.getErrorCode() == H2_DATABASE_IN_USE) {
            return new ConfigStoreException(Reason.of("configStore.locked", location), thrown);
        }
        if (e instanceof SQLIntegrityConstraintViolationException || state.startsWith("23")) {
            return new ConfigStoreException(Reason.of("configStore.conflict", location), thrown);
        }
        return new ConfigStoreException(Reason.of("configStore.failed", location, action, detail(e)), thrown);
    }

    /** Why a server could not be reached, from the type of the error under the driver's. */
    static Reason unreachable(Throwable e) {
        return NetworkFailures.why(e);
    }

    /** What the store said: MySQL's sentence; for the embedded store, its error code (its text holds the SQL and its internals). */
    private static Object detail(SQLException e) {
        if (e instanceof JdbcException || e.getErrorCode() <= 0) {
            return Reason.of("configStore.code", e.getErrorCode(), e.getSQLState() == null ? "-" : e.getSQLState());
        }
        return serverText(e);
    }

    private static String serverText(SQLException e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        int nl = m.indexOf('\n');
        return (nl < 0 ? m : m.substring(0, nl)).strip();
    }

    private static boolean has(Throwable e, Class<? extends Throwable> type) {
        int depth = 0;
        for (Throwable t = e; t != null && depth < 20; t = t.getCause(), depth++) {
            if (type.isInstance(t)) {
                return true;
            }
        }
        return false;
    }
}
