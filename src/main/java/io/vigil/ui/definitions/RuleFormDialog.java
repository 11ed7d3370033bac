package io.vigil.ui.definitions;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
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
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import io.vigil.config.AlertRule;
import io.vigil.config.Direction;
import io.vigil.config.RuleType;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.Converters;
import io.vigil.ui.util.FormDialogs;
import io.vigil.ui.util.FxDebouncer;

/**
 * The add/edit alert rule form: the fields the rule's type uses on the left; on the right what the type does, and for
 * a threshold rule how often it would have fired in the last hour, updated as the levels are typed.
 */
public final class RuleFormDialog extends Dialog<AlertRule> {

    public RuleFormDialog(RuleFormViewModel model, Messages messages, String title, Window owner) {
        initOwner(owner);
        setTitle(title);
        setHeaderText(messages.get("ruleForm.header"));
        setResizable(true);

        FormGrid form = new FormGrid(messages, model::problemProperty, model.isNew(), 300);
        TextField name = form.text("ruleName", model.nameProperty());
        name.setPromptText("oracle.tablespace.full");
        form.addRow("definitions.field.name", name, "name");
        ComboBox<TargetKind> kind = choice("ruleKind", DefinitionsViewModel.KINDS, k -> messages.get("kind." + k.name()));
        kind.valueProperty().bindBidirectional(model.kindProperty());
        form.addRow("definitions.field.kind", kind, "kind");
        ComboBox<RuleType> type = choice("ruleType", java.util.List.of(RuleType.values()), t -> messages.get("rules.type." + t.name()));
        type.valueProperty().bindBidirectional(model.typeProperty());
        form.addRow("ruleForm.type", type, "type");
        Node[] subject = form.addRow("ruleForm.subject.metric", subject(model, messages), "subject", model.subjectProperty());
        ((Label) subject[0]).textProperty().bind(Bindings.createStringBinding(() -> messages.get(switch (model.typeProperty().get()) {
            case MIRROR_STALE -> "ruleForm.subject.mirror";
            case EVENT -> "ruleForm.subject.event";
            case FORECAST -> "ruleForm.subject.space";
            default -> "ruleForm.subject.metric";
        }), model.typeProperty()));
        shownFor(model, subject, "subject");

        TextArea labels = new TextArea();
        labels.setId("ruleLabels");
        labels.setPrefRowCount(2);
        labels.setPromptText("tablespace_name=USERS");
        labels.textProperty().bindBidirectional(model.labelsProperty());
        shownFor(model, form.addRow("ruleForm.labels", labels, "labels"), "labels");
        ComboBox<Direction> direction = choice("ruleDirection", java.util.List.of(Direction.values()),
                d -> messages.get("rules.direction." + d.name()));
        direction.valueProperty().bindBidirectional(model.directionProperty());
        shownFor(model, form.addRow("ruleForm.direction", direction, "direction"), "direction");
        TextField warn = form.text("ruleWarn", model.warnProperty());
        warn.setPromptText(messages.get("metricForm.threshold.prompt"));
        Node[] warnRow = form.addRow("ruleForm.warn", warn, "warn");
        inDays(model, messages, warnRow, "ruleForm.warn");
        shownFor(model, warnRow, "warn");
        TextField crit = form.text("ruleCrit", model.critProperty());
        crit.setPromptText(messages.get("metricForm.threshold.prompt"));
        Node[] critRow = form.addRow("ruleForm.crit", crit, "crit");
        inDays(model, messages, critRow, "ruleForm.crit");
        shownFor(model, critRow, "crit");
        ComboBox<RuleFormViewModel.Level> level = choice("ruleLevel", java.util.List.of(), l -> messages.get("rules.level." + l.name()));
        level.setItems(model.levels());
        level.valueProperty().bindBidirectional(model.levelProperty());
        shownFor(model, form.addRow("ruleForm.level", level, null), "level");

        TextField hold = form.text("ruleHold", model.holdProperty());
        HBox holdBox = MirrorFormDialog.withUnit(hold, messages.get("definitions.unit.seconds"));
        Label holdWords = new Label();
        holdWords.setId("ruleHoldWords");
        holdWords.getStyleClass().add("field-unit");
        holdWords.textProperty().bind(model.holdInWordsProperty());
        holdBox.getChildren().add(holdWords);
        Node[] holdRow = form.addRow("ruleForm.hold", holdBox, "holdSeconds", hold.textProperty());
        ((Label) holdRow[0]).textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                model.typeProperty().get() == RuleType.EVENT ? "ruleForm.hold.event" : "ruleForm.hold"), model.typeProperty()));
        shownFor(model, holdRow, "holdSeconds");
        TextField recovery = form.text("ruleRecovery", model.recoveryProperty());
        Node[] recoveryRow = form.addRow("ruleForm.recovery", MirrorFormDialog.withUnit(recovery, ""), "recovery", recovery.textProperty());
        inDays(model, messages, recoveryRow, "ruleForm.recovery");
        shownFor(model, recoveryRow, "recovery");
        TextField missed = form.text("ruleMissed", model.missedProperty());
        shownFor(model, form.addRow("ruleForm.missed", MirrorFormDialog.withUnit(missed, messages.get("ruleForm.missed.unit")), "missed",
                missed.textProperty()), "missed");
        TextArea description = new TextArea();
        description.setId("ruleDescription");
        description.setWrapText(true);
        description.setPrefRowCount(3);
        description.textProperty().bindBidirectional(model.descriptionProperty());
        form.addRow("definitions.field.description", description, "description");
        CheckBox enabled = new CheckBox(messages.get("ruleForm.enabled"));
        enabled.setId("ruleEnabled");
        enabled.selectedProperty().bindBidirectional(model.enabledProperty());
        form.addWide(enabled);

        VBox right = new VBox(10, help(model, messages), new RulePreviewView(model.preview(), messages));
        right.setMinWidth(300);
        right.setPrefWidth(340);
        HBox columns = new HBox(22, form.scrolling(), right);
        HBox.setHgrow(right, Priority.ALWAYS);
        VBox content = new VBox(10, columns, DefinitionForms.footer(model.formErrorProperty(), model.savingProperty(), new ProgressIndicator()));
        content.setPadding(new Insets(4, 8, 0, 8));
        VBox.setVgrow(columns, Priority.ALWAYS);
        getDialogPane().setContent(content);
        getDialogPane().getStyleClass().add("definition-form");
        getDialogPane().setPrefSize(940, 700);

        FxDebouncer debouncer = new FxDebouncer(javafx.util.Duration.millis(400));
        model.preview().debounceWith(debouncer);
        setOnHidden(e -> debouncer.cancel());
        FormDialogs.saveAndCancel(this, messages, "ruleSave", model.validProperty(), model.savingProperty(), model::save, name);
    }

    // A metric or mirror is picked from the kind's list; an event category is typed.
    private static StackPane subject(RuleFormViewModel model, Messages messages) {
        ComboBox<String> chosen = new ComboBox<>(model.subjects());
        chosen.setId("ruleSubject");
        chosen.setMaxWidth(Double.MAX_VALUE);
        chosen.setVisibleRowCount(14);
        Runnable words = () -> chosen.setConverter(Converters.display(s -> AlertRule.ALL.equals(s) ? messages.get(
                model.typeProperty().get() == RuleType.MIRROR_STALE ? "rules.subject.allMirrors" : "rules.subject.allMetrics") : s));
        words.run();
        model.typeProperty().addListener(o -> words.run());
        chosen.valueProperty().bindBidirectional(model.subjectProperty());
        chosen.setPromptText(messages.get("ruleForm.subject.choose"));
        TextField typed = new TextField();
        typed.setId("ruleEvent");
        typed.setPromptText("INTERNAL_ERROR");
        typed.textProperty().bindBidirectional(model.subjectProperty());
        chosen.visibleProperty().bind(model.subjectChosenProperty());
        typed.visibleProperty().bind(model.subjectChosenProperty().not());
        StackPane both = new StackPane(chosen, typed);
        both.setAlignment(Pos.CENTER_LEFT);
        return both;
    }

    // A forecast rule's levels are days until full: its labels say so.
    private static void inDays(RuleFormViewModel model, Messages messages, Node[] row, String key) {
        ((Label) row[0]).textProperty().bind(Bindings.createStringBinding(() -> messages.get(
                model.typeProperty().get() == RuleType.FORECAST ? key + ".days" : key), model.typeProperty()));
    }

    private static void shownFor(RuleFormViewModel model, Node[] row, String field) {
        FormGrid.showWhen(row, model.usesProperty(field));
    }

    private static <T> ComboBox<T> choice(String id, java.util.List<T> items, java.util.function.Function<T, String> text) {
        ComboBox<T> box = new ComboBox<>();
        box.setId(id);
        box.getItems().setAll(items);
        box.setConverter(Converters.display(text));
        box.setMaxWidth(Double.MAX_VALUE);
        return box;
    }

    private static VBox help(RuleFormViewModel model, Messages messages) {
        Label heading = new Label();
        heading.getStyleClass().add("form-section");
        heading.textProperty().bind(Bindings.createStringBinding(() -> messages.get("rules.type." + model.typeProperty().get().name()),
                model.typeProperty()));
        Label text = new Label();
        text.setId("ruleHelp");
        text.getStyleClass().add("form-hint");
        text.setWrapText(true);
        text.textProperty().bind(Bindings.createStringBinding(() -> messages.get("rules.help." + model.typeProperty().get().name()),
                model.typeProperty()));
        return new VBox(4, heading, text);
    }
}
