package io.vigil.gather;

import java.time.Instant;

/**
 * One gather run: picked and archived, waiting for a new snapshot, or refused as stale.
 *
 * @param outcome      what happened
 * @param points       points produced (counters give none on their first reading)
 * @param archived     whether they reached the series store (false: spooled)
 * @param reason       why not picked, in words; empty otherwise
 * @param snapshotTime the source time of the values, when picked
 */
public record GatherResult(Outcome outcome, int points, boolean archived, String reason, Instant snapshotTime) {

    /** How a gather run ended. */
    public enum Outcome { PICKED, WAITING, STALE }
}
