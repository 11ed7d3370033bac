package io.vigil.ui.alerts;

import java.util.Optional;

import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import io.vigil.i18n.Messages;

/** Asks for the comment that goes with an acknowledgement; who acknowledges is the signed-in user. */
final class AckDialog {

    private AckDialog() {
    }

    /** The comment, or empty when cancelled. */
    static Optional<String> ask(Window owner, AlertRowModel row, Messages messages) {
        Dialog<String> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("alerts.ack.title"));
        dialog.setHeaderText(messages.get("alerts.ack.header", row.rule(), row.targetProperty().get()));
        TextArea comment = new TextArea();
        comment.setId("ackComment");
        comment.setPromptText(messages.get("alerts.ack.prompt"));
        comment.setPrefRowCount(3);
        comment.setWrapText(true);
        dialog.getDialogPane().setContent(new VBox(6, new Label(messages.get("alerts.ack.comment")), comment));
        ButtonType ok = new ButtonType(messages.get("alerts.ack.ok"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(ok, ButtonType.CANCEL);
        ((Button) dialog.getDialogPane().lookupButton(ok)).setId("ackOk");
        dialog.setResultConverter(b -> b == ok ? comment.getText() : null);
        dialog.setOnShown(e -> comment.requestFocus());
        return dialog.showAndWait();
    }
}
