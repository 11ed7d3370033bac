package io.vigil.ledger;

/**
 * Who may write for a target right now. A collector that shares its targets with others holds a lease per target; it
 * checks its fence before it caches a snapshot, records a sync or archives points, so a collector that lost a lease
 * (a network partition, a long pause) stops writing for that target before another starts.
 */
@FunctionalInterface
public interface Fence {

    /** A collector that shares nothing may always write. */
    Fence OPEN = targetId -> true;

    /** True while this collector may write for the target. */
    boolean holds(long targetId);

    /** Throws {@link FencedOff} unless this collector may write for the target. */
    default void check(long targetId) {
        if (!holds(targetId)) {
            throw new FencedOff(targetId);
        }
    }
}
