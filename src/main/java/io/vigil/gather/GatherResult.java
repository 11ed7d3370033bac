package io.vigil.gather;

import java.time.Instant;

import io.vigil.i18n.Reason;

/**
 * One gather run: picked and archived, waiting for a new snapshot, or refused as stale.
 *
 * @param outcome      what happened
 * @param points       points produced (counters give none on their first reading)
 * @param archived     whether they reached the series store (false: spooled)
 * @param cause        verify's decision, the fact code decides on (e.g. whether to try again soon)
 * @param reason       why not picked, or a remark on the pick (no rows), for users; {@link Reason#NONE} otherwise
 * @param snapshotTime the source time of the values, when picked
 */
public record GatherResult(Outcome outcome, int points, boolean archived, Verdict.Cause cause, Reason reason, Instant snapshotTime) {

    /** How a gather run ended. */
    public enum Outcome { PICKED, WAITING, STALE }

    /** A needed mirror has not synced yet: the run is worth repeating soon rather than a whole interval later. */
    public boolean notSyncedYet() {
        return cause == Verdict.Cause.NOT_SYNCED_YET;
    }
}
