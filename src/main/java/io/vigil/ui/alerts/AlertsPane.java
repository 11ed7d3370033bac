package io.vigil.ui.alerts;

import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.value.ObservableValue;
import javafx.collections.transformation.SortedList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.config.AlertState;
import io.vigil.config.Severity;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.EmptyState;

/**
 * The Alerts pane: what fires now (acknowledge, mute), the mute windows, and the history. The table follows the live
 * snapshots through its view model; dialogs only collect input, the work runs in the view model's background.
 */
public final class AlertsPane {

    private final BorderPane root = new BorderPane();
    private final TableView<AlertRowModel> table = new TableView<>();
    private final TabPane tabs = new TabPane();
    private final AlertsViewModel model;
    private final Messages messages;

    public AlertsPane(AlertsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        root.getStyleClass().addAll("pane", "alerts-pane");
        root.setId("alertsPane");
        Label title = new Label(messages.get("alerts.title"));
        title.getStyleClass().add("pane-title");
        Label subtitle = new Label(messages.get("alerts.subtitle"));
        subtitle.getStyleClass().add("pane-subtitle");
        VBox header = new VBox(2, title, subtitle);
        header.getStyleClass().add("pane-header");
        root.setTop(header);

        Tab firing = new Tab(messages.get("alerts.tab.firing"), firingTab());
        firing.setId("alertsFiringTab");
        Tab mutes = new Tab(messages.get("alerts.tab.mutes"), new MutesView(model.mutes(), messages, this::mute).root());
        mutes.setId("alertsMutesTab");
        Tab history = new Tab(messages.get("alerts.tab.history"), new HistoryView(model.history(), messages).root());
        history.setId("alertsHistoryTab");
        history.setOnSelectionChanged(e -> {
            if (history.isSelected()) {
                model.history().query();
            }
        });
        tabs.getTabs().setAll(firing, mutes, history);
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabs.getStyleClass().add("alerts-tabs");
        root.setCenter(tabs);
    }

    private Region firingTab() {
        Button ack = new Button(messages.get("alerts.acknowledge"), new FontIcon("fas-check"));
        ack.setId("alertsAck");
        ack.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull().or(model.acknowledgingProperty()));
        ack.setOnAction(e -> acknowledge());
        Button mute = new Button(messages.get("alerts.mute"), new FontIcon("fas-bell-slash"));
        mute.setId("alertsMute");
        mute.setOnAction(e -> mute());
        Label message = new Label();
        message.setId("alertsMessage");
        message.getStyleClass().add("alerts-message");
        message.textProperty().bind(model.messageProperty());
        model.messageIsErrorProperty().addListener((o, was, error) -> message.pseudoClassStateChanged(
                javafx.css.PseudoClass.getPseudoClass("error"), error));
        HBox bar = new HBox(8, ack, mute, message);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("alerts-toolbar");
        buildTable();
        return new BorderPane(table, bar, null, null, null);
    }

    private void buildTable() {
        table.setId("alertsTable");
        table.getStyleClass().add("dense");
        SortedList<AlertRowModel> sorted = new SortedList<>(model.rows());
        sorted.comparatorProperty().bind(table.comparatorProperty()); // no column sort: the model's worst-first order
        table.setItems(sorted);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(EmptyState.of("fas-bell", messages.get("alerts.empty.title"), messages.get("alerts.empty.hint")));
        TableColumn<AlertRowModel, Severity> severity = column("alerts.col.severity", AlertRowModel::severityProperty, 90);
        severity.setCellFactory(c -> AlertCells.severity(messages));
        TableColumn<AlertRowModel, AlertState> state = column("alerts.col.state", AlertRowModel::stateProperty, 90);
        state.setCellFactory(c -> AlertCells.state(messages));
        TableColumn<AlertRowModel, String> target = column("alerts.col.target", AlertRowModel::targetProperty, 120);
        TableColumn<AlertRowModel, String> rule = column("alerts.col.rule", r -> Bindings.createStringBinding(
                () -> r.titleProperty().get().isEmpty() ? r.rule() : r.titleProperty().get(), r.titleProperty()), 210);
        rule.setCellFactory(c -> AlertCells.withTooltip(r -> r.rule() + (r.descriptionProperty().get().isEmpty() ? "" : "\n" + r.descriptionProperty().get())));
        TableColumn<AlertRowModel, String> series = column("alerts.col.series", r -> constant(r.series()), 190);
        TableColumn<AlertRowModel, String> value = column("alerts.col.value", AlertRowModel::valueProperty, 150);
        value.setCellFactory(c -> AlertCells.withTooltip(r -> r.detailProperty().get().lines().limit(30)
                .collect(java.util.stream.Collectors.joining("\n"))));
        value.getStyleClass().add("alerts-value");
        TableColumn<AlertRowModel, String> age = column("alerts.col.age", AlertRowModel::ageProperty, 70);
        TableColumn<AlertRowModel, String> acked = column("alerts.col.ack", r -> Bindings.createStringBinding(() -> ackText(r),
                r.ackByProperty(), r.ackCommentProperty()), 220);
        table.getColumns().setAll(java.util.List.of(severity, state, target, rule, series, value, age, acked));
    }

    private String ackText(AlertRowModel r) {
        String by = r.ackByProperty().get();
        String comment = r.ackCommentProperty().get();
        return by.isEmpty() || comment.isEmpty() ? by : messages.get("alerts.ack.byWithComment", by, comment);
    }

    private static ObservableValue<String> constant(String s) {
        return new javafx.beans.property.ReadOnlyStringWrapper(s);
    }

    private <T> TableColumn<AlertRowModel, T> column(String key, Function<AlertRowModel, ObservableValue<T>> value, double width) {
        TableColumn<AlertRowModel, T> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(d -> value.apply(d.getValue()));
        c.setPrefWidth(width);
        return c;
    }

    private void acknowledge() {
        AlertRowModel row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            AckDialog.ask(root.getScene().getWindow(), row, messages).ifPresent(comment -> model.acknowledge(row, comment));
        }
    }

    // Opened on the selected alert's target and rule: muting what is firing is the usual case.
    private void mute() {
        MuteFormViewModel form = model.mutes().form();
        AlertRowModel row = table.getSelectionModel().getSelectedItem();
        if (row != null) {
            form.targetProperty().set(row.targetProperty().get());
            form.ruleProperty().set(row.rule());
        }
        MuteDialog.open(root.getScene().getWindow(), model.mutes(), form, messages);
    }

    /** The firing table (for tests). */
    public TableView<AlertRowModel> table() {
        return table;
    }

    public Region root() {
        return root;
    }
}
