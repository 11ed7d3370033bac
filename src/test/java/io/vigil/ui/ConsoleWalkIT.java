package io.vigil.ui;

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
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;
import io.vigil.ui.shell.MainView;
import io.vigil.ui.util.FxTaskExecutor;
import io.vigil.watch.Health;

/**
 * A DBA's first minutes, headless, against a real MariaDB: add it as a target, see a wrong password and a wrong port
 * said in words with nothing saved, test the connection, save, and watch the collector bring its health to OK.
 */
@ExtendWith(ApplicationExtension.class)
class ConsoleWalkIT {

    private Path home;
    private Console console;
    private FxTaskExecutor executor;

    @Start
    void start(Stage stage) throws Exception {
        home = Files.createTempDirectory("vigil-walk");
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
    void aRealMariaDbIsAddedTestedAndCollected(FxRobot robot) throws Exception {
        try (TestDatabase db = RealServices.mariadb().createDatabase("walk")) {
            TableView<?> table = robot.lookup("#targetsTable").queryTableView();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 1); // the demo

            robot.clickOn("#addTarget");
            ComboBox<TargetKind> kind = robot.lookup("#formKind").queryComboBox();
            robot.interact(() -> kind.setValue(TargetKind.MYSQL));
            robot.clickOn("#formName").write("shop-db");
            robot.doubleClickOn("#formHost").write(db.host());
            robot.doubleClickOn("#formPort").write(String.valueOf(db.port()));
            robot.clickOn("#formDatabase").write(db.name());
            robot.clickOn("#formUser").write(db.user());
            robot.clickOn("#formPassword").write("not-" + db.password());

            Label result = robot.lookup("#formTestResult").queryAs(Label.class);
            robot.clickOn("#formTest");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !result.getText().isBlank() && !result.getText().startsWith("Connecting"));
            assertThat(result.getText()).as("a wrong password, in words").containsIgnoringCase("password").doesNotContain("not-" + db.password())
                    .doesNotContain("Exception");
            assertThat(console.context().store().targets()).as("testing saves nothing").extracting(Target::name).containsExactly("demo");

            robot.doubleClickOn("#formPort").write("33o6");
            Label portProblem = robot.lookup("#problem-port").queryAs(Label.class);
            assertThat(portProblem.isVisible()).isTrue();
            assertThat(portProblem.getText()).contains("33o6");
            Button save = robot.lookup("#formSave").queryButton();
            assertThat(save.isDisabled()).isTrue();
            assertThat(robot.lookup("#formTest").queryButton().isDisabled()).as("no test of an invalid form").isTrue();

            robot.doubleClickOn("#formPort").write(String.valueOf(db.port()));
            Node password = robot.lookup("#formPassword").query();
            robot.interact(() -> ((javafx.scene.control.TextInputControl) password).setText(db.password()));
            robot.clickOn("#formTest");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> result.getText().startsWith("Connected"));
            assertThat(result.getText()).contains("MariaDB");

            robot.clickOn(save);
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> table.getItems().size() == 2);
            Target saved = console.context().store().targets().stream().filter(t -> t.name().equals("shop-db")).findFirst().orElseThrow();

            // the collector reloads with the new target and its mirrors and metrics run: health reaches OK
            WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
                var s = console.feed().last();
                return s != null && s.health(saved.id()) != null && s.health(saved.id()).health() == Health.OK;
            });
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !robot.lookup(".tree-target .health-ok").queryAll().isEmpty());
            WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> !console.feed().last().latest().of("shop-db", "mysql.connections").isEmpty());

            // its tile on the overview fills with its headline figures, and a click opens its dashboard
            robot.clickOn("#navOverview");
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> robot.lookup("#overview-tile-" + saved.id() + " .overview-value")
                    .queryAllAs(Label.class).stream().anyMatch(l -> l.getText().matches(".*\\d.*")));
            robot.clickOn(robot.lookup("#overview-tile-" + saved.id()).queryAs(Node.class));
            WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS,
                    () -> robot.lookup("#navDashboard").queryAs(javafx.scene.control.ToggleButton.class).isSelected());

            addAMetricOfItsOwnAndSeeItsTrendFill(robot, saved);
        }
    }

    // A metric of the DBA's own over the global_status mirror: tested on the new target before it is saved, then
    // collected, then drawn in Trends.
    private void addAMetricOfItsOwnAndSeeItsTrendFill(FxRobot robot, Target target) throws Exception {
        String name = "mysql.walk.threads_connected";
        robot.clickOn("#navDefinitions");
        robot.clickOn("#showMetrics");
        Button add = robot.lookup("#addDefinition").queryButton();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !add.isDisabled()); // the lists reload when the pane opens
        robot.clickOn(add);
        ComboBox<TargetKind> kind = robot.lookup("#metricKind").queryComboBox();
        robot.interact(() -> kind.setValue(TargetKind.MYSQL));
        robot.clickOn("#metricName").write(name);
        ListView<String> mirrors = robot.lookup("#metricMirrors").queryListView();
        robot.interact(() -> mirrors.scrollTo("global_status"));
        Node cell = robot.lookup("#metricMirrors .list-cell").match(n -> n instanceof ListCell<?> c && "global_status".equals(c.getItem())).query();
        robot.clickOn(robot.from(cell).lookup(".check-box").queryAs(CheckBox.class));
        robot.clickOn("#metricSql").write("SELECT value FROM my_global_status WHERE target_id = ? AND variable_name = 'Threads_connected'");
        robot.clickOn("#metricUnit").write("threads");

        ComboBox<Target> on = robot.lookup("#testTarget").queryComboBox();
        robot.interact(() -> on.setValue(on.getItems().stream().filter(t -> t.id() == target.id()).findFirst().orElseThrow()));
        robot.clickOn("#testMetric");
        TableView<?> preview = robot.lookup("#testRows").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !preview.getItems().isEmpty());
        assertThat(robot.lookup("#testSummary").queryAs(Label.class).getText()).contains("shop-db");

        robot.clickOn("#metricSave");
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
            var s = console.feed().last();
            return s != null && !s.latest().of("shop-db", name).isEmpty();
        });

        robot.interact(() -> console.trendsPane().showTarget(target));
        robot.clickOn("#navTrends");
        robot.clickOn("#trendsMetricFilter").write("walk");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn(robot.lookup(".check-box").match(n -> n instanceof CheckBox c && c.getText().equals(name)).queryAs(Node.class));
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> WaitForAsyncUtils.asyncFx(() -> console.trendsPane().chart().getAllDatasets()
                .stream().anyMatch(d -> d.getName().startsWith(name) && d.getDataCount() > 0)).get());
    }
}
