package io.vigil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.TreeView;
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
import io.vigil.config.Secret;
import io.vigil.config.StoreKind;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.ui.shell.MainView;
import io.vigil.ui.util.FxTaskExecutor;

/** Walks the real console window, headless, on a fresh embedded config store. */
@ExtendWith(ApplicationExtension.class)
class ConsoleUiTest {

    private Path home;
    private Console console;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("vigil-ui");
        executor = new FxTaskExecutor();
        Scene scene = new Scene(new StackPane(), 1280, 800);
        console = new Console(scene, executor, ConsoleStartup.open(new AppDirs(home), LaunchOptions.none().withoutCollector()));
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
    void aFirstStartShowsTheDemoWhichCanBeDeletedLeavingEmptyStatesThatSayWhatToDo(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#targetsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1);
        assertThat(((Target) table.getItems().getFirst()).kind()).isEqualTo(io.vigil.config.TargetKind.DEMO_ORACLE);
        assertThat(robot.lookup("#statusCount").queryAs(Label.class).getText()).isEqualTo("1 target");

        robot.clickOn(robot.lookup(".table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#deleteTarget");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b && b.isDefaultButton()).queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().isEmpty());
        assertThat(console.context().store().targets()).isEmpty();

        Node treeEmpty = robot.lookup("#treeEmpty").query();
        assertThat(treeEmpty.isVisible()).as("the tree's empty state").isTrue();
        assertThat(robot.lookup(".empty-title").queryAllAs(Label.class)).extracting(Label::getText).contains("No databases yet");
        assertThat(robot.lookup("#statusCount").queryAs(Label.class).getText()).isEqualTo("no targets");
    }

    @Test
    void aTargetIsAddedThroughTheFormAndAWrongPortIsShownNextToIt(FxRobot robot) throws Exception {
        TableView<?> table = robot.lookup("#targetsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1); // the demo

        robot.clickOn("#addTarget");
        robot.clickOn("#formName").write("prod-db");
        robot.clickOn("#formHost").write("db1.example.com");
        robot.clickOn("#formDatabase").write("ORCLPDB1");
        robot.clickOn("#formUser").write("vigil");
        robot.clickOn("#formPassword").write("tiger");
        robot.clickOn("#formTags").write("prod, billing");
        Button save = robot.lookup("#formSave").queryButton();
        assertThat(save.isDisabled()).as("valid so far").isFalse();

        robot.doubleClickOn("#formPort").write("15x21");
        Label portProblem = robot.lookup("#problem-port").queryAs(Label.class);
        assertThat(portProblem.isVisible()).isTrue();
        assertThat(portProblem.getText()).isEqualTo("The port must be a number (“15x21” is not).");
        assertThat(save.isDisabled()).as("Save is disabled while the port is wrong").isTrue();
        robot.clickOn(save); // nothing happens
        assertThat(console.context().store().targets()).as("nothing saved while invalid").extracting(Target::name).containsExactly("demo");

        robot.doubleClickOn("#formPort").write("1521");
        assertThat(portProblem.isVisible()).isFalse();
        robot.clickOn(save);

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
        Target saved = console.context().store().targets().stream().filter(t -> t.name().equals("prod-db")).findFirst().orElseThrow();
        assertThat(saved.port()).isEqualTo(1521);
        assertThat(saved.password()).isEqualTo(Secret.of("tiger"));

        TreeView<?> tree = robot.lookup("#targetTree").query();
        assertThat(tree.getRoot().getChildren()).extracting(i -> i.getValue().toString()).containsExactly("billing", "demo", "prod");
        assertThat(tree.getRoot().getChildren().get(2).getChildren()).extracting(i -> ((Target) i.getValue()).name())
                .containsExactly("prod-db");
        assertThat(robot.lookup("#statusCount").queryAs(Label.class).getText()).isEqualTo("2 targets");
    }

    @Test
    void switchingToChineseRelabelsTheConsoleAndIsRemembered(FxRobot robot) throws Exception {
        robot.clickOn("#navSettings");
        ComboBox<String> language = robot.lookup("#settingsLanguage").queryComboBox();
        robot.interact(() -> language.setValue("zh-CN"));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS,
                () -> "监控目标".equals(robot.lookup("#navTargets").queryAs(ToggleButton.class).getText()));
        assertThat(robot.lookup("#navSettings").queryAs(ToggleButton.class).getText()).isEqualTo("设置");
        assertThat(robot.lookup("#navSettings").queryAs(ToggleButton.class).isSelected()).as("stays on Settings").isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> Files.readString(new AppDirs(home).settingsFile()).contains("language=zh-CN"));
    }

    @Test
    void aConfigStoreThatCannotBeOpenedIsExplainedAndSettingsAreOffered(FxRobot robot) throws Exception {
        LaunchOptions unreachable = new LaunchOptions(Optional.of(new StoreLocation(StoreKind.MYSQL,
                "jdbc:mysql://127.0.0.1:" + unusedPort() + "/vigil", "vigil", Secret.of("x"))), Optional.empty(), Optional.empty(), 0, false);
        ConsoleContext ctx = ConsoleStartup.open(new AppDirs(home), unreachable);
        robot.interact(() -> {
            console.close();
            console = new Console(robot.listWindows().getFirst().getScene(), executor, ctx);
            console.show(MainView.Pane.TARGETS);
        });
        Label error = robot.lookup("#storeError").queryAs(Label.class);
        assertThat(error.getText()).startsWith("Cannot reach the config store MySQL 127.0.0.1:");
        assertThat(error.getText()).doesNotContain("Exception");
        assertThat(robot.lookup("#navSettings").queryAs(ToggleButton.class).isSelected()).as("opens on Settings").isTrue();
        assertThat(robot.lookup("#statusStore").queryAs(Label.class).getText()).isEqualTo("No config store");
    }

    private static int unusedPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
