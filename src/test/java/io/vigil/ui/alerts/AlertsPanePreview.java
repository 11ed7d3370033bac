package io.vigil.ui.alerts;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;

import javafx.scene.Scene;
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
import io.vigil.config.Theme;
import io.vigil.ui.Console;
import io.vigil.ui.ConsoleStartup;
import io.vigil.ui.LaunchOptions;
import io.vigil.ui.Screenshots;
import io.vigil.ui.Themes;
import io.vigil.ui.shell.MainView;
import io.vigil.ui.util.FxTaskExecutor;

/**
 * Pictures of the Alerts pane with a few hand-made alerts, light and dark, for checking it by eye without a display:
 * {@code mvn test -Dtest=AlertsPanePreview} writes {@code target/screenshots/alerts-preview*.png}. Not part of the suite.
 */
@ExtendWith(ApplicationExtension.class)
class AlertsPanePreview {

    private Console console;
    private FxTaskExecutor executor;
    private Scene scene;

    @Start
    void start(Stage stage) throws Exception {
        executor = new FxTaskExecutor();
        scene = new Scene(new StackPane(), 1280, 800);
        console = new Console(scene, executor, ConsoleStartup.open(new AppDirs(Files.createTempDirectory("vigil-alerts-preview")),
                LaunchOptions.none()));
        console.show(MainView.Pane.ALERTS);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        console.close();
        executor.close();
    }

    @Test
    void writeThePictures(FxRobot robot) throws Exception {
        console.feed().close();
        WaitForAsyncUtils.waitForFxEvents();
        List<Target> targets = console.context().store().targets();
        Target demo = targets.getFirst();
        Instant now = Instant.now();
        long id = demo.id();
        String name = demo.name();
        List<Alert> alerts = List.of(
                AlertsFixture.alert(id, name, "oracle.tablespace.full", "tablespace_name=USERS", AlertState.FIRING, Severity.CRIT, 96.4,
                        now.minusSeconds(14 * 60)),
                AlertsFixture.alert(id, name, "oracle.fra.full", "", AlertState.FIRING, Severity.WARN, 83.0, now.minusSeconds(3 * 3600))
                        .withAck("li.wei", "backing up archived logs", now.minusSeconds(600)),
                AlertsFixture.alert(id, name, "oracle.tablespace.full", "tablespace_name=SYSAUX", AlertState.PENDING, Severity.WARN, 85.6,
                        now.minusSeconds(40)),
                AlertsFixture.alert(id, name, "oracle.instance.not_open", "", AlertState.RESOLVED, Severity.CRIT, 1.0,
                        now.minusSeconds(25 * 60)));
        Path out = Path.of("target/screenshots");
        for (Theme theme : Theme.values()) {
            robot.interact(() -> {
                Themes.apply(scene, theme);
                console.feed().deliver(AlertsFixture.snapshot(now, targets, alerts));
            });
            Thread.sleep(1500); // rules read in the background, layout and CSS
            String file = "alerts-preview" + (theme == Theme.DARK ? "-dark" : "") + ".png";
            Thread[] writer = new Thread[1];
            robot.interact(() -> writer[0] = Screenshots.write(scene, out.resolve(file)));
            writer[0].join();
        }
    }
}
