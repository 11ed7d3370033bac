package io.vigil.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.vigil.alert.Observations;
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

    public BoardObservations(JobBoard board, LatestValues latest, Clock clock) {
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
        return s.health() == Health.DOWN ? s.reason() : "";
    }

    private TargetState state(long targetId) {
        return board.health(targetId, "", false, latest, clock.instant());
    }

    @Override
    public Optional<Instant> lastOk(long targetId, String job) {
        return board.job(targetId, job).map(JobState::lastOk);
    }

    @Override
    public boolean skipped(long targetId, String job) {
        return board.job(targetId, job).map(j -> j.status() == Status.SKIPPED).orElse(false);
    }

    @Override
    public List<Point> latest(String targetName, String metric) {
        return latest.of(targetName, metric);
    }
}
