package io.vigil.ui.targets;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Pos;
import javafx.scene.control.Alert;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.config.ConnectBy;
import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.EmptyState;

/** The Targets pane: every configured database in a sortable table, with add, edit and delete. */
public final class TargetsPane {

    private final BorderPane root = new BorderPane();
    private final TableView<Target> table = new TableView<>();
    private final TargetsViewModel model;
    private final Messages messages;
    private OpenDialog openDialog = this::askForTnsFile;

    public TargetsPane(TargetsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        root.getStyleClass().add("pane");
        root.setId("targetsPane");

        Label title = new Label(messages.get("targets.title"));
        title.getStyleClass().add("pane-title");
        Label subtitle = new Label(messages.get("targets.subtitle"));
        subtitle.getStyleClass().add("pane-subtitle");
        Button add = button("addTarget", "fas-plus", messages.get("targets.add"));
        add.getStyleClass().add("accent");
        add.setOnAction(e -> openForm(null));
        Button edit = button("editTarget", "fas-pen", messages.get("targets.edit"));
        edit.setOnAction(e -> openForm(table.getSelectionModel().getSelectedItem()));
        Button importTns = button("importTns", "fas-file-import", messages.get("targets.importTns"));
        importTns.setOnAction(e -> chooseTnsFile());
        importTns.setDisable(!model.hasStore());
        Button delete = button("deleteTarget", "fas-trash-alt", messages.get("targets.delete"));
        delete.setOnAction(e -> confirmDelete(table.getSelectionModel().getSelectedItem()));
        edit.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        Button grants = button("grantsTarget", "fas-key", messages.get("targets.grants"));
        grants.setOnAction(e -> openGrants(table.getSelectionModel().getSelectedItem()));
        grants.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        delete.disableProperty().bind(table.getSelectionModel().selectedItemProperty().isNull());
        add.setDisable(!model.hasStore());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox header = new HBox(8, new VBox(2, title, subtitle), grow, add, importTns, edit, grants, delete);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");
        root.setTop(header);

        buildTable();
        Button addFromEmpty = new Button(messages.get("targets.add"), new FontIcon("fas-plus"));
        addFromEmpty.getStyleClass().add("accent");
        addFromEmpty.setId("addTargetEmpty");
        addFromEmpty.setOnAction(e -> openForm(null));
        addFromEmpty.setDisable(!model.hasStore());
        table.setPlaceholder(EmptyState.of("fas-database", messages.get("targets.empty.title"),
                messages.get(model.hasStore() ? "targets.empty.hint" : "targets.empty.noStore"), addFromEmpty));
        root.setCenter(table);
    }

    private Button button(String id, String icon, String text) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        return b;
    }

    /** The TLS a target asks for, in its driver's own word (sslMode, sslmode, TCPS); a dash when off. */
    private String tls(Target t) {
        io.vigil.config.TlsMode m = t.tls().mode();
        if (!m.on()) {
            return "\u2014";
        }
        return switch (t.kind().packKind()) {
            case MYSQL -> m.mysql();
            case POSTGRES -> m.postgres();
            default -> messages.get(m == io.vigil.config.TlsMode.VERIFY_FULL ? "targets.tls.oracle.full" : "targets.tls.oracle");
        };
    }

    private void buildTable() {
        table.setId("targetsTable");
        table.setItems(new javafx.collections.transformation.SortedList<>(model.targets()));
        ((javafx.collections.transformation.SortedList<Target>) table.getItems()).comparatorProperty().bind(table.comparatorProperty());
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.getColumns().add(column("targets.col.name", Target::name, 160));
        table.getColumns().add(column("targets.col.kind", t -> messages.get("kind." + t.kind().name()), 175));
        table.getColumns().add(column("targets.col.address", this::address, 170));
        table.getColumns().add(column("targets.col.database", this::database, 150));
        table.getColumns().add(column("targets.col.user", Target::user, 90));
        table.getColumns().add(column("targets.col.tls", this::tls, 110));
        table.getColumns().add(column("targets.col.tags", t -> String.join(", ", t.tags()), 120));
        table.getColumns().add(column("targets.col.enabled", t -> messages.get(t.enabled() ? "targets.enabled.yes" : "targets.enabled.no"), 80));
        table.setRowFactory(v -> {
            TableRow<Target> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) {
                    openForm(row.getItem());
                }
            });
            return row;
        });
    }

    private TableColumn<Target, String> column(String key, java.util.function.Function<Target, String> value, double width) {
        TableColumn<Target, String> c = new TableColumn<>(messages.get(key));
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        return c;
    }

    private String address(Target t) {
        if (!t.kind().isNetworked()) {
            return messages.get("targets.address.embedded");
        }
        return t.connectBy() == ConnectBy.TNS_ALIAS ? "tnsnames.ora" : t.host() + ":" + t.port();
    }

    private String database(Target t) {
        if (t.database().isEmpty()) {
            return "";
        }
        return switch (t.connectBy()) {
            case SID -> "SID " + t.database();
            case TNS_ALIAS -> messages.get("targets.alias", t.database());
            default -> t.database();
        };
    }

    /** Opens the form for a new target ({@code target == null}) or for editing one. */
    public void openForm(Target target) {
        if (!model.hasStore()) {
            return;
        }
        TargetFormViewModel form = target == null ? model.newForm() : model.editForm(target);
        new TargetFormDialog(form, messages, window()).showAndWait().ifPresent(model::saved);
    }

    /** Opens the Grants dialog of a target: the script its DBA runs, and the check of its account. */
    public void openGrants(Target target) {
        if (target == null || !model.hasStore()) {
            return;
        }
        new GrantsDialog(model.grants(target), messages, window()).showAndWait();
    }

    /** Where a tnsnames.ora comes from; the console asks with a {@link FileChooser}, tests answer directly. */
    @FunctionalInterface
    public interface OpenDialog {
        Path ask(Window owner);
    }

    /** Replaces the file chooser (tests). */
    public void setOpenDialog(OpenDialog dialog) {
        this.openDialog = dialog;
    }

    private Path askForTnsFile(Window owner) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get("tns.chooser.title"));
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(messages.get("tns.chooser.filter"), "*.ora", "*.ORA"),
                new FileChooser.ExtensionFilter(messages.get("tns.chooser.all"), "*"));
        String tnsAdmin = System.getenv("TNS_ADMIN");
        if (tnsAdmin != null && Files.isDirectory(Path.of(tnsAdmin))) {
            chooser.setInitialDirectory(Path.of(tnsAdmin).toFile());
        }
        File chosen = chooser.showOpenDialog(owner);
        return chosen == null ? null : chosen.toPath();
    }

    private void chooseTnsFile() {
        Path file = openDialog.ask(window());
        if (file != null) {
            openTnsImport(file);
        }
    }

    /** Opens the import dialog for a tnsnames.ora file; the file is read in the background while the dialog shows. */
    public void openTnsImport(Path file) {
        if (!model.hasStore()) {
            return;
        }
        TnsImportViewModel importing = model.tnsImport(file);
        TnsImportDialog dialog = new TnsImportDialog(importing, messages, window(), model::imported);
        importing.load();
        dialog.showAndWait();
    }

    private void confirmDelete(Target target) {
        if (target == null) {
            return;
        }
        Alert ask = new Alert(Alert.AlertType.CONFIRMATION, messages.get("targets.delete.confirm", target.name()),
                ButtonType.CANCEL, ButtonType.OK);
        ask.initOwner(window());
        ask.setHeaderText(messages.get("targets.delete.title"));
        ask.setTitle(messages.get("app.title"));
        ask.showAndWait().filter(b -> b == ButtonType.OK).ifPresent(b -> model.delete(target));
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    public Region root() {
        return root;
    }

    /** True while the table shows no rows, for the empty-state test. */
    public javafx.beans.binding.BooleanBinding emptyProperty() {
        return Bindings.isEmpty(table.getItems());
    }
}
