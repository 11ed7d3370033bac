package io.vigil.target;

import io.vigil.i18n.Reason;

/**
 * A failure talking to a target, classified and worded for a DBA; the driver's exception is the cause. {@link #reason()}
 * is what users read (in their language, with the server's own error text as an argument); the message is its English
 * form, for logs.
 */
public final class TargetFailure extends RuntimeException {

    private final FailureKind kind;
    private final Reason reason;

    public TargetFailure(FailureKind kind, String message, Throwable cause) {
        this(kind, Reason.of("reason.text", message == null ? "" : message), message, cause);
    }

    public TargetFailure(FailureKind kind, Reason reason, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
        this.reason = reason;
    }

    public FailureKind kind() {
        return kind;
    }

    /** What failed and what to do about it, for {@code Messages.render}. */
    public Reason reason() {
        return reason;
    }
}
