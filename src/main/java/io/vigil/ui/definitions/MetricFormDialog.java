package io.vigil.ui.definitions;

import javafx.geometry.Insets;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.control.cell.CheckBoxListCell;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import io.vigil.config.MetricDef;
import io.vigil.config.MetricType;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.Converters;
import io.vigil.ui.util.FormDialogs;

/**
 * The add/edit metric form: its settings on the left; on the right the SQL over the cache, "Test metric" to see what it
 * would archive, and the grants its mirrors need. Saves in the background with the dialog open until the store answers.
 */
public final class MetricFormDialog extends Dialog<MetricDef> {

    public MetricFormDialog(MetricFormViewModel model, Messages messages, String title, Window owner) {
        initOwner(owner);
        setTitle(title);
        setHeaderText(messages.get("metricForm.header"));
        setResizable(true);

        FormGrid form = new FormGrid(messages, model::problemProperty, model.isNew(), 280);
        TextField name = form.text("metricName", model.nameProperty());
        name.setPromptText("oracle.sessions.inactive");
        form.addRow("definitions.field.name", name, "name");
        ComboBox<TargetKind> kind = new ComboBox<>();
        kind.setId("metricKind");
        kind.getItems().setAll(DefinitionsViewModel.KINDS);
        kind.setConverter(Converters.display(k -> messages.get("kind." + k.name())));
        kind.valueProperty().bindBidirectional(model.kindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);
        form.addRow("definitions.field.kind", kind, "kind");
        ComboBox<MetricType> type = new ComboBox<>();
        type.setId("metricType");
        type.getItems().setAll(MetricType.values());
        type.setConverter(Converters.display(t -> messages.get("metricForm.type." + t.name())));
        type.valueProperty().bindBidirectional(model.typeProperty());
        type.setMaxWidth(Double.MAX_VALUE);
        form.addRow("metricForm.type", type, "type");
        TextField unit = form.text("metricUnit", model.unitProperty());
        unit.setPromptText(messages.get("metricForm.unit.prompt"));
        form.addRow("metricForm.unit", unit, "unit");
        TextField interval = form.text("metricInterval", model.intervalProperty());
        form.addRow("definitions.field.interval", MirrorFormDialog.withUnit(interval, messages.get("definitions.unit.seconds")),
                "intervalSeconds", interval.textProperty());
        TextField freshness = form.text("metricFreshness", model.freshnessProperty());
        form.addRow("metricForm.freshness", MirrorFormDialog.withUnit(freshness, messages.get("definitions.unit.seconds")),
                "freshnessSeconds", freshness.textProperty());

        ListView<String> mirrors = new ListView<>(model.availableMirrors());
        mirrors.setId("metricMirrors");
        mirrors.setCellFactory(CheckBoxListCell.forListView(model::mirrorChosenProperty));
        mirrors.setPrefHeight(106);
        mirrors.getStyleClass().add("dense");
        form.addRow("metricForm.mirrors", mirrors, "mirrors", model.chosenMirrors());
        TextField labels = form.text("metricLabels", model.labelColumnsProperty());
        labels.setPromptText(messages.get("metricForm.labels.prompt"));
        form.addRow("metricForm.labels", labels, "labelColumns");
        TextField warn = form.text("metricWarn", model.warnProperty());
        warn.setPromptText(messages.get("metricForm.threshold.prompt"));
        form.addRow("metricForm.warn", warn, "warn");
        TextField crit = form.text("metricCrit", model.critProperty());
        crit.setPromptText(messages.get("metricForm.threshold.prompt"));
        form.addRow("metricForm.crit", crit, "crit");
        TextArea description = new TextArea();
        description.setId("metricDescription");
        description.setWrapText(true);
        description.setPrefRowCount(2);
        description.textProperty().bindBidirectional(model.descriptionProperty());
        form.addRow("definitions.field.description", description, "description");
        CheckBox enabled = new CheckBox(messages.get("metricForm.enabled"));
        enabled.setId("metricEnabled");
        enabled.selectedProperty().bindBidirectional(model.enabledProperty());
        enabled.setWrapText(true);
        form.addWide(enabled);

        SqlEditor sql = new SqlEditor("metricSql", model.sqlProperty());
        sql.area().setPrefRowCount(7);
        VBox right = DefinitionForms.sqlColumn(sql, messages.get("metricForm.sql"), messages.get("metricForm.sql.hint"),
                model.problemProperty("sql"), model.isNew());
        right.getChildren().addAll(new MetricTestView(model, messages), privileges(model, messages));
        HBox columns = new HBox(22, form.scrolling(), right);
        HBox.setHgrow(right, Priority.ALWAYS);
        VBox content = new VBox(10, columns, DefinitionForms.footer(model.formErrorProperty(), model.savingProperty(), new ProgressIndicator()));
        content.setPadding(new Insets(4, 8, 0, 8));
        getDialogPane().setContent(content);
        getDialogPane().getStyleClass().add("definition-form");
        getDialogPane().setPrefSize(1080, 740);
        VBox.setVgrow(columns, Priority.ALWAYS);

        FormDialogs.saveAndCancel(this, messages, "metricSave", model.validProperty(), model.savingProperty(), model::save, name);
    }

    // Read-only: the grants follow from the mirrors chosen, so the DBA can copy them but not drift from them.
    private static VBox privileges(MetricFormViewModel model, Messages messages) {
        Label heading = new Label(messages.get("metricForm.privileges"));
        heading.getStyleClass().add("form-section");
        TextArea grants = new TextArea();
        grants.setId("metricPrivileges");
        grants.setEditable(false);
        grants.setPrefRowCount(2);
        grants.getStyleClass().add("sql-text");
        grants.textProperty().bind(model.privilegesProperty());
        grants.setPromptText(messages.get("metricForm.privileges.none"));
        Label note = new Label();
        note.getStyleClass().add("form-hint");
        note.setWrapText(true);
        note.textProperty().bind(model.privilegesNoteProperty());
        note.managedProperty().bind(note.textProperty().isNotEmpty());
        note.visibleProperty().bind(note.managedProperty());
        return new VBox(4, heading, grants, note);
    }
}
