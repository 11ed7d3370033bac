package io.vigil.ui.alerts;

import java.util.function.Function;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.value.ObservableValue;
import javafx.collections.FXCollections;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;

import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.config.AlertChange;
import io.vigil.config.Severity;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.Converters;
import io.vigil.ui.util.EmptyState;

/** The history tab: filters above, the changes newest first below. */
final class HistoryView {

    private final BorderPane root = new BorderPane();
    private final AlertHistoryViewModel model;
    private final Messages messages;

    HistoryView(AlertHistoryViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        ComboBox<String> target = new ComboBox<>(model.targets());
        target.setId("historyTarget");
        target.setConverter(Converters.display(model::targetText));
        target.valueProperty().bindBidirectional(model.targetProperty());
        target.setPrefWidth(180);
        ComboBox<Severity> severity = new ComboBox<>(FXCollections.observableArrayList(Severity.WARN, Severity.CRIT));
        severity.setId("historySeverity");
        severity.setConverter(Converters.display(s -> messages.get("alerts.history.severity." + s.name())));
        severity.valueProperty().bindBidirectional(model.atLeastProperty());
        ComboBox<HistoryRange> range = new ComboBox<>(FXCollections.observableArrayList(HistoryRange.values()));
        range.setId("historyRange");
        range.setConverter(Converters.display(r -> messages.get("alerts.history.range." + r.name())));
        range.valueProperty().bindBidirectional(model.rangeProperty());
        Button refresh = new Button(messages.get("alerts.history.refresh"), new FontIcon("fas-sync-alt"));
        refresh.setId("historyRefresh");
        refresh.setOnAction(e -> model.query());
        ProgressIndicator busy = new ProgressIndicator();
        busy.setPrefSize(16, 16);
        busy.visibleProperty().bind(model.loadingProperty());
        Label summary = new Label();
        summary.setId("historySummary");
        summary.getStyleClass().add("alerts-message");
        summary.textProperty().bind(model.summaryProperty());
        HBox bar = new HBox(8, target, severity, range, refresh, busy, summary);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("alerts-toolbar");
        root.setTop(bar);
        root.setCenter(table());
    }

    private TableView<AlertChange> table() {
        TableView<AlertChange> table = new TableView<>(model.rows());
        table.setId("historyTable");
        table.getStyleClass().add("dense");
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(EmptyState.of("fas-history", messages.get("alerts.history.empty.title"),
                messages.get("alerts.history.empty.hint")));
        TableColumn<AlertChange, String> time = text("alerts.col.time", c -> model.timeText(c.at()), 150);
        TableColumn<AlertChange, String> target = text("alerts.col.target", AlertChange::targetName, 130);
        TableColumn<AlertChange, String> rule = text("alerts.col.rule", c -> c.key().rule(), 220);
        TableColumn<AlertChange, String> series = text("alerts.col.series", c -> c.key().series(), 170);
        TableColumn<AlertChange, String> change = text("alerts.col.change", model::changeText, 170);
        TableColumn<AlertChange, Severity> severity = new TableColumn<>(messages.get("alerts.col.severity"));
        severity.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue().severity()));
        severity.setCellFactory(c -> AlertCells.severity(messages));
        severity.setPrefWidth(90);
        TableColumn<AlertChange, String> value = text("alerts.col.value", model::valueText, 200);
        table.getColumns().setAll(java.util.List.of(time, target, rule, series, change, severity, value));
        return table;
    }

    private TableColumn<AlertChange, String> text(String key, Function<AlertChange, String> value, double width) {
        TableColumn<AlertChange, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(d -> (ObservableValue<String>) new ReadOnlyStringWrapper(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    Region root() {
        return root;
    }
}
