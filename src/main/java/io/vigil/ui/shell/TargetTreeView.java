package io.vigil.ui.shell;

import java.util.function.Consumer;

import javafx.collections.ListChangeListener;
import javafx.scene.control.Label;
import javafx.scene.control.Tooltip;
import javafx.scene.control.TreeCell;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeView;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.ui.targets.TargetsViewModel;

/** The target tree: groups by tag, a health dot and the kind per target, and an empty state that says what to do. */
public final class TargetTreeView {

    private final StackPane root = new StackPane();
    private final TreeView<Object> tree = new TreeView<>(new TreeItem<>());
    private final TargetsViewModel model;
    private final Messages messages;

    public TargetTreeView(TargetsViewModel model, Messages messages, Consumer<Target> onOpen) {
        this.model = model;
        this.messages = messages;
        tree.setId("targetTree");
        tree.setShowRoot(false);
        tree.setCellFactory(v -> new Cell());
        tree.setOnMouseClicked(e -> {
            if (e.getClickCount() == 2 && tree.getSelectionModel().getSelectedItem() != null
                    && tree.getSelectionModel().getSelectedItem().getValue() instanceof Target t) {
                onOpen.accept(t);
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
        empty.visibleProperty().bind(javafx.beans.binding.Bindings.isEmpty(model.targets()));
        empty.setMouseTransparent(true);
        tree.visibleProperty().bind(empty.visibleProperty().not());
        root.getChildren().addAll(tree, empty);
        model.targets().addListener((ListChangeListener<Target>) c -> rebuild());
        rebuild();
    }

    public Region root() {
        return root;
    }

    private void rebuild() {
        TreeItem<Object> top = tree.getRoot();
        top.getChildren().clear();
        for (TargetTreeModel.Group g : TargetTreeModel.group(model.targets(), messages.locale())) {
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
            } else if (item instanceof Target t) {
                Health health = Health.UNKNOWN; // the collector drives this once it runs
                Circle dot = new Circle(4.5);
                dot.getStyleClass().addAll("health-dot", health.styleClass());
                Label name = new Label(t.name());
                Label kind = new Label(messages.get("kind.short." + t.kind().name()));
                kind.getStyleClass().add("tree-kind");
                HBox box = new HBox(7, dot, name, kind);
                box.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
                setText(null);
                setGraphic(box);
                getStyleClass().add("tree-target");
                setTooltip(new Tooltip(messages.get("health.tooltip." + health.name())
                        + (t.enabled() ? "" : "\n" + messages.get("tree.paused"))));
                if (!t.enabled()) {
                    name.getStyleClass().add("tree-paused");
                }
            } else {
                setText(item.toString());
                setGraphic(null);
                getStyleClass().add("tree-group");
            }
        }
    }
}
