package io.vigil.ui.definitions;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.beans.value.ChangeListener;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.vigil.config.AlertRule;
import io.vigil.config.ConfigStore;
import io.vigil.config.Direction;
import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.Packs;
import io.vigil.config.Problem;
import io.vigil.config.RuleType;
import io.vigil.config.Space;
import io.vigil.config.TargetKind;
import io.vigil.config.Validation;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.Ages;
import io.vigil.ui.util.TaskExecutor;

/**
 * State and rules of the add/edit alert rule form. Which fields count depends on the rule's type (see {@link #uses});
 * every change re-validates with the core rules, and a threshold rule is replayed over the last hour as it is typed.
 */
public final class RuleFormViewModel {

    static final List<String> FIELDS = List.of("name", "kind", "type", "subject", "labels", "direction", "warn", "crit", "holdSeconds",
            "recovery", "missed", "description");

    /** How bad a rule that watches no values is: what it fires at, or (alert-log events) the event's own severity. */
    public enum Level { WARN, CRIT, AS_EVENT }

    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<TargetKind> kind = new SimpleObjectProperty<>(TargetKind.ORACLE);
    private final ObjectProperty<RuleType> type = new SimpleObjectProperty<>(RuleType.THRESHOLD);
    private final StringProperty subject = new SimpleStringProperty("");
    private final StringProperty labels = new SimpleStringProperty("");
    private final ObjectProperty<Direction> direction = new SimpleObjectProperty<>(Direction.ABOVE);
    private final StringProperty warn = new SimpleStringProperty("");
    private final StringProperty crit = new SimpleStringProperty("");
    private final StringProperty hold = new SimpleStringProperty("0");
    private final StringProperty recovery = new SimpleStringProperty("0");
    private final StringProperty missed = new SimpleStringProperty("3");
    private final ObjectProperty<Level> level = new SimpleObjectProperty<>(Level.WARN);
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final StringProperty description = new SimpleStringProperty("");
    private final ObservableList<String> subjects = FXCollections.observableArrayList();
    private final ObservableList<Level> levels = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper holdInWords = new ReadOnlyStringWrapper("");

    private final FormState state;
    private final AlertRule original;
    private final List<AlertRule> saved;
    private final List<MetricDef> metrics;
    private final List<MirrorDef> mirrors;
    private final RulePreviewViewModel preview;
    private final ConfigStore store;
    private final TaskExecutor executor;
    private final Messages messages;

    /**
     * A form for a new rule ({@code template == null}), a copy ({@code template.id() == 0}) or editing {@code template}.
     *
     * @param saved   every stored rule, for the unique name rule
     * @param metrics the metrics a threshold or no-data rule may watch
     * @param mirrors the mirrors a staleness rule may watch
     */
    public RuleFormViewModel(AlertRule template, List<AlertRule> saved, List<MetricDef> metrics, List<MirrorDef> mirrors,
                             RulePreviewViewModel preview, ConfigStore store, TaskExecutor executor, Messages messages) {
        this.original = template != null && template.id() != 0 ? template : null;
        this.saved = List.copyOf(saved);
        this.metrics = List.copyOf(metrics);
        this.mirrors = List.copyOf(mirrors);
        this.preview = preview;
        this.store = store;
        this.executor = executor;
        this.messages = messages;
        this.state = new FormState(FIELDS, messages);
        if (template != null) {
            load(template);
        }
        offerSubjects(true);
        preview.kindChanged(kind.get());
        kind.addListener((o, was, now) -> {
            offerSubjects(false);
            preview.kindChanged(now);
        });
        type.addListener((o, was, now) -> offerSubjects(false));
        ChangeListener<Object> revalidate = (obs, was, now) -> validate();
        List.of(name, kind, type, subject, labels, direction, warn, crit, hold, recovery, missed, level, enabled, description)
                .forEach(p -> p.addListener(revalidate));
        validate();
    }

    private void load(AlertRule r) {
        name.set(r.name());
        kind.set(r.kind());
        type.set(r.type());
        subject.set(r.subject());
        labels.set(r.labelText());
        direction.set(r.direction());
        hold.set(String.valueOf(r.holdSeconds()));
        recovery.set(TypedNumbers.plain(r.recovery()));
        missed.set(String.valueOf(r.missed()));
        enabled.set(r.enabled());
        description.set(r.description());
        if (levelled(r.type())) {
            warn.set(r.warn() == null ? "" : TypedNumbers.plain(r.warn()));
            crit.set(r.crit() == null ? "" : TypedNumbers.plain(r.crit()));
        } else {
            level.set(r.crit() != null ? Level.CRIT : r.warn() != null ? Level.WARN : Level.AS_EVENT);
        }
    }

    /** Whether a rule of {@code t} uses {@code field}; the form shows only those. */
    public static boolean uses(RuleType t, String field) {
        return switch (field) {
            case "subject" -> t != RuleType.TARGET_DOWN;
            case "labels", "warn", "crit", "recovery" -> levelled(t);
            case "direction" -> t == RuleType.THRESHOLD;
            case "holdSeconds" -> t == RuleType.THRESHOLD || t == RuleType.TARGET_DOWN || t == RuleType.EVENT;
            case "missed" -> t == RuleType.NO_DATA || t == RuleType.MIRROR_STALE;
            case "level" -> !levelled(t);
            default -> true;
        };
    }

    /** Whether a rule of {@code t} has warn and crit levels of its own (a threshold's values, a forecast's days). */
    public static boolean levelled(RuleType t) {
        return t == RuleType.THRESHOLD || t == RuleType.FORECAST;
    }

    /** True while the current type uses {@code field}. */
    public BooleanBinding usesProperty(String field) {
        return Bindings.createBooleanBinding(() -> type.get() != null && uses(type.get(), field), type);
    }

    /** True while the subject is picked from a list (a metric or a mirror) rather than typed (an event category). */
    public BooleanBinding subjectChosenProperty() {
        return Bindings.createBooleanBinding(() -> type.get() != RuleType.EVENT && type.get() != RuleType.TARGET_DOWN, type);
    }

    // The metrics or mirrors of the kind; "*" where the type can watch them all. A subject that does not fit is dropped.
    private void offerSubjects(boolean keepUnknown) {
        RuleType t = type.get();
        TargetKind k = kind.get();
        List<String> names = new ArrayList<>();
        if (t == RuleType.NO_DATA || t == RuleType.MIRROR_STALE) {
            names.add(AlertRule.ALL);
        }
        if (t == RuleType.THRESHOLD || t == RuleType.NO_DATA) {
            metrics.stream().filter(m -> m.kind() == k).map(MetricDef::name).sorted().forEach(names::add);
        } else if (t == RuleType.MIRROR_STALE) {
            mirrors.stream().filter(m -> m.kind() == k).map(MirrorDef::name).sorted().forEach(names::add);
        } else if (t == RuleType.FORECAST && k != null) {
            // the spaces whose size is known: a forecast rule counts days until full
            Packs.spaces(k).stream().filter(Space::hasCapacity).map(Space::used)
                    .filter(u -> metrics.stream().anyMatch(m -> m.kind() == k && m.name().equals(u))).forEach(names::add);
        }
        String keep = subject.get();
        if (keepUnknown && !keep.isEmpty() && !names.contains(keep) && t != RuleType.EVENT && t != RuleType.TARGET_DOWN) {
            names.add(keep); // a stored rule's subject that is gone stays, with its problem, until the user picks another
        }
        subjects.setAll(names);
        boolean listed = AlertRule.ALL.equals(keep) || metrics.stream().anyMatch(m -> m.name().equals(keep))
                || mirrors.stream().anyMatch(m -> m.name().equals(keep));
        if (t == RuleType.EVENT && listed) {
            subject.set(""); // a metric's name is no event category
        } else if (t != RuleType.EVENT && t != RuleType.TARGET_DOWN && !names.contains(keep)) {
            subject.set(names.contains(AlertRule.ALL) ? AlertRule.ALL : "");
        }
        levels.setAll(t == RuleType.EVENT ? List.of(Level.WARN, Level.CRIT, Level.AS_EVENT) : List.of(Level.WARN, Level.CRIT));
        if (!levels.contains(level.get())) {
            level.set(Level.WARN);
        }
    }

    /** The rule the fields describe now; fields its type does not use are left out, numbers that do not parse become problems. */
    public AlertRule toRule() {
        RuleType t = type.get() == null ? RuleType.THRESHOLD : type.get();
        boolean threshold = levelled(t);
        Double w = threshold ? TypedNumbers.decimal(warn.get()) : level.get() == Level.WARN ? Double.valueOf(1) : null;
        Double c = threshold ? TypedNumbers.decimal(crit.get()) : level.get() == Level.CRIT ? Double.valueOf(1) : null;
        Double margin = TypedNumbers.decimal(recovery.get());
        return new AlertRule(original == null ? 0 : original.id(), name.get(), kind.get() == null ? TargetKind.ORACLE : kind.get(), t,
                t == RuleType.TARGET_DOWN ? "" : subject.get(), threshold ? AlertRule.parseLabels(labels.get()) : null, direction.get(), w, c,
                uses(t, "holdSeconds") ? TypedNumbers.whole(hold.get()) : 0, threshold && margin != null ? margin : 0,
                uses(t, "missed") ? TypedNumbers.whole(missed.get()) : 0, enabled.get(), description.get());
    }

    private void validate() {
        AlertRule rule = toRule();
        List<Problem> found = new ArrayList<>(Validation.rule(rule, saved, metrics, mirrors));
        RuleType t = rule.type();
        if (rule.subject().isEmpty() && (levelled(t) || t == RuleType.NO_DATA || t == RuleType.MIRROR_STALE)) {
            found.removeIf(p -> p.field().equals("subject"));
            found.add(Problem.of("subject", t == RuleType.MIRROR_STALE ? "rules.problem.mirror" : "rules.problem.metric"));
        }
        if (uses(t, "holdSeconds")) {
            TypedNumbers.checkWhole(found, "holdSeconds", hold.get());
        }
        if (uses(t, "missed")) {
            TypedNumbers.checkWhole(found, "missed", missed.get());
        }
        if (levelled(t)) {
            TypedNumbers.checkDecimal(found, "warn", warn.get());
            TypedNumbers.checkDecimal(found, "crit", crit.get());
            TypedNumbers.checkDecimal(found, "recovery", recovery.get());
            labels.get().lines().map(String::strip).filter(l -> !l.isEmpty() && l.indexOf('=') < 1).findFirst()
                    .ifPresent(l -> found.add(Problem.of("labels", "rules.problem.labels", l)));
        }
        state.show(found);
        int seconds = TypedNumbers.whole(hold.get());
        holdInWords.set(seconds >= 120 ? "= " + Ages.format(Duration.ofSeconds(seconds), messages) : "");
        Set<String> replayed = Set.of("subject", "labels", "warn", "crit", "holdSeconds", "recovery");
        preview.ruleChanged(rule, found.stream().noneMatch(p -> replayed.contains(p.field())));
    }

    /** Saves in the background; {@code onSaved} gets the stored rule, problems and store errors land in the form. */
    public void save(Consumer<AlertRule> onSaved) {
        AlertRule rule = toRule();
        state.save(executor, () -> store.saveRule(rule), onSaved);
    }

    public boolean isNew() {
        return original == null;
    }

    public RulePreviewViewModel preview() {
        return preview;
    }

    public ReadOnlyStringProperty problemProperty(String field) {
        return state.problem(field);
    }

    /** The metrics or mirrors the subject is chosen from ({@code *} = all of them). */
    public ObservableList<String> subjects() {
        return subjects;
    }

    public ObservableList<Level> levels() {
        return levels;
    }

    /** The hold time in minutes or hours ("= 5 min"), empty when seconds say it well enough. */
    public ReadOnlyStringProperty holdInWordsProperty() {
        return holdInWords.getReadOnlyProperty();
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<TargetKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<RuleType> typeProperty() {
        return type;
    }

    public StringProperty subjectProperty() {
        return subject;
    }

    /** The label filter, one {@code key=value} a line. */
    public StringProperty labelsProperty() {
        return labels;
    }

    public ObjectProperty<Direction> directionProperty() {
        return direction;
    }

    public StringProperty warnProperty() {
        return warn;
    }

    public StringProperty critProperty() {
        return crit;
    }

    public StringProperty holdProperty() {
        return hold;
    }

    public StringProperty recoveryProperty() {
        return recovery;
    }

    public StringProperty missedProperty() {
        return missed;
    }

    public ObjectProperty<Level> levelProperty() {
        return level;
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public ReadOnlyBooleanProperty validProperty() {
        return state.valid();
    }

    public ReadOnlyBooleanProperty savingProperty() {
        return state.saving();
    }

    public ReadOnlyStringProperty formErrorProperty() {
        return state.formError();
    }
}
