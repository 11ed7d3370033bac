package io.vigil.mirror;

import io.vigil.i18n.Reason;

/** The cache database refused a write or read; the message names the cache and the table. */
public final class CacheException extends RuntimeException {

    private final Reason reason;

    public CacheException(String message, Throwable cause) {
        this(Reason.of("reason.cache.other", message == null ? "" : message), message, cause);
    }

    public CacheException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** What failed, for {@code Messages.render}. */
    public Reason reason() {
        return reason;
    }
}
