package io.vigil.ledger;

/** A write for a target this collector no longer holds the lease of: the run ends without writing, and says nothing. */
public final class FencedOff extends RuntimeException {

    private final long targetId;

    public FencedOff(long targetId) {
        super("target " + targetId + " is held by another collector", null, false, false);
        this.targetId = targetId;
    }

    public long targetId() {
        return targetId;
    }
}
