package io.vigil.ui.definitions;

import java.time.Clock;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.function.ToLongFunction;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.ObjectBinding;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import javafx.collections.transformation.FilteredList;

import io.vigil.config.AlertRule;
import io.vigil.config.ConfigStore;
import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.gather.MetricPreview;
import io.vigil.i18n.Messages;
import io.vigil.series.SeriesStore;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * The mirror and metric definitions of the config store, filtered by kind and text; loads, saves, deletes and
 * switches them on and off in the background, and tells the collector after every change.
 */
public final class DefinitionsViewModel {

    /** What one load brings: the definitions, the targets a metric can be tested on, and the packs' grants. */
    private record Loaded(List<MirrorDef> mirrors, List<MetricDef> metrics, List<AlertRule> rules, List<Target> targets,
                          MirrorGrants grants) {
    }

    /** The kinds definitions are written for (the demo runs the Oracle pack). */
    public static final List<TargetKind> KINDS = List.of(TargetKind.ORACLE, TargetKind.MYSQL, TargetKind.POSTGRES);

    private final ObservableList<MirrorDef> mirrors = FXCollections.observableArrayList();
    private final ObservableList<MetricDef> metrics = FXCollections.observableArrayList();
    private final FilteredList<MirrorDef> visibleMirrors = new FilteredList<>(mirrors);
    private final FilteredList<MetricDef> visibleMetrics = new FilteredList<>(metrics);
    private final ObservableList<AlertRule> rules = FXCollections.observableArrayList();
    private final FilteredList<AlertRule> visibleRules = new FilteredList<>(rules);
    private final ObjectProperty<TargetKind> kindFilter = new SimpleObjectProperty<>();
    private final StringProperty textFilter = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private List<Target> targets = List.of();
    private MirrorGrants grants = MirrorGrants.none();

    private final ConfigStore store;
    private final MetricPreview preview;
    private final SeriesStore series;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Consumer<String> status;
    private final Runnable onChanged;

    /**
     * @param store     may be null when the config store could not be opened
     * @param preview   null when no collector runs in this console: metrics can then be edited but not tested
     * @param onChanged called after every save and delete, so the collector runs the new definitions
     */
    public DefinitionsViewModel(ConfigStore store, MetricPreview preview, TaskExecutor executor, Messages messages, Consumer<String> status,
                                Runnable onChanged) {
        this(store, preview, null, executor, messages, status, onChanged);
    }

    /** As above; {@code series} (null without a collector) is what the rule form replays a rule over. */
    public DefinitionsViewModel(ConfigStore store, MetricPreview preview, SeriesStore series, TaskExecutor executor, Messages messages,
                                Consumer<String> status, Runnable onChanged) {
        this.store = store;
        this.preview = preview;
        this.series = series;
        this.executor = executor;
        this.messages = messages;
        this.status = status;
        this.onChanged = onChanged;
        visibleMirrors.predicateProperty().bind(filter(m -> m.kind(), m -> List.of(m.name(), m.cacheTable(), m.description(), m.sql())));
        visibleMetrics.predicateProperty().bind(filter(m -> m.kind(), m -> List.of(m.name(), m.unit(), m.description(), m.sql(),
                String.join(" ", m.mirrors()))));
        visibleRules.predicateProperty().bind(filter(r -> r.kind(), r -> List.of(r.name(), r.subject(), r.description())));
    }

    private <T> ObjectBinding<Predicate<T>> filter(java.util.function.Function<T, TargetKind> kindOf,
                                                    java.util.function.Function<T, List<String>> texts) {
        return Bindings.createObjectBinding(() -> {
            TargetKind kind = kindFilter.get();
            String words = textFilter.get() == null ? "" : textFilter.get().strip().toLowerCase(Locale.ROOT);
            return def -> (kind == null || kindOf.apply(def) == kind)
                    && (words.isEmpty() || texts.apply(def).stream().anyMatch(t -> t.toLowerCase(Locale.ROOT).contains(words)));
        }, kindFilter, textFilter);
    }

    public void reload() {
        if (store == null) {
            return;
        }
        loading.set(true);
        executor.run(() -> new Loaded(store.mirrors(), store.metrics(), store.rules(), store.targets(), MirrorGrants.shipped()), loaded -> {
            loading.set(false);
            targets = loaded.targets();
            grants = loaded.grants();
            mirrors.setAll(sorted(loaded.mirrors(), MirrorDef::name));
            metrics.setAll(sorted(loaded.metrics(), MetricDef::name));
            rules.setAll(sorted(loaded.rules(), AlertRule::name));
        }, e -> {
            loading.set(false);
            status.accept(messages.get("definitions.loadFailed", UserErrors.describe(e, messages)));
        });
    }

    private static <T> List<T> sorted(List<T> list, java.util.function.Function<T, String> name) {
        return list.stream().sorted(Comparator.comparing(name, String.CASE_INSENSITIVE_ORDER)).toList();
    }

    public MirrorFormViewModel newMirrorForm() {
        MirrorFormViewModel form = new MirrorFormViewModel(null, mirrors, metrics, store, executor, messages);
        if (kindFilter.get() != null) {
            form.kindProperty().set(kindFilter.get());
        }
        return form;
    }

    public MirrorFormViewModel editMirrorForm(MirrorDef mirror) {
        return new MirrorFormViewModel(mirror, mirrors, metrics, store, executor, messages);
    }

    /** A form holding a copy of {@code mirror} under a free name and table, not saved until the user saves it. */
    public MirrorFormViewModel duplicateMirrorForm(MirrorDef mirror) {
        String name = freeName(mirror.name(), n -> mirrors.stream().anyMatch(m -> m.kind() == mirror.kind() && m.name().equalsIgnoreCase(n)));
        String table = freeName(mirror.cacheTable(),
                n -> mirrors.stream().anyMatch(m -> m.kind() == mirror.kind() && m.cacheTable().equalsIgnoreCase(n)));
        MirrorDef copy = new MirrorDef(0, name, mirror.kind(), mirror.sql(), table, mirror.intervalSeconds(), mirror.rowCap(), mirror.mode(),
                mirror.watermarkColumn(), mirror.enabled(), mirror.description(), mirror.minVersion(), mirror.variants(), mirror.columns(),
                mirror.licence());
        return new MirrorFormViewModel(copy, mirrors, metrics, store, executor, messages);
    }

    public MetricFormViewModel newMetricForm() {
        MetricFormViewModel form = new MetricFormViewModel(null, metrics, mirrors, grants, tester(), store, executor, messages);
        if (kindFilter.get() != null) {
            form.kindProperty().set(kindFilter.get());
        }
        return form;
    }

    public MetricFormViewModel editMetricForm(MetricDef metric) {
        return new MetricFormViewModel(metric, metrics, mirrors, grants, tester(), store, executor, messages);
    }

    /** A form holding a copy of {@code metric} under a free name, not saved until the user saves it. */
    public MetricFormViewModel duplicateMetricForm(MetricDef metric) {
        String name = freeName(metric.name(), n -> metrics.stream().anyMatch(m -> m.kind() == metric.kind() && m.name().equals(n)));
        MetricDef copy = new MetricDef(0, name, metric.kind(), metric.sql(), metric.mirrors(), metric.freshnessSeconds(), metric.type(),
                metric.unit(), metric.labelColumns(), metric.intervalSeconds(), metric.warn(), metric.crit(), metric.privileges(), metric.enabled(),
                metric.description());
        return new MetricFormViewModel(copy, metrics, mirrors, grants, tester(), store, executor, messages);
    }

    public RuleFormViewModel newRuleForm() {
        RuleFormViewModel form = ruleForm(null);
        if (kindFilter.get() != null) {
            form.kindProperty().set(kindFilter.get());
        }
        return form;
    }

    public RuleFormViewModel editRuleForm(AlertRule rule) {
        return ruleForm(rule);
    }

    /** A form holding a copy of {@code rule} under a free name, not saved until the user saves it. */
    public RuleFormViewModel duplicateRuleForm(AlertRule rule) {
        String name = freeName(rule.name(), n -> rules.stream().anyMatch(r -> r.kind() == rule.kind() && r.name().equalsIgnoreCase(n)));
        return ruleForm(new AlertRule(0, name, rule.kind(), rule.type(), rule.subject(), rule.labels(), rule.direction(), rule.warn(),
                rule.crit(), rule.holdSeconds(), rule.recovery(), rule.missed(), rule.enabled(), rule.description()));
    }

    private RuleFormViewModel ruleForm(AlertRule template) {
        RulePreviewViewModel replay = new RulePreviewViewModel(targets, series, executor, messages, Clock.systemUTC());
        return new RuleFormViewModel(template, rules, metrics, mirrors, replay, store, executor, messages);
    }

    private MetricTestViewModel tester() {
        return new MetricTestViewModel(targets, mirrors, preview, executor, messages, Clock.systemUTC());
    }

    // sysstat -> sysstat_copy -> sysstat_copy2 ...: names stay identifiers, so a copy is valid as it stands.
    static String freeName(String base, Predicate<String> taken) {
        String candidate = base + "_copy";
        for (int n = 2; taken.test(candidate); n++) {
            candidate = base + "_copy" + n;
        }
        return candidate;
    }

    /** Puts a saved mirror into the list (replacing its old version) and tells the collector. */
    public void mirrorSaved(MirrorDef mirror) {
        mirrors.stream().filter(m -> m.id() == mirror.id()).findFirst()
                .ifPresent(old -> metrics.replaceAll(m -> m.afterRename(old, mirror))); // as the store did
        replace(mirrors, mirror, MirrorDef::id, MirrorDef::name);
        status.accept(messages.get("definitions.mirror.saved", mirror.name()));
        onChanged.run();
    }

    /** Puts a saved metric into the list (replacing its old version) and tells the collector. */
    public void metricSaved(MetricDef metric) {
        replace(metrics, metric, MetricDef::id, MetricDef::name);
        status.accept(messages.get("definitions.metric.saved", metric.name()));
        onChanged.run();
    }

    /** Puts a saved rule into the list (replacing its old version) and tells the collector. */
    public void ruleSaved(AlertRule rule) {
        replace(rules, rule, AlertRule::id, AlertRule::name);
        status.accept(messages.get("rules.saved", rule.name()));
        onChanged.run();
    }

    public void deleteRule(AlertRule rule) {
        executor.run(() -> {
            store.deleteRule(rule.id());
            return rule;
        }, gone -> {
            rules.removeIf(r -> r.id() == gone.id());
            status.accept(messages.get("rules.deleted", gone.name()));
            onChanged.run();
        }, e -> status.accept(messages.get("definitions.deleteFailed", rule.name(), UserErrors.describe(e, messages))));
    }

    /** Switches a rule on or off in the store; the collector evaluates it, or stops, from its next cycle. */
    public void setEnabled(AlertRule rule, boolean on) {
        AlertRule changed = new AlertRule(rule.id(), rule.name(), rule.kind(), rule.type(), rule.subject(), rule.labels(), rule.direction(),
                rule.warn(), rule.crit(), rule.holdSeconds(), rule.recovery(), rule.missed(), on, rule.description());
        executor.run(() -> store.saveRule(changed), this::ruleSaved, e -> {
            replace(rules, rule, AlertRule::id, AlertRule::name);
            status.accept(messages.get("definitions.saveFailed", rule.name(), UserErrors.describe(e, messages)));
        });
    }

    private static <T> void replace(ObservableList<T> list, T saved, ToLongFunction<T> id, java.util.function.Function<T, String> name) {
        int at = -1;
        for (int i = 0; i < list.size(); i++) {
            if (id.applyAsLong(list.get(i)) == id.applyAsLong(saved)) {
                at = i;
            }
        }
        if (at >= 0) {
            list.set(at, saved); // in place, so the table keeps its selection and scroll position
        } else {
            list.add(saved);
            list.sort(Comparator.comparing(name, String.CASE_INSENSITIVE_ORDER));
        }
    }

    public void deleteMirror(MirrorDef mirror) {
        executor.run(() -> {
            store.deleteMirror(mirror.id());
            return mirror;
        }, gone -> {
            mirrors.removeIf(m -> m.id() == gone.id());
            status.accept(messages.get("definitions.mirror.deleted", gone.name()));
            onChanged.run();
        }, e -> status.accept(messages.get("definitions.deleteFailed", mirror.name(), UserErrors.describe(e, messages))));
    }

    public void deleteMetric(MetricDef metric) {
        executor.run(() -> {
            store.deleteMetric(metric.id());
            return metric;
        }, gone -> {
            metrics.removeIf(m -> m.id() == gone.id());
            status.accept(messages.get("definitions.metric.deleted", gone.name()));
            onChanged.run();
        }, e -> status.accept(messages.get("definitions.deleteFailed", metric.name(), UserErrors.describe(e, messages))));
    }

    /** Switches a mirror on or off in the store; the collector stops or starts running it. */
    public void setEnabled(MirrorDef mirror, boolean on) {
        MirrorDef changed = new MirrorDef(mirror.id(), mirror.name(), mirror.kind(), mirror.sql(), mirror.cacheTable(), mirror.intervalSeconds(),
                mirror.rowCap(), mirror.mode(), mirror.watermarkColumn(), on, mirror.description(), mirror.minVersion(), mirror.variants(),
                mirror.columns(), mirror.licence());
        executor.run(() -> store.saveMirror(changed), this::mirrorSaved, e -> {
            replace(mirrors, mirror, MirrorDef::id, MirrorDef::name); // the table shows what is stored
            status.accept(messages.get("definitions.saveFailed", mirror.name(), UserErrors.describe(e, messages)));
        });
    }

    /** Switches a metric on or off in the store; the collector stops or starts picking it. */
    public void setEnabled(MetricDef metric, boolean on) {
        MetricDef changed = new MetricDef(metric.id(), metric.name(), metric.kind(), metric.sql(), metric.mirrors(), metric.freshnessSeconds(),
                metric.type(), metric.unit(), metric.labelColumns(), metric.intervalSeconds(), metric.warn(), metric.crit(), metric.privileges(),
                on, metric.description());
        executor.run(() -> store.saveMetric(changed), this::metricSaved, e -> {
            replace(metrics, metric, MetricDef::id, MetricDef::name);
            status.accept(messages.get("definitions.saveFailed", metric.name(), UserErrors.describe(e, messages)));
        });
    }

    /** The metrics that read {@code mirror}, by name: a delete or a rename leaves them without data. */
    public List<String> metricsReading(MirrorDef mirror) {
        return metrics.stream().filter(m -> m.reads(mirror)).map(MetricDef::name).toList();
    }

    public boolean hasStore() {
        return store != null;
    }

    /** Whether metrics can be tested here (a collector runs, so there is a cache). */
    public boolean canTest() {
        return preview != null;
    }

    public ObservableList<MirrorDef> mirrors() {
        return mirrors;
    }

    public ObservableList<MetricDef> metrics() {
        return metrics;
    }

    public ObservableList<AlertRule> rules() {
        return rules;
    }

    public ObservableList<AlertRule> visibleRules() {
        return visibleRules;
    }

    /** The mirrors the filters let through, for the table. */
    public ObservableList<MirrorDef> visibleMirrors() {
        return visibleMirrors;
    }

    public ObservableList<MetricDef> visibleMetrics() {
        return visibleMetrics;
    }

    /** The kind shown; null shows every kind. */
    public ObjectProperty<TargetKind> kindFilterProperty() {
        return kindFilter;
    }

    /** Words a definition's name, table, unit, description or SQL must contain to be shown. */
    public StringProperty textFilterProperty() {
        return textFilter;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
