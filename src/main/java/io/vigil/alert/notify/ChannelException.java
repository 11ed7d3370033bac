package io.vigil.alert.notify;

import java.io.IOException;
import java.io.Serial;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.util.List;

import javax.net.ssl.SSLException;

import io.vigil.i18n.Messages;

/**
 * Why a channel could not deliver, as a message key and its arguments for the user's language, and whether the same
 * message may get through later without anyone changing the channel.
 */
public final class ChannelException extends Exception {

    @Serial
    private static final long serialVersionUID = 1L;

    private final String key;
    private final transient List<Object> args;
    private final boolean transientFault;

    /** A failure that is worth retrying soon (the receiver is down, the network broke). */
    public static ChannelException transientFault(String key, Object... args) {
        return new ChannelException(key, List.of(args), true, null);
    }

    /** A failure that needs someone to change the channel (bad URL, refused login); it is still retried, slowly. */
    public static ChannelException permanent(String key, Object... args) {
        return new ChannelException(key, List.of(args), false, null);
    }

    /** Classifies a network failure talking to {@code receiver} by its type, never by its message. */
    public static ChannelException of(IOException e, String receiver, int timeoutSeconds) {
        ChannelException out;
        if (e instanceof HttpConnectTimeoutException || e instanceof HttpTimeoutException || e instanceof SocketTimeoutException) {
            out = new ChannelException("notify.error.timeout", List.of(receiver, timeoutSeconds), true, e);
        } else if (e instanceof ConnectException || e instanceof NoRouteToHostException) {
            out = new ChannelException("notify.error.refused", List.of(receiver), true, e);
        } else if (e instanceof UnknownHostException) {
            out = new ChannelException("notify.error.unknownHost", List.of(receiver), false, e);
        } else if (e instanceof SSLException) {
            out = new ChannelException("notify.error.tls", List.of(receiver), false, e);
        } else if (e.getCause() instanceof IOException cause && cause != e) {
            // HttpClient wraps the real failure (a refused connection is a ConnectException inside an IOException)
            out = of(cause, receiver, timeoutSeconds);
        } else {
            out = new ChannelException("notify.error.network", List.of(receiver), true, e);
        }
        return out;
    }

    private ChannelException(String key, List<Object> args, boolean transientFault, Throwable cause) {
        super(key + " " + args, cause);
        this.key = key;
        this.args = args;
        this.transientFault = transientFault;
    }

    /** The message key in the {@code io.vigil.i18n.messages} bundle. */
    public String key() {
        return key;
    }

    public List<Object> args() {
        return args;
    }

    /** Whether retrying soon can help; permanent faults are still retried, at the slowest pace. */
    public boolean isTransient() {
        return transientFault;
    }

    /** The reason in the user's words. */
    public String describe(Messages messages) {
        return messages.get(key, args.toArray());
    }
}
