package io.vigil.target;

/** A failure talking to a target, classified and worded for a DBA; the driver's exception is the cause. */
public final class TargetFailure extends RuntimeException {

    private final FailureKind kind;

    public TargetFailure(FailureKind kind, String message, Throwable cause) {
        super(message, cause);
        this.kind = kind;
    }

    public FailureKind kind() {
        return kind;
    }
}
