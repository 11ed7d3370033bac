package io.vigil.ui.alerts;

import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.stage.Window;

import io.vigil.config.MuteWindow;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.Converters;
import io.vigil.ui.util.FormDialogs;

/** The "Mute…" dialog: target, rule, until when and why; a wrong end is explained next to it and Save waits for it. */
final class MuteDialog {

    private MuteDialog() {
    }

    /** Opens the form, not waiting for it: it closes itself once the store took the mute. */
    static void open(Window owner, MutesViewModel mutes, MuteFormViewModel form, Messages messages) {
        Dialog<MuteWindow> dialog = new Dialog<>();
        dialog.initOwner(owner);
        dialog.setTitle(messages.get("alerts.mute.title"));
        dialog.setHeaderText(messages.get("alerts.mute.header"));

        ComboBox<String> target = new ComboBox<>(form.targets());
        target.setId("muteTarget");
        target.setConverter(Converters.display(form::targetText));
        target.valueProperty().bindBidirectional(form.targetProperty());
        ComboBox<String> rule = new ComboBox<>(form.rules());
        rule.setId("muteRule");
        rule.setConverter(Converters.display(form::ruleText));
        rule.valueProperty().bindBidirectional(form.ruleProperty());
        ComboBox<MuteUntil> until = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(MuteUntil.values()));
        until.setId("muteUntil");
        until.setConverter(Converters.display(form::untilText));
        until.valueProperty().bindBidirectional(form.untilProperty());
        DatePicker date = new DatePicker();
        date.setId("muteDate");
        date.valueProperty().bindBidirectional(form.customDateProperty());
        date.setPrefWidth(140);
        TextField time = new TextField();
        time.setId("muteTime");
        time.setPromptText("22:00");
        time.setPrefColumnCount(5);
        time.textProperty().bindBidirectional(form.customTimeProperty());
        HBox custom = new HBox(6, date, time);
        custom.visibleProperty().bind(form.untilProperty().isEqualTo(MuteUntil.CUSTOM));
        custom.managedProperty().bind(custom.visibleProperty());
        Label problem = problemLabel(form, "ends");
        form.endsProblemProperty().addListener((o, was, now) -> time.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("invalid"), !now.isEmpty()));
        TextField reason = new TextField();
        reason.setId("muteReason");
        reason.setPromptText(messages.get("alerts.mute.reasonPrompt"));
        reason.textProperty().bindBidirectional(form.reasonProperty());
        Label error = new Label();
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.textProperty().bind(form.formErrorProperty());

        GridPane grid = new GridPane();
        grid.setHgap(10);
        grid.setVgap(6);
        grid.addRow(0, new Label(messages.get("alerts.mute.target")), target);
        grid.add(problemLabel(form, "target"), 1, 1);
        grid.addRow(2, new Label(messages.get("alerts.mute.rule")), rule);
        grid.add(problemLabel(form, "rule"), 1, 3);
        grid.addRow(4, new Label(messages.get("alerts.mute.until")), until);
        grid.add(custom, 1, 5);
        grid.add(problem, 1, 6);
        grid.addRow(7, new Label(messages.get("alerts.mute.reason")), reason);
        grid.add(problemLabel(form, "reason"), 1, 8);
        grid.add(error, 0, 9, 2, 1);
        target.setPrefWidth(300);
        rule.setPrefWidth(300);
        until.setPrefWidth(300);
        dialog.getDialogPane().setContent(grid);
        Button save = FormDialogs.saveAndCancel(dialog, messages, "muteSave", form.validProperty(), form.savingProperty(),
                done -> mutes.save(form, done::accept), reason);
        save.setText(messages.get("alerts.mute.save"));
        dialog.show();
    }

    // The message next to a field, taking no room while there is none.
    private static Label problemLabel(MuteFormViewModel form, String field) {
        Label problem = new Label();
        problem.setId("problem-" + field);
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(form.problemProperty(field));
        problem.visibleProperty().bind(form.problemProperty(field).isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        return problem;
    }
}
