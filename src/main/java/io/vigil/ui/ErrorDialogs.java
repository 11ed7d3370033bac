package io.vigil.ui;

import java.nio.file.Path;

import javafx.application.Platform;
import javafx.scene.control.Alert;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.i18n.Messages;
import io.vigil.ui.util.UserErrors;

/** The last line of defence: an unexpected error is logged in full and shown as a sentence, never as a stack trace. */
final class ErrorDialogs {

    private static final Logger LOG = LoggerFactory.getLogger(ErrorDialogs.class);

    private ErrorDialogs() {
    }

    static void install(Stage owner, Messages messages, Path logFile) {
        Thread.setDefaultUncaughtExceptionHandler((thread, e) -> {
            LOG.error("Unexpected error on thread {}", thread.getName(), e);
            Runnable show = () -> {
                Alert alert = new Alert(Alert.AlertType.ERROR);
                alert.initOwner(owner.isShowing() ? owner : null);
                alert.setTitle(messages.get("app.title"));
                alert.setHeaderText(messages.get("error.header"));
                alert.setContentText(UserErrors.describe(e, messages) + "\n\n" + messages.get("error.details", logFile));
                alert.show();
            };
            if (Platform.isFxApplicationThread()) {
                show.run();
            } else {
                Platform.runLater(show);
            }
        });
    }
}
