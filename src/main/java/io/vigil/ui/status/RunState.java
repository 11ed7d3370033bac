package io.vigil.ui.status;

import java.util.Locale;

import io.vigil.schedule.StatusEvent.Status;
import io.vigil.watch.Watch.JobRow;

/** What the Pipelines pane says about a job, worst first so that sorting by it puts trouble on top. */
public enum RunState {
    ERROR, QUARANTINED, BACKOFF, STALE, SKIPPED, WAITING, OK, PENDING, PAUSED;

    /** The job's state from its row: paused whatever ran last, not run yet, or how its last run ended. */
    public static RunState of(JobRow row) {
        if (row.paused()) {
            return PAUSED;
        }
        return row.last().map(s -> of(s.status())).orElse(PENDING);
    }

    static RunState of(Status status) {
        return switch (status) {
            case OK -> OK;
            case WAITING -> WAITING;
            case STALE -> STALE;
            case ERROR -> ERROR;
            case BACKOFF -> BACKOFF;
            case SKIPPED -> SKIPPED;
            case QUARANTINED -> QUARANTINED;
        };
    }

    /** Whether someone should look at it: failed, quarantined, backing off, or working on data too old to use. */
    public boolean problem() {
        return this == ERROR || this == QUARANTINED || this == BACKOFF || this == STALE;
    }

    public String styleClass() {
        return "run-" + name().toLowerCase(Locale.ROOT);
    }
}
