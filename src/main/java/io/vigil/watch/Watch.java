package io.vigil.watch;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vigil.alert.Alerting;
import io.vigil.config.Alert;
import io.vigil.config.DataDisk;
import io.vigil.config.Target;
import io.vigil.gather.Spool;
import io.vigil.schedule.Collector.JobId;
import io.vigil.schedule.JobKey;
import io.vigil.schedule.LocalCollector;
import io.vigil.watch.JobBoard.JobState;
import io.vigil.watch.JobBoard.TargetState;

/**
 * What the console shows of a running collector, one snapshot at a time: each target's health, each job's last and next
 * run, the latest values, the spool's fill and the room on the data folder's disk. Building one reads memory and asks
 * the file system for the disk's free space (one statfs call), so the console can take one a second, off the FX thread.
 */
public final class Watch {

    /**
     * One scheduled job: its last run (none yet before the first), when it runs next, whether its target is paused, and
     * which collector runs it (empty for this console's own).
     */
    public record JobRow(long targetId, String targetName, JobKey job, Optional<JobState> last, Optional<Instant> nextRun, boolean paused,
                         String runBy) {

        public JobRow(long targetId, String targetName, JobKey job, Optional<JobState> last, Optional<Instant> nextRun, boolean paused) {
            this(targetId, targetName, job, last, nextRun, paused, "");
        }
    }

    /** What runs the jobs a console watches: its own collector, or a team's collectors seen through Redis. */
    public interface Source {

        /** The targets watched. */
        List<Target> targets();

        boolean isPaused(long targetId);

        /** When each job starts next, as epoch milliseconds. */
        Map<JobId, Long> nextRuns();

        Spool.Fill spoolFill();

        /** The room left on the disk under the data folder; unknown where there is none to watch. */
        default DataDisk.State disk() {
            return DataDisk.State.UNKNOWN;
        }

        /** Which collector runs the job; empty when it is this console's own. */
        default String runBy(JobId job) {
            return "";
        }
    }

    /** A console's own collector as a source. */
    public static Source of(LocalCollector collector) {
        return new Source() {
            @Override
            public List<Target> targets() {
                return collector.collector().targets();
            }

            @Override
            public boolean isPaused(long targetId) {
                return collector.isPaused(targetId);
            }

            @Override
            public Map<JobId, Long> nextRuns() {
                return collector.collector().nextRuns();
            }

            @Override
            public Spool.Fill spoolFill() {
                return collector.archive().spoolFill();
            }

            @Override
            public DataDisk.State disk() {
                return collector.disk().sample();
            }
        };
    }

    /** Everything a pane needs for one refresh. {@code latest} is live: read it, do not keep it. */
    public record Snapshot(Instant at, List<Target> targets, Map<Long, TargetState> health, List<JobRow> jobs, LatestValues latest,
                           Spool.Fill spool, List<Alert> alerts, DataDisk.State disk) {

        public Snapshot(Instant at, List<Target> targets, Map<Long, TargetState> health, List<JobRow> jobs, LatestValues latest,
                        Spool.Fill spool, List<Alert> alerts) {
            this(at, targets, health, jobs, latest, spool, alerts, DataDisk.State.UNKNOWN);
        }

        public TargetState health(long targetId) {
            return health.get(targetId);
        }
    }

    private final Source collector;
    private final JobBoard board;
    private final LatestValues latest;
    private final Clock clock;
    private final Alerting alerting;

    public Watch(LocalCollector collector, JobBoard board, LatestValues latest, Alerting alerting, Clock clock) {
        this(of(collector), board, latest, alerting, clock);
    }

    public Watch(Source collector, JobBoard board, LatestValues latest, Alerting alerting, Clock clock) {
        this.collector = collector;
        this.alerting = alerting;
        this.board = board;
        this.latest = latest;
        this.clock = clock;
    }

    public Snapshot snapshot() {
        Instant now = clock.instant();
        List<Target> targets = new ArrayList<>(collector.targets());
        targets.sort(Comparator.comparing(Target::name, String.CASE_INSENSITIVE_ORDER));
        Map<Long, TargetState> health = new LinkedHashMap<>();
        Map<Long, Target> byId = new HashMap<>();
        for (Target t : targets) {
            byId.put(t.id(), t);
            boolean paused = collector.isPaused(t.id()) || !t.enabled();
            health.put(t.id(), board.health(t.id(), t.name(), paused, latest, now));
        }
        Map<JobId, JobRow> rows = new LinkedHashMap<>();
        Map<JobId, Long> next = collector.nextRuns();
        for (Map.Entry<JobId, Long> e : next.entrySet()) {
            Target t = byId.get(e.getKey().targetId());
            if (t != null) {
                rows.put(e.getKey(), new JobRow(t.id(), t.name(), e.getKey().job(), Optional.empty(),
                        Optional.of(Instant.ofEpochMilli(e.getValue())), collector.isPaused(t.id()), collector.runBy(e.getKey())));
            }
        }
        for (JobState s : board.jobs()) {
            Target t = byId.get(s.targetId());
            if (t == null) {
                continue; // deleted since it ran
            }
            JobId id = new JobId(s.targetId(), s.job());
            JobRow planned = rows.get(id);
            rows.put(id, new JobRow(t.id(), t.name(), s.job(), Optional.of(s), planned == null ? Optional.empty() : planned.nextRun(),
                    collector.isPaused(t.id()), collector.runBy(id)));
        }
        List<JobRow> jobs = new ArrayList<>(rows.values());
        jobs.sort(Comparator.comparing(JobRow::targetName, String.CASE_INSENSITIVE_ORDER).thenComparing(JobRow::job));
        return new Snapshot(now, List.copyOf(targets), health, jobs, latest, collector.spoolFill(), alerting == null ? List.of() : alerting.open(),
                collector.disk());
    }
}
