package io.vigil.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.DirectTaskExecutor;

/** Settings' stored-passwords section: set, change (current first), remove, while the console's store stays open. */
class MasterPasswordViewModelTest {

    @TempDir
    Path home;
    private AppDirs dirs;
    private SecretBox box;
    private ConfigStore open;
    private MasterPasswordViewModel m;

    @BeforeEach
    void aConsoleWithItsStoreOpen() {
        dirs = new AppDirs(home);
        box = SecretBox.fromKeyFile(dirs);
        open = ConfigStores.open(StoreLocation.embedded(), dirs, box);
        open.saveTarget(target("prod", "Prod-Pw-1"));
        m = new MasterPasswordViewModel(dirs, box, new DirectTaskExecutor(), new Messages(Locale.ENGLISH));
    }

    @AfterEach
    void close() {
        open.close();
    }

    private static Target target(String name, String password) {
        return new Target(0, name, TargetKind.ORACLE, "db1.example.com", 1521, ConnectBy.SERVICE_NAME, "ORCLPDB1", "", "vigil",
                Secret.of(password), List.of(), true);
    }

    private String passwordOf(ConfigStore store, String name) {
        return store.targets().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow().password().reveal();
    }

    @Test
    void settingItKeepsTheOpenStoreWorkingAndOnlyTheNewPasswordOpensTheFolder() {
        assertThat(m.setProperty().get()).isFalse();
        m.nextProperty().set("correct horse");
        m.repeatedProperty().set("correct horse");
        m.apply();
        assertThat(m.resultProperty().get()).isEqualTo("The master password is set: every stored password is encrypted with it.");
        assertThat(m.setProperty().get()).isTrue();
        assertThat(m.nextProperty().get()).as("the fields forget what was typed").isEmpty();

        // the console's store, opened before, reads and writes with the new key
        assertThat(passwordOf(open, "prod")).isEqualTo("Prod-Pw-1");
        open.saveTarget(target("shop", "Shop-Pw-2"));
        try (ConfigStore reopened = ConfigStores.open(StoreLocation.embedded(), dirs,
                SecretBox.forDataFolder(dirs, () -> "correct horse".toCharArray()))) {
            assertThat(passwordOf(reopened, "prod")).isEqualTo("Prod-Pw-1");
            assertThat(passwordOf(reopened, "shop")).isEqualTo("Shop-Pw-2");
        }
    }

    @Test
    void changingOrRemovingAsksForTheCurrentPasswordFirst() {
        m.nextProperty().set("first");
        m.repeatedProperty().set("first");
        m.apply();

        m.currentProperty().set("not it");
        m.nextProperty().set("second");
        m.repeatedProperty().set("second");
        m.apply();
        assertThat(m.resultOkProperty().get()).isFalse();
        assertThat(m.resultProperty().get()).isEqualTo("The master password is wrong.");

        m.currentProperty().set("first");
        m.apply();
        assertThat(m.resultProperty().get()).startsWith("The master password was changed");

        m.currentProperty().set("first");
        m.remove();
        assertThat(m.resultProperty().get()).isEqualTo("The master password is wrong.");
        assertThat(m.setProperty().get()).isTrue();
        m.currentProperty().set("second");
        m.remove();
        assertThat(m.resultProperty().get()).startsWith("The master password was removed");
        assertThat(m.setProperty().get()).isFalse();
        assertThat(SecretBox.masterPasswordSet(dirs)).isFalse();
        assertThat(passwordOf(open, "prod")).isEqualTo("Prod-Pw-1");
    }

    @Test
    void aMistypedRepetitionIsRefusedBeforeAnythingRuns() {
        m.nextProperty().set("one");
        m.repeatedProperty().set("two");
        m.apply();
        assertThat(m.resultProperty().get()).isEqualTo("The two entries of the new master password differ: nothing was changed.");
        assertThat(SecretBox.masterPasswordSet(dirs)).isFalse();
    }
}
