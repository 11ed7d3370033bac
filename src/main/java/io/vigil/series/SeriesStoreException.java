package io.vigil.series;

/** The series store could not be written or read; the message names the store and the reason. */
public final class SeriesStoreException extends RuntimeException {

    public SeriesStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public SeriesStoreException(String message) {
        super(message);
    }
}
