package io.vigil.ui.definitions;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.vigil.alert.RulePreview;
import io.vigil.config.AlertRule;
import io.vigil.config.RuleType;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.series.RangeQuery;
import io.vigil.series.SeriesStore;
import io.vigil.ui.util.Ages;
import io.vigil.ui.util.Debouncer;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * The rule form's "would have fired N times in the last hour": replays the rule as typed over the last hour of its
 * metric on a chosen target. The series store is read in the background, one query at a time; while one runs, only
 * the newest rule waits for the next, and typing is debounced so a level typed digit by digit costs one query.
 */
public final class RulePreviewViewModel {

    /** The window replayed. */
    static final Duration WINDOW = Duration.ofHours(1);
    /** Enough points for raw values at a 5 s interval, so the replay sees what the engine saw. */
    static final int MAX_POINTS = 720;

    private final List<Target> allTargets;
    private final SeriesStore series;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Clock clock;
    private final ObservableList<Target> targets = FXCollections.observableArrayList();
    private final ObjectProperty<Target> target = new SimpleObjectProperty<>();
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper fired = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper running = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper shown = new ReadOnlyBooleanWrapper(false);
    private Debouncer debouncer = Debouncer.immediate();
    private AlertRule wanted;
    private long generation;

    /** {@code series} is null when no collector runs in this console (then nothing was recorded to replay). */
    public RulePreviewViewModel(List<Target> targets, SeriesStore series, TaskExecutor executor, Messages messages, Clock clock) {
        this.allTargets = List.copyOf(targets);
        this.series = series;
        this.executor = executor;
        this.messages = messages;
        this.clock = clock;
        target.addListener((o, was, now) -> {
            if (wanted != null) {
                request(wanted);
            }
        });
    }

    /** How typing is calmed down; the form's view hands in one on the FX timer. */
    public void debounceWith(Debouncer d) {
        this.debouncer = d;
    }

    /** Offers the targets of {@code kind}, keeping the chosen one when it still fits. */
    void kindChanged(TargetKind kind) {
        List<Target> fitting = allTargets.stream().filter(t -> t.kind().packKind() == kind).toList();
        targets.setAll(fitting);
        if (target.get() == null || !fitting.contains(target.get())) {
            target.set(fitting.stream().filter(Target::enabled).findFirst().orElse(fitting.isEmpty() ? null : fitting.getFirst()));
        }
    }

    /**
     * The form changed: replays {@code rule} after a pause.
     *
     * @param judgeable false while the rule's subject or levels have problems (nothing sensible to replay)
     */
    void ruleChanged(AlertRule rule, boolean judgeable) {
        shown.set(rule.type() == RuleType.THRESHOLD);
        generation++; // an answer for an older rule must not land
        wanted = null;
        fired.set(false);
        if (rule.type() != RuleType.THRESHOLD) {
            summary.set("");
        } else if (series == null) {
            summary.set(messages.get("rules.preview.noCollector"));
        } else if (!judgeable) {
            summary.set(messages.get("rules.preview.fixFirst"));
        } else {
            wanted = rule;
            request(rule);
        }
    }

    private void request(AlertRule rule) {
        summary.set(messages.get("rules.preview.waiting"));
        long asked = generation;
        debouncer.request(() -> {
            if (asked == generation) {
                start();
            }
        });
    }

    // One query in flight; a newer rule typed meanwhile runs when it is back.
    private void start() {
        AlertRule rule = wanted;
        Target on = target.get();
        if (rule == null || running.get()) {
            return;
        }
        if (on == null) {
            summary.set(messages.get("rules.preview.noTarget", messages.get("kind." + rule.kind().name())));
            return;
        }
        running.set(true);
        long asked = generation;
        Instant to = clock.instant();
        RangeQuery query = new RangeQuery(rule.subject(), Map.of("target", on.name()), to.minus(WINDOW), to, MAX_POINTS);
        executor.run(() -> RulePreview.replay(rule, series.query(query)), result -> {
            running.set(false);
            if (asked == generation && on.equals(target.get())) {
                show(result, rule, on);
            } else {
                start();
            }
        }, e -> {
            running.set(false);
            if (asked == generation) {
                summary.set(messages.get("rules.preview.failed", UserErrors.describe(e, messages)));
            } else {
                start();
            }
        });
    }

    private void show(RulePreview.Result r, AlertRule rule, Target on) {
        fired.set(r.episodes() > 0);
        if (r.points() == 0) {
            summary.set(messages.get("rules.preview.noValues", rule.subject(), on.name()));
        } else if (r.episodes() == 0) {
            summary.set(messages.get("rules.preview.quiet", r.points()));
        } else {
            String longest = Ages.format(r.longest(), messages);
            String text = r.longestSeries().isEmpty() ? messages.get("rules.preview.fired", r.episodes(), longest)
                    : messages.get("rules.preview.firedOn", r.episodes(), longest, r.longestSeries());
            summary.set(r.firingNow() == 0 ? text : text + " " + messages.get("rules.preview.firingNow", r.firingNow()));
        }
    }

    public ObservableList<Target> targets() {
        return targets;
    }

    public ObjectProperty<Target> targetProperty() {
        return target;
    }

    /** The answer in one or two sentences, or why there is none. */
    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    /** True when the rule would have fired, so the summary reads as a warning. */
    public ReadOnlyBooleanProperty firedProperty() {
        return fired.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty runningProperty() {
        return running.getReadOnlyProperty();
    }

    /** Only threshold rules watch values; the preview is hidden for the others. */
    public ReadOnlyBooleanProperty shownProperty() {
        return shown.getReadOnlyProperty();
    }
}
