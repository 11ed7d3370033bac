package io.vigil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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
            assertThat(console.feed().last().latest().of("shop-db", "mysql.connections")).as("points of the new target").isNotEmpty();
        }
    }
}
