package io.vigil.gather;

import io.vigil.i18n.Reason;

/**
 * A metric's SQL could not be run on the cache, or did not return numbers; {@link #reason()} says which and why for
 * users, the message in English for logs.
 */
public final class PickFailure extends RuntimeException {

    private final Reason reason;

    public PickFailure(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    public PickFailure(Reason reason, String message) {
        this(reason, message, null);
    }

    public Reason reason() {
        return reason;
    }
}
