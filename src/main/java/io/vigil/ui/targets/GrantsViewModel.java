package io.vigil.ui.targets;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.SimpleObjectProperty;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.vigil.config.ConfigStore;
import io.vigil.config.GrantFlavour;
import io.vigil.config.GrantScript;
import io.vigil.config.MirrorDef;
import io.vigil.config.ServerVersion;
import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.mirror.Preflight;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * The Grants dialog's state: the script for a target in the chosen flavour (and one-role variant), and the pre-flight
 * of its account, each mirror with its state and what it misses. The mirrors and packs are read, and the check run,
 * on the background executor.
 */
public final class GrantsViewModel {

    /** One mirror's line in the check's table. */
    public record Row(String mirror, Preflight.State state, String stateText, String detail) {
    }

    private final Target target;
    private final ConfigStore store;
    private final Preflight preflight;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ObjectProperty<GrantFlavour> flavour = new SimpleObjectProperty<>();
    private final BooleanProperty roles = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper script = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper summary = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper checking = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper failed = new ReadOnlyBooleanWrapper(false);
    private final ObservableList<Row> rows = FXCollections.observableArrayList();
    private List<MirrorDef> mirrors;
    private Map<String, List<String>> packGrants;
    private ServerVersion release = ServerVersion.UNKNOWN;
    private GrantFlavour checkedFlavour;
    private GrantScript.Script written;

    /** {@code preflight} may be null when the console runs no collector: the check is then offered on the command line. */
    public GrantsViewModel(Target target, ConfigStore store, Preflight preflight, TaskExecutor executor, Messages messages) {
        this.target = target;
        this.store = store;
        this.preflight = preflight;
        this.executor = executor;
        this.messages = messages;
        flavour.set(Preflight.likelyFlavour(target));
        flavour.addListener((o, was, now) -> render());
        roles.addListener((o, was, now) -> render());
    }

    /** Reads the target kind's mirrors and the pack's grants, then writes the script. */
    public void load() {
        executor.run(() -> {
            List<MirrorDef> all = store.mirrors();
            return Map.entry(all, GrantScript.packGrants(target.kind()));
        }, loaded -> {
            mirrors = loaded.getKey();
            packGrants = loaded.getValue();
            render();
        }, e -> fail(messages.get("grants.dialog.loadFailed", UserErrors.describe(e, messages))));
    }

    /** Tries every enabled mirror once with the target's account; the script follows what the server turns out to be. */
    public void check() {
        if (preflight == null || mirrors == null || checking.get()) {
            return;
        }
        checking.set(true);
        failed.set(false);
        summary.set(messages.get("grants.dialog.checking", target.name()));
        rows.clear();
        List<MirrorDef> tried = mirrors;
        executor.run(() -> preflight.run(target, tried), report -> {
            checking.set(false);
            if (report.connected()) {
                release = report.release();
                GrantFlavour found = Preflight.flavourOf(target, report);
                checkedFlavour = found;
                if (found != flavour.get()) {
                    flavour.set(found); // renders
                } else {
                    render();
                }
            }
            show(report.withGrants(written == null ? m -> List.of() : written::grantsOf));
        }, e -> {
            checking.set(false);
            fail(messages.get("grants.dialog.checkFailed", UserErrors.describe(e, messages)));
        });
    }

    /** Writes the script to a file, in the background; {@code done} gets the sentence for the status. */
    public void save(Path file, java.util.function.Consumer<String> done) {
        String text = script.get();
        executor.run(() -> Files.writeString(file, text, StandardCharsets.UTF_8),
                p -> done.accept(messages.get("grants.dialog.saved", file.toString())),
                e -> done.accept(messages.get("grants.dialog.saveFailed", file.toString(), UserErrors.describe(e, messages))));
    }

    private void render() {
        if (mirrors == null || flavour.get() == null) {
            return;
        }
        // the release read by the last check belongs to the flavour it found; a flavour chosen by hand assumes its own
        ServerVersion known = flavour.get() == checkedFlavour ? release : ServerVersion.UNKNOWN;
        written = new GrantScript(messages).write(target, mirrors, packGrants, new GrantScript.Options(flavour.get(), known, roles.get(), "%"));
        script.set(written.text());
    }

    private void show(Preflight.Report report) {
        if (!report.connected()) {
            fail(messages.get("grants.dialog.loginFailed", messages.render(report.failure())));
            return;
        }
        for (Preflight.Outcome o : report.outcomes()) {
            String why = messages.render(o.reason());
            String grants = o.grants().isEmpty() ? "" : (why.isEmpty() ? "" : "\n") + String.join(";\n", o.grants()) + ";";
            rows.add(new Row(o.mirror(), o.state(), messages.get("preflight.state." + o.state().name()), why + grants));
        }
        long missing = report.missing().size();
        long other = report.outcomes().stream().filter(o -> o.state() == Preflight.State.OTHER_ERROR).count();
        failed.set(!report.allOk());
        summary.set(report.allOk() ? messages.get("grants.dialog.allOk") : messages.get("grants.dialog.someMissing", missing, other));
    }

    private void fail(String text) {
        failed.set(true);
        summary.set(text);
    }

    /** The flavours that fit the target's kind. */
    public List<GrantFlavour> flavours() {
        return Arrays.stream(GrantFlavour.values()).filter(f -> f.kind() == target.kind().packKind()).toList();
    }

    public String flavourName(GrantFlavour f) {
        return f == null ? "" : messages.get("grants.flavour." + f.name());
    }

    public boolean canCheck() {
        return preflight != null;
    }

    public Target target() {
        return target;
    }

    public ObjectProperty<GrantFlavour> flavourProperty() {
        return flavour;
    }

    public BooleanProperty rolesProperty() {
        return roles;
    }

    public ReadOnlyStringProperty scriptProperty() {
        return script.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty summaryProperty() {
        return summary.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty checkingProperty() {
        return checking.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty failedProperty() {
        return failed.getReadOnlyProperty();
    }

    public ObservableList<Row> rows() {
        return rows;
    }
}
