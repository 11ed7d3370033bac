package io.vigil.ui.definitions;

import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.Converters;
import io.vigil.ui.util.FormDialogs;

/**
 * The add/edit mirror form: its settings on the left, the SQL it runs on the target on the right. Save is disabled
 * while anything is invalid and, once pressed, saves in the background with the dialog open until the store answers.
 */
public final class MirrorFormDialog extends Dialog<MirrorDef> {

    public MirrorFormDialog(MirrorFormViewModel model, Messages messages, String title, Window owner) {
        initOwner(owner);
        setTitle(title);
        setHeaderText(messages.get("mirrorForm.header"));
        setResizable(true);

        FormGrid form = new FormGrid(messages, model::problemProperty, model.isNew(), 260);
        TextField name = form.text("mirrorName", model.nameProperty());
        form.addRow("definitions.field.name", name, "name");
        Label renamed = new Label();
        renamed.getStyleClass().add("form-warning");
        renamed.setWrapText(true);
        renamed.textProperty().bind(model.renameWarningProperty());
        renamed.managedProperty().bind(renamed.textProperty().isNotEmpty());
        renamed.visibleProperty().bind(renamed.managedProperty());
        form.addWide(renamed);

        ComboBox<TargetKind> kind = new ComboBox<>();
        kind.setId("mirrorKind");
        kind.getItems().setAll(DefinitionsViewModel.KINDS);
        kind.setConverter(Converters.display(k -> messages.get("kind." + k.name())));
        kind.valueProperty().bindBidirectional(model.kindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);
        form.addRow("definitions.field.kind", kind, "kind");
        form.addRow("mirrorForm.cacheTable", form.text("mirrorTable", model.cacheTableProperty()), "cacheTable");
        TextField interval = form.text("mirrorInterval", model.intervalProperty());
        form.addRow("definitions.field.interval", withUnit(interval, messages.get("definitions.unit.seconds")), "intervalSeconds",
                interval.textProperty());
        form.addRow("mirrorForm.rowCap", form.text("mirrorRowCap", model.rowCapProperty()), "rowCap");

        ComboBox<MirrorMode> mode = new ComboBox<>();
        mode.setId("mirrorMode");
        mode.getItems().setAll(MirrorMode.values());
        mode.setConverter(Converters.display(m -> messages.get("mirrorForm.mode." + m.name())));
        mode.valueProperty().bindBidirectional(model.modeProperty());
        mode.setMaxWidth(Double.MAX_VALUE);
        form.addRow("mirrorForm.mode", mode, null);
        TextField watermark = form.text("mirrorWatermark", model.watermarkColumnProperty());
        watermark.setPromptText(messages.get("mirrorForm.watermark.prompt"));
        Node[] watermarkRow = form.addRow("mirrorForm.watermark", watermark, "watermarkColumn");
        FormGrid.showWhen(watermarkRow, model.modeProperty().isEqualTo(MirrorMode.APPEND));

        TextField minVersion = form.text("mirrorMinVersion", model.minVersionProperty());
        minVersion.setPromptText(messages.get("mirrorForm.minVersion.prompt"));
        form.addRow("mirrorForm.minVersion", minVersion, "minVersion");
        Label versionNote = new Label();
        versionNote.setId("mirrorVersionNote");
        versionNote.getStyleClass().add("form-hint");
        versionNote.setWrapText(true);
        versionNote.textProperty().bind(model.versionNote());
        versionNote.managedProperty().bind(versionNote.textProperty().isNotEmpty());
        versionNote.visibleProperty().bind(versionNote.managedProperty());
        form.addWide(versionNote);
        Label variantsNote = new Label(model.variantsNote());
        variantsNote.setId("mirrorVariantsNote");
        variantsNote.getStyleClass().add("form-hint");
        variantsNote.setWrapText(true);
        variantsNote.setManaged(!model.variantsNote().isEmpty());
        variantsNote.setVisible(variantsNote.isManaged());
        form.addWide(variantsNote);
        TextField keep = form.text("mirrorColumns", model.columnsProperty());
        keep.setPromptText(messages.get("mirrorForm.columns.prompt"));
        form.addRow("mirrorForm.columns", keep, "columns");
        ComboBox<java.util.Optional<io.vigil.config.LicensedPack>> licence = new ComboBox<>();
        licence.setId("mirrorLicence");
        licence.getItems().add(java.util.Optional.empty());
        for (io.vigil.config.LicensedPack p : io.vigil.config.LicensedPack.values()) {
            licence.getItems().add(java.util.Optional.of(p));
        }
        licence.setConverter(Converters.display(o -> o.map(p -> messages.get("licence." + p.name())).orElse(messages.get("mirrorForm.licence.none"))));
        licence.setValue(java.util.Optional.ofNullable(model.licenceProperty().get()));
        licence.valueProperty().addListener((o, was, now) -> model.licenceProperty().set(now == null ? null : now.orElse(null)));
        licence.setMaxWidth(Double.MAX_VALUE);
        form.addRow("mirrorForm.licence", licence, null);
        TextArea description = new TextArea();
        description.setId("mirrorDescription");
        description.setWrapText(true);
        description.setPrefRowCount(3);
        description.textProperty().bindBidirectional(model.descriptionProperty());
        form.addRow("definitions.field.description", description, "description");
        CheckBox enabled = new CheckBox(messages.get("mirrorForm.enabled"));
        enabled.setId("mirrorEnabled");
        enabled.selectedProperty().bindBidirectional(model.enabledProperty());
        enabled.setWrapText(true);
        form.addWide(enabled);

        SqlEditor sql = new SqlEditor("mirrorSql", model.sqlProperty());
        VBox right = DefinitionForms.sqlColumn(sql, messages.get("mirrorForm.sql"), messages.get("mirrorForm.sql.hint"),
                model.problemProperty("sql"), model.isNew());
        HBox columns = new HBox(22, form.scrolling(), right);
        HBox.setHgrow(right, Priority.ALWAYS);
        VBox content = new VBox(10, columns, DefinitionForms.footer(model.formErrorProperty(), model.savingProperty(), new ProgressIndicator()));
        content.setPadding(new Insets(4, 8, 0, 8));
        getDialogPane().setContent(content);
        getDialogPane().getStyleClass().add("definition-form");
        getDialogPane().setPrefSize(940, 620);
        VBox.setVgrow(columns, Priority.ALWAYS);

        FormDialogs.saveAndCancel(this, messages, "mirrorSave", model.validProperty(), model.savingProperty(), model::save, name);
    }

    static HBox withUnit(TextField field, String unit) {
        field.setPrefColumnCount(7);
        Label u = new Label(unit);
        u.getStyleClass().add("field-unit");
        HBox box = new HBox(6, field, u);
        box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        return box;
    }
}
