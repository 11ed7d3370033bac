package io.vigil.schedule;

import java.time.Duration;
import java.time.Instant;

import io.vigil.i18n.Reason;

/**
 * What one job run did, for the console and the CLI.
 *
 * @param targetId   the target
 * @param targetName its name
 * @param job        which job: the connection, a mirror or a metric
 * @param status     how it ended
 * @param reason     why, as a message key and its arguments ({@link Reason#NONE} when there is nothing to say)
 * @param took       how long it ran
 * @param rows       rows mirrored or points archived
 * @param at         when it finished
 */
public record StatusEvent(long targetId, String targetName, JobKey job, Status status, Reason reason, Duration took, long rows,
                          Instant at) {

    /** How a job run ended. */
    public enum Status {
        /** Done. */
        OK,
        /** Nothing new to pick yet (normal between mirror runs). */
        WAITING,
        /** A needed mirror is missing or too old. */
        STALE,
        /** The run failed; the reason says why. */
        ERROR,
        /** Not run: the target is backing off after failures. */
        BACKOFF,
        /** Not run: the server's version has not got what the mirror reads (e.g. 11g and V$DIAG_ALERT_EXT). */
        SKIPPED,
        /**
         * The mirror's SQL was refused (bad SQL, a missing privilege): it is tried again after growing intervals, not
         * every interval; the reason says until when. The target itself is fine.
         */
        QUARANTINED
    }
}
