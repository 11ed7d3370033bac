package io.vigil.config;

import java.net.ConnectException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.sql.SQLTimeoutException;

import io.vigil.i18n.Reason;

/**
 * Why a server did not answer, from the type of the error under a client's or driver's (never its text): the host name
 * is not known, it did not answer in time, nothing listens there, or the connection failed or was cut.
 */
public final class NetworkFailures {

    private NetworkFailures() {
    }

    /** The reason in words: {@code configStore.why.unknownHost}, {@code .timeout}, {@code .refused} or {@code .lost}. */
    public static Reason why(Throwable e) {
        if (find(e, UnknownHostException.class) != null || find(e, UnresolvedAddressException.class) != null) {
            return Reason.of("configStore.why.unknownHost");
        }
        if (timedOut(e)) {
            return Reason.of("configStore.why.timeout");
        }
        if (find(e, ConnectException.class) != null) {
            return Reason.of("configStore.why.refused");
        }
        return Reason.of("configStore.why.lost");
    }

    /** Whether a time-out is among the causes: a JDBC, socket or HTTP one. */
    public static boolean timedOut(Throwable e) {
        return find(e, SQLTimeoutException.class) != null || find(e, SocketTimeoutException.class) != null
                || find(e, HttpTimeoutException.class) != null;
    }

    /** The first {@code type} among {@code e}, its causes and what they suppressed (a client that tried every address keeps each failure there). */
    public static <T extends Throwable> T find(Throwable e, Class<T> type) {
        return find(e, type, 0);
    }

    private static <T extends Throwable> T find(Throwable e, Class<T> type, int depth) {
        if (e == null || depth > 20) {
            return null;
        }
        if (type.isInstance(e)) {
            return type.cast(e);
        }
        for (Throwable s : e.getSuppressed()) {
            T found = find(s, type, depth + 1);
            if (found != null) {
                return found;
            }
        }
        return e.getCause() == e ? null : find(e.getCause(), type, depth + 1);
    }
}
