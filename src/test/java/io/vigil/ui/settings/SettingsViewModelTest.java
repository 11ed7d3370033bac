package io.vigil.ui.settings;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.Settings;
import io.vigil.config.StoreKind;
import io.vigil.config.StoreLocation;
import io.vigil.config.Theme;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.DirectTaskExecutor;

class SettingsViewModelTest {

    @TempDir
    Path home;
    final List<Settings> lookChanges = new ArrayList<>();
    final List<Settings> storeChanges = new ArrayList<>();

    SettingsViewModel model(Settings settings) {
        AppDirs dirs = new AppDirs(home);
        SecretBox box = SecretBox.fromKeyFile(dirs);
        return new SettingsViewModel(dirs, box, settings, null, new DirectTaskExecutor(), new Messages(Locale.ENGLISH), lookChanges::add, storeChanges::add);
    }

    @Test
    void languageAndThemeApplyAtOnce() {
        SettingsViewModel m = model(Settings.defaults());
        m.languageProperty().set("zh-CN");
        m.themeProperty().set(Theme.DARK);
        assertThat(lookChanges).extracting(Settings::language).containsExactly("zh-CN", "zh-CN");
        assertThat(lookChanges.getLast().theme()).isEqualTo(Theme.DARK);
        assertThat(storeChanges).isEmpty();
    }

    @Test
    void aServerStoreNeedsAMysqlUrlBeforeItCanBeSaved() {
        SettingsViewModel m = model(Settings.defaults());
        assertThat(m.storeSavable().get()).isTrue();
        m.storeKindProperty().set(StoreKind.MYSQL);
        assertThat(m.urlProblemProperty().get()).contains("jdbc:mysql://");
        assertThat(m.storeSavable().get()).isFalse();
        m.urlProperty().set("jdbc:mariadb://db1:3306/vigil");
        assertThat(m.storeSavable().get()).isTrue();
        m.userProperty().set("vigil");
        m.passwordProperty().set("pw");
        m.saveStore();
        assertThat(storeChanges).singleElement().satisfies(s -> {
            assertThat(s.configStore().kind()).isEqualTo(StoreKind.MYSQL);
            assertThat(s.configStore().password().reveal()).isEqualTo("pw");
        });
    }

    @Test
    void anEmptyPasswordFieldKeepsTheSavedPassword() {
        Settings saved = Settings.defaults().withConfigStore(new StoreLocation(StoreKind.MYSQL, "jdbc:mysql://db1/v", "vigil", Secret.of("old")));
        SettingsViewModel m = model(saved);
        assertThat(m.passwordProperty().get()).isEmpty();
        assertThat(m.current().configStore().password().reveal()).isEqualTo("old");
        m.passwordProperty().set("new");
        assertThat(m.current().configStore().password().reveal()).isEqualTo("new");
    }

    @Test
    void testingAnUnreachableStoreSaysWhyInWords() {
        SettingsViewModel m = model(Settings.defaults());
        m.storeKindProperty().set(StoreKind.MYSQL);
        m.urlProperty().set("jdbc:mysql://127.0.0.1:" + unusedPort() + "/vigil");
        m.userProperty().set("vigil");
        m.testStore();
        assertThat(m.storeResultOkProperty().get()).isFalse();
        assertThat(m.storeResultProperty().get()).startsWith("Cannot reach the config store");
        assertThat(m.busyProperty().get()).isFalse();
    }

    @Test
    void testingTheEmbeddedStoreWorks() {
        SettingsViewModel m = model(Settings.defaults());
        m.testStore();
        assertThat(m.storeResultOkProperty().get()).isTrue();
        assertThat(m.storeResultProperty().get()).startsWith("Works: H2 ");
    }

    private static int unusedPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
