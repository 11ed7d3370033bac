package io.vigil.watch;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Consumer;

import io.vigil.i18n.Reason;
import io.vigil.schedule.JobKey;
import io.vigil.schedule.StatusEvent;
import io.vigil.schedule.StatusEvent.Status;

/**
 * The last run of every job, from the collector's status events, and what they say about each target's health.
 * Listens on collector threads; read by the console once a second.
 */
public final class JobBoard implements Consumer<StatusEvent> {

    /** The last run of one job, and when it last went well. */
    public record JobState(long targetId, String targetName, JobKey job, Status status, Reason reason, Instant lastRun, Duration took,
                           long rows, Instant lastOk) {
    }

    /**
     * A target's health, the reason when it is not OK (the job and its own reason: "mirror sysstat: ORA-00942 …", rendered
     * by {@code Messages}), and the age of its newest point.
     */
    public record TargetState(long targetId, String name, Health health, Reason reason, Optional<Duration> dataAge) {
    }

    // By target, then job: a target's health reads its own jobs, not every target's (the rules ask for each target every cycle).
    private final Map<Long, Map<JobKey, JobState>> jobs = new ConcurrentHashMap<>();

    @Override
    public void accept(StatusEvent e) {
        jobs.computeIfAbsent(e.targetId(), k -> new ConcurrentHashMap<>()).compute(e.job(), (k, old) -> {
            Instant lastOk = e.status() == Status.OK ? e.at() : old == null ? null : old.lastOk();
            return new JobState(e.targetId(), e.targetName(), e.job(), e.status(), e.reason(), e.at(), e.took(), e.rows(), lastOk);
        });
    }

    /** Takes a job's last run as another collector published it. */
    public void put(JobState s) {
        jobs.computeIfAbsent(s.targetId(), k -> new ConcurrentHashMap<>()).put(s.job(), s);
    }

    /** Every job's last run, by target name and job. */
    public List<JobState> jobs() {
        List<JobState> out = new ArrayList<>();
        jobs.values().forEach(mine -> out.addAll(mine.values()));
        out.sort(Comparator.comparing(JobState::targetName).thenComparing(JobState::job));
        return out;
    }

    /** The last run of one job of a target, if it has run. */
    public Optional<JobState> job(long targetId, JobKey job) {
        return Optional.ofNullable(jobs.getOrDefault(targetId, Map.of()).get(job));
    }

    /** Forgets the jobs of a target (deleted), or of all targets (the collector restarted with a new plan). */
    public void forget(long targetId) {
        jobs.remove(targetId);
    }

    /**
     * The target's health: DOWN when its connection failed or it is backing off, ERROR when a job's last run failed (or
     * its mirror is quarantined),
     * STALE when a metric's last pick was refused as stale, OK when anything ran and none of those hold.
     */
    public TargetState health(long targetId, String name, boolean paused, LatestValues latest, Instant now) {
        Optional<Duration> age = latest.newest(name).map(t -> Duration.between(t, now)).map(d -> d.isNegative() ? Duration.ZERO : d);
        if (paused) {
            return new TargetState(targetId, name, Health.PAUSED, Reason.NONE, age);
        }
        List<JobState> mine = List.copyOf(jobs.getOrDefault(targetId, Map.of()).values());
        if (mine.isEmpty()) {
            return new TargetState(targetId, name, Health.UNKNOWN, Reason.NONE, age);
        }
        Optional<JobState> down = mine.stream()
                .filter(j -> j.status() == Status.BACKOFF || (j.job().isConnect() && j.status() == Status.ERROR))
                .max(Comparator.comparing(JobState::lastRun));
        Optional<JobState> connected = mine.stream().filter(j -> j.job().isConnect() && j.status() == Status.OK).findFirst();
        if (down.isPresent() && (connected.isEmpty() || connected.get().lastRun().isBefore(down.get().lastRun()))) {
            return new TargetState(targetId, name, Health.DOWN, reasonOf(down.get()), age);
        }
        for (Status bad : new Status[] {Status.ERROR, Status.STALE}) {
            // a quarantined mirror is an error of that job; its target is fine
            Optional<JobState> worst = mine.stream().filter(j -> j.status() == bad || bad == Status.ERROR && j.status() == Status.QUARANTINED)
                    .min(Comparator.comparing(JobState::job));
            if (worst.isPresent()) {
                return new TargetState(targetId, name, bad == Status.ERROR ? Health.ERROR : Health.STALE, reasonOf(worst.get()), age);
            }
        }
        return new TargetState(targetId, name, Health.OK, Reason.NONE, age);
    }

    private static Reason reasonOf(JobState j) {
        return Reason.of("health.reason", j.job().label(), j.reason());
    }
}
