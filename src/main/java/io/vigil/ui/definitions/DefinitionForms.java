package io.vigil.ui.definitions;

import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.css.PseudoClass;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;

/** The parts both definition forms have: the SQL column with its problem, and the footer with the store's answer. */
final class DefinitionForms {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private DefinitionForms() {
    }

    /** The SQL editor under a title, a hint on what the SQL may use, and the SQL's problem once it was typed in. */
    static VBox sqlColumn(SqlEditor editor, String title, String hint, ReadOnlyStringProperty problem, boolean isNew) {
        Label heading = new Label(title);
        heading.getStyleClass().add("form-section");
        heading.setLabelFor(editor.area());
        Label hintLabel = new Label(hint);
        hintLabel.getStyleClass().add("form-hint");
        hintLabel.setWrapText(true);
        Label problemLabel = new Label();
        problemLabel.setId("problem-sql");
        problemLabel.getStyleClass().add("field-problem");
        problemLabel.setWrapText(true);
        problemLabel.textProperty().bind(problem);
        BooleanProperty touched = new SimpleBooleanProperty(!isNew);
        editor.area().textProperty().addListener(o -> touched.set(true));
        problemLabel.managedProperty().bind(problem.isNotEmpty().and(touched));
        problemLabel.visibleProperty().bind(problemLabel.managedProperty());
        Runnable mark = () -> editor.area().pseudoClassStateChanged(INVALID, touched.get() && !problem.get().isEmpty());
        problem.addListener(o -> mark.run());
        touched.addListener(o -> mark.run());
        VBox.setVgrow(editor, Priority.ALWAYS);
        VBox column = new VBox(4, heading, editor, problemLabel, hintLabel);
        column.setMinWidth(380);
        return column;
    }

    /** The store's answer to a save (in words) beside a spinner that turns while the save runs. */
    static HBox footer(ReadOnlyStringProperty formError, ReadOnlyBooleanProperty saving, ProgressIndicator progress) {
        Label error = new Label();
        error.setId("formError");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.textProperty().bind(formError);
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(saving);
        progress.managedProperty().bind(saving);
        return new HBox(8, progress, error);
    }
}
