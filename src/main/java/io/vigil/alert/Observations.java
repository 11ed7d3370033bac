package io.vigil.alert;

import java.time.Instant;
import java.util.List;
import java.util.Optional;

import io.vigil.config.TargetKind;
import io.vigil.schedule.JobKey;
import io.vigil.series.Point;
import io.vigil.series.SpaceForecast;

/** What the rules look at: the collector's view of each target, read from memory. */
public interface Observations {

    /** Whether the target cannot be reached now (its connection failed, or it is backing off). */
    boolean down(long targetId);

    /** Why it is down, in the collector's words; empty when it is not. */
    String downReason(long targetId);

    /** When the job (a metric or a mirror) last went well, if ever. */
    Optional<Instant> lastOk(long targetId, JobKey job);

    /** Whether the job is skipped on this target (the server's version lacks what it reads). */
    boolean skipped(long targetId, JobKey job);

    /** The newest point of every series of the metric for the target. */
    List<Point> latest(String targetName, String metric);

    /**
     * The days-until-full forecasts of the target's spaces, refreshed every few minutes rather than every cycle (a
     * week of points changes little in five seconds); empty when nothing forecasts here.
     */
    default List<SpaceForecast> forecasts(String targetName, TargetKind kind) {
        return List.of();
    }
}
