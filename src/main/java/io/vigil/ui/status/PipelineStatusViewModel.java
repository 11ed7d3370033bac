package io.vigil.ui.status;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;

import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import io.vigil.config.Target;
import io.vigil.gather.Spool;
import io.vigil.i18n.Messages;
import io.vigil.schedule.JobKey;
import io.vigil.ui.util.Ages;
import io.vigil.watch.Watch;

/**
 * The Pipelines pane's state: a row per scheduled job, updated in place from each snapshot; filters by target and to
 * problems only; the spool's fill; pause and resume of a row's target.
 */
public final class PipelineStatusViewModel {

    /** A choice of the target filter; {@link #ALL} (id -1) lets every target through. */
    public record TargetChoice(long id, String name) {
        public boolean all() {
            return id < 0;
        }
    }

    private static final DateTimeFormatter CLOCK = DateTimeFormatter.ofPattern("HH:mm:ss");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final double WARN_FILL = 0.8;

    private final TargetControl control;
    private final Messages messages;
    private final Consumer<String> status;
    private final TargetChoice all;

    private final Map<RowKey, JobRowModel> byKey = new HashMap<>();
    // The extractor turns a row's changes into list updates, so filter and sort follow them without replacing rows.
    private final ObservableList<JobRowModel> rows = FXCollections.observableArrayList(JobRowModel::observables);
    private final FilteredList<JobRowModel> shown = new FilteredList<>(rows);
    private final ObservableList<TargetChoice> targetChoices = FXCollections.observableArrayList();
    private final ObjectProperty<TargetChoice> targetFilter = new SimpleObjectProperty<>();
    private final BooleanProperty problemsOnly = new SimpleBooleanProperty(false);
    private final ReadOnlyObjectWrapper<Instant> now = new ReadOnlyObjectWrapper<>(Instant.EPOCH);
    private final ReadOnlyStringWrapper spool = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper spoolWarning = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper counts = new ReadOnlyStringWrapper("");

    private record RowKey(long targetId, JobKey job) {
    }

    /** {@code status} receives messages for the status bar. */
    public PipelineStatusViewModel(TargetControl control, Messages messages, Consumer<String> status) {
        this.control = control;
        this.messages = messages;
        this.status = status;
        this.all = new TargetChoice(-1, messages.get("pipeline.filter.allTargets"));
        targetChoices.add(all);
        targetFilter.set(all);
        shown.predicateProperty().bind(Bindings.createObjectBinding(this::filter, targetFilter, problemsOnly));
    }

    private Predicate<JobRowModel> filter() {
        TargetChoice t = targetFilter.get();
        boolean problems = problemsOnly.get();
        return r -> (t == null || t.all() || r.targetId() == t.id()) && (!problems || r.state().problem());
    }

    private final javafx.beans.property.BooleanProperty shared = new javafx.beans.property.SimpleBooleanProperty(false);

    /** True when a team's collectors run the jobs (the Collector column says which). */
    public javafx.beans.property.ReadOnlyBooleanProperty sharedProperty() {
        return shared;
    }

    /** Takes a live snapshot: rows of known jobs change in place, new jobs are inserted where they belong, gone ones leave. */
    public void update(Watch.Snapshot snapshot) {
        now.set(snapshot.at());
        boolean team = snapshot.jobs().stream().anyMatch(j -> !j.runBy().isEmpty());
        if (shared.get() != team) {
            shared.set(team);
        }
        List<JobRowModel> ordered = new ArrayList<>(snapshot.jobs().size());
        Set<JobRowModel> added = new HashSet<>();
        for (Watch.JobRow job : snapshot.jobs()) {
            RowKey key = new RowKey(job.targetId(), job.job());
            JobRowModel row = byKey.get(key);
            if (row == null) {
                row = new JobRowModel(job.targetId(), job.job(), messages.render(job.job().label()));
                byKey.put(key, row);
                added.add(row);
            }
            row.update(job, job.last().map(s -> messages.render(s.reason())).orElse(""));
            ordered.add(row);
        }
        Set<JobRowModel> present = new HashSet<>(ordered);
        if (rows.size() + added.size() != present.size()) {
            rows.removeIf(r -> !present.contains(r));
            byKey.values().removeIf(r -> !present.contains(r));
        }
        for (int i = 0; i < ordered.size(); i++) {
            if (added.contains(ordered.get(i))) {
                rows.add(Math.min(i, rows.size()), ordered.get(i));
            }
        }
        updateTargets(snapshot.targets());
        describeSpool(snapshot.spool());
        long problems = rows.stream().filter(r -> r.state().problem()).count();
        counts.set(messages.get("pipeline.count", rows.size(), problems));
    }

    private void updateTargets(List<Target> targets) {
        List<TargetChoice> fresh = new ArrayList<>(targets.size() + 1);
        fresh.add(all);
        targets.forEach(t -> fresh.add(new TargetChoice(t.id(), t.name())));
        if (fresh.equals(targetChoices)) {
            return;
        }
        TargetChoice chosen = targetFilter.get();
        TargetChoice keep = fresh.stream().filter(c -> chosen != null && c.id() == chosen.id()).findFirst().orElse(all);
        targetFilter.set(keep); // before the list changes, so the choice box never sees its value vanish
        targetChoices.setAll(fresh);
    }

    private void describeSpool(Spool.Fill fill) {
        if (fill == null) {
            spool.set("");
            spoolWarning.set(false);
            return;
        }
        String text = fill.points() == 0 && fill.batches() == 0 ? messages.get("pipeline.spool.empty")
                : messages.get("pipeline.spool", fill.points(), fill.batches(), bytes(fill.bytes()), bytes(fill.limitBytes()));
        if (fill.droppedPoints() > 0) {
            text += messages.get("pipeline.spool.dropped", fill.droppedPoints());
        }
        spool.set(text);
        spoolWarning.set(fill.droppedPoints() > 0 || fill.limitBytes() > 0 && fill.bytes() >= WARN_FILL * fill.limitBytes());
    }

    static String bytes(long n) {
        if (n < 1024) {
            return n + " B";
        }
        String[] units = {"KB", "MB", "GB", "TB"};
        double v = n;
        int u = -1;
        while (v >= 1024 && u < units.length - 1) {
            v /= 1024;
            u++;
        }
        return String.format(java.util.Locale.ROOT, "%.1f %s", v, units[u]);
    }

    /** Stops collecting from the row's target; its rows show "paused" at once. */
    public void pause(JobRowModel row) {
        control.pause(row.targetId());
        markPaused(row.targetId(), true);
        status.accept(messages.get("status.paused", row.targetProperty().get()));
    }

    /** Collects from the row's target again. */
    public void resume(JobRowModel row) {
        control.resume(row.targetId());
        markPaused(row.targetId(), false);
        status.accept(messages.get("status.resumed", row.targetProperty().get()));
    }

    private void markPaused(long targetId, boolean paused) {
        rows.stream().filter(r -> r.targetId() == targetId).forEach(r -> r.showPaused(paused));
    }

    /** "14:03:07 (12 s ago)"; a day or more back, with its date. Empty when it never ran. */
    public String lastRunText(Instant at) {
        if (at == null) {
            return "";
        }
        Duration age = Duration.between(at, now.get());
        LocalDateTime local = LocalDateTime.ofInstant(at, ZoneId.systemDefault());
        String when = age.toHours() >= 20 ? DAY.format(local) : CLOCK.format(local);
        return messages.get("pipeline.lastRun", when, Ages.format(age, messages));
    }

    /** "in 8 s", or "due now" once its time has come. Empty when nothing is planned (paused). */
    public String nextRunText(Instant at) {
        if (at == null) {
            return "";
        }
        Duration in = Duration.between(now.get(), at);
        return in.isNegative() || in.isZero() ? messages.get("pipeline.nextRun.due") : messages.get("pipeline.nextRun.in", Ages.format(in, messages));
    }

    /** The last good run, for a tooltip. */
    public String lastOkText(Instant at) {
        return at == null ? messages.get("pipeline.lastOk.never") : messages.get("pipeline.lastOk", lastRunText(at));
    }

    public String stateText(RunState s) {
        return messages.get("pipeline.state." + s.name());
    }

    /** Every job, in the collector's order (by target, then job). */
    public ObservableList<JobRowModel> rows() {
        return rows;
    }

    /** The jobs the filters let through. */
    public FilteredList<JobRowModel> shownRows() {
        return shown;
    }

    public ObservableList<TargetChoice> targetChoices() {
        return targetChoices;
    }

    public ObjectProperty<TargetChoice> targetFilterProperty() {
        return targetFilter;
    }

    public BooleanProperty problemsOnlyProperty() {
        return problemsOnly;
    }

    /** The snapshot's time; relative times in cells follow it. */
    public ReadOnlyObjectProperty<Instant> nowProperty() {
        return now.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty spoolProperty() {
        return spool.getReadOnlyProperty();
    }

    /** True when points were dropped or the spool is nearly full. */
    public ReadOnlyBooleanProperty spoolWarningProperty() {
        return spoolWarning.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty countsProperty() {
        return counts.getReadOnlyProperty();
    }
}
