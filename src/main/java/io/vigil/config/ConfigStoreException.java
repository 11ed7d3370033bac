package io.vigil.config;

/** The config store could not be opened, read or written; the message is fit to show a user. */
public class ConfigStoreException extends RuntimeException {

    public ConfigStoreException(String message, Throwable cause) {
        super(message, cause);
    }

    public ConfigStoreException(String message) {
        super(message);
    }
}
