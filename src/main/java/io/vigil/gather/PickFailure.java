package io.vigil.gather;

/** A metric's SQL could not be run on the cache, or did not return numbers; the message says which and why. */
public final class PickFailure extends RuntimeException {

    public PickFailure(String message, Throwable cause) {
        super(message, cause);
    }

    public PickFailure(String message) {
        super(message);
    }
}
