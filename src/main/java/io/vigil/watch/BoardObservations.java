package io.vigil.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.vigil.alert.Observations;
import io.vigil.i18n.Messages;
import io.vigil.schedule.JobKey;
import io.vigil.schedule.StatusEvent.Status;
import io.vigil.series.Point;
import io.vigil.watch.JobBoard.JobState;
import io.vigil.watch.JobBoard.TargetState;

/**
 * The rules' view of a running collector: its job board and the latest value of every series, all in memory. It lives
 * beside the board it reads, so alerting knows only its {@link Observations} and never the watch that holds it.
 */
public final class BoardObservations implements Observations {

    private final JobBoard board;
    private final LatestValues latest;
    private final Clock clock;
    private final Messages messages;

    public BoardObservations(JobBoard board, LatestValues latest, Clock clock) {
        this(board, latest, clock, new Messages(java.util.Locale.ENGLISH));
    }

    /** As {@link #BoardObservations(JobBoard, LatestValues, Clock)}, with the language of the reasons it gives. */
    public BoardObservations(JobBoard board, LatestValues latest, Clock clock, Messages messages) {
        this.messages = messages;
        this.board = board;
        this.latest = latest;
        this.clock = clock;
    }

    @Override
    public boolean down(long targetId) {
        return state(targetId).health() == Health.DOWN;
    }

    @Override
    public String downReason(long targetId) {
        TargetState s = state(targetId);
        return s.health() == Health.DOWN ? messages.render(s.reason()) : "";
    }

    private TargetState state(long targetId) {
        return board.health(targetId, "", false, latest, clock.instant());
    }

    @Override
    public Optional<Instant> lastOk(long targetId, JobKey job) {
        return board.job(targetId, job).map(JobState::lastOk);
    }

    @Override
    public boolean skipped(long targetId, JobKey job) {
        return board.job(targetId, job).map(j -> j.status() == Status.SKIPPED).orElse(false);
    }

    @Override
    public List<Point> latest(String targetName, String metric) {
        return latest.of(targetName, metric);
    }
}
