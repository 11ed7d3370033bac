package io.vigil.ui.trends;

import java.awt.image.BufferedImage;
import java.nio.file.Path;
import java.time.Instant;
import java.util.EnumMap;
import java.util.Map;

import javafx.animation.PauseTransition;
import javafx.embed.swing.SwingFXUtils;
import javafx.geometry.Pos;
import javafx.scene.SnapshotParameters;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.Separator;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.image.WritableImage;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;
import javafx.stage.Window;
import javafx.util.Duration;

import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.EmptyState;
import io.vigil.watch.Watch;

/**
 * The Trends pane: targets and metrics to tick on the left, the range, live follow, zoom and exports above, and the
 * chart. It binds to a {@link TrendsViewModel}; the only work it does itself is handing each trend to the chart.
 */
public final class TrendsPane {

    /** Asks where to save a file; the console uses a {@link FileChooser}, tests answer directly. */
    @FunctionalInterface
    public interface SaveDialog {
        Path ask(Window owner, String title, String fileName, String description, String extension);
    }

    private final BorderPane root = new BorderPane();
    private final TrendsViewModel model;
    private final Messages messages;
    private final TrendChart chart;
    private final Map<TrendRange, ToggleButton> rangeButtons = new EnumMap<>(TrendRange.class);
    private final CustomRangeBar customBar;
    private SaveDialog saveDialog = TrendsPane::chooseFile;
    private double queriedWidth;

    public TrendsPane(TrendsViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        root.getStyleClass().addAll("pane", "trends");
        root.setId("trendsPane");
        String offset = model.zone().getRules().getOffset(Instant.now()).getId();
        chart = new TrendChart(model.zone(), messages.get("trends.axis.time", "Z".equals(offset) ? "" : offset),
                messages.get("trends.axis.noUnit"), messages);
        customBar = new CustomRangeBar(model, messages);

        Label title = new Label(messages.get("trends.title"));
        title.getStyleClass().add("pane-title");
        Label subtitle = new Label(messages.get("trends.subtitle"));
        subtitle.getStyleClass().add("pane-subtitle");
        Label info = new Label();
        info.setId("trendsInfo");
        info.getStyleClass().add("trends-info");
        info.textProperty().bind(model.infoProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox heading = new HBox(8, new VBox(2, title, subtitle), grow, info);
        heading.setAlignment(Pos.BOTTOM_LEFT);

        Label error = new Label();
        error.setId("trendsError");
        error.getStyleClass().add("form-error");
        error.setWrapText(true);
        error.textProperty().bind(model.errorProperty());
        error.visibleProperty().bind(model.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());

        VBox header = new VBox(10, heading, toolbar(), customBar.root(), error);
        header.getStyleClass().addAll("pane-header", "trends-header");
        root.setTop(header);
        root.setLeft(new TrendsPicker(model, messages).root());
        root.setCenter(center());

        model.trendProperty().addListener((o, was, now) -> chart.show(now));
        model.eventsProperty().addListener((o, was, now) -> chart.showEvents(now));
        chart.setOnZoom(model::zoom);
        model.rangeProperty().addListener((o, was, now) -> {
            chart.resetZoom();
            syncRangeButtons();
        });
        watchWidth();
        syncRangeButtons();
    }

    private HBox toolbar() {
        HBox ranges = new HBox();
        ranges.getStyleClass().add("segmented");
        for (TrendRange r : TrendRange.values()) {
            ToggleButton b = new ToggleButton(r.isCustom() ? messages.get("trends.range.custom") : r.shortName());
            b.setId("range" + r.name());
            b.setFocusTraversable(false);
            b.setOnAction(e -> {
                if (r.isCustom()) {
                    customBar.setOpen(!customBar.isOpen() || !model.rangeProperty().get().isCustom());
                } else {
                    customBar.setOpen(false);
                    model.choose(r);
                }
                syncRangeButtons();
            });
            rangeButtons.put(r, b);
            ranges.getChildren().add(b);
        }
        ToggleButton live = new ToggleButton(messages.get("trends.live"), new FontIcon("fas-satellite-dish"));
        live.setId("trendsLive");
        live.setTooltip(new Tooltip(messages.get("trends.live.tooltip")));
        live.selectedProperty().bindBidirectional(model.liveProperty());
        ToggleButton events = new ToggleButton(messages.get("trends.events"), new FontIcon("fas-map-marker-alt"));
        events.setId("trendsEvents");
        events.setTooltip(new Tooltip(messages.get("trends.events.tooltip")));
        events.selectedProperty().bindBidirectional(model.showEventsProperty());
        Button reset = button("trendsResetZoom", "fas-search-minus", "trends.resetZoom");
        reset.setOnAction(e -> chart.resetZoom());
        Button png = button("trendsExportPng", "fas-image", "trends.exportPng");
        png.setOnAction(e -> exportPng());
        Button csv = button("trendsExportCsv", "fas-file-csv", "trends.exportCsv");
        csv.setOnAction(e -> exportCsv());
        png.disableProperty().bind(model.emptyProperty());
        csv.disableProperty().bind(model.emptyProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, ranges, new Separator(javafx.geometry.Orientation.VERTICAL), live, events, reset, grow, png,
                csv);
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private Button button(String id, String icon, String key) {
        Button b = new Button(messages.get(key), new FontIcon(icon));
        b.setId(id);
        b.setTooltip(new Tooltip(messages.get(key + ".tooltip")));
        return b;
    }

    private StackPane center() {
        VBox empty = EmptyState.of("fas-chart-line", "", "");
        empty.setId("trendsEmpty");
        ((Label) empty.getChildren().get(1)).textProperty().bind(model.emptyTitleProperty());
        ((Label) empty.getChildren().get(2)).textProperty().bind(model.emptyHintProperty());
        empty.getStyleClass().add("trends-empty");
        empty.visibleProperty().bind(model.emptyProperty());
        empty.setPickOnBounds(true);
        StackPane center = new StackPane(chart.node(), empty);
        center.getStyleClass().add("trends-center");
        return center;
    }

    // A line cannot show more points than the plot has pixels: the width is the most points asked for. When the pane
    // grows a lot the window is asked for again, once the resizing stops.
    private void watchWidth() {
        PauseTransition settle = new PauseTransition(Duration.millis(400));
        settle.setOnFinished(e -> {
            double w = chart.plotWidth();
            if (w > 0 && Math.abs(w - queriedWidth) > 0.25 * Math.max(queriedWidth, 1)) {
                queriedWidth = w;
                model.maxPointsProperty().set(Math.max(100, (int) Math.ceil(w)));
                model.refresh();
            }
        });
        chart.node().getCanvas().widthProperty().addListener((o, was, now) -> settle.playFromStart());
    }

    private void syncRangeButtons() {
        TrendRange current = model.rangeProperty().get();
        rangeButtons.forEach((r, b) -> b.setSelected(r.isCustom() ? current.isCustom() || customBar.isOpen() : r == current
                && !customBar.isOpen()));
    }

    private void exportCsv() {
        Path file = saveDialog.ask(window(), messages.get("trends.export.title.csv"), model.suggestedName() + ".csv",
                messages.get("trends.export.csv"), "csv");
        if (file != null) {
            model.exportCsv(file);
        }
    }

    private void exportPng() {
        Path file = saveDialog.ask(window(), messages.get("trends.export.title.png"), model.suggestedName() + ".png",
                messages.get("trends.export.png"), "png");
        if (file == null) {
            return;
        }
        SnapshotParameters params = new SnapshotParameters();
        params.setFill(javafx.scene.paint.Color.TRANSPARENT);
        WritableImage image = chart.node().snapshot(params, null);
        BufferedImage awt = SwingFXUtils.fromFXImage(image, null);
        model.exportPng(awt, file);
    }

    private static Path chooseFile(Window owner, String title, String fileName, String description, String extension) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.setInitialFileName(fileName);
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(description, "*." + extension));
        java.io.File f = chooser.showSaveDialog(owner);
        return f == null ? null : f.toPath();
    }

    private Window window() {
        return root.getScene() == null ? null : root.getScene().getWindow();
    }

    /** A fresh snapshot of the collector (once a second): follows new targets, and refreshes in live mode. */
    public void update(Watch.Snapshot snapshot) {
        model.targetsSeen(snapshot.targets());
        model.tick();
    }

    /** Shows one target with its pack's headline metrics over the last hour: what the dashboard opens. */
    public void showTarget(Target target) {
        showTarget(target, TrendRange.H1);
    }

    /** As {@link #showTarget(Target)}, over another preset range. */
    public void showTarget(Target target, TrendRange span) {
        customBar.setOpen(false);
        chart.resetZoom();
        model.showTarget(target, span);
    }

    /**
     * Opens the tooltip of the newest of the most severe marks as hovering it would, or closes it ({@code false}): the
     * screenshot tour shows one. False when there is no mark to open.
     */
    public boolean peekEvent(boolean open) {
        return chart.peekEvent(open);
    }

    /** Where exports are saved; tests answer without a dialog. */
    public void setSaveDialog(SaveDialog dialog) {
        this.saveDialog = dialog;
    }

    public TrendsViewModel model() {
        return model;
    }

    /** The chart, for tests. */
    public io.fair_acc.chartfx.XYChart chart() {
        return chart.node();
    }

    /** The event marks drawn, for tests. */
    java.util.List<EventMarkers.Mark> eventMarks() {
        return chart.eventMarks();
    }

    public Region root() {
        return root;
    }
}
