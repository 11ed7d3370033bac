package io.vigil.ui.settings;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
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

import io.vigil.config.StoreKind;
import io.vigil.config.Theme;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.Converters;

/** The Settings pane: appearance (language, theme), where the configuration lives, and where Vigil keeps its files. */
public final class SettingsPane {

    private final ScrollPane root = new ScrollPane();
    private final SettingsViewModel model;
    private final Messages messages;

    public SettingsPane(SettingsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        Label title = new Label(messages.get("settings.title"));
        title.getStyleClass().add("pane-title");
        Label subtitle = new Label(messages.get("settings.subtitle"));
        subtitle.getStyleClass().add("pane-subtitle");
        VBox header = new VBox(2, title, subtitle);
        header.getStyleClass().add("pane-header");

        VBox content = new VBox(18, header, appearance(), configStore(), files());
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
