package io.vigil.ui.targets;

import java.util.List;
import java.util.function.Consumer;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.vigil.config.ConfigStore;
import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/** The configured targets, shared by the target tree and the Targets pane; loads and deletes in the background. */
public final class TargetsViewModel {

    private final ObservableList<Target> targets = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(false);
    private final ConfigStore store;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Consumer<String> status;

    /** {@code store} may be null when the config store could not be opened; {@code status} receives messages for the status bar. */
    private java.util.function.Function<Target, io.vigil.target.ProbeResult> prober = t -> null;
    private io.vigil.mirror.Preflight preflight;

    public TargetsViewModel(ConfigStore store, TaskExecutor executor, Messages messages, Consumer<String> status) {
        this.store = store;
        this.executor = executor;
        this.messages = messages;
        this.status = status;
    }

    public void reload() {
        if (store == null) {
            return;
        }
        loading.set(true);
        executor.run(store::targets, list -> {
            loading.set(false);
            targets.setAll(list);
        }, e -> {
            loading.set(false);
            status.accept(messages.get("targets.loadFailed", UserErrors.describe(e, messages)));
        });
    }

    public void delete(Target target) {
        executor.run(() -> {
            store.deleteTarget(target.id());
            return target;
        }, gone -> {
            targets.removeIf(t -> t.id() == gone.id());
            status.accept(messages.get("targets.deleted", gone.name()));
        }, e -> status.accept(messages.get("targets.deleteFailed", target.name(), UserErrors.describe(e, messages))));
    }

    /** Puts a saved target into the list (replacing its old version). */
    public void saved(Target target) {
        targets.removeIf(t -> t.id() == target.id());
        targets.add(target);
        targets.sort(java.util.Comparator.comparing(Target::name, String.CASE_INSENSITIVE_ORDER));
        status.accept(messages.get("targets.saved", target.name()));
    }

    /** Puts targets added together (an import) into the list in one change, so the collector reloads once. */
    public void imported(List<Target> added) {
        if (added.isEmpty()) {
            return;
        }
        List<Target> all = new java.util.ArrayList<>(targets);
        all.removeIf(t -> added.stream().anyMatch(a -> a.id() == t.id()));
        all.addAll(added);
        all.sort(java.util.Comparator.comparing(Target::name, String.CASE_INSENSITIVE_ORDER));
        targets.setAll(all);
        status.accept(messages.get("targets.imported", added.size()));
    }

    /** The import of a tnsnames.ora file, against the targets stored now; call {@code load()} on it to read the file. */
    public TnsImportViewModel tnsImport(java.nio.file.Path file) {
        return new TnsImportViewModel(file, List.copyOf(targets), store, executor, messages);
    }

    public TargetFormViewModel newForm() {
        return new TargetFormViewModel(null, List.copyOf(targets), store, executor, messages).withProber(prober);
    }

    public TargetFormViewModel editForm(Target target) {
        return new TargetFormViewModel(target, List.copyOf(targets), store, executor, messages).withProber(prober);
    }

    /** How forms test a connection: the running collector's connections. */
    public void setProber(java.util.function.Function<Target, io.vigil.target.ProbeResult> p) {
        this.prober = p;
    }

    /** How the Grants dialog tries a target's mirrors: the running collector's connections; none when it runs none. */
    public void setPreflight(io.vigil.mirror.Preflight p) {
        this.preflight = p;
    }

    /** The Grants dialog's model for a target. */
    public GrantsViewModel grants(Target target) {
        return new GrantsViewModel(target, store, preflight, executor, messages);
    }

    public boolean hasStore() {
        return store != null;
    }

    public ObservableList<Target> targets() {
        return targets;
    }

    public ReadOnlyBooleanProperty loadingProperty() {
        return loading.getReadOnlyProperty();
    }
}
