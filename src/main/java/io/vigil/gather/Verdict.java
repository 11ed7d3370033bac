package io.vigil.gather;

import java.time.Instant;

/**
 * What verify decided for one pick.
 *
 * @param go           whether to pick
 * @param stale        true when a needed mirror is missing or too old (a problem to show), false when there is merely
 *                     nothing new since the last pick (normal between mirror runs)
 * @param reason       why not, in words; empty when go
 * @param snapshotTime the source time the picked values belong to (the oldest of the needed mirrors' snapshots)
 */
public record Verdict(boolean go, boolean stale, String reason, Instant snapshotTime) {

    static Verdict pick(Instant snapshotTime) {
        return new Verdict(true, false, "", snapshotTime);
    }

    static Verdict stale(String reason) {
        return new Verdict(false, true, reason, null);
    }

    static Verdict waiting(String reason) {
        return new Verdict(false, false, reason, null);
    }
}
