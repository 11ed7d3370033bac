package io.vigil.ui.definitions;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.DialogPane;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.TableRow;
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
import io.vigil.config.MirrorDef;
import io.vigil.config.Target;
import io.vigil.ui.Console;
import io.vigil.ui.ConsoleContext;
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
                .anyMatch(j -> j.job().equals(io.vigil.schedule.JobKey.metric("oracle.sessions.inactive"))));
    }

    @Test
    void aMetricIsDeletedAfterConfirmingAndAMirrorIsSwitchedOffByItsTick(FxRobot robot) throws Exception {
        TableView<?> mirrors = robot.lookup("#mirrorsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !mirrors.getItems().isEmpty());
        TableRow<?> row = (TableRow<?>) firstRow(robot, "#mirrorsTable");
        MirrorDef first = (MirrorDef) row.getItem();
        assertThat(first.enabled()).isTrue();
        robot.clickOn(robot.from(row).lookup(".check-box").queryAs(CheckBox.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> console.context().store().mirrors().stream()
                .anyMatch(m -> m.id() == first.id() && !m.enabled()));

        robot.clickOn("#showMetrics");
        robot.clickOn("#definitionsSearch").write("host.load");
        TableView<?> metrics = robot.lookup("#metricsTable").queryTableView();
        assertThat(metrics.getItems()).extracting(m -> ((MetricDef) m).name()).containsExactly("oracle.host.load");
        assertThat(robot.lookup("#definitionsShown").queryAs(Label.class).getText()).startsWith("1 of ");
        robot.clickOn(firstRow(robot, "#metricsTable"));
        robot.clickOn("#deleteDefinition");
        DialogPane question = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(question.getHeaderText()).isEqualTo("Delete metric \u201coracle.host.load\u201d?");
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b && b.isDefaultButton()).queryButton());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, metrics.getItems()::isEmpty);
        assertThat(console.context().store().metrics()).extracting(MetricDef::name).doesNotContain("oracle.host.load");
    }

    @Test
    void withoutACollectorDefinitionsCanBeEditedButNotTested(FxRobot robot) throws Exception {
        ConsoleContext withoutCollector = ConsoleStartup.open(console.context().dirs(), LaunchOptions.none().withoutCollector());
        robot.interact(() -> {
            Scene scene = robot.listWindows().getFirst().getScene();
            console.close();
            console = new Console(scene, executor, withoutCollector);
            console.show(MainView.Pane.DEFINITIONS);
        });
        TableView<?> metrics = robot.lookup("#metricsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !metrics.getItems().isEmpty());
        robot.clickOn("#showMetrics");
        robot.doubleClickOn(firstRow(robot, "#metricsTable"));
        assertThat(robot.lookup("#testMetric").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#testSummary").queryAs(Label.class).getText()).startsWith("Testing needs the collector");
        assertThat(robot.lookup("#metricSave").queryButton().isDisabled()).as("a stored metric is valid").isFalse();
        robot.clickOn(robot.lookup(".dialog-pane .button").match(n -> n instanceof Button b && b.isCancelButton()).queryButton());
    }

    /** A row showing a definition (the table also keeps empty and spare row cells). */
    private static Node firstRow(FxRobot robot, String table) {
        return robot.lookup(table + " .table-row-cell").match(n -> n instanceof TableRow<?> r && r.isVisible() && r.getItem() != null)
                .queryAs(Node.class);
    }

    /** Ticks a mirror in the form's list, scrolling to it first. */
    private static void tick(FxRobot robot, String mirror) {
        ListView<String> list = robot.lookup("#metricMirrors").queryListView();
        robot.interact(() -> list.scrollTo(mirror));
        Node cell = robot.lookup("#metricMirrors .list-cell").match(n -> n instanceof ListCell<?> c && mirror.equals(c.getItem())).query();
        robot.clickOn(robot.from(cell).lookup(".check-box").queryAs(CheckBox.class));
    }
}
