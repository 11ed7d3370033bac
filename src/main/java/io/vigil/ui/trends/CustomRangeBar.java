package io.vigil.ui.trends;

import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.DatePicker;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;

import io.vigil.i18n.Messages;

/** The row under the range buttons for a window of one's own: a date and a time for each end, and what is wrong with them. */
final class CustomRangeBar {

    private final HBox root = new HBox(8);

    CustomRangeBar(TrendsViewModel model, Messages messages) {
        DatePicker fromDate = new DatePicker();
        fromDate.setId("customFromDate");
        fromDate.valueProperty().bindBidirectional(model.customFromDateProperty());
        TextField fromTime = time("customFromTime", messages);
        fromTime.textProperty().bindBidirectional(model.customFromTimeProperty());
        DatePicker toDate = new DatePicker();
        toDate.setId("customToDate");
        toDate.valueProperty().bindBidirectional(model.customToDateProperty());
        TextField toTime = time("customToTime", messages);
        toTime.textProperty().bindBidirectional(model.customToTimeProperty());
        for (DatePicker d : new DatePicker[] {fromDate, toDate}) {
            d.setPrefWidth(130);
            d.setEditable(false); // picked, never typed: a typed date the picker cannot read would be dropped silently
        }
        Button apply = new Button(messages.get("trends.custom.apply"));
        apply.setId("customApply");
        apply.setDefaultButton(false);
        apply.setOnAction(e -> model.applyCustom());
        fromTime.setOnAction(e -> model.applyCustom());
        toTime.setOnAction(e -> model.applyCustom());
        Label problem = new Label();
        problem.setId("customProblem");
        problem.getStyleClass().add("field-problem");
        problem.textProperty().bind(model.customProblemProperty());
        problem.visibleProperty().bind(model.customProblemProperty().isNotEmpty());
        model.customProblemProperty().addListener((o, was, now) -> {
            fromTime.pseudoClassStateChanged(INVALID, !now.isEmpty());
            toTime.pseudoClassStateChanged(INVALID, !now.isEmpty());
        });
        root.getChildren().addAll(new Label(messages.get("trends.custom.from")), fromDate, fromTime,
                new Label(messages.get("trends.custom.to")), toDate, toTime, apply, problem);
        root.setAlignment(Pos.CENTER_LEFT);
        root.getStyleClass().add("trends-custom");
        root.setId("customRangeBar");
        setOpen(false);
    }

    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");

    private static TextField time(String id, Messages messages) {
        TextField t = new TextField();
        t.setId(id);
        t.setPrefColumnCount(5);
        t.setPromptText(messages.get("trends.custom.timePrompt"));
        return t;
    }

    void setOpen(boolean open) {
        root.setVisible(open);
        root.setManaged(open);
    }

    boolean isOpen() {
        return root.isVisible();
    }

    HBox root() {
        return root;
    }
}
