package io.vigil.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.MasterPasswordException;
import io.vigil.config.MasterPasswords;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;

/** Where a master password is set, the console asks for it in its startup view and opens only with the right one. */
@ExtendWith(ApplicationExtension.class)
class MasterPasswordUnlockTest {

    @TempDir
    Path home;
    private final List<String> given = new ArrayList<>();
    private UnlockView view;

    @Start
    void start(Stage stage) {
        view = new UnlockView(new Messages(Locale.ENGLISH), pw -> given.add(new String(pw)), () -> given.add("quit"));
        stage.setScene(new Scene(new StackPane(view), 800, 500));
        stage.show();
    }

    @Test
    void theViewHandsThePasswordOverAndShowsWhyATryWasRefused(FxRobot robot) {
        Button unlock = robot.lookup("#unlock").queryButton();
        assertThat(unlock.isDisabled()).as("nothing typed yet").isTrue();
        robot.clickOn("#masterPassword").write("battery staple");
        robot.clickOn("#unlock");
        assertThat(given).containsExactly("battery staple");
        assertThat(robot.lookup("#masterPassword").queryAs(PasswordField.class).getText()).as("the field forgets it").isEmpty();

        robot.interact(() -> view.refused(new Messages(Locale.ENGLISH).get("master.wrong")));
        Label error = robot.lookup("#unlockError").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).isEqualTo("The master password is wrong.");
        robot.clickOn("#masterPassword").write("correct horse");
        robot.clickOn("#unlock");
        assertThat(given).containsExactly("battery staple", "correct horse");
    }

    @Test
    void theConsoleOpensItsStoreOnlyWithTheRightPassword() {
        AppDirs dirs = new AppDirs(home);
        SecretBox keyFile = SecretBox.fromKeyFile(dirs);
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, keyFile)) {
            store.saveTarget(new Target(0, "prod", TargetKind.ORACLE, "db1.example.com", 1521, ConnectBy.SERVICE_NAME, "ORCLPDB1", "",
                    "vigil", Secret.of("Prod-Pw-77"), List.of(), true));
        }
        MasterPasswords.set(dirs, keyFile, "correct horse".toCharArray(), "correct horse".toCharArray());

        assertThatThrownBy(() -> ConsoleStartup.open(dirs, LaunchOptions.none(), () -> "battery staple".toCharArray()))
                .isInstanceOfSatisfying(MasterPasswordException.class, e -> assertThat(e.kind()).isEqualTo(MasterPasswordException.Kind.WRONG));
        ConsoleContext ctx = ConsoleStartup.open(dirs, LaunchOptions.none(), () -> "correct horse".toCharArray());
        try {
            assertThat(ctx.hasStore()).as(String.valueOf(ctx.storeError())).isTrue();
            assertThat(ctx.store().targets()).singleElement().satisfies(t -> assertThat(t.password().reveal()).isEqualTo("Prod-Pw-77"));
        } finally {
            ctx.store().close();
        }
    }
}
