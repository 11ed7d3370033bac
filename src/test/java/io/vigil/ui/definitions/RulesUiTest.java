package io.vigil.ui.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.vigil.config.AlertRule;
import io.vigil.config.AppDirs;
import io.vigil.ui.Console;
import io.vigil.ui.ConsoleStartup;
import io.vigil.ui.LaunchOptions;
import io.vigil.ui.Screenshots;
import io.vigil.ui.shell.MainView;
import io.vigil.ui.util.FxTaskExecutor;

/**
 * Walks the alert rules of the real console, headless, without a collector. With {@code -Dvigil.screenshots=folder}
 * it also writes the rule form and the Notifications settings as PNGs, to look at them without a screen.
 */
@ExtendWith(ApplicationExtension.class)
class RulesUiTest {

    private Console console;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("vigil-rules");
        executor = new FxTaskExecutor();
        Scene scene = new Scene(new StackPane(), 1280, 800);
        console = new Console(scene, executor, ConsoleStartup.open(new AppDirs(home), LaunchOptions.none().withoutCollector()));
        console.show(MainView.Pane.DEFINITIONS);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        console.close();
        executor.close();
    }

    @Test
    void aRuleWithACriticalLevelBelowItsWarningIsRefusedUntilFixedThenSaved(FxRobot robot) throws Exception {
        robot.clickOn("#showRules");
        TableView<?> rules = robot.lookup("#rulesTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !rules.getItems().isEmpty());
        int before = rules.getItems().size();
        assertThat(robot.lookup("#addDefinition").queryButton().getText()).isEqualTo("Add rule");

        robot.clickOn("#addDefinition");
        robot.clickOn("#ruleName").write("oracle.sessions.many");
        ComboBox<String> subject = robot.lookup("#ruleSubject").queryComboBox();
        robot.interact(() -> subject.getSelectionModel().select("oracle.sessions.active"));
        robot.clickOn("#ruleWarn").write("80");
        robot.clickOn("#ruleCrit").write("50");
        Button save = robot.lookup("#ruleSave").queryButton();
        Label problem = robot.lookup("#problem-crit").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).isEqualTo("When higher is worse, the critical level must be at or above the warning level.");
        assertThat(save.isDisabled()).isTrue();
        assertThat(robot.lookup("#rulePreview").queryAs(Label.class).getText()).startsWith("The preview needs the values");
        assertThat(robot.lookup("#ruleMissed").tryQuery()).as("a threshold rule counts no missed periods")
                .hasValueSatisfying(n -> assertThat(n.getParent().isVisible()).isFalse());
        robot.doubleClickOn("#ruleHold").write("300");
        assertThat(robot.lookup("#ruleHoldWords").queryAs(Label.class).getText()).isEqualTo("= 5 min");
        screenshot(robot, "rule-form.png");

        robot.doubleClickOn("#ruleCrit").write("95");
        assertThat(problem.isVisible()).isFalse();
        assertThat(save.isDisabled()).isFalse();
        robot.clickOn(save);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> rules.getItems().size() == before + 1);
        AlertRule stored = console.context().store().rules().stream().filter(r -> r.name().equals("oracle.sessions.many"))
                .findFirst().orElseThrow();
        assertThat(stored.warn()).isEqualTo(80.0);
        assertThat(stored.crit()).isEqualTo(95.0);
        assertThat(stored.holdSeconds()).isEqualTo(300);
        assertThat(stored.subject()).isEqualTo("oracle.sessions.active");
    }

    @Test
    void theNotificationsSettingsOfferAChannelForm(FxRobot robot) throws Exception {
        robot.interact(() -> console.view().show(MainView.Pane.SETTINGS));
        TableView<?> channels = robot.lookup("#channelsTable").queryTableView();
        robot.interact(() -> scrollTo(robot.lookup("#settingsPane").queryAs(javafx.scene.control.ScrollPane.class), channels));
        Button add = robot.lookup("#addChannel").queryButton();
        javafx.application.Platform.runLater(add::fire); // the dialog waits for its answer: not inside interact()
        WaitForAsyncUtils.waitForFxEvents();
        DialogPane form = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(form.getHeaderText()).isEqualTo("Where Vigil sends alerts");
        robot.clickOn("#channelName").write("DBA mail");
        robot.interact(() -> robot.lookup("#channelType").<io.vigil.config.ChannelType>queryComboBox().setValue(io.vigil.config.ChannelType.EMAIL));
        robot.clickOn("#channelEndpoint").write("smtp.example.com:587");
        robot.clickOn("#channelSecret").write("s3cret");
        robot.clickOn("#channelSender").write("vigil@example.com");
        robot.clickOn("#channelRecipients").write("dba@example.com");
        robot.clickOn("#channelFormTest");
        Label result = robot.lookup("#channelFormTestResult").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !result.getText().isEmpty());
        assertThat(result.getText()).startsWith("Sending is not available");
        screenshot(robot, "channel-form.png");
        robot.clickOn(robot.lookup("#channelSave").queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> channels.getItems().size() == 1);
        assertThat(console.context().store().channels().getFirst().secret().reveal()).isEqualTo("s3cret");
        screenshot(robot, "settings-notifications.png");
    }

    private static void scrollTo(javafx.scene.control.ScrollPane scroll, javafx.scene.Node node) {
        double y = scroll.getContent().sceneToLocal(node.localToScene(0, 0)).getY();
        double room = scroll.getContent().getBoundsInLocal().getHeight() - scroll.getViewportBounds().getHeight();
        scroll.setVvalue(room <= 0 ? 0 : Math.min(1, Math.max(0, (y - 120) / room)));
    }

    // Every window the console shows, named after the first; only when asked for.
    private static void screenshot(FxRobot robot, String name) throws Exception {
        String folder = System.getProperty("vigil.screenshots");
        if (folder == null) {
            return;
        }
        WaitForAsyncUtils.waitForFxEvents();
        for (int i = 0; i < robot.listWindows().size(); i++) {
            Scene scene = robot.listWindows().get(i).getScene();
            Path png = Path.of(folder, i == 0 ? "main-" + name : name);
            Thread[] writer = new Thread[1];
            robot.interact(() -> writer[0] = Screenshots.write(scene, png));
            writer[0].join();
        }
    }
}
