package io.vigil.ui.status;

import java.time.Instant;
import java.util.Objects;

import javafx.beans.Observable;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import io.vigil.schedule.JobKey;
import io.vigil.watch.JobBoard.JobState;
import io.vigil.watch.Watch.JobRow;

/**
 * One job's row in the Pipelines pane. It lives as long as the job is scheduled: each snapshot updates its properties
 * in place (only those that changed), so the table keeps its selection, order and scroll position.
 */
public final class JobRowModel {

    private final long targetId;
    private final JobKey key;
    private final String job;
    private final StringProperty target = new SimpleStringProperty();
    private final ObjectProperty<RunState> state = new SimpleObjectProperty<>(RunState.PENDING);
    private final StringProperty reason = new SimpleStringProperty("");
    private final ObjectProperty<Instant> lastRun = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> lastOk = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> tookMs = new SimpleObjectProperty<>();
    private final ObjectProperty<Long> rows = new SimpleObjectProperty<>();
    private final ObjectProperty<Instant> nextRun = new SimpleObjectProperty<>();
    private final StringProperty collector = new SimpleStringProperty("");
    private RunState ran = RunState.PENDING;

    JobRowModel(long targetId, JobKey key, String job) {
        this.targetId = targetId;
        this.key = key;
        this.job = job;
    }

    /** Takes the snapshot's values, with the last run's reason in the reader's words; unchanged properties do not fire. */
    void update(JobRow row, String reasonText) {
        set(target, row.targetName());
        JobState last = row.last().orElse(null);
        ran = last == null ? RunState.PENDING : RunState.of(last.status());
        set(state, row.paused() ? RunState.PAUSED : ran);
        set(reason, last == null ? "" : reasonText);
        set(lastRun, last == null ? null : last.lastRun());
        set(lastOk, last == null ? null : last.lastOk());
        set(tookMs, last == null || last.took() == null ? null : last.took().toMillis());
        set(rows, last == null ? null : last.rows());
        set(nextRun, row.paused() ? null : row.nextRun().orElse(null));
        set(collector, row.runBy());
    }

    /** Shows the row paused (or as its last run ended) at once, before the next snapshot confirms it. */
    void showPaused(boolean paused) {
        set(state, paused ? RunState.PAUSED : ran);
    }

    // JavaFX fires on a new reference even when equal; an unchanged value must not re-sort or re-filter the table.
    private static <T> void set(ObjectProperty<T> p, T value) {
        if (!Objects.equals(p.get(), value)) {
            p.set(value);
        }
    }

    private static void set(StringProperty p, String value) {
        if (!Objects.equals(p.get(), value)) {
            p.set(value);
        }
    }

    /** The properties whose change may move the row in a sorted or filtered table. */
    Observable[] observables() {
        return new Observable[] {target, state, lastRun, tookMs, rows, nextRun};
    }

    public long targetId() {
        return targetId;
    }

    /** The job as the table shows it ("mirror session"). */
    public String job() {
        return job;
    }

    /** Which of the team's collectors ran the job last; empty when this console's own collector runs it. */
    public ReadOnlyStringProperty collectorProperty() {
        return collector;
    }

    public JobKey key() {
        return key;
    }

    public ReadOnlyStringProperty targetProperty() {
        return target;
    }

    public ReadOnlyObjectProperty<RunState> stateProperty() {
        return state;
    }

    public ReadOnlyStringProperty reasonProperty() {
        return reason;
    }

    public ReadOnlyObjectProperty<Instant> lastRunProperty() {
        return lastRun;
    }

    public ReadOnlyObjectProperty<Instant> lastOkProperty() {
        return lastOk;
    }

    public ReadOnlyObjectProperty<Long> tookMsProperty() {
        return tookMs;
    }

    public ReadOnlyObjectProperty<Long> rowsProperty() {
        return rows;
    }

    public ReadOnlyObjectProperty<Instant> nextRunProperty() {
        return nextRun;
    }

    public RunState state() {
        return state.get();
    }

    public boolean paused() {
        return state.get() == RunState.PAUSED;
    }

    @Override
    public String toString() {
        return target.get() + " " + job + " " + state.get();
    }
}
