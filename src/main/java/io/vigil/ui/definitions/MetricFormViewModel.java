package io.vigil.ui.definitions;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

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

import io.vigil.config.ConfigStore;
import io.vigil.config.MetricDef;
import io.vigil.config.MetricType;
import io.vigil.config.MirrorDef;
import io.vigil.config.Problem;
import io.vigil.config.TargetKind;
import io.vigil.config.Validation;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.TaskExecutor;

/**
 * State and rules of the add/edit metric form. Every change re-validates with the core rules; the mirrors on offer are
 * those of the chosen kind, and the privileges follow the mirrors chosen. {@link #test()} tries the SQL as it stands.
 */
public final class MetricFormViewModel {

    static final List<String> FIELDS = List.of("name", "kind", "type", "unit", "intervalSeconds", "freshnessSeconds", "mirrors",
            "labelColumns", "warn", "crit", "description", "sql");

    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<TargetKind> kind = new SimpleObjectProperty<>(TargetKind.ORACLE);
    private final ObjectProperty<MetricType> type = new SimpleObjectProperty<>(MetricType.GAUGE);
    private final StringProperty unit = new SimpleStringProperty("");
    private final StringProperty interval = new SimpleStringProperty("60");
    private final StringProperty freshness = new SimpleStringProperty("180");
    private final ObservableList<String> availableMirrors = FXCollections.observableArrayList();
    private final ObservableList<String> chosenMirrors = FXCollections.observableArrayList();
    private final Map<String, BooleanProperty> mirrorChoices = new HashMap<>();
    private final StringProperty labelColumns = new SimpleStringProperty("");
    private final StringProperty warn = new SimpleStringProperty("");
    private final StringProperty crit = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper privileges = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper privilegesNote = new ReadOnlyStringWrapper("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty sql = new SimpleStringProperty("");

    private final FormState state;
    private final MetricDef original;
    private final List<MetricDef> saved;
    private final List<MirrorDef> mirrors;
    private final MirrorGrants grants;
    private final MetricTestViewModel test;
    private final ConfigStore store;
    private final TaskExecutor executor;
    private final Messages messages;

    /**
     * A form for a new metric ({@code template == null}), for a copy ({@code template.id() == 0}) or for editing {@code template}.
     *
     * @param saved   every stored metric, for the unique name rule
     * @param mirrors every stored mirror: those of the chosen kind are offered
     * @param test    the "Test metric" part of the form
     */
    public MetricFormViewModel(MetricDef template, List<MetricDef> saved, List<MirrorDef> mirrors, MirrorGrants grants,
                               MetricTestViewModel test, ConfigStore store, TaskExecutor executor, Messages messages) {
        this.original = template != null && template.id() != 0 ? template : null;
        this.saved = List.copyOf(saved);
        this.mirrors = List.copyOf(mirrors);
        this.grants = grants;
        this.test = test;
        this.store = store;
        this.executor = executor;
        this.messages = messages;
        this.state = new FormState(FIELDS, messages);
        if (template != null) {
            load(template);
        }
        offerMirrors(template == null ? List.of() : template.mirrors(), true);
        test.kindChanged(kind.get());
        kind.addListener((o, was, now) -> {
            offerMirrors(List.copyOf(chosenMirrors), false);
            test.kindChanged(now);
        });
        ChangeListener<Object> revalidate = (obs, was, now) -> validate();
        List.of(name, kind, type, unit, interval, freshness, labelColumns, warn, crit, enabled, description, sql)
                .forEach(p -> p.addListener(revalidate));
        chosenMirrors.addListener((javafx.collections.ListChangeListener<String>) c -> {
            updatePrivileges();
            validate();
        });
        updatePrivileges();
        validate();
    }

    private void load(MetricDef m) {
        name.set(m.name());
        kind.set(m.kind());
        type.set(m.type());
        unit.set(m.unit());
        interval.set(String.valueOf(m.intervalSeconds()));
        freshness.set(String.valueOf(m.freshnessSeconds()));
        labelColumns.set(String.join(", ", m.labelColumns()));
        warn.set(m.warn() == null ? "" : plain(m.warn()));
        crit.set(m.crit() == null ? "" : plain(m.crit()));
        enabled.set(m.enabled());
        description.set(m.description());
        sql.set(m.sql());
    }

    private static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }

    // The kind's mirrors, plus those a loaded metric names that are not defined (so they can be unticked).
    private void offerMirrors(List<String> keep, boolean keepUnknown) {
        TargetKind k = kind.get();
        Set<String> names = new LinkedHashSet<>(mirrors.stream().filter(m -> m.kind() == k).map(MirrorDef::name).sorted().toList());
        List<String> still = keep.stream().filter(n -> keepUnknown || names.contains(n)).toList();
        names.addAll(still);
        mirrorChoices.clear();
        chosenMirrors.setAll(still);
        for (String n : names) {
            BooleanProperty chosen = new SimpleBooleanProperty(still.contains(n));
            chosen.addListener((o, was, now) -> {
                if (now && !chosenMirrors.contains(n)) {
                    chosenMirrors.add(n);
                } else if (!now) {
                    chosenMirrors.remove(n);
                }
            });
            mirrorChoices.put(n, chosen);
        }
        availableMirrors.setAll(names);
    }

    // A metric keeps its stored privileges until its mirrors change; then they are the chosen mirrors' grants.
    private void updatePrivileges() {
        TargetKind k = kind.get();
        List<String> chosen = List.copyOf(chosenMirrors);
        if (original != null && original.kind() == k && Set.copyOf(original.mirrors()).equals(Set.copyOf(chosen))) {
            privileges.set(original.privileges());
            privilegesNote.set("");
            return;
        }
        privileges.set(grants.privileges(k, chosen));
        List<String> unknown = grants.unknown(k, chosen);
        privilegesNote.set(unknown.isEmpty() ? "" : messages.get("metricForm.privileges.unknown", unknown.size(), String.join(", ", unknown)));
    }

    /** The metric the fields describe now; a number that does not parse becomes -1 or NaN (and a problem). */
    public MetricDef toMetric() {
        List<String> labels = Arrays.stream(labelColumns.get().split("[,，\\s]+")).map(String::strip).filter(s -> !s.isEmpty()).toList();
        return new MetricDef(original == null ? 0 : original.id(), name.get(), kind.get() == null ? TargetKind.ORACLE : kind.get(), sql.get(),
                List.copyOf(chosenMirrors), TypedNumbers.whole(freshness.get()), type.get() == null ? MetricType.GAUGE : type.get(), unit.get(),
                labels, TypedNumbers.whole(interval.get()), TypedNumbers.decimal(warn.get()), TypedNumbers.decimal(crit.get()),
                privileges.get(), enabled.get(), description.get());
    }

    private void validate() {
        List<Problem> found = new ArrayList<>(Validation.metric(toMetric(), saved, mirrors));
        TypedNumbers.checkWhole(found, "intervalSeconds", interval.get());
        TypedNumbers.checkWhole(found, "freshnessSeconds", freshness.get());
        TypedNumbers.checkDecimal(found, "warn", warn.get());
        TypedNumbers.checkDecimal(found, "crit", crit.get());
        state.show(found);
        test.clear(); // an answer about other SQL would mislead
    }

    /** Tries the form's current SQL on the test target (see {@link MetricTestViewModel}); the form need not be valid. */
    public void test() {
        test.test(toMetric());
    }

    /** Saves in the background; {@code onSaved} gets the stored metric, problems and store errors land in the form. */
    public void save(Consumer<MetricDef> onSaved) {
        MetricDef metric = toMetric();
        state.save(executor, () -> store.saveMetric(metric), onSaved);
    }

    public boolean isNew() {
        return original == null;
    }

    public MetricTestViewModel tester() {
        return test;
    }

    public ReadOnlyStringProperty problemProperty(String field) {
        return state.problem(field);
    }

    /** Whether the mirror {@code name} (one of {@link #availableMirrors()}) is read by the metric; tick and untick it here. */
    public BooleanProperty mirrorChosenProperty(String mirrorName) {
        BooleanProperty p = mirrorChoices.get(mirrorName);
        if (p == null) {
            throw new IllegalArgumentException("no mirror " + mirrorName + " on offer");
        }
        return p;
    }

    public ObservableList<String> availableMirrors() {
        return availableMirrors;
    }

    public ObservableList<String> chosenMirrors() {
        return FXCollections.unmodifiableObservableList(chosenMirrors);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<TargetKind> kindProperty() {
        return kind;
    }

    public ObjectProperty<MetricType> typeProperty() {
        return type;
    }

    public StringProperty unitProperty() {
        return unit;
    }

    public StringProperty intervalProperty() {
        return interval;
    }

    public StringProperty freshnessProperty() {
        return freshness;
    }

    public StringProperty labelColumnsProperty() {
        return labelColumns;
    }

    public StringProperty warnProperty() {
        return warn;
    }

    public StringProperty critProperty() {
        return crit;
    }

    public ReadOnlyStringProperty privilegesProperty() {
        return privileges.getReadOnlyProperty();
    }

    /** Which chosen mirrors' grants are not known; empty when all are. */
    public ReadOnlyStringProperty privilegesNoteProperty() {
        return privilegesNote.getReadOnlyProperty();
    }

    public BooleanProperty enabledProperty() {
        return enabled;
    }

    public StringProperty descriptionProperty() {
        return description;
    }

    public StringProperty sqlProperty() {
        return sql;
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
