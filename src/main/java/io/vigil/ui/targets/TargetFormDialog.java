package io.vigil.ui.targets;

import java.io.File;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import io.vigil.config.ConnectBy;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.TlsMode;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.Converters;
import io.vigil.ui.util.FormDialogs;

/**
 * The add/edit target form. Each field has its problem right under it; Save is disabled while anything is invalid
 * and, once pressed, saves in the background with the dialog open until the store has answered.
 */
public final class TargetFormDialog extends Dialog<Target> {

    private final TargetFormViewModel model;
    private final Messages messages;
    private final GridPane grid = new GridPane();
    private int row;

    public TargetFormDialog(TargetFormViewModel model, Messages messages, Window owner) {
        this.model = model;
        this.messages = messages;
        initOwner(owner);
        setTitle(messages.get(model.isNew() ? "form.title.add" : "form.title.edit"));
        setHeaderText(messages.get(model.isNew() ? "form.header.add" : "form.header.edit"));
        setResizable(true);

        grid.setHgap(12);
        grid.setVgap(2);
        grid.setPadding(new Insets(8, 4, 4, 4));
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(130);
        ColumnConstraints fields = new ColumnConstraints(340, 380, Double.MAX_VALUE);
        fields.setHgrow(Priority.ALWAYS);
        grid.getColumnConstraints().addAll(labels, fields);

        TextField name = text("formName", model.nameProperty());
        addRow("form.name", name, "name");

        ComboBox<TargetKind> kind = new ComboBox<>();
        kind.setId("formKind");
        kind.getItems().setAll(TargetKind.values());
        kind.setConverter(Converters.display(k -> messages.get("kind." + k.name())));
        kind.valueProperty().bindBidirectional(model.kindProperty());
        kind.setMaxWidth(Double.MAX_VALUE);
        addRow("form.kind", kind, "kind");

        ComboBox<ConnectBy> connectBy = new ComboBox<>();
        connectBy.setId("formConnectBy");
        connectBy.getItems().setAll(ConnectBy.SERVICE_NAME, ConnectBy.SID, ConnectBy.TNS_ALIAS);
        connectBy.setConverter(Converters.display(c -> messages.get("connectBy." + c.name())));
        connectBy.valueProperty().bindBidirectional(model.connectByProperty());
        connectBy.setMaxWidth(Double.MAX_VALUE);
        Node[] connectRow = addRow("form.connectBy", connectBy, "connectBy");
        showWhen(connectRow, () -> model.kindProperty().get() != null && model.kindProperty().get().packKind() == TargetKind.ORACLE
                && model.networked());

        TextField host = text("formHost", model.hostProperty());
        Node[] hostRow = addRow("form.host", host, "host");
        TextField port = text("formPort", model.portProperty());
        port.setMaxWidth(110);
        Node[] portRow = addRow("form.port", port, "port");
        showWhen(hostRow, () -> model.networked() && model.connectByProperty().get() != ConnectBy.TNS_ALIAS);
        showWhen(portRow, () -> model.networked() && model.connectByProperty().get() != ConnectBy.TNS_ALIAS);

        TextField database = text("formDatabase", model.databaseProperty());
        Node[] dbRow = addRow("form.database", database, "database");
        Label dbLabel = (Label) dbRow[0];
        Runnable relabel = () -> dbLabel.setText(messages.get(switch (model.connectByProperty().get()) {
            case SID -> "form.sid";
            case TNS_ALIAS -> "form.alias";
            case SERVICE_NAME -> "form.service";
            default -> "form.database";
        }));
        model.connectByProperty().addListener((o, a, b) -> relabel.run());
        relabel.run();
        showWhen(dbRow, model::networked);

        TextField tnsAdmin = text("formTnsAdmin", model.tnsAdminProperty());
        Button browse = new Button(messages.get("form.browse"));
        browse.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(messages.get("form.tnsAdmin"));
            File dir = chooser.showDialog(getDialogPane().getScene().getWindow());
            if (dir != null) {
                model.tnsAdminProperty().set(dir.getAbsolutePath());
            }
        });
        HBox tnsBox = new HBox(6, tnsAdmin, browse);
        HBox.setHgrow(tnsAdmin, Priority.ALWAYS);
        Node[] tnsRow = addRow("form.tnsAdmin", tnsBox, "tnsAdmin");
        showWhen(tnsRow, () -> model.networked() && model.connectByProperty().get() == ConnectBy.TNS_ALIAS);

        TextField user = text("formUser", model.userProperty());
        Node[] userRow = addRow("form.user", user, "user");
        PasswordField password = new PasswordField();
        password.setId("formPassword");
        password.textProperty().bindBidirectional(model.passwordProperty());
        password.setPromptText(messages.get(model.isNew() ? "form.password.prompt" : "form.password.keep"));
        Node[] pwRow = addRow("form.password", password, null);
        showWhen(userRow, model::networked);
        showWhen(pwRow, model::networked);

        TextField tags = text("formTags", model.tagsProperty());
        tags.setPromptText(messages.get("form.tags.prompt"));
        addRow("form.tags", tags, "tags");

        CheckBox diagnostics = new CheckBox(messages.get("licence.DIAGNOSTICS"));
        diagnostics.setId("formDiagnosticsPack");
        diagnostics.selectedProperty().bindBidirectional(model.diagnosticsPackProperty());
        CheckBox tuning = new CheckBox(messages.get("licence.TUNING"));
        tuning.setId("formTuningPack");
        tuning.selectedProperty().bindBidirectional(model.tuningPackProperty());
        Label licenceHint = new Label(messages.get("form.licensed.hint"));
        licenceHint.getStyleClass().add("form-hint");
        licenceHint.setWrapText(true);
        Node[] licenceRow = addRow("form.licensed", new javafx.scene.layout.VBox(4, diagnostics, tuning, licenceHint), null);
        showWhen(licenceRow, () -> model.kindProperty().get() != null && model.kindProperty().get().packKind() == TargetKind.ORACLE);

        ComboBox<TlsMode> tls = new ComboBox<>();
        tls.setId("formTls");
        tls.setMaxWidth(Double.MAX_VALUE);
        tls.setConverter(Converters.display(m -> TargetFormViewModel.tlsLabel(model.kindProperty().get(), m, messages)));
        Runnable tlsChoices = () -> {
            TlsMode chosen = model.tlsModeProperty().get();
            tls.getItems().setAll(TargetFormViewModel.tlsModes(model.kindProperty().get()));
            tls.setValue(chosen);
        };
        tlsChoices.run();
        model.kindProperty().addListener((o, a, b) -> tlsChoices.run());
        tls.valueProperty().addListener((o, a, b) -> {
            if (b != null) {
                model.tlsModeProperty().set(b);
            }
        });
        model.tlsModeProperty().addListener((o, a, b) -> tls.setValue(b));
        Node[] tlsRow = addRow("form.tls", tls, "tls");
        showWhen(tlsRow, model::networked);

        TextField caFile = text("formTlsCaFile", model.tlsCaFileProperty());
        Runnable caPrompt = () -> caFile.setPromptText(messages.get(model.kindProperty().get() == TargetKind.ORACLE
                ? "form.tlsCaFile.prompt.oracle" : "form.tlsCaFile.prompt"));
        caPrompt.run();
        model.kindProperty().addListener((o, a, b) -> caPrompt.run());
        Button chooseCa = new Button(messages.get("form.browse"));
        chooseCa.setId("formTlsCaFileBrowse");
        chooseCa.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(messages.get("form.tlsCaFile"));
            chooser.getExtensionFilters().addAll(
                    new FileChooser.ExtensionFilter(messages.get("form.tlsCaFile.filter"), "*.pem", "*.crt", "*.cer", "*.der"),
                    new FileChooser.ExtensionFilter(messages.get("form.tlsCaFile.all"), "*"));
            File file = chooser.showOpenDialog(getDialogPane().getScene().getWindow());
            if (file != null) {
                model.tlsCaFileProperty().set(file.getAbsolutePath());
            }
        });
        Button chooseWallet = new Button(messages.get("form.tlsWallet"));
        chooseWallet.setId("formTlsWalletBrowse");
        chooseWallet.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle(messages.get("form.tlsWallet"));
            File dir = chooser.showDialog(getDialogPane().getScene().getWindow());
            if (dir != null) {
                model.tlsCaFileProperty().set(dir.getAbsolutePath());
            }
        });
        HBox caBox = new HBox(6, caFile, chooseCa, chooseWallet);
        HBox.setHgrow(caFile, Priority.ALWAYS);
        Node[] caRow = addRow("form.tlsCaFile", caBox, "tlsCaFile");
        javafx.beans.binding.BooleanBinding caShown = Bindings.createBooleanBinding(
                () -> model.networked() && model.tlsModeProperty().get() != null && model.tlsModeProperty().get().on(),
                model.kindProperty(), model.tlsModeProperty());
        for (Node n : new Node[] {caRow[0], caRow[1]}) {
            n.visibleProperty().bind(caShown);
            n.managedProperty().bind(caShown);
        }
        javafx.beans.binding.BooleanBinding walletShown = Bindings.createBooleanBinding(
                () -> model.kindProperty().get() == TargetKind.ORACLE, model.kindProperty());
        chooseWallet.visibleProperty().bind(walletShown);
        chooseWallet.managedProperty().bind(walletShown);

        CheckBox enabled = new CheckBox(messages.get("form.enabled"));
        enabled.setId("formEnabled");
        enabled.selectedProperty().bindBidirectional(model.enabledProperty());
        grid.add(enabled, 1, row++);

        Label formError = new Label();
        formError.setId("formError");
        formError.getStyleClass().add("form-error");
        formError.setWrapText(true);
        formError.textProperty().bind(model.formErrorProperty());
        formError.managedProperty().bind(formError.textProperty().isNotEmpty());
        formError.visibleProperty().bind(formError.managedProperty());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.savingProperty());
        Button test = new Button(messages.get("target.test"), new org.kordamp.ikonli.javafx.FontIcon("fas-plug"));
        test.setId("formTest");
        test.disableProperty().bind(model.validProperty().not().or(model.testingProperty()));
        test.setOnAction(e -> model.testConnection());
        ProgressIndicator testing = new ProgressIndicator();
        testing.setPrefSize(18, 18);
        testing.visibleProperty().bind(model.testingProperty());
        testing.managedProperty().bind(model.testingProperty());
        Label testResult = new Label();
        testResult.setId("formTestResult");
        testResult.setWrapText(true);
        testResult.setMaxWidth(460);
        testResult.textProperty().bind(model.testResultProperty());
        model.testPassedProperty().addListener((o, was, ok) -> testResult.getStyleClass().setAll("label", ok ? "test-ok" : "form-error"));
        model.testingProperty().addListener((o, was, now) -> {
            if (now) {
                testResult.getStyleClass().setAll("label");
            }
        });
        HBox testRow = new HBox(8, test, testing, testResult);
        testRow.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox content = new VBox(10, grid, testRow, new HBox(8, progress, formError));
        content.setPadding(new Insets(4, 8, 0, 8));
        getDialogPane().setContent(content);
        getDialogPane().getStyleClass().add("target-form");

        FormDialogs.saveAndCancel(this, messages, "formSave", model.validProperty(), model.savingProperty(), model::save, name);
    }

    private TextField text(String id, javafx.beans.property.StringProperty property) {
        TextField f = new TextField();
        f.setId(id);
        f.textProperty().bindBidirectional(property);
        return f;
    }

    /** Adds label, field and (when {@code field} names one) the field's problem under it; returns the row's nodes. */
    private Node[] addRow(String labelKey, Node input, String field) {
        Label label = new Label(messages.get(labelKey));
        label.setLabelFor(input);
        grid.add(label, 0, row);
        grid.add(input, 1, row++);
        if (field == null) {
            return new Node[] {label, input};
        }
        ReadOnlyStringProperty problem = model.problemProperty(field);
        Label problemLabel = new Label();
        problemLabel.setId("problem-" + field);
        problemLabel.getStyleClass().add("field-problem");
        problemLabel.setWrapText(true);
        problemLabel.textProperty().bind(problem);
        // A field the user has not touched yet shows no complaint; a changed one shows it at once.
        javafx.beans.property.BooleanProperty touched = new javafx.beans.property.SimpleBooleanProperty(!model.isNew());
        if (input instanceof javafx.scene.control.TextInputControl t) {
            t.textProperty().addListener((o, a, b) -> touched.set(true));
        } else {
            touched.set(true);
        }
        problemLabel.managedProperty().bind(problem.isNotEmpty().and(touched).and(input.visibleProperty()));
        problemLabel.visibleProperty().bind(problemLabel.managedProperty());
        input.pseudoClassStateChanged(INVALID, false);
        problem.addListener((o, a, b) -> input.pseudoClassStateChanged(INVALID, !b.isEmpty() && touched.get()));
        touched.addListener((o, a, b) -> input.pseudoClassStateChanged(INVALID, b && !problem.get().isEmpty()));
        grid.add(problemLabel, 1, row++);
        return new Node[] {label, input, problemLabel};
    }

    private static final javafx.css.PseudoClass INVALID = javafx.css.PseudoClass.getPseudoClass("invalid");

    private void showWhen(Node[] nodes, java.util.function.BooleanSupplier condition) {
        javafx.beans.binding.BooleanBinding shown = Bindings.createBooleanBinding(condition::getAsBoolean,
                model.kindProperty(), model.connectByProperty());
        for (Node n : nodes) {
            if (n.visibleProperty().isBound()) {
                // a problem label: visible only when shown and when it has something to say
                continue;
            }
            n.visibleProperty().bind(shown);
            n.managedProperty().bind(shown);
        }
    }
}
