package io.vigil.ui.overview;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import javafx.application.Platform;
import javafx.beans.binding.Bindings;
import javafx.collections.ListChangeListener;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;

import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.ui.dashboard.TilePalette;
import io.vigil.ui.util.EmptyState;
import io.vigil.watch.Watch;

/**
 * The overview pane: a tile per target, worst health first, in a scrolling flow, with a name filter and a tag filter.
 * A tile is built the first time its target appears and dropped when the target goes; in between the view only moves
 * it and sets what changed. Tiles are touched only while the pane is on screen (TilesFX queues a tile's events outside
 * a showing window); returning to the pane brings them up to date at once.
 */
public final class OverviewView {

    private final OverviewViewModel model;
    private final Messages messages;
    private final TilePalette palette;
    private final Consumer<Target> open;
    private final BorderPane root = new BorderPane();
    private final FlowPane flow = new FlowPane(14, 14);
    private final Map<TargetCard, TargetTile> tiles = new HashMap<>();
    private boolean placed;

    public OverviewView(OverviewViewModel model, Messages messages, TilePalette palette, Consumer<Target> open) {
        this.model = model;
        this.messages = messages;
        this.palette = palette;
        this.open = open;
        root.setId("overviewPane");
        root.getStyleClass().addAll("pane", "overview");

        Label title = new Label(messages.get("overview.title"));
        title.getStyleClass().add("pane-title");
        Label count = new Label();
        count.getStyleClass().add("pane-subtitle");
        count.textProperty().bind(Bindings.createStringBinding(() -> messages.get("overview.count", model.shown().size(), model.total().get()),
                model.shown(), model.total()));
        TextField filter = new TextField();
        filter.setId("overviewFilter");
        filter.setPromptText(messages.get("overview.filter"));
        filter.textProperty().bindBidirectional(model.filter());
        filter.setPrefColumnCount(16);
        ComboBox<String> tag = new ComboBox<>();
        tag.setId("overviewTag");
        tag.setPromptText(messages.get("overview.allTags"));
        tag.getItems().add(null);
        model.tags().addListener((ListChangeListener<String>) c -> {
            String keep = tag.getValue();
            List<String> items = new ArrayList<>();
            items.add(null);
            items.addAll(model.tags());
            tag.getItems().setAll(items);
            tag.setValue(keep);
        });
        tag.setConverter(new StringConverter<>() {
            @Override
            public String toString(String s) {
                return s == null ? messages.get("overview.allTags") : s;
            }

            @Override
            public String fromString(String s) {
                return s;
            }
        });
        tag.valueProperty().bindBidirectional(model.tag());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        VBox titles = new VBox(2, title, count);
        HBox header = new HBox(10, titles, gap, filter, tag);
        header.setAlignment(Pos.CENTER_LEFT);
        header.getStyleClass().add("pane-header");
        Label problem = new Label();
        problem.getStyleClass().add("pane-subtitle");
        problem.textProperty().bind(model.problem());
        problem.visibleProperty().bind(model.problem().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        root.setTop(new VBox(header, problem));

        flow.getStyleClass().add("overview-tiles");
        ScrollPane scroll = new ScrollPane(flow);
        scroll.setId("overviewScroll");
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("tiles-scroll");
        Region noTargets = EmptyState.of("fas-th-large", messages.get("overview.empty.title"), messages.get("overview.empty.hint"));
        noTargets.visibleProperty().bind(model.total().isEqualTo(0));
        Region noMatch = EmptyState.of("fas-filter", messages.get("overview.noMatch.title"), messages.get("overview.noMatch.hint"));
        noMatch.visibleProperty().bind(model.total().greaterThan(0).and(Bindings.isEmpty(model.shown())));
        root.setCenter(new StackPane(scroll, noTargets, noMatch));

        model.shown().addListener((ListChangeListener<TargetCard>) c -> {
            placed = false;
            render();
        });
        root.sceneProperty().addListener((o, was, now) -> {
            if (now != null) {
                Platform.runLater(this::render); // after the tiles have their scene too
            }
        });
    }

    public Region root() {
        return root;
    }

    /** Takes the live snapshot (once a second, on the FX thread). */
    public void update(Watch.Snapshot snapshot) {
        model.update(snapshot);
        render();
    }

    private boolean onScreen() {
        return root.getScene() != null && root.getScene().getWindow() != null && root.getScene().getWindow().isShowing();
    }

    private void render() {
        if (!onScreen()) {
            return;
        }
        if (!placed) {
            place();
        }
        for (TargetCard card : model.shown()) {
            tiles.get(card).render();
        }
    }

    // Builds tiles for new targets, drops those of gone ones, and lays the shown ones out in order.
    private void place() {
        placed = true;
        for (Iterator<TargetCard> it = tiles.keySet().iterator(); it.hasNext(); ) {
            TargetCard card = it.next();
            if (model.card(card.target().id()) != card) {
                it.remove();
            }
        }
        List<Node> nodes = new ArrayList<>(model.shown().size());
        for (TargetCard card : model.shown()) {
            nodes.add(tiles.computeIfAbsent(card, c -> new TargetTile(c, messages, palette, open)).tile());
        }
        flow.getChildren().setAll(nodes);
    }

    /** The tile of a target, or null when it has none (for tests and the benchmark). */
    TargetTile tileOf(long targetId) {
        TargetCard card = model.card(targetId);
        return card == null ? null : tiles.get(card);
    }

    /** The tiles in the order shown (for tests). */
    List<TargetTile> shownTiles() {
        return model.shown().stream().map(tiles::get).toList();
    }

    public OverviewViewModel model() {
        return model;
    }
}
