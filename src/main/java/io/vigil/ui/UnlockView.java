package io.vigil.ui;

import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import io.vigil.i18n.Messages;

/**
 * The startup view's question when a master password protects the stored passwords: a password field, Unlock and
 * Quit, and the reason of a refused try. Unlock hands the password over and waits for the next {@link #refused} or
 * for the console to replace this view; the key is derived off the FX thread.
 */
final class UnlockView extends VBox {

    private final PasswordField password = new PasswordField();
    private final Button unlock;
    private final Label error = new Label();

    UnlockView(Messages messages, Consumer<char[]> onUnlock, Runnable onQuit) {
        super(12);
        setId("unlockView");
        setAlignment(Pos.CENTER);
        setMaxWidth(460);
        Label title = new Label(messages.get("master.unlock.title"));
        title.getStyleClass().add("section-title");
        Label explain = new Label(messages.get("master.unlock.explain"));
        explain.setWrapText(true);
        password.setId("masterPassword");
        password.setPromptText(messages.get("master.unlock.prompt"));
        password.setMaxWidth(320);
        error.setId("unlockError");
        error.setWrapText(true);
        error.getStyleClass().add("result-error"); // the theme's colour for a refusal, light or dark
        error.setManaged(false);
        error.setVisible(false);
        unlock = new Button(messages.get("master.unlock.button"));
        unlock.setId("unlock");
        unlock.setDefaultButton(true);
        unlock.disableProperty().bind(password.textProperty().isEmpty());
        Button quit = new Button(messages.get("master.unlock.quit"));
        quit.setId("quit");
        quit.setCancelButton(true);
        quit.setOnAction(e -> onQuit.run());
        unlock.setOnAction(e -> {
            char[] given = password.getText().toCharArray();
            password.clear();
            password.setDisable(true);
            unlock.setVisible(false);
            error.setManaged(false);
            error.setVisible(false);
            onUnlock.accept(given);
        });
        HBox buttons = new HBox(8, unlock, quit);
        buttons.setAlignment(Pos.CENTER);
        getChildren().addAll(title, explain, password, error, buttons);
        VBox.setMargin(title, new javafx.geometry.Insets(0, 0, 4, 0));
    }

    /** Shows why the last try was refused and asks again. */
    void refused(String reason) {
        error.setText(reason);
        error.setManaged(true);
        error.setVisible(true);
        password.setDisable(false);
        unlock.setVisible(true);
        password.requestFocus();
    }

    void focusPassword() {
        password.requestFocus();
    }
}
