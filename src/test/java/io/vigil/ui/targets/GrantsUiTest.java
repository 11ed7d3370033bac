package io.vigil.ui.targets;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.vigil.config.AppDirs;
import io.vigil.ui.Console;
import io.vigil.ui.ConsoleStartup;
import io.vigil.ui.LaunchOptions;
import io.vigil.ui.shell.MainView;
import io.vigil.ui.util.FxTaskExecutor;

/** The Grants… dialog of the real console, headless, on the demo Oracle its collector watches. */
@ExtendWith(ApplicationExtension.class)
class GrantsUiTest {

    private Console console;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("vigil-grants");
        executor = new FxTaskExecutor();
        Scene scene = new Scene(new StackPane(), 1280, 800);
        console = new Console(scene, executor, ConsoleStartup.open(new AppDirs(home), LaunchOptions.none()));
        console.show(MainView.Pane.TARGETS);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        console.close();
        executor.close();
    }

    @Test
    void theDemosScriptIsShownCopiedSwitchedTo11gAndItsAccountChecked(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#targetsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(robot.lookup("#grantsTarget").queryButton().isDisabled()).as("nothing selected yet").isTrue();
        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#grantsTarget");

        TextArea script = robot.lookup("#grantsScript").queryAs(TextArea.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> script.getText().contains("CREATE USER"));
        assertThat(script.isEditable()).isFalse();
        assertThat(script.getText()).contains("GRANT CREATE SESSION TO").contains("GRANT SELECT ON sys.v_$session TO")
                .contains("diag_alert_ext");

        robot.clickOn("#grantsCopy");
        WaitForAsyncUtils.waitForFxEvents();
        String copied = WaitForAsyncUtils.asyncFx(() -> Clipboard.getSystemClipboard().getString()).get(5, TimeUnit.SECONDS);
        assertThat(copied).isEqualTo(script.getText());
        assertThat(robot.lookup("#grantsStatus").queryAs(Label.class).getText()).isEqualTo("Copied to the clipboard.");

        @SuppressWarnings("unchecked")
        ComboBox<Object> flavour = robot.lookup("#grantsFlavour").queryAs(ComboBox.class);
        robot.clickOn(flavour);
        robot.clickOn(robot.lookup(".list-cell").match(n -> n instanceof javafx.scene.control.ListCell<?> c
                && "Oracle 11g".equals(c.getText())).queryAs(Node.class));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(script.getText()).contains("written for release 11.2").doesNotContain("diag_alert_ext TO");
        robot.clickOn("#grantsRoles");
        assertThat(robot.lookup("#grantsRoles").queryAs(CheckBox.class).isSelected()).isTrue();
        assertThat(script.getText()).contains("GRANT SELECT_CATALOG_ROLE TO").doesNotContain("GRANT SELECT ON");

        robot.clickOn("#grantsCheck");
        TableView<?> results = robot.lookup("#grantsResults").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> !results.getItems().isEmpty());
        assertThat(results.getItems()).extracting(r -> ((GrantsViewModel.Row) r).stateText()).contains("OK").doesNotContain("OTHER ERROR");
        assertThat(robot.lookup("#grantsSummary").queryAs(Label.class).getText()).isEqualTo("Every mirror reads with this account.");
        // the demo plays a 19c non-CDB: the check takes the script back to the flavour it found
        assertThat(flavour.getValue()).isEqualTo(io.vigil.config.GrantFlavour.ORACLE12);
        assertThat(script.getText()).contains("Oracle 12c or later (no CDB), written for release 19.0.")
                .contains("GRANT SELECT_CATALOG_ROLE TO vigil;").doesNotContain("assumes");

        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b && b.isCancelButton()).queryButton());
    }
}
