package io.vigil.series;

/**
 * The series store could not be written or read; the message names the store and the reason, in English for logs.
 * When the server answered with an error, {@link #status()} is its HTTP status and {@link #serverText()} its own words.
 */
public final class SeriesStoreException extends RuntimeException {

    private final int status;
    private final String serverText;
    private final transient io.vigil.i18n.Reason reason;

    public SeriesStoreException(String message, Throwable cause) {
        this(io.vigil.i18n.Reason.NONE, message, cause);
    }

    /** With the failure in words for a user ({@link #reason()}); {@code message} stays English, for logs. */
    public SeriesStoreException(io.vigil.i18n.Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.status = 0;
        this.serverText = "";
        this.reason = reason;
    }

    public SeriesStoreException(String message) {
        this(message, (Throwable) null);
    }

    /** The server answered {@code status} with the error {@code serverText}. */
    public SeriesStoreException(String message, int status, String serverText) {
        this(io.vigil.i18n.Reason.NONE, message, status, serverText);
    }

    /** As {@link #SeriesStoreException(String, int, String)}, with the failure in words for a user. */
    public SeriesStoreException(io.vigil.i18n.Reason reason, String message, int status, String serverText) {
        super(message);
        this.status = status;
        this.serverText = serverText == null ? "" : serverText.strip();
        this.reason = reason;
    }

    /** The failure in words, for {@code Messages.render}; {@link io.vigil.i18n.Reason#NONE} where none was given. */
    public io.vigil.i18n.Reason reason() {
        return reason;
    }

    /** The HTTP status the server answered with; 0 when it did not answer. */
    public int status() {
        return status;
    }

    /** The server's own error text; empty when it said none. */
    public String serverText() {
        return serverText;
    }
}
