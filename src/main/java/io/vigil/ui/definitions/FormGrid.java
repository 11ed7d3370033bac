package io.vigil.ui.definitions;

import java.util.function.Function;

import javafx.beans.Observable;
import javafx.beans.property.BooleanProperty;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleBooleanProperty;
import javafx.beans.property.StringProperty;
import javafx.css.PseudoClass;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.control.TextInputControl;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;

import io.vigil.i18n.Messages;

/**
 * The label / field / problem rows of the mirror and metric forms, laid out as the target form lays them out: each
 * field's problem right under it, shown once the user has touched the field (at once when editing a stored definition).
 */
public final class FormGrid {

    private static final PseudoClass INVALID = PseudoClass.getPseudoClass("invalid");

    private final GridPane grid = new GridPane();
    private final Messages messages;
    private final Function<String, ReadOnlyStringProperty> problems;
    private final boolean isNew;
    private int row;

    public FormGrid(Messages messages, Function<String, ReadOnlyStringProperty> problems, boolean isNew, double fieldWidth) {
        this.messages = messages;
        this.problems = problems;
        this.isNew = isNew;
        grid.setHgap(12);
        grid.setVgap(2);
        grid.setPadding(new Insets(4, 4, 4, 0));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(120);
        ColumnConstraints fields = new ColumnConstraints(fieldWidth * 0.8, fieldWidth, Double.MAX_VALUE);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);
    }

    public TextField text(String id, StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    /** A row whose problem shows once a text field's text changed (any other input counts as touched). */
    public Node[] addRow(String labelKey, Node input, String field) {
        return addRow(labelKey, input, field, input instanceof TextInputControl t ? t.textProperty() : null);
    }

    /**
     * Adds label, field and (when {@code field} names one) the field's problem under it; returns the row's nodes.
     *
     * @param touchedBy what marks the field as touched when it changes; null for a field that is touched from the start
     */
    public Node[] addRow(String labelKey, Node input, String field, Observable touchedBy) {
        Label label = new Label(messages.get(labelKey));
        label.setLabelFor(input);
        label.getStyleClass().add("form-label");
        grid.add(label, 0, row);
        grid.add(input, 1, row++);
        if (field == null) {
            return new Node[] {label, input};
        }
        ReadOnlyStringProperty problem = problems.apply(field);
        Label problemLabel = new Label();
        problemLabel.setId("problem-" + field);
        problemLabel.getStyleClass().add("field-problem");
        problemLabel.setWrapText(true);
        problemLabel.textProperty().bind(problem);
        BooleanProperty touched = new SimpleBooleanProperty(!isNew || touchedBy == null);
        if (touchedBy != null) {
            touchedBy.addListener(o -> touched.set(true));
        }
        problemLabel.managedProperty().bind(problem.isNotEmpty().and(touched).and(input.visibleProperty()));
        problemLabel.visibleProperty().bind(problemLabel.managedProperty());
        // a field with its unit beside it is a box: the field itself gets the red border
        Node marked = input instanceof javafx.scene.layout.HBox box ? box.getChildren().getFirst() : input;
        marked.pseudoClassStateChanged(INVALID, touched.get() && !problem.get().isEmpty());
        problem.addListener((o, a, b) -> marked.pseudoClassStateChanged(INVALID, !b.isEmpty() && touched.get()));
        touched.addListener((o, a, b) -> marked.pseudoClassStateChanged(INVALID, b && !problem.get().isEmpty()));
        grid.add(problemLabel, 1, row++);
        return new Node[] {label, input, problemLabel};
    }

    /** A node across the field column with no label (a check box, a note). */
    public void addWide(Node node) {
        grid.add(node, 1, row++);
    }

    /** Shows the row's nodes only while {@code shown} holds (a problem label also needs something to say). */
    public static void showWhen(Node[] nodes, javafx.beans.value.ObservableBooleanValue shown) {
        for (Node n : nodes) {
            if (n.visibleProperty().isBound()) {
                continue;
            }
            n.visibleProperty().bind(shown);
            n.managedProperty().bind(shown);
        }
    }

    /** The grid in a scroll pane: on a short screen the fields scroll rather than squeeze their problems to one line. */
    public javafx.scene.control.ScrollPane scrolling() {
        javafx.scene.control.ScrollPane scroll = new javafx.scene.control.ScrollPane(grid);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(javafx.scene.control.ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("edge-to-edge");
        scroll.setMinWidth(grid.minWidth(-1) + 16);
        scroll.setPrefViewportWidth(grid.prefWidth(-1) + 4);
        return scroll;
    }
}
