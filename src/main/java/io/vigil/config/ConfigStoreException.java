package io.vigil.config;

import java.util.Locale;

import io.vigil.i18n.Messages;
import io.vigil.i18n.Reason;

/**
 * The config store, the settings file, the key file or a shipped pack could not be opened, read or written;
 * {@link #reason()} says what and why, in words, and {@link #describe(Messages)} in the reader's language. The message
 * is the same in English, for logs.
 */
public class ConfigStoreException extends RuntimeException {

    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);

    private final transient Reason reason;

    public ConfigStoreException(Reason reason, Throwable cause) {
        this(ENGLISH.render(reason), reason, cause);
    }

    public ConfigStoreException(Reason reason) {
        this(reason, null);
    }

    /** For a failure that words itself ({@link InputException}): {@code message} in the language it was raised with. */
    protected ConfigStoreException(String message, Reason reason, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** What failed and why, for {@link Messages#render(Reason)}. */
    public Reason reason() {
        return reason;
    }

    /** What failed and why, in the language of {@code messages}. */
    public String describe(Messages messages) {
        return messages.render(reason);
    }
}
