package io.vigil.gather;

import java.time.Instant;

import io.vigil.i18n.Reason;

/**
 * What verify decided for one pick.
 *
 * @param go           whether to pick
 * @param cause        why (or why not): the fact code decides on
 * @param reason       why not, for users; {@link Reason#NONE} when go
 * @param snapshotTime the source time the picked values belong to (the oldest of the needed mirrors' snapshots)
 */
public record Verdict(boolean go, Cause cause, Reason reason, Instant snapshotTime) {

    /** Why verify decided as it did. */
    public enum Cause {
        /** Every needed mirror is fresh and has a snapshot newer than the last pick. */
        FRESH,
        /** A needed mirror has never synced (at start, before its first run): worth trying again soon. */
        NOT_SYNCED_YET,
        /** A needed mirror is older than the metric's freshness bound. */
        TOO_OLD,
        /** The metric names no mirror. */
        NO_MIRROR,
        /** Nothing new since the last pick (normal between mirror runs). */
        NOTHING_NEW
    }

    /** True when a needed mirror is missing or too old (a problem to show), false when go or merely nothing new. */
    public boolean stale() {
        return cause == Cause.NOT_SYNCED_YET || cause == Cause.TOO_OLD || cause == Cause.NO_MIRROR;
    }

    static Verdict pick(Instant snapshotTime) {
        return new Verdict(true, Cause.FRESH, Reason.NONE, snapshotTime);
    }

    static Verdict stale(Cause cause, Reason reason) {
        return new Verdict(false, cause, reason, null);
    }

    static Verdict waiting(Reason reason) {
        return new Verdict(false, Cause.NOTHING_NEW, reason, null);
    }
}
