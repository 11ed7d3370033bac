package io.vigil.ui.channels;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextArea;
import javafx.scene.control.TextField;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.config.ChannelDef;
import io.vigil.config.ChannelType;
import io.vigil.config.Severity;
import io.vigil.i18n.Messages;
import io.vigil.ui.definitions.FormGrid;
import io.vigil.ui.util.Converters;
import io.vigil.ui.util.FormDialogs;

/** The add/edit notification channel form: the fields its type uses, the secret masked, and "Send test" before saving. */
public final class ChannelFormDialog extends Dialog<ChannelDef> {

    public ChannelFormDialog(ChannelFormViewModel model, Messages messages, String title, Window owner) {
        initOwner(owner);
        setTitle(title);
        setHeaderText(messages.get("channelForm.header"));
        setResizable(true);

        FormGrid form = new FormGrid(messages, model::problemProperty, model.isNew(), 320);
        TextField name = form.text("channelName", model.nameProperty());
        name.setPromptText(messages.get("channelForm.name.prompt"));
        form.addRow("definitions.field.name", name, "name");
        ComboBox<ChannelType> type = new ComboBox<>();
        type.setId("channelType");
        type.getItems().setAll(ChannelType.values());
        type.setConverter(Converters.display(t -> messages.get("channels.type." + t.name())));
        type.valueProperty().bindBidirectional(model.typeProperty());
        type.setMaxWidth(Double.MAX_VALUE);
        form.addRow("channelForm.type", type, "type");

        TextField endpoint = form.text("channelEndpoint", model.endpointProperty());
        Node[] endpointRow = form.addRow("channelForm.url", endpoint, "endpoint");
        ((Label) endpointRow[0]).textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                model.typeProperty().get() == ChannelType.EMAIL ? "channelForm.smtp" : "channelForm.url"), model.typeProperty()));
        endpoint.promptTextProperty().bind(Bindings.createStringBinding(() -> model.typeProperty().get() == ChannelType.EMAIL
                ? "smtp.example.com:587" : "https://", model.typeProperty()));
        shownFor(model, endpointRow, "endpoint");
        TextField user = form.text("channelUser", model.userProperty());
        user.setPromptText(messages.get("channelForm.user.prompt"));
        shownFor(model, form.addRow("channelForm.user", user, "user"), "user");
        PasswordField secret = new PasswordField();
        secret.setId("channelSecret");
        secret.textProperty().bindBidirectional(model.secretProperty());
        secret.setPromptText(messages.get(model.hasStoredSecret() ? "channelForm.secret.unchanged" : "channelForm.secret.optional"));
        Node[] secretRow = form.addRow("channelForm.password", secret, "secret");
        ((Label) secretRow[0]).textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                model.typeProperty().get() == ChannelType.DINGTALK ? "channelForm.signing" : "channelForm.password"), model.typeProperty()));
        shownFor(model, secretRow, "secret");
        TextField sender = form.text("channelSender", model.senderProperty());
        sender.setPromptText("vigil@example.com");
        shownFor(model, form.addRow("channelForm.sender", sender, "sender"), "sender");
        TextArea recipients = new TextArea();
        recipients.setId("channelRecipients");
        recipients.setPrefRowCount(2);
        recipients.setWrapText(true);
        recipients.setPromptText(messages.get("channelForm.recipients.prompt"));
        recipients.textProperty().bindBidirectional(model.recipientsProperty());
        shownFor(model, form.addRow("channelForm.recipients", recipients, "recipients"), "recipients");

        ComboBox<Severity> severity = new ComboBox<>();
        severity.setId("channelMinSeverity");
        severity.getItems().setAll(Severity.values());
        severity.setConverter(Converters.display(s -> messages.get("channels.severity." + s.name())));
        severity.valueProperty().bindBidirectional(model.minSeverityProperty());
        form.addRow("channelForm.minSeverity", severity, "minSeverity");
        TextField repeat = form.text("channelRepeat", model.repeatProperty());
        repeat.setPrefColumnCount(6);
        Label unit = new Label(messages.get("channelForm.repeat.unit"));
        unit.getStyleClass().add("field-unit");
        HBox repeatBox = new HBox(6, repeat, unit);
        repeatBox.setAlignment(Pos.CENTER_LEFT);
        form.addRow("channelForm.repeat", repeatBox, "repeatMinutes", repeat.textProperty());
        CheckBox resolved = new CheckBox(messages.get("channelForm.sendResolved"));
        resolved.setId("channelSendResolved");
        resolved.selectedProperty().bindBidirectional(model.sendResolvedProperty());
        form.addWide(resolved);
        CheckBox enabled = new CheckBox(messages.get("channelForm.enabled"));
        enabled.setId("channelEnabled");
        enabled.selectedProperty().bindBidirectional(model.enabledProperty());
        form.addWide(enabled);

        javafx.scene.control.ScrollPane fields = form.scrolling();
        VBox.setVgrow(fields, javafx.scene.layout.Priority.ALWAYS);
        VBox content = new VBox(10, fields, testBar(model, messages), footer(model));
        content.setPadding(new Insets(4, 8, 0, 8));
        getDialogPane().setContent(content);
        getDialogPane().getStyleClass().add("definition-form");
        getDialogPane().setPrefSize(640, 660); // every field of a mail channel without scrolling
        FormDialogs.saveAndCancel(this, messages, "channelSave", model.validProperty(), model.savingProperty(), model::save, name);
    }

    private static HBox testBar(ChannelFormViewModel model, Messages messages) {
        Button test = new Button(messages.get("channels.test"), new FontIcon("fas-paper-plane"));
        test.setId("channelFormTest");
        test.disableProperty().bind(model.validProperty().not().or(model.testingProperty()));
        test.setOnAction(e -> model.test());
        test.setMinWidth(Button.USE_PREF_SIZE);
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(model.testingProperty());
        progress.managedProperty().bind(model.testingProperty());
        Label result = new Label();
        result.setId("channelFormTestResult");
        result.setWrapText(true);
        result.textProperty().bind(model.testResultProperty());
        model.testOkProperty().addListener((o, a, ok) -> result.getStyleClass().setAll("label", ok ? "result-ok" : "result-error"));
        model.testResultProperty().addListener((o, a, now) ->
                result.getStyleClass().setAll("label", model.testOkProperty().get() ? "result-ok" : "result-error"));
        HBox bar = new HBox(8, test, progress, result);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private static Label footer(ChannelFormViewModel model) {
        Label error = new Label();
        error.setId("formError");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.textProperty().bind(model.formErrorProperty());
        error.managedProperty().bind(error.textProperty().isNotEmpty());
        error.visibleProperty().bind(error.managedProperty());
        return error;
    }

    private static void shownFor(ChannelFormViewModel model, Node[] row, String field) {
        FormGrid.showWhen(row, model.usesProperty(field));
    }
}
