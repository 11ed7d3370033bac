package io.vigil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.DialogPane;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.vigil.i18n.Messages;

/** The last line of defence: an error nobody caught becomes a sentence in a dialog, and the detail goes to the log. */
@ExtendWith(ApplicationExtension.class)
class ErrorDialogsTest {

    private Thread.UncaughtExceptionHandler before;

    @Start
    void start(Stage stage) {
        before = Thread.getDefaultUncaughtExceptionHandler();
        stage.setScene(new Scene(new StackPane(), 400, 300));
        stage.show();
        ErrorDialogs.install(stage, new Messages(Locale.ENGLISH), Path.of("/var/tmp/vigil/logs/vigil.log"));
    }

    @AfterEach
    void restore() {
        Thread.setDefaultUncaughtExceptionHandler(before);
    }

    @Test
    void anUncaughtErrorOnABackgroundThreadShowsASentenceAndWhereTheDetailIsNeverAStackTrace(FxRobot robot) throws Exception {
        Thread t = new Thread(() -> {
            throw new IllegalStateException("the cache table ora_session has no column sid\nsecond line of detail");
        }, "some-worker");
        t.start();
        t.join();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".dialog-pane").queryAll().isEmpty());
        DialogPane pane = robot.lookup(".dialog-pane").queryAs(DialogPane.class);
        assertThat(pane.getContentText()).contains("the cache table ora_session has no column sid").contains("/var/tmp/vigil/logs/vigil.log")
                .doesNotContain("second line").doesNotContain("IllegalStateException").doesNotContain("at io.vigil");
        robot.interact(() -> pane.getScene().getWindow().hide());
    }
}
