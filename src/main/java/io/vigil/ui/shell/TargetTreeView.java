package io.vigil.ui.shell;

import java.util.Map;

import javafx.collections.ListChangeListener;
import javafx.collections.ObservableList;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.ui.alerts.AlertBadge;
import io.vigil.ui.alerts.AlertCounts;
import io.vigil.ui.util.Ages;
import io.vigil.watch.Health;
import io.vigil.watch.JobBoard.TargetState;
import io.vigil.watch.Watch;

/**
 * The target tree: groups by tag; per target a health dot whose tooltip gives the reason and the data's age, the kind,
 * and a context menu (dashboard, edit, pause or resume, test connection); an empty state that says what to do.
 */
public final class TargetTreeView {

    /** What the tree's menu and a double click do. */
    public interface Actions {
        void openDashboard(Target t);

        void edit(Target t);

        void pause(Target t, boolean pause);

        void testConnection(Target t);
    }

    private final StackPane root = new StackPane();
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>());
    private final ObservableList<Target> targets;
    private final Messages messages;
    private final Actions actions;
    private Map<Long, TargetState> health = Map.of();
    private Map<Long, AlertCounts> alerts = Map.of();

    /** @param targets the targets as the Targets pane loads them; the tree regroups on every change */
    public TargetTreeView(ObservableList<Target> targets, Messages messages, Actions actions) {
        this.targets = targets;
        this.messages = messages;
        this.actions = actions;
        tree.setId("targetTree");
        tree.setShowRoot(false);
        tree.setCellFactory(v -> new Cell());
        tree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && tree.getSelectionModel().getSelectedItem() != null
                    && tree.getSelectionModel().getSelectedItem().getValue() instanceof Target t) {
                actions.openDashboard(t);
            }
        });
        Label title = new Label(messages.get("tree.empty.title"));
        title.getStyleClass().add("empty-title");
        Label hint = new Label(messages.get("tree.empty.hint"));
        hint.getStyleClass().add("empty-hint");
        hint.setWrapText(true);
        VBox empty = new VBox(4, title, hint);
        empty.setId("treeEmpty");
        empty.getStyleClass().add("tree-empty");
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(targets));
        empty.setMouseTransparent(true);
        tree.visibleProperty().bind(empty.visibleProperty().not());
        root.getChildren().addAll(tree, empty);
        targets.addListener((ListChangeListener<Target>) c -> rebuild());
        rebuild();
    }

    public Region root() {
        return root;
    }

    /** Repaints the dots and alert counts from a live snapshot; cells are reused, nothing is rebuilt. */
    public void update(Watch.Snapshot snapshot) {
        health = snapshot.health();
        alerts = AlertCounts.byTarget(snapshot.alerts());
        tree.refresh();
    }

    /** The alert counts the tree shows for a target (for tests). */
    public AlertCounts alertsOf(long targetId) {
        return alerts.getOrDefault(targetId, AlertCounts.NONE);
    }

    /** The health the tree shows for a target (for tests). */
    public Health healthOf(long targetId) {
        TargetState s = health.get(targetId);
        return s == null ? Health.UNKNOWN : s.health();
    }

    private void rebuild() {
        TreeItem<Object> top = tree.getRoot();
        top.getChildren().clear();
        for (TargetTreeModel.Group g : TargetTreeModel.group(targets, messages.locale())) {
            TreeItem<Object> group = new TreeItem<>(g.tag().isEmpty() ? messages.get("tree.untagged") : g.tag());
            group.setExpanded(true);
            g.targets().forEach(t -> group.getChildren().add(new TreeItem<>(t)));
            top.getChildren().add(group);
        }
    }

    private final class Cell extends TreeCell<Object> {
        @Override
        protected void updateItem(Object item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("tree-group", "tree-target");
            setTooltip(null);
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                setContextMenu(null);
            } else if (item instanceof Target t) {
                TargetState state = TargetTreeView.this.health.get(t.id());
                Health health = state == null ? (t.enabled() ? Health.UNKNOWN : Health.PAUSED) : state.health();
                Circle dot = new Circle(4.5);
                dot.getStyleClass().addAll("health-dot", health.styleClass());
                Label name = new Label(t.name());
                Label kind = new Label(messages.get("kind.short." + t.kind().name()));
                kind.getStyleClass().add("tree-kind");
                AlertCounts counts = alertsOf(t.id());
                Label badge = AlertBadge.create();
                AlertBadge.apply(badge, counts, messages);
                badge.setGraphic(counts.shown() ? new FontIcon("fas-bell") : null);
                HBox box = new HBox(7, dot, name, badge, kind);
                box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                setText(null);
                setGraphic(box);
                getStyleClass().add("tree-target");
                setTooltip(new Tooltip(tooltip(t, health, state, counts)));
                if (health == Health.PAUSED) {
                    name.getStyleClass().add("tree-paused");
                }
                setContextMenu(menu(t, health == Health.PAUSED));
            } else {
                setText(item.toString());
                setGraphic(null);
                setContextMenu(null);
                getStyleClass().add("tree-group");
            }
        }
    }

    private String tooltip(Target t, Health health, TargetState state, AlertCounts counts) {
        StringBuilder b = new StringBuilder(t.name()).append('\n').append(messages.get("health.tooltip." + health.name()));
        if (state != null && !state.reason().isEmpty()) {
            b.append('\n').append(messages.render(state.reason()));
        }
        if (state != null && state.dataAge().isPresent()) {
            b.append('\n').append(messages.get("health.dataAge", Ages.format(state.dataAge().get(), messages)));
        }
        if (counts.shown()) {
            b.append('\n').append(AlertBadge.tooltip(counts, messages));
        }
        return b.toString();
    }

    private ContextMenu menu(Target t, boolean paused) {
        MenuItem dashboard = new MenuItem(messages.get("tree.menu.dashboard"), new FontIcon("fas-tachometer-alt"));
        dashboard.setOnAction(e -> actions.openDashboard(t));
        MenuItem edit = new MenuItem(messages.get("tree.menu.edit"), new FontIcon("fas-pen"));
        edit.setOnAction(e -> actions.edit(t));
        MenuItem pause = new MenuItem(messages.get(paused ? "tree.menu.resume" : "tree.menu.pause"),
                new FontIcon(paused ? "fas-play" : "fas-pause"));
        pause.setOnAction(e -> actions.pause(t, !paused));
        pause.setDisable(!t.enabled()); // a disabled target stays off until its form enables it
        MenuItem test = new MenuItem(messages.get("tree.menu.test"), new FontIcon("fas-plug"));
        test.setOnAction(e -> actions.testConnection(t));
        return new ContextMenu(dashboard, edit, pause, new SeparatorMenuItem(), test);
    }
}
