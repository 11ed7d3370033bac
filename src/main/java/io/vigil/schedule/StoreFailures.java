package io.vigil.schedule;

import java.net.ConnectException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.sql.SQLException;

import io.vigil.config.NetworkFailures;
import io.vigil.config.PoolWait;
import io.vigil.i18n.Reason;
import io.vigil.schedule.DataStores.Role;
import io.vigil.series.SeriesStoreException;
import io.vigil.tls.TlsRefused;

import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;

/**
 * Why the cache, ledger or series store on a server could not be opened or did not answer, in words chosen by the
 * failure's type, SQLState, vendor code or HTTP status, never by its text. The server's own sentence is quoted where
 * the server spoke (MySQL's "Access denied for user …", Redis's WRONGPASS, InfluxDB's error), never a driver's.
 */
final class StoreFailures {

    private static final int MYSQL_DB_ACCESS_DENIED = 1044;
    private static final int MYSQL_ACCESS_DENIED = 1045;
    private static final int MYSQL_UNKNOWN_DATABASE = 1049;

    private StoreFailures() {
    }

    /** The store's name in words, for the first argument of every {@code dataStore.*} sentence. */
    static Reason name(Role role) {
        return Reason.of("dataStore." + role.name());
    }

    /** The address as shown: without its parameters (they may carry a password, and the CA file is not the place). */
    static String shown(String url) {
        String u = url == null ? "" : url.strip();
        int q = u.indexOf('?');
        return q < 0 ? u : u.substring(0, q);
    }

    /** Why the store {@code role} at {@code url} failed with {@code e}, in words. */
    static Reason reason(Role role, String url, Throwable e) {
        Reason store = name(role);
        String at = shown(url);
        TlsRefused tls = find(e, TlsRefused.class);
        if (tls != null) {
            return Reason.of("dataStore.tls", store, at, tls.reason());
        }
        if (e instanceof DataStores.Refused refused) {
            return refused.reason();
        }
        SQLException sql = find(e, SQLException.class);
        if (sql != null) {
            return sql(store, at, PoolWait.real(sql));
        }
        JedisAccessControlException denied = find(e, JedisAccessControlException.class);
        if (denied != null) {
            return Reason.of("dataStore.loginRefused", store, at, firstLine(denied));
        }
        SeriesStoreException series = find(e, SeriesStoreException.class);
        if (series != null && series.status() == 401 || series != null && series.status() == 403) {
            return Reason.of("dataStore.loginRefused", store, at, series.serverText());
        }
        if (find(e, com.fasterxml.jackson.core.JacksonException.class) != null || series != null && series.status() == 404) {
            return Reason.of("dataStore.notInflux", store, at);
        }
        if (unreachable(e)) {
            return Reason.of("dataStore.unreachable", store, at, why(e));
        }
        JedisDataException data = find(e, JedisDataException.class);
        if (data != null) {
            return Reason.of("dataStore.failed", store, at, firstLine(data)); // Redis's reply
        }
        if (series != null && !series.serverText().isEmpty()) {
            return Reason.of("dataStore.failed", store, at, series.serverText());
        }
        return Reason.of("dataStore.failed.noDetail", store, at);
    }

    private static Reason sql(Reason store, String at, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        int code = e.getErrorCode();
        if (code == MYSQL_ACCESS_DENIED || state.equals("28000")) {
            return Reason.of("dataStore.loginRefused", store, at, firstLine(e));
        }
        if (code == MYSQL_UNKNOWN_DATABASE) {
            return Reason.of("dataStore.unknownDatabase", store, at, firstLine(e));
        }
        if (code == MYSQL_DB_ACCESS_DENIED) {
            return Reason.of("dataStore.dbDenied", store, at, firstLine(e));
        }
        if (state.startsWith("08") || unreachable(e)) {
            return Reason.of("dataStore.unreachable", store, at, why(e));
        }
        // MySQL's server errors are numbered 1000-1999 and 3000-9999: its sentence; anything else by its code
        boolean server = code >= 1000 && code < 2000 || code >= 3000 && code < 10_000;
        return Reason.of("dataStore.failed", store, at, server ? firstLine(e)
                : Reason.of("configStore.code", code, state.isEmpty() ? "-" : state));
    }

    private static boolean unreachable(Throwable e) {
        return find(e, JedisConnectionException.class) != null || find(e, ConnectException.class) != null
                || find(e, UnknownHostException.class) != null || find(e, UnresolvedAddressException.class) != null
                || timedOut(e) || find(e, java.io.IOException.class) != null;
    }

    private static boolean timedOut(Throwable e) {
        return NetworkFailures.timedOut(e);
    }

    private static Reason why(Throwable e) {
        return NetworkFailures.why(e);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type) {
        return NetworkFailures.find(e, type);
    }

    private static String firstLine(Throwable e) {
        String m = e.getMessage() == null ? "" : e.getMessage();
        return m.lines().findFirst().orElse("").strip();
    }
}
