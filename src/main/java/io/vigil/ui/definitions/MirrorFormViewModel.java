package io.vigil.ui.definitions;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
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

import io.vigil.config.ConfigStore;
import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.config.Problem;
import io.vigil.config.TargetKind;
import io.vigil.config.Validation;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.TaskExecutor;

/**
 * State and rules of the add/edit mirror form. Every change re-validates with the core rules, so each field shows its
 * problem as the user types and Save stays disabled while anything is wrong.
 */
public final class MirrorFormViewModel {

    static final List<String> FIELDS = List.of("name", "kind", "cacheTable", "sql", "intervalSeconds", "rowCap", "watermarkColumn",
            "minVersion", "description", "columns", "variants");

    private final StringProperty name = new SimpleStringProperty("");
    private final ObjectProperty<TargetKind> kind = new SimpleObjectProperty<>(TargetKind.ORACLE);
    private final StringProperty cacheTable = new SimpleStringProperty("");
    private final StringProperty interval = new SimpleStringProperty("60");
    private final StringProperty rowCap = new SimpleStringProperty("1000");
    private final ObjectProperty<MirrorMode> mode = new SimpleObjectProperty<>(MirrorMode.REPLACE);
    private final StringProperty watermarkColumn = new SimpleStringProperty("");
    private final StringProperty minVersion = new SimpleStringProperty("");
    private final BooleanProperty enabled = new SimpleBooleanProperty(true);
    private final StringProperty description = new SimpleStringProperty("");
    private final StringProperty sql = new SimpleStringProperty("");
    private final StringProperty columns = new SimpleStringProperty("");
    private final ObjectProperty<io.vigil.config.LicensedPack> licence = new SimpleObjectProperty<>();
    private List<io.vigil.config.MirrorVariant> variants = List.of();
    private final ReadOnlyStringWrapper renameWarning = new ReadOnlyStringWrapper("");

    private final FormState state;
    private final MirrorDef original;
    private final List<MirrorDef> saved;
    private final List<MetricDef> metrics;
    private final ConfigStore store;
    private final TaskExecutor executor;
    private final Messages messages;
    private String suggestedTable = "";

    /**
     * What a minimum version means for the servers it runs on, in words under the field; empty when it runs everywhere.
     * The alert log's mirror also says that an older Oracle gives no alert-log events at all.
     */
    public javafx.beans.binding.StringBinding versionNote() {
        return javafx.beans.binding.Bindings.createStringBinding(() -> {
            String since = minVersion.get() == null ? "" : minVersion.get().strip();
            if (since.isEmpty() || !io.vigil.config.ServerVersion.PATTERN.matcher(since).matches()) {
                return "";
            }
            String note = messages.get("mirrorForm.minVersion.note", since);
            boolean alertLog = io.vigil.alert.events.AlertLogEvents.TABLE.equalsIgnoreCase(cacheTable.get() == null ? "" : cacheTable.get().strip());
            return alertLog ? note + " " + messages.get("mirrorForm.minVersion.alertLog", since) : note;
        }, minVersion, cacheTable);
    }

    /**
     * A form for a new mirror ({@code template == null}), for a copy ({@code template.id() == 0}) or for editing {@code template}.
     *
     * @param saved   every stored mirror, for the unique name and table rules
     * @param metrics every stored metric, to warn when a renamed mirror leaves metrics reading the old name
     */
    public MirrorFormViewModel(MirrorDef template, List<MirrorDef> saved, List<MetricDef> metrics, ConfigStore store, TaskExecutor executor,
                               Messages messages) {
        this.original = template != null && template.id() != 0 ? template : null;
        this.saved = List.copyOf(saved);
        this.metrics = List.copyOf(metrics);
        this.store = store;
        this.executor = executor;
        this.messages = messages;
        this.state = new FormState(FIELDS, messages);
        if (template != null) {
            load(template);
        }
        name.addListener((o, was, now) -> suggestTable());
        kind.addListener((o, was, now) -> suggestTable());
        ChangeListener<Object> revalidate = (obs, was, now) -> validate();
        List.of(name, kind, cacheTable, interval, rowCap, mode, watermarkColumn, minVersion, enabled, description, sql, columns, licence)
                .forEach(p -> p.addListener(revalidate));
        validate();
    }

    private void load(MirrorDef m) {
        name.set(m.name());
        kind.set(m.kind());
        cacheTable.set(m.cacheTable());
        interval.set(String.valueOf(m.intervalSeconds()));
        rowCap.set(String.valueOf(m.rowCap()));
        mode.set(m.mode());
        watermarkColumn.set(m.watermarkColumn());
        minVersion.set(m.minVersion());
        enabled.set(m.enabled());
        description.set(m.description());
        sql.set(m.sql());
        columns.set(String.join(", ", m.columns()));
        licence.set(m.licence());
        variants = m.variants();
    }

    /**
     * The other reads this mirror has for version ranges, one line each ("12.1 –: SELECT …"), kept as they are when the
     * form saves; empty when it has none. They travel in YAML export and import.
     */
    public String variantsNote() {
        if (variants.isEmpty()) {
            return "";
        }
        StringBuilder b = new StringBuilder(messages.get("mirrorForm.variants.note", variants.size()));
        for (io.vigil.config.MirrorVariant v : variants) {
            String first = v.sql().lines().findFirst().orElse("");
            b.append('\n').append(v.range()).append(": ").append(first.length() > 70 ? first.substring(0, 69) + "\u2026" : first);
        }
        return b.toString();
    }

    // A new mirror's table follows its name (ora_sysstat for sysstat) until the user types a table of their own.
    private void suggestTable() {
        if (original != null || kind.get() == null) {
            return;
        }
        String current = cacheTable.get().strip();
        if (!current.isEmpty() && !current.equals(suggestedTable)) {
            return;
        }
        String prefix = switch (kind.get()) {
            case MYSQL -> "my_";
            case POSTGRES -> "pg_";
            default -> "ora_";
        };
        suggestedTable = name.get().isBlank() ? "" : prefix + name.get().strip().toLowerCase(Locale.ROOT);
        cacheTable.set(suggestedTable);
    }

    /** The mirror the fields describe now; a number that does not parse becomes -1 (and a problem). */
    public MirrorDef toMirror() {
        MirrorMode m = mode.get() == null ? MirrorMode.REPLACE : mode.get();
        return new MirrorDef(original == null ? 0 : original.id(), name.get(), kind.get() == null ? TargetKind.ORACLE : kind.get(), sql.get(),
                cacheTable.get(), TypedNumbers.whole(interval.get()), TypedNumbers.whole(rowCap.get()), m,
                m == MirrorMode.APPEND ? watermarkColumn.get() : "", enabled.get(), description.get(), minVersion.get())
                .withReads(variants, java.util.Arrays.stream((columns.get() == null ? "" : columns.get()).split("[,，]"))
                        .filter(c -> !c.isBlank()).toList(), licence.get());
    }

    private void validate() {
        List<Problem> found = new ArrayList<>(Validation.mirror(toMirror(), saved));
        TypedNumbers.checkWhole(found, "intervalSeconds", interval.get());
        TypedNumbers.checkWhole(found, "rowCap", rowCap.get());
        state.show(found);
        renameWarning.set(renameWarning());
    }

    // Metrics name the mirrors they read: the store renames them along, and they wait for the first sync under the new name.
    private String renameWarning() {
        if (original == null || original.name().equalsIgnoreCase(name.get().strip())) {
            return "";
        }
        List<String> readers = metrics.stream().filter(m -> m.reads(original)).map(MetricDef::name).toList();
        return readers.isEmpty() ? "" : messages.get("mirrorForm.renameWarning", readers.size(), original.name(), String.join(", ", readers));
    }

    /** Saves in the background; {@code onSaved} gets the stored mirror, problems and store errors land in the form. */
    public void save(Consumer<MirrorDef> onSaved) {
        MirrorDef mirror = toMirror();
        state.save(executor, () -> store.saveMirror(mirror), onSaved);
    }

    public boolean isNew() {
        return original == null;
    }

    public ReadOnlyStringProperty problemProperty(String field) {
        return state.problem(field);
    }

    public StringProperty nameProperty() {
        return name;
    }

    public ObjectProperty<TargetKind> kindProperty() {
        return kind;
    }

    public StringProperty cacheTableProperty() {
        return cacheTable;
    }

    public StringProperty intervalProperty() {
        return interval;
    }

    public StringProperty rowCapProperty() {
        return rowCap;
    }

    public ObjectProperty<MirrorMode> modeProperty() {
        return mode;
    }

    public StringProperty watermarkColumnProperty() {
        return watermarkColumn;
    }

    public StringProperty minVersionProperty() {
        return minVersion;
    }

    /** The cache table's fixed columns, comma-separated; blank keeps whatever the read returns. */
    public StringProperty columnsProperty() {
        return columns;
    }

    /** The option pack the mirror's views need, or null when none. */
    public ObjectProperty<io.vigil.config.LicensedPack> licenceProperty() {
        return licence;
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

    /** Which metrics a rename would leave behind; empty when none would. */
    public ReadOnlyStringProperty renameWarningProperty() {
        return renameWarning.getReadOnlyProperty();
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
