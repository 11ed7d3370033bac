package io.vigil.ui.shell;

import java.util.Map;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.StringProperty;
import javafx.collections.ObservableList;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.image.Image;
import javafx.scene.image.ImageView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.controlsfx.control.StatusBar;
import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.config.Target;
import io.vigil.i18n.Messages;

/** The main window's layout: sidebar with navigation and the target tree, the current pane, and the status bar. */
public final class MainView {

    /** The panes the console has, in the order of the navigation, each with its icon. */
    public enum Pane {
        OVERVIEW("fas-th-large"),
        ALERTS("fas-bell"),
        DASHBOARD("fas-tachometer-alt"),
        TRENDS("fas-chart-line"),
        ACTIVITY("fas-chart-area"),
        TABLES("fas-table"),
        STATUS("fas-tasks"),
        TARGETS("fas-database"),
        DEFINITIONS("fas-code"),
        SETTINGS("fas-cog");

        private final String icon;

        Pane(String icon) {
            this.icon = icon;
        }

        /** The id of its navigation button, for tests: navOverview, navTargets... */
        public String navId() {
            String n = name().toLowerCase(java.util.Locale.ROOT);
            return "nav" + Character.toUpperCase(n.charAt(0)) + n.substring(1);
        }
    }

    private final BorderPane root = new BorderPane();
    private final StackPane content = new StackPane();
    private final ToggleGroup nav = new ToggleGroup();
    private final Map<Pane, Region> panes;
    private final Map<Pane, ToggleButton> navButtons = new java.util.EnumMap<>(Pane.class);
    private final StatusBar bar = new StatusBar();
    private final Map<Pane, Runnable> onShow = new java.util.EnumMap<>(Pane.class);
    private final ReadOnlyObjectWrapper<Pane> shown = new ReadOnlyObjectWrapper<>();

    /**
     * @param targets  the targets loaded, counted in the status bar
     * @param panes    every pane the console shows, by navigation entry
     * @param tree     the target tree of the sidebar
     */
    public MainView(Messages messages, ObservableList<Target> targets, Map<Pane, Region> panes, TargetTreeView tree,
                    StringProperty status, String storeLocation, String storeError) {
        root.getStyleClass().add("main");
        this.panes = Map.copyOf(panes);
        VBox navBox = new VBox(2);
        for (Pane p : Pane.values()) {
            if (panes.containsKey(p)) {
                ToggleButton b = navButton(p.navId(), p.icon, messages.get("nav." + p.name().toLowerCase(java.util.Locale.ROOT)), p);
                navButtons.put(p, b);
                navBox.getChildren().add(b);
            }
        }
        nav.selectedToggleProperty().addListener((o, was, now) -> {
            if (now == null) {
                nav.selectToggle(was);
            } else {
                Pane chosen = (Pane) now.getUserData();
                content.getChildren().setAll(this.panes.get(chosen));
                shown.set(chosen);
                onShow.getOrDefault(chosen, () -> { }).run();
            }
        });

        ImageView logo = new ImageView(new Image(MainView.class.getResourceAsStream("/io/vigil/ui/icons/vigil-32.png")));
        logo.setFitWidth(26);
        logo.setFitHeight(26);
        Label name = new Label(messages.get("app.title"));
        name.getStyleClass().add("brand");
        HBox brand = new HBox(8, logo, name);
        brand.setAlignment(Pos.CENTER_LEFT);
        brand.getStyleClass().add("brand-box");

        Label treeTitle = new Label(messages.get("tree.title"));
        treeTitle.getStyleClass().add("sidebar-section");
        VBox.setVgrow(tree.root(), Priority.ALWAYS);
        VBox sidebar = new VBox(4, brand, navBox, treeTitle, tree.root());
        sidebar.getStyleClass().add("sidebar");
        sidebar.setPrefWidth(250);
        sidebar.setMinWidth(200);
        root.setLeft(sidebar);

        VBox center = new VBox();
        if (storeError != null && !storeError.isBlank()) {
            center.getChildren().add(notice(messages, storeError));
        }
        VBox.setVgrow(content, Priority.ALWAYS);
        center.getChildren().add(content);
        root.setCenter(center);

        bar.setId("statusBar");
        bar.textProperty().bind(status);
        Label store = new Label(storeLocation);
        store.setId("statusStore");
        store.getStyleClass().add("status-item");
        Label count = new Label();
        count.setId("statusCount");
        count.getStyleClass().add("status-item");
        count.textProperty().bind(Bindings.createStringBinding(
                () -> messages.get("status.targets", targets.size()), targets));
        bar.getRightItems().addAll(store, count);
        root.setBottom(bar);
    }

    /** Runs {@code action} each time {@code pane} is shown again (a pane that reloads what others may have changed). */
    public void onShow(Pane pane, Runnable action) {
        onShow.put(pane, action);
    }

    /**
     * A count shown at the right end of a pane's navigation button (the Alerts pane's firing alerts); the caller paints
     * it. Null when the pane is not in the navigation.
     */
    public Label badge(Pane pane, Label badge) {
        ToggleButton b = navButtons.get(pane);
        if (b == null || !(b.getParent() instanceof VBox box)) {
            return null;
        }
        int at = box.getChildren().indexOf(b);
        box.getChildren().remove(at);
        badge.setId(pane.navId() + "Badge");
        StackPane holder = new StackPane(b, badge);
        StackPane.setAlignment(badge, Pos.CENTER_RIGHT);
        StackPane.setMargin(badge, new javafx.geometry.Insets(0, 10, 0, 0));
        box.getChildren().add(at, holder);
        return badge;
    }

    /** The status bar, for panes that add an item (the spool's fill). */
    public StatusBar statusBar() {
        return bar;
    }

    private ToggleButton navButton(String id, String icon, String text, Pane pane) {
        ToggleButton b = new ToggleButton(text, new FontIcon(icon));
        b.setId(id);
        b.setUserData(pane);
        b.setToggleGroup(nav);
        b.setMaxWidth(Double.MAX_VALUE);
        b.setAlignment(Pos.CENTER_LEFT);
        b.getStyleClass().add("nav-button");
        return b;
    }

    private HBox notice(Messages messages, String error) {
        FontIcon icon = new FontIcon("fas-exclamation-triangle");
        icon.getStyleClass().add("notice-icon");
        Label text = new Label(error);
        text.setId("storeError");
        text.setWrapText(true);
        HBox.setHgrow(text, Priority.ALWAYS);
        Button fix = new Button(messages.get("notice.openSettings"));
        fix.setOnAction(e -> show(Pane.SETTINGS));
        HBox box = new HBox(10, icon, text, fix);
        box.setAlignment(Pos.CENTER_LEFT);
        box.getStyleClass().add("notice");
        return box;
    }

    public void show(Pane pane) {
        nav.selectToggle(navButtons.get(pane));
    }

    public Pane current() {
        return shown.get() == null ? Pane.OVERVIEW : shown.get();
    }

    /** The pane shown, whether chosen in the navigation or through {@link #show}; null before the first. */
    public ReadOnlyObjectProperty<Pane> shownProperty() {
        return shown.getReadOnlyProperty();
    }

    public Region root() {
        return root;
    }

    /** Puts {@code node} (the menu bar, a site pack's banner) above the sidebar and the panes. */
    public void top(javafx.scene.Node node) {
        root.setTop(node);
    }
}
