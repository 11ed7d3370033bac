package io.vigil.ui.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
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

import io.vigil.config.AppDirs;
import io.vigil.config.MetricDef;
import io.vigil.config.Target;
import io.vigil.ui.Console;
import io.vigil.ui.ConsoleStartup;
import io.vigil.ui.LaunchOptions;
import io.vigil.ui.shell.MainView;
import io.vigil.ui.util.FxTaskExecutor;
import io.vigil.watch.Monitoring;

/** Walks the Mirrors & metrics pane of the real console, headless, with its collector mirroring the demo Oracle. */
@ExtendWith(ApplicationExtension.class)
class DefinitionsUiTest {

    private Console console;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("vigil-definitions");
        executor = new FxTaskExecutor();
        Scene scene = new Scene(new StackPane(), 1280, 800);
        console = new Console(scene, executor, ConsoleStartup.open(new AppDirs(home), LaunchOptions.none()));
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
    void aMetricIsAddedWithAWrongIntervalShownThenTestedOnTheDemoAndSaved(FxRobot robot) throws Exception {
        TableView<?> mirrors = robot.lookup("#mirrorsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !mirrors.getItems().isEmpty());
        robot.clickOn("#showMetrics");
        TableView<?> metrics = robot.lookup("#metricsTable").queryTableView();
        assertThat(metrics.isVisible()).isTrue();
        int before = metrics.getItems().size();
        Monitoring monitoring = console.context().monitoring();
        Target demo = console.context().store().targets().getFirst();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> monitoring.ledger().last(demo.id(), "session").isPresent());

        robot.clickOn("#addDefinition");
        robot.clickOn("#metricName").write("oracle.sessions.inactive");
        tick(robot, "session");
        robot.clickOn("#metricSql").write("SELECT COUNT(*) AS value FROM ora_session WHERE target_id = ? AND status = 'INACTIVE'");
        robot.clickOn("#metricUnit").write("sessions");
        Button save = robot.lookup("#metricSave").queryButton();
        assertThat(save.isDisabled()).as("valid so far").isFalse();

        robot.doubleClickOn("#metricInterval").write("15x");
        Label problem = robot.lookup("#problem-intervalSeconds").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).isEqualTo("Write a whole number (\u201c15x\u201d is not one).");
        assertThat(save.isDisabled()).as("Save is disabled while the interval is wrong").isTrue();
        robot.clickOn(save); // nothing happens
        assertThat(console.context().store().metrics()).as("nothing saved while invalid").hasSize(before);

        robot.doubleClickOn("#metricInterval").write("30");
        assertThat(problem.isVisible()).isFalse();
        assertThat(save.isDisabled()).isFalse();

        robot.clickOn("#testMetric");
        TableView<?> preview = robot.lookup("#testRows").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !preview.getItems().isEmpty());
        MetricTestViewModel.PreviewRow row = (MetricTestViewModel.PreviewRow) preview.getItems().getFirst();
        assertThat(row.value()).matches("[0-9,]+ sessions");
        assertThat(robot.lookup("#testSummary").queryAs(Label.class).getText()).startsWith("1 series for demo");

        robot.clickOn(save);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> metrics.getItems().size() == before + 1);
        assertThat(metrics.getItems()).extracting(m -> ((MetricDef) m).name()).contains("oracle.sessions.inactive");
        MetricDef stored = console.context().store().metrics().stream().filter(m -> m.name().equals("oracle.sessions.inactive"))
                .findFirst().orElseThrow();
        assertThat(stored.intervalSeconds()).isEqualTo(30);
        assertThat(stored.mirrors()).containsExactly("session");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> monitoring.snapshot().jobs().stream()
                .anyMatch(j -> j.job().equals("metric oracle.sessions.inactive")));
    }

    /** Ticks a mirror in the form's list, scrolling to it first. */
    private static void tick(FxRobot robot, String mirror) {
        ListView<String> list = robot.lookup("#metricMirrors").queryListView();
        robot.interact(() -> list.scrollTo(mirror));
        Node cell = robot.lookup("#metricMirrors .list-cell").match(n -> n instanceof ListCell<?> c && mirror.equals(c.getItem())).query();
        robot.clickOn(robot.from(cell).lookup(".check-box").queryAs(CheckBox.class));
    }
}
