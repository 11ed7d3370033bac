package io.vigil.ui.definitions;

import javafx.geometry.Pos;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.Converters;

/** "Last hour": the target to replay on and what the rule would have done there; shown for threshold rules only. */
final class RulePreviewView extends VBox {

    RulePreviewView(RulePreviewViewModel model, Messages messages) {
        Label heading = new Label(messages.get("rules.preview.title"));
        heading.getStyleClass().add("form-section");
        ComboBox<Target> target = new ComboBox<>(model.targets());
        target.setId("rulePreviewTarget");
        target.setConverter(Converters.display(Target::name));
        target.valueProperty().bindBidirectional(model.targetProperty());
        target.setPrefWidth(200);
        target.setPromptText(messages.get("metricTest.target.none"));
        Label on = new Label(messages.get("metricTest.on"));
        on.setMinWidth(Label.USE_PREF_SIZE);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.runningProperty());
        HBox bar = new HBox(8, on, target, progress);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("rulePreview");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        model.firedProperty().addListener((o, was, fired) -> summary.getStyleClass().setAll("label", fired ? "result-warning" : "form-hint"));
        summary.getStyleClass().add("form-hint");
        Label hint = new Label(messages.get("rules.preview.hint"));
        hint.getStyleClass().add("form-hint");
        hint.setWrapText(true);

        setSpacing(6);
        getChildren().addAll(heading, bar, summary, hint);
        visibleProperty().bind(model.shownProperty());
        managedProperty().bind(model.shownProperty());
    }
}
