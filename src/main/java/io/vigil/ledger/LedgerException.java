package io.vigil.ledger;

import io.vigil.i18n.Reason;

/** The ledger could not be read or written; the message says where and why, fit for a user. */
public final class LedgerException extends RuntimeException {

    private final Reason reason;

    public LedgerException(String message) {
        this(message, null);
    }

    public LedgerException(String message, Throwable cause) {
        this(Reason.of("reason.ledger.other", message == null ? "" : message), message, cause);
    }

    public LedgerException(Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.reason = reason;
    }

    /** What failed, for {@code Messages.render}. */
    public Reason reason() {
        return reason;
    }
}
