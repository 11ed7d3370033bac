package io.vigil.ui.tables;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.controlsfx.control.textfield.CustomTextField;
import org.controlsfx.control.textfield.TextFields;
import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.config.MirrorDef;
import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.Converters;

/**
 * The Mirrored tables pane: pick a target and one of its mirrors, see the cached snapshot in a sortable table that
 * filters by column values (right-click a header) and by text over all columns, and export what is shown as CSV.
 */
public final class TablesPane {

    private final BorderPane root = new BorderPane();
    private final StackPane holder = new StackPane();
    private final ToggleGroup quick = new ToggleGroup();
    private final HBox quickBox = new HBox();
    private final Label shownCount = new Label();
    private final TablesViewModel model;
    private final Messages messages;
    private MirrorTable table;
    private Function<String, Optional<Path>> saveDialog = this::askForFile;
    private File lastFolder;

    public TablesPane(TablesViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        root.getStyleClass().addAll("pane", "tables-pane");
        root.setId("tablesPane");

        Label title = new Label(messages.get("tables.title"));
        title.getStyleClass().add("pane-title");
        Label subtitle = new Label(messages.get("tables.subtitle"));
        subtitle.getStyleClass().add("pane-subtitle");
        VBox header = new VBox(2, title, subtitle);
        header.getStyleClass().add("pane-header");
        root.setTop(new VBox(header, toolbar(), infoLine(filterField())));

        holder.getStyleClass().add("tables-holder");
        root.setCenter(holder);
        model.columns().addListener((ListChangeListener<Object>) c -> rebuildTable());
        model.showingProperty().bind(root.sceneProperty().isNotNull()); // the main view detaches panes it does not show
        rebuildTable();
    }

    private HBox toolbar() {
        ComboBox<Target> targetBox = new ComboBox<>(model.targets());
        targetBox.setId("tablesTarget");
        targetBox.setConverter(Converters.display(Target::name));
        targetBox.valueProperty().bindBidirectional(model.targetProperty());
        targetBox.setPrefWidth(170);

        ComboBox<MirrorDef> mirrorBox = new ComboBox<>(model.mirrors());
        mirrorBox.setId("tablesMirror");
        mirrorBox.setConverter(Converters.display(MirrorDef::name));
        mirrorBox.valueProperty().bindBidirectional(model.mirrorProperty());
        mirrorBox.setPrefWidth(190);
        mirrorBox.setVisibleRowCount(16);

        quickBox.getStyleClass().add("segmented");
        model.commonMirrors().addListener((ListChangeListener<MirrorDef>) c -> rebuildQuick());
        model.mirrorProperty().addListener((o, was, now) -> selectQuick(now));
        rebuildQuick();

        Button refresh = new Button(null, new FontIcon("fas-sync-alt"));
        refresh.setId("tablesRefresh");
        refresh.setTooltip(new Tooltip(messages.get("tables.refresh")));
        refresh.setOnAction(e -> model.refresh());
        ToggleButton auto = new ToggleButton(messages.get("tables.auto"));
        auto.setId("tablesAuto");
        auto.setTooltip(new Tooltip(messages.get("tables.auto.tooltip")));
        auto.selectedProperty().bindBidirectional(model.autoRefreshProperty());
        Button export = new Button(messages.get("tables.export"), new FontIcon("fas-file-csv"));
        export.setId("tablesExport");
        export.disableProperty().bind(Bindings.isEmpty(model.columns()));
        export.setOnAction(e -> export());

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        Label targetLabel = new Label(messages.get("tables.target"));
        Label mirrorLabel = new Label(messages.get("tables.mirror"));
        HBox bar = new HBox(8, targetLabel, targetBox, mirrorLabel, mirrorBox, quickBox, grow, refresh, auto, export);
        for (javafx.scene.Node n : bar.getChildren()) {
            if (n instanceof Region r && n != grow) {
                r.setMinWidth(Region.USE_PREF_SIZE); // squeeze the space between, never the words
            }
        }
        HBox.setMargin(mirrorLabel, new javafx.geometry.Insets(0, 0, 0, 8));
        HBox.setMargin(quickBox, new javafx.geometry.Insets(0, 0, 0, 8));
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.getStyleClass().add("tables-toolbar");
        return bar;
    }

    private CustomTextField filterField() {
        CustomTextField filter = (CustomTextField) TextFields.createClearableTextField();
        filter.setId("tablesFilter");
        filter.setLeft(new FontIcon("fas-search"));
        filter.setPromptText(messages.get("tables.filter.prompt"));
        filter.textProperty().bindBidirectional(model.quickFilterProperty());
        filter.setPrefWidth(260);
        return filter;
    }

    private HBox infoLine(CustomTextField filter) {
        Label summary = new Label();
        summary.setId("tablesSummary");
        summary.textProperty().bind(model.summaryProperty());
        shownCount.setId("tablesShown");
        shownCount.getStyleClass().add("tables-shown");
        ProgressIndicator busy = new ProgressIndicator();
        busy.getStyleClass().add("tables-busy");
        busy.visibleProperty().bind(model.loadingProperty());
        busy.setPrefSize(16, 16);
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox line = new HBox(10, summary, shownCount, busy, grow, filter);
        line.setAlignment(Pos.CENTER_LEFT);
        line.getStyleClass().add("tables-info");
        return line;
    }

    private void rebuildQuick() {
        quickBox.getChildren().clear();
        quick.getToggles().clear();
        for (MirrorDef m : model.commonMirrors()) {
            ToggleButton b = new ToggleButton(model.label(m));
            b.setId("quick-" + m.name());
            b.setUserData(m);
            b.setToggleGroup(quick);
            b.setOnAction(e -> {
                model.mirrorProperty().set(m);
                selectQuick(m); // a second click leaves it pressed
            });
            b.setMinWidth(Region.USE_PREF_SIZE);
            quickBox.getChildren().add(b);
        }
        selectQuick(model.mirrorProperty().get());
    }

    private void selectQuick(MirrorDef m) {
        quick.getToggles().forEach(t -> t.setSelected(m != null && ((MirrorDef) t.getUserData()).name().equals(m.name())));
    }

    // The column filters belong to their columns: another mirror gets a new table and new filters.
    private void rebuildTable() {
        table = new MirrorTable(model, messages);
        shownCount.textProperty().bind(Bindings.createStringBinding(() -> table.view().getItems().size() == model.rows().size() ? ""
                : messages.get("tables.shown", table.view().getItems().size(), model.rows().size()), table.view().getItems(), model.rows()));
        holder.getChildren().setAll(table.view());
    }

    private void export() {
        List<MirrorRow> visible = List.copyOf(table.view().getItems());
        saveDialog.apply(model.suggestedFileName()).ifPresent(file -> model.exportCsv(visible, file));
    }

    private Optional<Path> askForFile(String suggested) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("tables.export.title"));
        chooser.setInitialFileName(suggested);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(messages.get("tables.export.filter"), "*.csv"));
        if (lastFolder != null && lastFolder.isDirectory()) {
            chooser.setInitialDirectory(lastFolder);
        }
        File file = chooser.showSaveDialog(root.getScene() == null ? null : root.getScene().getWindow());
        if (file == null) {
            return Optional.empty();
        }
        lastFolder = file.getParentFile();
        return Optional.of(file.toPath());
    }

    /** Replaces the save dialog (tests cannot click through a native one). */
    public void setSaveDialog(Function<String, Optional<Path>> dialog) {
        this.saveDialog = dialog;
    }

    /** The table on screen now (it is replaced when the columns change). */
    public TableView<MirrorRow> table() {
        return table.view();
    }

    /** The column filters of the table on screen (for tests). */
    org.controlsfx.control.table.TableFilter<MirrorRow> columnFilter() {
        return table.filter();
    }

    public Region root() {
        return root;
    }
}
