package io.vigil.ui.targets;

import java.util.List;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.event.ActionEvent;
import javafx.geometry.Insets;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxTableCell;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import io.vigil.config.Target;
import io.vigil.i18n.Messages;

/**
 * Import from tnsnames.ora: every alias with a tick box, host, port and service or SID, the entries that could not be
 * read with their line and reason, a user and tags for all, and "Add N targets". The file is read and the targets saved
 * in the background; the dialog stays open until the store took them all.
 */
public final class TnsImportDialog extends Dialog<List<Target>> {

    private final TnsImportViewModel model;
    private final Messages messages;

    public TnsImportDialog(TnsImportViewModel model, Messages messages, Window owner, Consumer<List<Target>> added) {
        this.model = model;
        this.messages = messages;
        initOwner(owner);
        setTitle(messages.get("tns.dialog.title"));
        setHeaderText(messages.get("tns.dialog.header", model.file().toString()));
        setResizable(true);

        TableView<TnsImportViewModel.Row> table = table();
        VBox.setVgrow(table, Priority.ALWAYS);

        Label problemsTitle = new Label();
        problemsTitle.setId("tnsProblemsTitle");
        problemsTitle.getStyleClass().add("problem");
        problemsTitle.textProperty().bind(Bindings.createStringBinding(() -> messages.get("tns.dialog.problems", model.problems().size()),
                model.problems()));
        ListView<String> problems = new ListView<>(model.problems());
        problems.setId("tnsProblems");
        problems.setPrefHeight(110);
        VBox problemBox = new VBox(4, problemsTitle, problems);
        problemBox.visibleProperty().bind(Bindings.isNotEmpty(model.problems()));
        problemBox.managedProperty().bind(problemBox.visibleProperty());

        Label notice = new Label();
        notice.setId("tnsNotice");
        notice.setWrapText(true);
        notice.textProperty().bind(model.noticeProperty());
        notice.visibleProperty().bind(model.noticeProperty().isNotEmpty());
        notice.managedProperty().bind(notice.visibleProperty());

        TextField user = new TextField();
        user.setId("tnsUser");
        user.textProperty().bindBidirectional(model.userProperty());
        user.setPromptText(messages.get("tns.dialog.userHint"));
        TextField tags = new TextField();
        tags.setId("tnsTags");
        tags.textProperty().bindBidirectional(model.tagsProperty());
        tags.setPromptText(messages.get("tns.dialog.tagsHint"));
        GridPane all = new GridPane();
        all.setHgap(12);
        all.setVgap(6);
        all.addRow(0, new Label(messages.get("tns.dialog.user")), user);
        all.addRow(1, new Label(messages.get("tns.dialog.tags")), tags);
        GridPane.setHgrow(user, Priority.ALWAYS);
        GridPane.setHgrow(tags, Priority.ALWAYS);

        ProgressIndicator spinner = new ProgressIndicator();
        spinner.setPrefSize(18, 18);
        spinner.visibleProperty().bind(model.busyProperty());
        Label status = new Label();
        status.setId("tnsStatus");
        status.setWrapText(true);
        status.textProperty().bind(model.statusProperty());
        HBox statusRow = new HBox(8, spinner, status);

        VBox content = new VBox(10, table, problemBox, notice, all, statusRow);
        content.setPadding(new Insets(8, 4, 4, 4));
        content.setPrefSize(860, 560);
        getDialogPane().setContent(content);

        ButtonType addType = new ButtonType(messages.get("tns.dialog.add", 0), ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().addAll(addType, ButtonType.CANCEL);
        Button add = (Button) getDialogPane().lookupButton(addType);
        add.setId("tnsAdd");
        add.textProperty().bind(model.addTextProperty());
        add.disableProperty().bind(model.selectedCountProperty().isEqualTo(0).or(model.busyProperty()));
        List<Target> addedHere = new java.util.ArrayList<>();
        add.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            model.add(list -> {
                addedHere.addAll(list);
                added.accept(list);
            }, () -> {
                setResult(List.copyOf(addedHere));
                close();
            });
        });
        setResultConverter(b -> null);
    }

    private TableView<TnsImportViewModel.Row> table() {
        TableView<TnsImportViewModel.Row> table = new TableView<>(model.rows());
        table.setId("tnsTable");
        table.setEditable(true);
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        TableColumn<TnsImportViewModel.Row, Boolean> tick = new TableColumn<>(messages.get("tns.dialog.col.add"));
        tick.setCellValueFactory(d -> d.getValue().selectedProperty());
        tick.setCellFactory(CheckBoxTableCell.forTableColumn(tick));
        tick.setEditable(true);
        tick.setPrefWidth(50);
        table.getColumns().add(tick);
        table.getColumns().add(column("tns.dialog.col.alias", TnsImportViewModel.Row::alias, 150));
        table.getColumns().add(column("tns.dialog.col.name", TnsImportViewModel.Row::name, 130));
        table.getColumns().add(column("tns.dialog.col.host", TnsImportViewModel.Row::host, 170));
        table.getColumns().add(column("tns.dialog.col.port", r -> Integer.toString(r.port()), 60));
        table.getColumns().add(column("tns.dialog.col.service", r -> r.service(messages), 120));
        TableColumn<TnsImportViewModel.Row, String> state = new TableColumn<>(messages.get("tns.dialog.col.state"));
        state.setCellValueFactory(d -> d.getValue().stateProperty());
        state.setPrefWidth(150);
        table.getColumns().add(state);
        return table;
    }

    private TableColumn<TnsImportViewModel.Row, String> column(String key, Function<TnsImportViewModel.Row, String> value, double width) {
        TableColumn<TnsImportViewModel.Row, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        c.setEditable(false);
        return c;
    }
}
