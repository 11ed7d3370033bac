package io.vigil.ui.alerts;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.vigil.config.Alert;
import io.vigil.config.AlertState;
import io.vigil.config.AppDirs;
import io.vigil.config.Severity;
import io.vigil.config.Target;
import io.vigil.ui.Console;
import io.vigil.ui.ConsoleStartup;
import io.vigil.ui.LaunchOptions;
import io.vigil.ui.shell.MainView;
import io.vigil.ui.util.FxTaskExecutor;

/** The Alerts pane in the real console, headless, with its collector on the demo target and a critical alert in the snapshot. */
@ExtendWith(ApplicationExtension.class)
class AlertsUiTest {

    private Console console;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("vigil-alerts");
        executor = new FxTaskExecutor();
        Scene scene = new Scene(new StackPane(), 1280, 800);
        console = new Console(scene, executor, ConsoleStartup.open(new AppDirs(home), LaunchOptions.none()));
        console.show(MainView.Pane.OVERVIEW);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        console.close();
        executor.close();
    }

    private void deliver(FxRobot robot, List<Target> targets, Alert alert) {
        robot.interact(() -> console.feed().deliver(AlertsFixture.snapshot(Instant.now(), targets, List.of(alert))));
    }

    @Test
    void aCriticalAlertIsBadgedListedAndAcknowledged(FxRobot robot) throws Exception {
        console.feed().close(); // the test hands the snapshots from here on
        WaitForAsyncUtils.waitForFxEvents();
        List<Target> targets = console.context().store().targets();
        Target demo = targets.getFirst();
        Alert alert = AlertsFixture.alert(demo.id(), demo.name(), "oracle.tablespace.full", "tablespace_name=USERS", AlertState.FIRING,
                Severity.CRIT, 96.4, Instant.now().minusSeconds(12 * 60));
        console.context().store().alerts().apply(List.of(alert), List.of(), List.of()); // as the collector keeps it
        deliver(robot, targets, alert);

        Label badge = robot.lookup("#navAlertsBadge").queryAs(Label.class);
        assertThat(badge.isVisible()).isTrue();
        assertThat(badge.getText()).isEqualTo("1");
        assertThat(badge.getStyleClass()).contains("alert-badge-crit");
        assertThat(robot.lookup(".tree-target .alert-badge").queryAllAs(Label.class)).filteredOn(Node::isVisible)
                .extracting(Label::getText).containsExactly("1");

        robot.clickOn("#navAlerts");
        TableView<AlertRowModel> table = robot.lookup("#alertsTable").queryTableView();
        assertThat(table.getItems()).hasSize(1);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "96.4 %".equals(table.getItems().getFirst().valueProperty().get()));
        List<String> cells = robot.lookup("#alertsTable .table-row-cell .table-cell").queryAllAs(Labeled.class).stream()
                .map(c -> c.getGraphic() instanceof Labeled chip ? chip.getText() : c.getText()).toList();
        assertThat(cells).contains("CRIT", "Firing", demo.name(), "Tablespace used", "tablespace_name=USERS", "96.4 %", "11 min");

        robot.clickOn(robot.lookup("#alertsTable .table-row-cell").nth(0).queryAs(Node.class));
        robot.clickOn("#alertsAck");
        robot.clickOn("#ackComment").write("adding a datafile");
        assertThat(robot.lookup("#ackComment").queryAs(TextArea.class).getText()).isEqualTo("adding a datafile");
        robot.clickOn("#ackOk");
        Label message = robot.lookup("#alertsMessage").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> message.getText().startsWith("Acknowledged"));
        assertThat(message.getText()).isEqualTo("Acknowledged oracle.tablespace.full on " + demo.name() + ".");
        String user = System.getProperty("user.name");
        assertThat(console.context().store().alerts().open()).singleElement().satisfies(a -> {
            assertThat(a.ackBy()).isEqualTo(user);
            assertThat(a.ackComment()).isEqualTo("adding a datafile");
        });
        assertThat(table.getItems().getFirst().ackByProperty().get()).isEqualTo(user);

        deliver(robot, targets, alert.withAck(user, "adding a datafile", Instant.now()));
        assertThat(badge.getStyleClass()).as("nothing unacknowledged fires").contains("alert-badge-ack").doesNotContain("alert-badge-crit");
    }
}
