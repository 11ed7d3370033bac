package io.vigil.ui.channels;

import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.config.ChannelDef;
import io.vigil.config.ChannelType;
import io.vigil.i18n.Messages;

/**
 * The Notifications part of Settings: the channels table with a "Send test" per channel and its last deliveries,
 * add/edit/delete, and below it the alert-log lines that are never turned into events.
 */
public final class NotificationsSection {

    private final ChannelsViewModel model;
    private final Messages messages;
    private final TableView<ChannelRow> table = new TableView<>();

    public NotificationsSection(ChannelsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
    }

    /** The channels with their buttons. */
    public VBox channels() {
        table.setId("channelsTable");
        table.setItems(model.rows());
        table.getStyleClass().add("dense");
        table.setPrefHeight(210);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        Label empty = new Label(messages.get("channels.empty"));
        empty.getStyleClass().add("form-hint");
        empty.setWrapText(true);
        table.setPlaceholder(empty);
        table.setRowFactory(v -> {
            TableRow<ChannelRow> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    open(model.editForm(row.getItem().channel()), "channelForm.title.edit");
                }
            });
            return row;
        });
        table.getColumns().add(enabled());
        table.getColumns().add(text("definitions.col.name", ChannelDef::name, 130));
        table.getColumns().add(text("channels.col.type", c -> messages.get("channels.type." + c.type().name()), 90));
        table.getColumns().add(text("channels.col.endpoint", NotificationsSection::endpoint, 200));
        table.getColumns().add(text("channels.col.minSeverity", c -> messages.get("channels.severity." + c.minSeverity().name()), 85));
        table.getColumns().add(text("channels.col.repeat", c -> c.repeatMinutes() == 0 ? messages.get("channels.repeat.never")
                : messages.get("channels.repeat.every", c.repeatMinutes()), 95));
        table.getColumns().add(delivery());
        table.getColumns().add(test());

        Button add = new Button(messages.get("channels.add"), new FontIcon("fas-plus"));
        add.setId("addChannel");
        add.getStyleClass().add("accent");
        add.setOnAction(e -> open(model.newForm(), "channelForm.title.add"));
        Button edit = new Button(messages.get("definitions.edit"), new FontIcon("fas-pen"));
        edit.setId("editChannel");
        edit.setOnAction(e -> open(model.editForm(table.getSelectionModel().getSelectedItem().channel()), "channelForm.title.edit"));
        Button delete = new Button(messages.get("definitions.delete"), new FontIcon("fas-trash-alt"));
        delete.setId("deleteChannel");
        delete.setOnAction(e -> confirmDelete(table.getSelectionModel().getSelectedItem().channel()));
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        add.disableProperty().bind(model.loadingProperty());
        HBox actions = new HBox(8, add, edit, delete);
        actions.setAlignment(Pos.CENTER_LEFT);
        return new VBox(8, table, actions);
    }

    /** The alert-log ignore list with its Save button. */
    public VBox ignores() {
        Label heading = new Label(messages.get("channels.ignores"));
        heading.getStyleClass().add("form-section");
        Label hint = new Label(messages.get("channels.ignores.hint"));
        hint.getStyleClass().add("pane-subtitle");
        hint.setWrapText(true);
        TextArea list = new TextArea();
        list.setId("eventIgnores");
        list.setPrefRowCount(4);
        list.setPromptText("ORA-01555\nORA-00060");
        list.textProperty().bindBidirectional(model.ignoresProperty());
        Button save = new Button(messages.get("channels.ignores.save"));
        save.setId("saveEventIgnores");
        save.setOnAction(e -> model.saveIgnores());
        save.disableProperty().bind(model.loadingProperty());
        Label result = new Label();
        result.setId("eventIgnoresResult");
        result.setWrapText(true);
        result.textProperty().bind(model.ignoresResultProperty());
        result.getStyleClass().add("result-ok");
        model.ignoresOkProperty().addListener((o, a, ok) -> result.getStyleClass().setAll("label", ok ? "result-ok" : "result-error"));
        HBox actions = new HBox(8, save, result);
        actions.setAlignment(Pos.CENTER_LEFT);
        return new VBox(6, heading, hint, list, actions);
    }

    private static String endpoint(ChannelDef c) {
        return c.type() == ChannelType.EMAIL ? c.endpoint() + " \u2192 " + String.join(", ", c.recipients()) : c.endpoint();
    }

    private void open(ChannelFormViewModel form, String titleKey) {
        new ChannelFormDialog(form, messages, messages.get(titleKey), window()).showAndWait().ifPresent(model::saved);
    }

    private void confirmDelete(ChannelDef channel) {
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, messages.get("channels.delete.confirm"), ButtonType.CANCEL, ButtonType.OK);
        ask.initOwner(window());
        ask.setHeaderText(messages.get("channels.delete.title", channel.name()));
        ask.setTitle(messages.get("app.title"));
        ask.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.delete(channel));
    }

    private Window window() {
        return table.getScene() == null ? null : table.getScene().getWindow();
    }

    private TableColumn<ChannelRow, String> text(String key, Function<ChannelDef, String> value, double width) {
        TableColumn<ChannelRow, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(d -> Bindings.createStringBinding(() -> value.apply(d.getValue().channel()), d.getValue().channelProperty()));
        c.setPrefWidth(width);
        return c;
    }

    private TableColumn<ChannelRow, Boolean> enabled() {
        TableColumn<ChannelRow, Boolean> c = new TableColumn<>(messages.get("definitions.col.enabled"));
        c.setCellValueFactory(d -> Bindings.createBooleanBinding(() -> d.getValue().channel().enabled(), d.getValue().channelProperty()));
        c.setCellFactory(col -> new TableCell<>() {
            private final CheckBox box = new CheckBox();

            {
                box.setOnAction(e -> {
                    if (getTableRow() != null && getTableRow().getItem() != null) {
                        model.setEnabled(getTableRow().getItem(), box.isSelected());
                    }
                });
                setAlignment(Pos.CENTER);
            }

            @Override
            protected void updateItem(Boolean on, boolean empty) {
                super.updateItem(on, empty);
                if (empty || on == null) {
                    setGraphic(null);
                } else {
                    box.setSelected(on);
                    setGraphic(box);
                }
            }
        });
        c.setPrefWidth(44);
        c.setMinWidth(44);
        return c;
    }

    private TableColumn<ChannelRow, String> delivery() {
        TableColumn<ChannelRow, String> c = new TableColumn<>(messages.get("channels.col.delivery"));
        c.setCellValueFactory(d -> d.getValue().deliveryProperty());
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(String text, boolean empty) {
                super.updateItem(text, empty);
                ChannelRow row = empty || getTableRow() == null ? null : getTableRow().getItem();
                setText(empty ? null : text);
                getStyleClass().remove("result-error");
                if (row != null && row.deliveryFailedProperty().get()) {
                    getStyleClass().add("result-error");
                }
            }
        });
        c.setPrefWidth(150);
        return c;
    }

    // The button and its answer share one cell, so the answer stands next to the button that asked.
    private TableColumn<ChannelRow, ChannelRow> test() {
        TableColumn<ChannelRow, ChannelRow> c = new TableColumn<>(messages.get("channels.col.test"));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setCellFactory(col -> new TableCell<>() {
            private final Button send = new Button(messages.get("channels.test"), new FontIcon("fas-paper-plane"));
            private final ProgressIndicator progress = new ProgressIndicator();
            private final Label result = new Label();
            private final HBox box = new HBox(6, send, progress, result);

            {
                send.getStyleClass().add("small");
                send.setMinWidth(Region.USE_PREF_SIZE);
                progress.setPrefSize(14, 14);
                result.setMaxWidth(260);
                box.setAlignment(Pos.CENTER_LEFT);
            }

            private final javafx.beans.InvalidationListener restyle = o -> restyle();
            private ChannelRow shown;

            @Override
            protected void updateItem(ChannelRow row, boolean empty) {
                super.updateItem(row, empty);
                if (shown != null) {
                    shown.testResultProperty().removeListener(restyle);
                }
                shown = empty ? null : row;
                if (shown == null) {
                    setGraphic(null);
                    return;
                }
                send.setId("testChannel-" + row.channel().name());
                send.setOnAction(e -> model.test(row));
                send.disableProperty().bind(row.testingProperty());
                progress.visibleProperty().bind(row.testingProperty());
                progress.managedProperty().bind(row.testingProperty());
                result.textProperty().bind(row.testResultProperty());
                result.setTooltip(new javafx.scene.control.Tooltip());
                result.getTooltip().textProperty().bind(row.testResultProperty());
                row.testResultProperty().addListener(restyle);
                restyle();
                setGraphic(box);
            }

            private void restyle() {
                result.getStyleClass().setAll("label", shown != null && shown.testOkProperty().get() ? "result-ok" : "result-error");
            }
        });
        c.setPrefWidth(240);
        c.setSortable(false);
        return c;
    }
}
