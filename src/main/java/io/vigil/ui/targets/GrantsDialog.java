package io.vigil.ui.targets;

import java.io.File;

import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.config.GrantFlavour;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.Converters;

/**
 * "Grants…": the script the customer's DBA runs for a target's monitoring account, read-only and monospace with Copy
 * and Save…, a flavour choice, and "Check now", which lists each mirror with its state and what it misses.
 */
final class GrantsDialog extends Dialog<Void> {

    GrantsDialog(GrantsViewModel model, Messages messages, Window owner) {
        initOwner(owner);
        setTitle(messages.get("grants.dialog.title", model.target().name()));
        setHeaderText(messages.get("grants.dialog.header", model.target().name()));
        setResizable(true);

        ComboBox<GrantFlavour> flavour = new ComboBox<>(javafx.collections.FXCollections.observableArrayList(model.flavours()));
        flavour.setId("grantsFlavour");
        flavour.setConverter(Converters.display(model::flavourName));
        flavour.valueProperty().bindBidirectional(model.flavourProperty());
        CheckBox roles = new CheckBox(messages.get("grants.dialog.roles"));
        roles.setId("grantsRoles");
        roles.selectedProperty().bindBidirectional(model.rolesProperty());
        roles.visibleProperty().bind(flavour.valueProperty().map(GrantFlavour::oracle).orElse(false));
        roles.managedProperty().bind(roles.visibleProperty());
        Label flavourLabel = new Label(messages.get("grants.dialog.flavour"));
        flavourLabel.setMinWidth(Label.USE_PREF_SIZE);

        TextArea script = new TextArea();
        script.setId("grantsScript");
        script.setEditable(false);
        script.setStyle("-fx-font-family: monospace;");
        script.setPrefRowCount(18);
        script.setPrefColumnCount(90);
        script.textProperty().bind(model.scriptProperty());
        VBox.setVgrow(script, Priority.ALWAYS);

        Label status = new Label();
        status.setId("grantsStatus");
        status.setWrapText(true);
        Button copy = new Button(messages.get("grants.dialog.copy"), new FontIcon("fas-copy"));
        copy.setId("grantsCopy");
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(model.scriptProperty().get());
            javafx.scene.input.Clipboard.getSystemClipboard().setContent(content);
            status.setText(messages.get("grants.dialog.copied"));
        });
        Button save = new Button(messages.get("grants.dialog.save"), new FontIcon("fas-save"));
        save.setId("grantsSave");
        save.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setInitialFileName("vigil-grants-" + model.target().name().replaceAll("[^A-Za-z0-9._-]", "_") + ".sql");
            File file = chooser.showSaveDialog(getDialogPane().getScene().getWindow());
            if (file != null) {
                model.save(file.toPath(), status::setText);
            }
        });
        Button check = new Button(messages.get("grants.dialog.check"), new FontIcon("fas-play"));
        check.setId("grantsCheck");
        check.setOnAction(e -> model.check());
        check.disableProperty().bind(model.checkingProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.checkingProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, flavourLabel, flavour, roles, grow, copy, save, check, progress);
        bar.setAlignment(Pos.CENTER_LEFT);

        Label summary = new Label();
        summary.setId("grantsSummary");
        summary.setWrapText(true);
        summary.textProperty().bind(model.summaryProperty());
        model.failedProperty().addListener((o, was, bad) -> summary.getStyleClass().setAll("label", bad ? "result-error" : "result-ok"));
        if (!model.canCheck()) {
            summary.textProperty().unbind();
            summary.setText(messages.get("grants.dialog.noCheck"));
            summary.getStyleClass().add("form-hint");
            check.disableProperty().unbind();
            check.setDisable(true);
        }

        TableView<GrantsViewModel.Row> results = new TableView<>(model.rows());
        results.setId("grantsResults");
        results.getStyleClass().add("dense");
        results.setPrefHeight(200);
        results.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        results.getColumns().add(column(messages.get("grants.dialog.col.mirror"), GrantsViewModel.Row::mirror, 160));
        results.getColumns().add(column(messages.get("grants.dialog.col.state"), GrantsViewModel.Row::stateText, 150));
        results.getColumns().add(column(messages.get("grants.dialog.col.detail"), GrantsViewModel.Row::detail, 480));
        results.setPlaceholder(new Label(""));

        VBox content = new VBox(8, bar, script, status, summary, results);
        content.setPrefWidth(900);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        model.load();
    }

    private static TableColumn<GrantsViewModel.Row, String> column(String title, java.util.function.Function<GrantsViewModel.Row, String> value,
                                                               double width) {
        TableColumn<GrantsViewModel.Row, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }
}
