package io.vigil.ui.settings;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleBooleanProperty;

import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigYaml;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * Export and import of the whole configuration as YAML, in the background. Passwords go out only when the box is
 * ticked, and then the file is readable by its owner alone. A refused import changes nothing and says why.
 */
public final class ConfigTransferViewModel {

    private final BooleanProperty withPasswords = new SimpleBooleanProperty(false);
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper resultOk = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(false);
    private final ConfigStore store;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Runnable imported;

    /** @param imported called after an import changed the store (reload the lists, restart the collector) */
    public ConfigTransferViewModel(ConfigStore store, TaskExecutor executor, Messages messages, Runnable imported) {
        this.store = store;
        this.executor = executor;
        this.messages = messages;
        this.imported = imported;
    }

    public void exportTo(Path file) {
        boolean secrets = withPasswords.get();
        start();
        executor.run(() -> {
            var targets = store.targets();
            var mirrors = store.mirrors();
            var metrics = store.metrics();
            var rules = store.rules();
            String yaml = ConfigYaml.export(targets, mirrors, metrics, rules, secrets, Instant.now());
            Files.writeString(file, yaml, StandardCharsets.UTF_8);
            if (secrets) {
                ownerOnly(file);
            }
            return messages.get(secrets ? "settings.transfer.exportedSecrets" : "settings.transfer.exported", targets.size(), mirrors.size(),
                    metrics.size(), file.toString());
        }, text -> done(true, text), e -> done(false, UserErrors.describe(e, messages)));
    }

    public void importFrom(Path file) {
        start();
        executor.run(() -> ConfigYaml.importFile(store, file, messages), r -> {
            done(true, messages.get("settings.transfer.imported", r.targetsAdded(), r.targetsUpdated(), r.mirrorsAdded(), r.mirrorsUpdated(),
                    r.metricsAdded(), r.metricsUpdated()));
            imported.run();
        }, e -> done(false, messages.get("settings.transfer.refused", UserErrors.describe(e, messages))));
    }

    private static void ownerOnly(Path file) {
        try {
            Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
        } catch (UnsupportedOperationException | java.io.IOException e) {
            // not a POSIX file system (Windows): the user's profile folder is private already
        }
    }

    private void start() {
        busy.set(true);
        result.set(messages.get("settings.transfer.working"));
        resultOk.set(false);
    }

    private void done(boolean ok, String text) {
        busy.set(false);
        resultOk.set(ok);
        result.set(text);
    }

    public BooleanProperty withPasswordsProperty() {
        return withPasswords;
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resultOkProperty() {
        return resultOk.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }
}
