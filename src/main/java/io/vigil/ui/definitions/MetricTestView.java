package io.vigil.ui.definitions;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.ui.definitions.MetricTestViewModel.PreviewRow;
import io.vigil.ui.util.Converters;

/** "Test metric": a target to run on, the button, and what came back — series and values, or why there are none. */
final class MetricTestView extends VBox {

    MetricTestView(MetricFormViewModel form, Messages messages) {
        MetricTestViewModel model = form.tester();
        getStyleClass().add("metric-test");
        Label heading = new Label(messages.get("metricTest.title"));
        heading.getStyleClass().add("form-section");

        ComboBox<Target> target = new ComboBox<>(model.targets());
        target.setId("testTarget");
        target.setConverter(Converters.display(Target::name));
        target.valueProperty().bindBidirectional(model.targetProperty());
        target.setPrefWidth(200);
        target.setPromptText(messages.get("metricTest.target.none"));
        Button run = new Button(messages.get("metricTest.run"), new FontIcon("fas-play"));
        run.setId("testMetric");
        run.setOnAction(e -> form.test());
        run.disableProperty().bind(model.runningProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.runningProperty());
        Label on = new Label(messages.get("metricTest.on"));
        on.setMinWidth(Label.USE_PREF_SIZE);
        HBox bar = new HBox(8, on, target, run, progress);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("testSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        model.failedProperty().addListener((o, was, failed) -> summary.getStyleClass().setAll("label", failed ? "result-error" : "result-ok"));
        Label note = new Label();
        note.setId("testNote");
        note.getStyleClass().add("form-hint");
        note.setWrapText(true);
        note.textProperty().bind(model.noteProperty());
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());
        if (!model.canTest()) {
            summary.getStyleClass().add("form-hint");
            summary.textProperty().unbind();
            summary.setText(messages.get("metricTest.noCollector"));
            run.disableProperty().unbind();
            run.setDisable(true);
        }

        TableView<PreviewRow> rows = new TableView<>(model.rows());
        rows.setId("testRows");
        rows.getStyleClass().add("dense");
        rows.setPrefHeight(150);
        rows.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_SUBSEQUENT_COLUMNS);
        Label placeholder = new Label(messages.get("metricTest.empty"));
        placeholder.getStyleClass().add("form-hint");
        placeholder.setWrapText(true);
        rows.setPlaceholder(placeholder);
        TableColumn<PreviewRow, String> series = new TableColumn<>(messages.get("metricTest.col.series"));
        series.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().series()));
        series.setPrefWidth(300);
        TableColumn<PreviewRow, String> value = new TableColumn<>(messages.get("metricTest.col.value"));
        value.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().value()));
        value.getStyleClass().add("numeric");
        value.setPrefWidth(160);
        rows.getColumns().add(series);
        rows.getColumns().add(value);
        setSpacing(6);
        getChildren().addAll(heading, bar, summary, note, rows);
    }
}
