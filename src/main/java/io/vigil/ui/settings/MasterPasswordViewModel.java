package io.vigil.ui.settings;

import java.util.Arrays;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;

import io.vigil.config.AppDirs;
import io.vigil.config.MasterPasswordException;
import io.vigil.config.MasterPasswords;
import io.vigil.config.SecretBox;
import io.vigil.i18n.Messages;
import io.vigil.i18n.Reason;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * Settings' stored-passwords section: sets, changes or removes the master password of the data folder. Changing or
 * removing one asks for the current one first, even in an unlocked console. The key derivation and the encryption of
 * every stored password run in the background; the open console goes on with the new key.
 */
public final class MasterPasswordViewModel {

    private final StringProperty current = new SimpleStringProperty("");
    private final StringProperty next = new SimpleStringProperty("");
    private final StringProperty repeated = new SimpleStringProperty("");
    private final ReadOnlyBooleanWrapper set = new ReadOnlyBooleanWrapper();
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper();
    private final ReadOnlyStringWrapper result = new ReadOnlyStringWrapper("");
    private final ReadOnlyBooleanWrapper resultOk = new ReadOnlyBooleanWrapper();
    private final AppDirs dirs;
    private final SecretBox box;
    private final TaskExecutor executor;
    private final Messages messages;

    public MasterPasswordViewModel(AppDirs dirs, SecretBox box, TaskExecutor executor, Messages messages) {
        this.dirs = dirs;
        this.box = box;
        this.executor = executor;
        this.messages = messages;
        set.set(box.usesMasterPassword());
    }

    /** Sets the master password, or changes it (the current one checked first); refused in words when mistyped. */
    public void apply() {
        char[] pw = next.get().toCharArray();
        char[] again = repeated.get().toCharArray();
        char[] now = current.get().toCharArray();
        if (pw.length == 0) {
            told(false, messages.render(Reason.of("master.empty")));
            return;
        }
        if (!Arrays.equals(pw, again)) {
            told(false, messages.render(Reason.of("master.mismatch")));
            return;
        }
        boolean changing = set.get();
        run(() -> {
            if (changing) {
                SecretBox.fromMasterPassword(dirs, now); // a wrong current password stops here
            }
            MasterPasswords.set(dirs, box, pw, again);
        }, changing ? "settings.master.changed" : "settings.master.set");
    }

    /** Removes the master password (the current one checked first): the key file protects the passwords again. */
    public void remove() {
        char[] now = current.get().toCharArray();
        run(() -> {
            SecretBox.fromMasterPassword(dirs, now);
            MasterPasswords.remove(dirs, box);
        }, "settings.master.removed");
    }

    private void run(Runnable work, String doneKey) {
        busy.set(true);
        told(true, "");
        executor.run(() -> {
            work.run();
            return SecretBox.masterPasswordSet(dirs);
        }, nowSet -> {
            busy.set(false);
            set.set(nowSet);
            current.set("");
            next.set("");
            repeated.set("");
            told(true, messages.get(doneKey));
        }, e -> {
            busy.set(false);
            current.set("");
            told(false, e instanceof MasterPasswordException m ? messages.render(m.reason()) : UserErrors.describe(e, messages));
        });
    }

    private void told(boolean ok, String text) {
        resultOk.set(ok);
        result.set(text);
    }

    public StringProperty currentProperty() {
        return current;
    }

    public StringProperty nextProperty() {
        return next;
    }

    public StringProperty repeatedProperty() {
        return repeated;
    }

    /** Whether a master password protects the stored passwords now. */
    public ReadOnlyBooleanProperty setProperty() {
        return set.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty busyProperty() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty resultProperty() {
        return result.getReadOnlyProperty();
    }

    public ReadOnlyBooleanProperty resultOkProperty() {
        return resultOk.getReadOnlyProperty();
    }
}
