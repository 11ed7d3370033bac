package io.vigil.ui.status;

import io.vigil.schedule.JobKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vigil.config.ConnectBy;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.gather.Spool;
import io.vigil.i18n.Messages;
import io.vigil.schedule.StatusEvent.Status;
import io.vigil.watch.JobBoard.JobState;
import io.vigil.watch.LatestValues;
import io.vigil.watch.Watch;
import io.vigil.watch.Watch.JobRow;

/** The Pipelines pane's rows, filters and spool line, from snapshots built by hand. */
class PipelineStatusViewModelTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final Target ORA = target(1, "ora-prod");
    static final Target PG = target(2, "pg-billing");
    static final Spool.Fill EMPTY = new Spool.Fill(0, 0, 0, 256L << 20, 0);

    final List<String> calls = new ArrayList<>();
    final List<String> status = new ArrayList<>();
    final TargetControl recorder = new TargetControl() {
        @Override
        public void pause(long targetId) {
            calls.add("pause " + targetId);
        }

        @Override
        public void resume(long targetId) {
            calls.add("resume " + targetId);
        }
    };
    final PipelineStatusViewModel model = new PipelineStatusViewModel(recorder, new Messages(Locale.ENGLISH), status::add);

    static Target target(long id, String name) {
        return new Target(id, name, TargetKind.ORACLE, "db" + id, 1521, ConnectBy.SERVICE_NAME, "ORCL", "", "vigil", Secret.empty(),
                List.of(), true);
    }

    /** A job that ran {@code agoSeconds} before T0 with the status given, and runs again {@code inSeconds} after. */
    static JobRow ran(Target t, String job, Status s, String reason, int agoSeconds, int inSeconds, boolean paused) {
        JobState last = new JobState(t.id(), t.name(), key(job), s, io.vigil.ui.dashboard.Snapshots.reason(reason), T0.minusSeconds(agoSeconds),
                Duration.ofMillis(42), 27, s == Status.OK ? T0.minusSeconds(agoSeconds) : T0.minusSeconds(600));
        return new JobRow(t.id(), t.name(), key(job), Optional.of(last), Optional.of(T0.plusSeconds(inSeconds)), paused);
    }

    static JobRow planned(Target t, String job, int inSeconds) {
        return new JobRow(t.id(), t.name(), key(job), Optional.empty(), Optional.of(T0.plusSeconds(inSeconds)), false);
    }

    /** The job the tests name as the table shows it in English: "connect", "mirror session", "metric x". */
    static JobKey key(String words) {
        return io.vigil.ui.dashboard.Snapshots.job(words);
    }

    static Watch.Snapshot snapshot(Instant at, List<JobRow> jobs, Spool.Fill spool, Target... targets) {
        return new Watch.Snapshot(at, List.of(targets), Map.of(), jobs, new LatestValues(), spool, List.of());
    }

    List<JobRow> jobs() {
        return List.of(
                ran(ORA, "connect", Status.OK, "19.3", 5, 55, false),
                ran(ORA, "mirror session", Status.ERROR, "ORA-00942: table or view does not exist\nat line 1", 3, 12, false),
                ran(ORA, "metric oracle.sessions.total", Status.STALE, "mirror session is 300 s old", 2, 13, false),
                planned(PG, "mirror activity", 4));
    }

    @Test
    void everyJobIsARowWithItsLastAndNextRun() {
        model.update(snapshot(T0, jobs(), EMPTY, ORA, PG));
        assertThat(model.rows()).extracting(JobRowModel::job)
                .containsExactly("connect", "mirror session", "metric oracle.sessions.total", "mirror activity");
        JobRowModel session = model.rows().get(1);
        assertThat(session.targetProperty().get()).isEqualTo("ora-prod");
        assertThat(session.state()).isEqualTo(RunState.ERROR);
        assertThat(session.reasonProperty().get()).startsWith("ORA-00942");
        assertThat(session.tookMsProperty().get()).isEqualTo(42L);
        assertThat(session.rowsProperty().get()).isEqualTo(27L);
        assertThat(session.lastRunProperty().get()).isEqualTo(T0.minusSeconds(3));
        assertThat(model.nextRunText(session.nextRunProperty().get())).isEqualTo("in 12 s");
        String clock = DateTimeFormatter.ofPattern("HH:mm:ss").format(LocalDateTime.ofInstant(T0.minusSeconds(3), ZoneId.systemDefault()));
        assertThat(model.lastRunText(session.lastRunProperty().get())).isEqualTo(clock + " (3 s ago)");

        JobRowModel pending = model.rows().get(3);
        assertThat(pending.state()).isEqualTo(RunState.PENDING);
        assertThat(pending.lastRunProperty().get()).isNull();
        assertThat(pending.tookMsProperty().get()).isNull();
        assertThat(model.lastRunText(null)).isEmpty();
        assertThat(model.countsProperty().get()).isEqualTo("4 jobs, 2 with problems");
    }

    @Test
    void problemsOnlyShowsFailingAndStaleJobsAndFollowsTheirChanges() {
        model.update(snapshot(T0, jobs(), EMPTY, ORA, PG));
        model.problemsOnlyProperty().set(true);
        assertThat(model.shownRows()).extracting(JobRowModel::job).containsExactly("mirror session", "metric oracle.sessions.total");

        List<JobRow> later = new ArrayList<>(jobs());
        later.set(1, ran(ORA, "mirror session", Status.OK, "", 1, 14, false));
        later.set(0, ran(ORA, "connect", Status.BACKOFF, "backing off until 10:01", 1, 30, false));
        model.update(snapshot(T0.plusSeconds(1), later, EMPTY, ORA, PG));
        assertThat(model.shownRows()).extracting(JobRowModel::job).containsExactly("connect", "metric oracle.sessions.total");

        model.problemsOnlyProperty().set(false);
        assertThat(model.shownRows()).hasSize(4);
    }

    @Test
    void aQuarantinedMirrorShowsAsItsOwnStateAndCountsAsAProblemInBothLanguages() {
        List<JobRow> held = new ArrayList<>(jobs());
        held.set(1, ran(ORA, "mirror session", Status.QUARANTINED, "quarantined until 10:02:00 after: ORA-00942", 1, 120, false));
        model.update(snapshot(T0, held, EMPTY, ORA, PG));
        JobRowModel session = model.rows().get(1);
        assertThat(session.state()).isEqualTo(RunState.QUARANTINED);
        assertThat(session.state().problem()).isTrue();
        assertThat(session.state().styleClass()).isEqualTo("run-quarantined").isNotEqualTo(RunState.ERROR.styleClass());
        assertThat(model.stateText(session.state())).isEqualTo("Quarantined");
        PipelineStatusViewModel chinese = new PipelineStatusViewModel(recorder, new Messages(Locale.SIMPLIFIED_CHINESE), status::add);
        chinese.update(snapshot(T0, held, EMPTY, ORA, PG));
        assertThat(chinese.stateText(RunState.QUARANTINED)).isNotEqualTo("Quarantined").isNotEqualTo(chinese.stateText(RunState.ERROR));
        assertThat(chinese.rows().get(1).job()).isEqualTo("镜像 session");
        assertThat(model.countsProperty().get()).isEqualTo("4 jobs, 2 with problems");
        assertThat(RunState.values()).as("worst first: right after an error").startsWith(RunState.ERROR, RunState.QUARANTINED);
    }

    @Test
    void theTargetFilterKeepsItsChoiceWhileTargetsComeAndGo() {
        model.update(snapshot(T0, jobs(), EMPTY, ORA, PG));
        assertThat(model.targetChoices()).extracting(PipelineStatusViewModel.TargetChoice::name)
                .containsExactly("All targets", "ora-prod", "pg-billing");
        model.targetFilterProperty().set(model.targetChoices().get(2));
        assertThat(model.shownRows()).extracting(JobRowModel::job).containsExactly("mirror activity");

        Target renamed = target(1, "ora-primary");
        model.update(snapshot(T0, jobs(), EMPTY, renamed, PG));
        assertThat(model.targetFilterProperty().get().name()).isEqualTo("pg-billing");
        assertThat(model.rows().getFirst().targetProperty().get()).as("rows follow the snapshot's name").isEqualTo("ora-prod");

        model.update(snapshot(T0, jobs().subList(0, 3), EMPTY, renamed));
        assertThat(model.targetFilterProperty().get().all()).as("its target is gone").isTrue();
        assertThat(model.shownRows()).hasSize(3);
    }

    @Test
    void updatesKeepEachJobsRowAndOnlyAddOrRemoveWhatChanged() {
        model.update(snapshot(T0, jobs(), EMPTY, ORA, PG));
        List<JobRowModel> before = List.copyOf(model.rows());
        List<String> changes = new ArrayList<>();
        model.rows().addListener((javafx.collections.ListChangeListener<JobRowModel>) c -> {
            while (c.next()) {
                changes.add(c.wasUpdated() ? "updated" : c.wasAdded() && c.wasRemoved() ? "replaced" : c.wasAdded() ? "added" : "removed");
            }
        });
        List<JobRow> later = new ArrayList<>(jobs());
        later.set(1, ran(ORA, "mirror session", Status.OK, "", 0, 15, false));
        model.update(snapshot(T0.plusSeconds(3), later, EMPTY, ORA, PG));
        assertThat(model.rows()).hasSize(4);
        for (int i = 0; i < 4; i++) {
            assertThat(model.rows().get(i)).isSameAs(before.get(i));
        }
        assertThat(before.get(1).state()).isEqualTo(RunState.OK);
        assertThat(before.get(1).reasonProperty().get()).isEmpty();
        assertThat(changes).isNotEmpty().containsOnly("updated");

        changes.clear();
        model.update(snapshot(T0.plusSeconds(4), later, EMPTY, ORA, PG));
        assertThat(changes).as("nothing changed, nothing fired").isEmpty();

        List<JobRow> reshaped = new ArrayList<>(later);
        reshaped.remove(2);
        reshaped.add(2, planned(ORA, "mirror lock", 9));
        model.update(snapshot(T0.plusSeconds(5), reshaped, EMPTY, ORA, PG));
        assertThat(model.rows()).extracting(JobRowModel::job).containsExactly("connect", "mirror session", "mirror lock", "mirror activity");
        assertThat(model.rows().get(0)).isSameAs(before.get(0));
        assertThat(model.rows().get(3)).isSameAs(before.get(3));
        assertThat(changes).contains("removed", "added").doesNotContain("replaced");
    }

    @Test
    void pausingCallsTheCollectorAndShowsTheTargetsRowsPausedAtOnce() {
        model.update(snapshot(T0, jobs(), EMPTY, ORA, PG));
        model.pause(model.rows().get(1));
        assertThat(calls).containsExactly("pause 1");
        assertThat(model.rows()).filteredOn(r -> r.targetId() == 1).extracting(JobRowModel::state).containsOnly(RunState.PAUSED);
        assertThat(model.rows().get(3).state()).isEqualTo(RunState.PENDING);
        assertThat(status).containsExactly("Paused ora-prod: nothing is collected until you resume it.");

        List<JobRow> paused = jobs().stream().map(j -> j.targetId() == 1
                ? new JobRow(j.targetId(), j.targetName(), j.job(), j.last(), j.nextRun(), true) : j).toList();
        model.update(snapshot(T0.plusSeconds(1), paused, EMPTY, ORA, PG));
        assertThat(model.rows().get(1).state()).isEqualTo(RunState.PAUSED);
        assertThat(model.rows().get(1).nextRunProperty().get()).as("nothing runs next").isNull();
        model.problemsOnlyProperty().set(true);
        assertThat(model.shownRows()).as("a paused job is no problem").isEmpty();

        model.resume(model.rows().get(0));
        assertThat(calls).containsExactly("pause 1", "resume 1");
        assertThat(model.rows().get(1).state()).as("back to how it last ran").isEqualTo(RunState.ERROR);
    }

    @Test
    void theSpoolLineSaysWhatWaitsAndWarnsWhenPointsAreDropped() {
        model.update(snapshot(T0, jobs(), EMPTY, ORA, PG));
        assertThat(model.spoolProperty().get()).isEqualTo("Spool empty: every point has reached the series store.");
        assertThat(model.spoolWarningProperty().get()).isFalse();

        model.update(snapshot(T0, jobs(), new Spool.Fill(3, 1234, 5 * 1024 * 1024, 256L << 20, 0), ORA, PG));
        assertThat(model.spoolProperty().get()).isEqualTo("Spool: 1,234 points waiting in 3 batches (5.0 MB of 256.0 MB)");
        assertThat(model.spoolWarningProperty().get()).isFalse();

        model.update(snapshot(T0, jobs(), new Spool.Fill(40, 90_000, 250L << 20, 256L << 20, 17), ORA, PG));
        assertThat(model.spoolProperty().get()).endsWith("(250.0 MB of 256.0 MB), 17 points dropped");
        assertThat(model.spoolWarningProperty().get()).isTrue();
    }

    @Test
    void relativeTimesFollowTheSnapshotClock() {
        model.update(snapshot(T0, jobs(), EMPTY, ORA, PG));
        assertThat(model.nextRunText(T0.plusSeconds(8))).isEqualTo("in 8 s");
        assertThat(model.nextRunText(T0.minusSeconds(1))).isEqualTo("due now");
        model.update(snapshot(T0.plusSeconds(7), jobs(), EMPTY, ORA, PG));
        assertThat(model.nextRunText(T0.plusSeconds(8))).isEqualTo("in 1 s");
        assertThat(model.lastRunText(T0.minus(Duration.ofDays(2)))).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d \\(2 d ago\\)");
    }
}
