package io.vigil.ui.definitions;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.config.AlertRule;
import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.Converters;
import io.vigil.ui.util.EmptyState;

/**
 * The Mirrors & metrics pane: what Vigil reads from each kind of database, the figures it picks from that and the rules
 * that raise alerts on them, each in
 * a sortable table filtered by kind and text, with add, edit, duplicate, delete and a tick to switch one off.
 */
public final class DefinitionsPane {

    private final BorderPane root = new BorderPane();
    private final DefinitionsViewModel model;
    private final Messages messages;
    private final TableView<MirrorDef> mirrors;
    private final TableView<MetricDef> metrics;
    private final TableView<AlertRule> rules;
    private final ToggleButton showMirrors;
    private final ToggleButton showMetrics;
    private final ToggleButton showRules;

    public DefinitionsPane(DefinitionsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        root.getStyleClass().add("pane");
        root.setId("definitionsPane");
        DefinitionTables tables = new DefinitionTables(messages);
        mirrors = tables.mirrors(model.visibleMirrors(), model::setEnabled, this::editMirror);
        metrics = tables.metrics(model.visibleMetrics(), model::setEnabled, this::editMetric);
        mirrors.setPlaceholder(placeholder("fas-copy", "mirrors.empty", model.mirrors()));
        rules = tables.rules(model.visibleRules(), model::setEnabled, this::editRule);
        metrics.setPlaceholder(placeholder("fas-chart-line", "metrics.empty", model.metrics()));
        rules.setPlaceholder(placeholder("fas-bell", "rules.empty", model.rules()));

        ToggleGroup which = new ToggleGroup();
        showMirrors = toggle("showMirrors", which, model.mirrors(), "definitions.mirrors");
        showMetrics = toggle("showMetrics", which, model.metrics(), "definitions.metrics");
        showRules = toggle("showRules", which, model.rules(), "definitions.rules");
        which.selectToggle(showMirrors);
        which.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                which.selectToggle(was); // one table is always shown
            }
        });
        mirrors.visibleProperty().bind(showMirrors.selectedProperty());
        metrics.visibleProperty().bind(showMetrics.selectedProperty());
        rules.visibleProperty().bind(showRules.selectedProperty());

        root.setTop(new VBox(header(), filters()));
        root.setCenter(new StackPane(mirrors, metrics, rules));
    }

    // An empty table says why: nothing defined yet, or nothing the filters let through.
    private StackPane placeholder(String icon, String key, List<?> all) {
        VBox none = EmptyState.of(icon, messages.get(key + ".title"), messages.get(model.hasStore() ? key + ".hint" : "definitions.noStore"));
        VBox noMatch = EmptyState.of("fas-filter", messages.get("definitions.noMatch.title"), messages.get("definitions.noMatch.hint"));
        BooleanBinding nothing = Bindings.isEmpty((javafx.collections.ObservableList<?>) all);
        none.visibleProperty().bind(nothing);
        noMatch.visibleProperty().bind(nothing.not());
        return new StackPane(none, noMatch);
    }

    private ToggleButton toggle(String id, ToggleGroup group, List<?> rows, String key) {
        ToggleButton b = new ToggleButton();
        b.setId(id);
        b.setToggleGroup(group);
        b.textProperty().bind(Bindings.createStringBinding(() -> messages.get(key, rows.size()), (javafx.beans.Observable) rows));
        return b;
    }

    private HBox header() {
        Label title = new Label(messages.get("definitions.title"));
        title.getStyleClass().add("pane-title");
        Label subtitle = new Label(messages.get("definitions.subtitle"));
        subtitle.getStyleClass().add("pane-subtitle");
        BooleanBinding none = Bindings.createBooleanBinding(() -> selectedMirror() == null && selectedMetric() == null && selectedRule() == null,
                mirrors.getSelectionModel().selectedItemProperty(), metrics.getSelectionModel().selectedItemProperty(),
                rules.getSelectionModel().selectedItemProperty(), showMirrors.selectedProperty(), showMetrics.selectedProperty());
        Button add = button("addDefinition", "fas-plus", "");
        add.textProperty().bind(Bindings.createStringBinding(() -> messages.get(showMirrors.isSelected() ? "definitions.addMirror"
                : showMetrics.isSelected() ? "definitions.addMetric" : "definitions.addRule"), showMirrors.selectedProperty(),
                showMetrics.selectedProperty()));
        add.getStyleClass().add("accent");
        add.setOnAction(e -> {
            if (showMirrors.isSelected()) {
                openMirror(model.newMirrorForm(), messages.get("mirrorForm.title.add"));
            } else if (showMetrics.isSelected()) {
                openMetric(model.newMetricForm(), messages.get("metricForm.title.add"));
            } else {
                openRule(model.newRuleForm(), messages.get("ruleForm.title.add"));
            }
        });
        // a form opened while the lists reload would offer yesterday's targets and mirrors
        add.disableProperty().bind(model.loadingProperty().or(Bindings.createBooleanBinding(() -> !model.hasStore())));
        Button edit = button("editDefinition", "fas-pen", messages.get("definitions.edit"));
        edit.setOnAction(e -> editSelected());
        Button duplicate = button("duplicateDefinition", "fas-clone", messages.get("definitions.duplicate"));
        duplicate.setOnAction(e -> duplicateSelected());
        Button delete = button("deleteDefinition", "fas-trash-alt", messages.get("definitions.delete"));
        delete.setOnAction(e -> confirmDelete());
        List.of(edit, duplicate, delete).forEach(b -> b.disableProperty().bind(none.or(model.loadingProperty())));
        List.of(add, edit, duplicate, delete).forEach(b -> b.setMinWidth(Region.USE_PREF_SIZE));
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, new VBox(2, title, subtitle), grow, add, edit, duplicate, delete);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");
        return header;
    }

    private HBox filters() {
        HBox which = new HBox(showMirrors, showMetrics, showRules);
        which.getStyleClass().add("segmented");
        ComboBox<String> kind = new ComboBox<>();
        kind.setId("kindFilter");
        kind.getItems().add("");
        DefinitionsViewModel.KINDS.forEach(k -> kind.getItems().add(k.name()));
        kind.setConverter(Converters.display(k -> k.isEmpty() ? messages.get("definitions.allKinds") : messages.get("kind." + k)));
        kind.setValue(model.kindFilterProperty().get() == null ? "" : model.kindFilterProperty().get().name());
        kind.valueProperty().addListener((o, was, now) ->
                model.kindFilterProperty().set(now == null || now.isEmpty() ? null : TargetKind.valueOf(now)));
        TextField search = new TextField();
        search.setId("definitionsSearch");
        search.setPromptText(messages.get("definitions.search"));
        search.textProperty().bindBidirectional(model.textFilterProperty());
        search.setPrefColumnCount(24);
        Label shown = new Label();
        shown.setId("definitionsShown");
        shown.getStyleClass().add("pane-subtitle");
        shown.textProperty().bind(Bindings.createStringBinding(() -> showMirrors.isSelected()
                        ? messages.get("definitions.shown", model.visibleMirrors().size(), model.mirrors().size())
                        : showMetrics.isSelected() ? messages.get("definitions.shown", model.visibleMetrics().size(), model.metrics().size())
                        : messages.get("definitions.shown", model.visibleRules().size(), model.rules().size()),
                model.visibleMirrors(), model.visibleMetrics(), model.visibleRules(), showMirrors.selectedProperty(),
                showMetrics.selectedProperty()));
        HBox bar = new HBox(10, which, kind, search, shown);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("definitions-filters");
        return bar;
    }

    private Button button(String id, String icon, String text) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        return b;
    }

    private MirrorDef selectedMirror() {
        return showMirrors.isSelected() ? mirrors.getSelectionModel().getSelectedItem() : null;
    }

    private MetricDef selectedMetric() {
        return showMetrics.isSelected() ? metrics.getSelectionModel().getSelectedItem() : null;
    }

    private AlertRule selectedRule() {
        return showRules.isSelected() ? rules.getSelectionModel().getSelectedItem() : null;
    }

    private void editSelected() {
        if (selectedMirror() != null) {
            editMirror(selectedMirror());
        } else if (selectedMetric() != null) {
            editMetric(selectedMetric());
        } else if (selectedRule() != null) {
            editRule(selectedRule());
        }
    }

    private void duplicateSelected() {
        if (selectedMirror() != null) {
            openMirror(model.duplicateMirrorForm(selectedMirror()), messages.get("mirrorForm.title.duplicate"));
        } else if (selectedMetric() != null) {
            openMetric(model.duplicateMetricForm(selectedMetric()), messages.get("metricForm.title.duplicate"));
        } else if (selectedRule() != null) {
            openRule(model.duplicateRuleForm(selectedRule()), messages.get("ruleForm.title.duplicate"));
        }
    }

    private void editMirror(MirrorDef mirror) {
        openMirror(model.editMirrorForm(mirror), messages.get("mirrorForm.title.edit"));
    }

    private void editMetric(MetricDef metric) {
        openMetric(model.editMetricForm(metric), messages.get("metricForm.title.edit"));
    }

    private void editRule(AlertRule rule) {
        openRule(model.editRuleForm(rule), messages.get("ruleForm.title.edit"));
    }

    private void openRule(RuleFormViewModel form, String title) {
        if (model.hasStore()) {
            new RuleFormDialog(form, messages, title, window()).showAndWait().ifPresent(model::ruleSaved);
        }
    }

    private void openMirror(MirrorFormViewModel form, String title) {
        if (model.hasStore()) {
            new MirrorFormDialog(form, messages, title, window()).showAndWait().ifPresent(model::mirrorSaved);
        }
    }

    private void openMetric(MetricFormViewModel form, String title) {
        if (model.hasStore()) {
            new MetricFormDialog(form, messages, title, window()).showAndWait().ifPresent(model::metricSaved);
        }
    }

    private void confirmDelete() {
        MirrorDef mirror = selectedMirror();
        MetricDef metric = selectedMetric();
        AlertRule rule = selectedRule();
        String header;
        String text;
        if (mirror != null) {
            List<String> readers = model.metricsReading(mirror);
            header = messages.get("mirrors.delete.title", mirror.name());
            text = readers.isEmpty() ? messages.get("mirrors.delete.confirm")
                    : messages.get("mirrors.delete.readers", readers.size(), String.join(", ", readers));
        } else if (metric != null) {
            header = messages.get("metrics.delete.title", metric.name());
            text = messages.get("metrics.delete.confirm");
        } else if (rule != null) {
            header = messages.get("rules.delete.title", rule.name());
            text = messages.get("rules.delete.confirm");
        } else {
            return;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, text, ButtonType.CANCEL, ButtonType.OK);
        ask.initOwner(window());
        ask.setHeaderText(header);
        ask.setTitle(messages.get("app.title"));
        ask.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> {
            if (mirror != null) {
                model.deleteMirror(mirror);
            } else if (metric != null) {
                model.deleteMetric(metric);
            } else {
                model.deleteRule(rule);
            }
        });
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    public Region root() {
        return root;
    }
}
