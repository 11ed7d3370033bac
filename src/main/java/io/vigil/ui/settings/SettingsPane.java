package io.vigil.ui.settings;

import java.util.List;

import javafx.beans.binding.Bindings;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.config.StoreKind;
import io.vigil.config.Theme;
import io.vigil.i18n.Messages;
import io.vigil.schedule.DataStores;
import io.vigil.ui.channels.NotificationsSection;
import io.vigil.ui.util.Converters;

/**
 * The Settings pane: appearance (language, theme), where the configuration lives, where collected data goes, where
 * alerts are sent, and where Vigil keeps its files.
 */
public final class SettingsPane {

    private final ScrollPane root = new ScrollPane();
    private final SettingsViewModel model;
    private final DataStoresViewModel dataStores;
    private final ConfigTransferViewModel transfer;
    private final NotificationsSection notifications;
    private final Messages messages;

    /** {@code dataStores} and {@code transfer} are null when no config store is open (nothing to collect or carry). */
    public SettingsPane(SettingsViewModel model, DataStoresViewModel dataStores, ConfigTransferViewModel transfer, Messages messages) {
        this(model, dataStores, transfer, null, messages);
    }

    /** As above, with the notification channels; {@code notifications} is null when no config store is open. */
    public SettingsPane(SettingsViewModel model, DataStoresViewModel dataStores, ConfigTransferViewModel transfer,
                        NotificationsSection notifications, Messages messages) {
        this.model = model;
        this.notifications = notifications;
        this.dataStores = dataStores;
        this.transfer = transfer;
        this.messages = messages;
        Label title = new Label(messages.get("settings.title"));
        title.getStyleClass().add("pane-title");
        Label subtitle = new Label(messages.get("settings.subtitle"));
        subtitle.getStyleClass().add("pane-subtitle");
        VBox header = new VBox(2, title, subtitle);
        header.getStyleClass().add("pane-header");

        VBox content = new VBox(18, header, appearance(), configStore());
        if (dataStores != null) {
            content.getChildren().add(dataStores());
        }
        if (notifications != null) {
            Node channels = section("settings.notifications", "settings.notifications.hint",
                    new VBox(14, notifications.channels(), notifications.ignores()));
            ((Region) channels).setMaxWidth(1120); // a table of eight columns needs more room than a form
            content.getChildren().add(channels);
        }
        if (transfer != null) {
            content.getChildren().add(transfer());
            content.getChildren().add(storedPasswords());
        }
        content.getChildren().add(files());
        content.getStyleClass().add("settings-content");
        content.setPadding(new Insets(0, 0, 24, 0));
        root.setContent(content);
        root.setFitToWidth(true);
        root.setId("settingsPane");
        root.getStyleClass().addAll("pane", "edge-to-edge");
    }

    public Region root() {
        return root;
    }

    private Node appearance() {
        ComboBox<String> language = new ComboBox<>();
        language.setId("settingsLanguage");
        language.getItems().setAll(SettingsViewModel.LANGUAGES);
        language.setConverter(Converters.display(model::languageLabel));
        language.valueProperty().bindBidirectional(model.languageProperty());

        ToggleGroup themes = new ToggleGroup();
        ToggleButton light = new ToggleButton(messages.get("settings.theme.light"));
        light.setId("themeLight");
        ToggleButton dark = new ToggleButton(messages.get("settings.theme.dark"));
        dark.setId("themeDark");
        light.setToggleGroup(themes);
        dark.setToggleGroup(themes);
        light.setUserData(Theme.LIGHT);
        dark.setUserData(Theme.DARK);
        themes.selectToggle(model.themeProperty().get() == Theme.DARK ? dark : light);
        themes.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                themes.selectToggle(was); // one theme is always chosen
            } else {
                model.themeProperty().set((Theme) now.getUserData());
            }
        });
        HBox themeBox = new HBox(light, dark);
        themeBox.getStyleClass().add("segmented");

        GridPane grid = grid();
        addRow(grid, 0, "settings.language", language);
        addRow(grid, 1, "settings.theme", themeBox);
        return section("settings.appearance", null, grid);
    }

    private Node configStore() {
        ComboBox<StoreKind> kind = new ComboBox<>();
        kind.setId("settingsStoreKind");
        kind.getItems().setAll(StoreKind.values());
        kind.setConverter(Converters.display(k -> messages.get("settings.store.kind." + k.name())));
        kind.valueProperty().bindBidirectional(model.storeKindProperty());

        TextField url = new TextField();
        url.setId("settingsStoreUrl");
        url.setPromptText("jdbc:mysql://db1:3306/vigil");
        url.textProperty().bindBidirectional(model.urlProperty());
        Label urlProblem = new Label();
        urlProblem.getStyleClass().add("field-problem");
        urlProblem.textProperty().bind(model.urlProblemProperty());
        urlProblem.managedProperty().bind(model.urlProblemProperty().isNotEmpty());
        urlProblem.visibleProperty().bind(urlProblem.managedProperty());
        TextField user = new TextField();
        user.setId("settingsStoreUser");
        user.textProperty().bindBidirectional(model.userProperty());
        PasswordField password = new PasswordField();
        password.setId("settingsStorePassword");
        password.setPromptText(messages.get("form.password.keep"));
        password.textProperty().bindBidirectional(model.passwordProperty());

        GridPane server = grid();
        addRow(server, 0, "settings.store.url", new VBox(2, url, urlProblem));
        addRow(server, 1, "settings.store.user", user);
        addRow(server, 2, "settings.store.password", password);
        server.visibleProperty().bind(model.storeKindProperty().isEqualTo(StoreKind.MYSQL));
        server.managedProperty().bind(server.visibleProperty());

        Button test = new Button(messages.get("settings.store.test"));
        test.setId("settingsStoreTest");
        test.setOnAction(e -> model.testStore());
        test.disableProperty().bind(model.storeSavable().not());
        Button save = new Button(messages.get("settings.store.save"));
        save.setId("settingsStoreSave");
        save.getStyleClass().add("accent");
        save.setOnAction(e -> model.saveStore());
        save.disableProperty().bind(model.storeSavable().not());
        Label result = new Label();
        result.setId("settingsStoreResult");
        result.setWrapText(true);
        result.textProperty().bind(model.storeResultProperty());
        result.managedProperty().bind(result.textProperty().isNotEmpty());
        result.visibleProperty().bind(result.managedProperty());
        model.storeResultOkProperty().addListener((o, a, ok) -> result.getStyleClass().setAll("label", ok ? "result-ok" : "result-error"));
        HBox actions = new HBox(8, test, save);
        actions.setAlignment(Pos.CENTER_LEFT);

        Label current = new Label(messages.get("settings.store.current", model.storeLocation()));
        current.setId("settingsStoreCurrent");
        current.getStyleClass().add("pane-subtitle");
        current.setWrapText(true);

        GridPane top = grid();
        addRow(top, 0, "settings.store.kind", kind);
        return section("settings.store", "settings.store.hint", new VBox(10, current, top, server, actions, result));
    }

    private Node dataStores() {
        VBox rows = new VBox(14);
        rows.getChildren().add(collectMode());
        for (DataStores.Role role : DataStores.Role.values()) {
            rows.getChildren().add(dataStoreRow(role, dataStores.row(role)));
        }
        Button save = new Button(messages.get("settings.data.save"));
        save.setId("settingsDataSave");
        save.getStyleClass().add("accent");
        save.disableProperty().bind(dataStores.savable().not());
        save.setOnAction(e -> dataStores.save());
        rows.getChildren().add(save);
        return section("settings.data", "settings.data.hint", rows);
    }

    // Collect here, or watch the team's headless collectors through Redis.
    private Node collectMode() {
        ToggleGroup group = new ToggleGroup();
        ToggleButton here = new ToggleButton(messages.get("settings.data.collectHere"));
        ToggleButton watch = new ToggleButton(messages.get("settings.data.watch"));
        here.setId("settingsCollectHere");
        watch.setId("settingsWatchCollectors");
        here.setToggleGroup(group);
        watch.setToggleGroup(group);
        group.selectToggle(dataStores.modeProperty().get() == io.vigil.config.CollectMode.WATCH ? watch : here);
        group.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                group.selectToggle(was);
            } else {
                dataStores.modeProperty().set(now == watch ? io.vigil.config.CollectMode.WATCH : io.vigil.config.CollectMode.HERE);
            }
        });
        HBox choice = new HBox(here, watch);
        choice.getStyleClass().add("segmented");
        Label hint = new Label(messages.get("settings.data.collectHint"));
        hint.setWrapText(true);
        hint.getStyleClass().add("pane-subtitle");
        Label problem = new Label();
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(dataStores.modeProblemProperty());
        problem.managedProperty().bind(dataStores.modeProblemProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        GridPane top = grid();
        addRow(top, 0, "settings.data.collect", choice);
        return new VBox(6, top, hint, problem);
    }

    private Node dataStoreRow(DataStores.Role role, DataStoresViewModel.Row row) {
        String id = role.name().toLowerCase(java.util.Locale.ROOT);
        ToggleGroup where = new ToggleGroup();
        ToggleButton embedded = new ToggleButton(messages.get("settings.data.embedded"));
        ToggleButton server = new ToggleButton(messages.get("settings.data.server." + id));
        embedded.setToggleGroup(where);
        server.setToggleGroup(where);
        server.setId("settingsData" + Character.toUpperCase(id.charAt(0)) + id.substring(1) + "Server");
        where.selectToggle(row.serverProperty().get() ? server : embedded);
        where.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                where.selectToggle(was);
            } else {
                row.serverProperty().set(now == server);
            }
        });
        HBox choice = new HBox(embedded, server);
        choice.getStyleClass().add("segmented");

        TextField url = new TextField();
        url.setId("settingsData" + Character.toUpperCase(id.charAt(0)) + id.substring(1) + "Url");
        url.setPromptText(messages.get("settings.data.prompt." + id));
        url.textProperty().bindBidirectional(row.urlProperty());
        Label problem = new Label();
        problem.getStyleClass().add("field-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(row.problemProperty());
        problem.managedProperty().bind(row.problemProperty().isNotEmpty());
        problem.visibleProperty().bind(problem.managedProperty());
        TextField user = new TextField();
        user.textProperty().bindBidirectional(row.userProperty());
        PasswordField password = new PasswordField();
        password.setPromptText(messages.get("form.password.keep"));
        password.textProperty().bindBidirectional(row.passwordProperty());
        Button test = new Button(messages.get("settings.store.test"));
        test.disableProperty().bind(row.problemProperty().isNotEmpty().or(row.testingProperty()));
        test.setOnAction(e -> dataStores.test(role));
        Label result = new Label();
        result.setWrapText(true);
        result.textProperty().bind(row.resultProperty());
        result.managedProperty().bind(row.resultProperty().isNotEmpty());
        result.visibleProperty().bind(result.managedProperty());
        row.resultOkProperty().addListener((o, a, ok) -> result.getStyleClass().setAll("label", ok ? "result-ok" : "result-error"));

        GridPane grid = grid();
        addRow(grid, 0, "settings.data.url", new VBox(2, url, problem));
        addRow(grid, 1, "settings.store.user", user);
        addRow(grid, 2, "settings.store.password", password);
        grid.add(new HBox(8, test), 1, 3);
        VBox serverBox = new VBox(6, grid, result);
        serverBox.visibleProperty().bind(row.serverProperty());
        serverBox.managedProperty().bind(row.serverProperty());
        GridPane top = grid();
        addRow(top, 0, "settings.data." + id, choice);
        return new VBox(8, top, serverBox);
    }

    private Node transfer() {
        CheckBox secrets = new CheckBox(messages.get("settings.transfer.withPasswords"));
        secrets.setId("settingsExportPasswords");
        secrets.selectedProperty().bindBidirectional(transfer.withPasswordsProperty());
        Button export = new Button(messages.get("settings.transfer.export"), new FontIcon("fas-file-export"));
        export.setId("settingsExport");
        export.disableProperty().bind(transfer.busyProperty());
        export.setOnAction(e -> {
            FileChooser chooser = yamlChooser("settings.transfer.export");
            chooser.setInitialFileName("vigil-config.yaml");
            java.io.File f = chooser.showSaveDialog(root.getScene().getWindow());
            if (f != null) {
                transfer.exportTo(f.toPath());
            }
        });
        Button importButton = new Button(messages.get("settings.transfer.import"), new FontIcon("fas-file-import"));
        importButton.setId("settingsImport");
        importButton.disableProperty().bind(transfer.busyProperty());
        importButton.setOnAction(e -> {
            java.io.File f = yamlChooser("settings.transfer.import").showOpenDialog(root.getScene().getWindow());
            if (f != null) {
                transfer.importFrom(f.toPath());
            }
        });
        Label result = new Label();
        result.setId("settingsTransferResult");
        result.setWrapText(true);
        result.textProperty().bind(transfer.resultProperty());
        result.managedProperty().bind(transfer.resultProperty().isNotEmpty());
        result.visibleProperty().bind(result.managedProperty());
        transfer.resultOkProperty().addListener((o, a, ok) -> result.getStyleClass().setAll("label", ok ? "result-ok" : "result-error"));
        HBox actions = new HBox(8, export, importButton);
        actions.setAlignment(Pos.CENTER_LEFT);
        return section("settings.transfer", "settings.transfer.hint", new VBox(10, secrets, actions, result));
    }

    // The master password: set, change (the current one first) or remove; the fields show what the state asks for.
    private Node storedPasswords() {
        MasterPasswordViewModel m = model.masterPassword();
        Label state = new Label();
        state.setId("settingsMasterState");
        state.setWrapText(true);
        state.textProperty().bind(Bindings.when(m.setProperty())
                .then(messages.get("settings.master.state.set")).otherwise(messages.get("settings.master.state.keyFile")));
        PasswordField current = new PasswordField();
        current.setId("settingsMasterCurrent");
        current.textProperty().bindBidirectional(m.currentProperty());
        PasswordField next = new PasswordField();
        next.setId("settingsMasterNew");
        next.textProperty().bindBidirectional(m.nextProperty());
        PasswordField again = new PasswordField();
        again.setId("settingsMasterRepeat");
        again.textProperty().bindBidirectional(m.repeatedProperty());
        GridPane grid = grid();
        Label currentLabel = new Label(messages.get("settings.master.current"));
        grid.add(currentLabel, 0, 0);
        grid.add(current, 1, 0);
        for (Node n : List.of(currentLabel, current)) {
            n.visibleProperty().bind(m.setProperty());
            n.managedProperty().bind(m.setProperty());
        }
        addRow(grid, 1, "settings.master.new", next);
        addRow(grid, 2, "settings.master.repeat", again);
        Button apply = new Button();
        apply.setId("settingsMasterApply");
        apply.textProperty().bind(Bindings.when(m.setProperty())
                .then(messages.get("settings.master.change")).otherwise(messages.get("settings.master.setButton")));
        apply.disableProperty().bind(m.busyProperty().or(m.nextProperty().isEmpty()));
        apply.setOnAction(e -> m.apply());
        Button remove = new Button(messages.get("settings.master.remove"));
        remove.setId("settingsMasterRemove");
        remove.visibleProperty().bind(m.setProperty());
        remove.managedProperty().bind(m.setProperty());
        remove.disableProperty().bind(m.busyProperty().or(m.currentProperty().isEmpty()));
        remove.setOnAction(e -> m.remove());
        Label result = new Label();
        result.setId("settingsMasterResult");
        result.setWrapText(true);
        result.textProperty().bind(m.resultProperty());
        result.managedProperty().bind(m.resultProperty().isNotEmpty());
        result.visibleProperty().bind(result.managedProperty());
        // styled on every new text: two refusals in a row change no flag
        m.resultProperty().addListener((o, a, text) ->
                result.getStyleClass().setAll("label", m.resultOkProperty().get() ? "result-ok" : "result-error"));
        HBox actions = new HBox(8, apply, remove);
        actions.setAlignment(Pos.CENTER_LEFT);
        return section("settings.master", "settings.master.hint", new VBox(10, state, grid, actions, result));
    }

    private FileChooser yamlChooser(String titleKey) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(messages.get(titleKey));
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("YAML", "*.yaml", "*.yml"));
        return chooser;
    }

    private Node files() {
        GridPane grid = grid();
        addRow(grid, 0, "settings.files.data", selectable(model.dataFolder()));
        addRow(grid, 1, "settings.files.log", selectable(model.logFile()));
        return section("settings.files", null, grid);
    }

    private TextField selectable(String text) {
        TextField f = new TextField(text);
        f.setEditable(false);
        f.getStyleClass().add("selectable");
        return f;
    }

    private Node section(String titleKey, String hintKey, Node body) {
        Label title = new Label(messages.get(titleKey));
        title.getStyleClass().add("section-title");
        VBox box = new VBox(8, title);
        if (hintKey != null) {
            Label hint = new Label(messages.get(hintKey));
            hint.getStyleClass().add("pane-subtitle");
            hint.setWrapText(true);
            box.getChildren().add(hint);
        }
        box.getChildren().add(body);
        box.getStyleClass().add("settings-section");
        box.setMaxWidth(760);
        return box;
    }

    private static GridPane grid() {
        GridPane g = new GridPane();
        g.setHgap(12);
        g.setVgap(8);
        ColumnConstraints labels = new ColumnConstraints(150);
        ColumnConstraints fields = new ColumnConstraints(200, 420, 560);
        fields.setHgrow(Priority.ALWAYS);
        g.getColumnConstraints().addAll(labels, fields);
        return g;
    }

    private void addRow(GridPane grid, int row, String key, Node field) {
        Label label = new Label(messages.get(key));
        grid.add(label, 0, row);
        grid.add(field, 1, row);
    }
}
