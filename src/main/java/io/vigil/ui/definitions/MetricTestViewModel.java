package io.vigil.ui.definitions;

import java.text.NumberFormat;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.gather.MetricPreview;
import io.vigil.gather.MetricPreview.Result;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.Ages;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * "Test metric" in the metric form: runs the form's current SQL over the cache for a chosen target, in the background,
 * and words what the collector would archive — series and values — or plainly why it would archive nothing.
 */
public final class MetricTestViewModel {

    /** One line of the preview table: the series (its tags) and its value as text. */
    public record PreviewRow(String series, String value) {
    }

    private final List<Target> allTargets;
    private final List<MirrorDef> mirrors;
    private final MetricPreview preview;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Clock clock;
    private final ObservableList<Target> targets = FXCollections.observableArrayList();
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>();
    private final ObservableList<PreviewRow> rows = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper note = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);

    /** {@code preview} is null when no collector runs in this console (then there is no cache to test on). */
    public MetricTestViewModel(List<Target> targets, List<MirrorDef> mirrors, MetricPreview preview, TaskExecutor executor, Messages messages,
                               Clock clock) {
        this.allTargets = List.copyOf(targets);
        this.mirrors = List.copyOf(mirrors);
        this.preview = preview;
        this.executor = executor;
        this.messages = messages;
        this.clock = clock;
    }

    /** Offers the targets of {@code kind} (the demo for Oracle), keeping the chosen one when it still fits. */
    void kindChanged(TargetKind kind) {
        List<Target> fitting = allTargets.stream().filter(t -> t.kind().packKind() == kind).toList();
        targets.setAll(fitting);
        if (target.get() == null || !fitting.contains(target.get())) {
            target.set(fitting.stream().filter(Target::enabled).findFirst().orElse(fitting.isEmpty() ? null : fitting.getFirst()));
        }
        clear();
    }

    void clear() {
        rows.clear();
        summary.set("");
        note.set("");
        failed.set(false);
    }

    /** Tests {@code metric} on the chosen target; the answer arrives in {@link #summaryProperty()} and {@link #rows()}. */
    void test(MetricDef metric) {
        clear();
        if (preview == null) {
            fail(messages.get("metricTest.noCollector"));
            return;
        }
        Target on = target.get();
        if (on == null) {
            fail(messages.get("metricTest.noTarget", messages.get("kind." + metric.kind().name())));
            return;
        }
        running.set(true);
        executor.run(() -> preview.run(metric, on), r -> {
            running.set(false);
            show(r, metric, on);
        }, e -> {
            running.set(false);
            fail(UserErrors.describe(e, messages));
        });
    }

    private void show(Result r, MetricDef metric, Target on) {
        switch (r.outcome()) {
            case MIRROR_MISSING -> fail(messages.get("metricTest.missing", r.missing().size(), String.join(", ", r.missing()), on.name())
                    + disabledHint(r.missing(), metric));
            case SQL_FAILED -> fail(messages.get("metricTest.sqlFailed", r.detail()));
            case REFUSED -> fail(messages.get("metricTest.refused", r.detail()));
            case NO_ROWS -> fail(messages.get("metricTest.noRows", on.name()));
            case VALUES -> {
                NumberFormat number = NumberFormat.getNumberInstance(messages.locale());
                number.setMaximumFractionDigits(4);
                String unit = r.archivesRate() || r.unit().isEmpty() ? "" : " " + r.unit();
                r.rows().forEach(row -> rows.add(new PreviewRow(series(row.tags(), metric),
                        row.archived() ? number.format(row.value()) + unit : messages.get("metricTest.null"))));
                String age = r.snapshotTime() == null ? ""
                        : messages.get("metricTest.snapshot", Ages.format(Duration.between(r.snapshotTime(), clock.instant()), messages));
                summary.set(messages.get("metricTest.values", r.rows().size(), on.name()) + age);
            }
            default -> throw new IllegalStateException("unexpected outcome " + r.outcome());
        }
        StringBuilder notes = new StringBuilder();
        if (r.archivesRate() && r.outcome() == MetricPreview.Outcome.VALUES) {
            notes.append(messages.get("metricTest.counter", r.unit().isEmpty() ? "/s" : r.unit()));
        }
        if (r.stale()) {
            notes.append(notes.isEmpty() ? "" : " ").append(messages.get("metricTest.stale", metric.freshnessSeconds()));
        }
        note.set(notes.toString());
    }

    // A disabled mirror never syncs: say so rather than "try again shortly".
    private String disabledHint(List<String> missing, MetricDef metric) {
        List<String> off = mirrors.stream().filter(m -> m.kind() == metric.kind() && !m.enabled() && missing.contains(m.name()))
                .map(MirrorDef::name).toList();
        return off.isEmpty() ? " " + messages.get("metricTest.missing.wait") : " " + messages.get("metricTest.missing.disabled", String.join(", ", off));
    }

    private String series(Map<String, String> tags, MetricDef metric) {
        String labels = tags.entrySet().stream().filter(e -> !e.getKey().equals("target"))
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return labels.isEmpty() ? metric.name() : labels;
    }

    private void fail(String text) {
        summary.set(text);
        failed.set(true);
    }

    public boolean canTest() {
        return preview != null;
    }

    public ObservableList<Target> targets() {
        return targets;
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    public ObservableList<PreviewRow> rows() {
        return rows;
    }

    /** What the test found, in one or two sentences; empty before the first test. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** How the shown values become points (a counter's rate) and whether the collector would skip them as stale. */
    public ReadOnlyStringProperty noteProperty() {
        return note.getReadOnlyProperty();
    }

    /** True when the test found nothing to archive, so the summary reads as a problem. */
    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }
}
