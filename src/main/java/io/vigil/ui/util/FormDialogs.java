package io.vigil.ui.util;

import java.util.function.Consumer;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableBooleanValue;
import javafx.event.ActionEvent;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;

import io.vigil.i18n.Messages;

/** What every edit form's dialog does alike: its Save and Cancel buttons and how Save waits for the store. */
public final class FormDialogs {

    private FormDialogs() {
    }

    /**
     * Adds Save and Cancel. Save is disabled while the form is invalid or a save runs; pressing it keeps the dialog
     * open while {@code save} works in the background, and closes it with the stored value as the dialog's result
     * only when the store took it (a refused save leaves the form as it was, with its message). Cancel gives null.
     *
     * @param save   starts the save and calls its argument, on the FX thread, with what was stored
     * @param focus  the field that has the focus when the dialog opens
     */
    public static <T> Button saveAndCancel(Dialog<T> dialog, Messages messages, String saveId, ObservableBooleanValue valid,
            ObservableBooleanValue saving, Consumer<Consumer<T>> save, Node focus) {
        ButtonType saveType = new ButtonType(messages.get("form.save"), ButtonBar.ButtonData.OK_DONE);
        dialog.getDialogPane().getButtonTypes().addAll(saveType, ButtonType.CANCEL);
        Button button = (Button) dialog.getDialogPane().lookupButton(saveType);
        button.setId(saveId);
        button.disableProperty().bind(Bindings.not(valid).or(saving));
        button.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            save.accept(stored -> {
                dialog.setResult(stored);
                dialog.close();
            });
        });
        dialog.setResultConverter(b -> null);
        dialog.setOnShown(e -> focus.requestFocus());
        return button;
    }
}
