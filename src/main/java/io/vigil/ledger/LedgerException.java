package io.vigil.ledger;

/** The ledger could not be read or written; the message says where and why, fit for a user. */
public final class LedgerException extends RuntimeException {

    public LedgerException(String message) {
        super(message);
    }

    public LedgerException(String message, Throwable cause) {
        super(message, cause);
    }
}
