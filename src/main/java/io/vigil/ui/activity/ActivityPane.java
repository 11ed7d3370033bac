package io.vigil.ui.activity;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.function.ToDoubleFunction;

import javafx.beans.binding.Bindings;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.geometry.Orientation;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.SplitPane;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import org.kordamp.ikonli.javafx.FontIcon;

import io.vigil.activity.ActivityBreakdown;
import io.vigil.activity.ActivityChart;
import io.vigil.activity.WaitClasses;
import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.Converters;
import io.vigil.ui.util.EmptyState;

/**
 * Top Activity, as DBAs know it from Enterprise Manager, from Vigil's own samples (no Diagnostics Pack): average active
 * sessions by wait class over a window, the CPU count as a line, and below it the top SQL, sessions and events of the
 * part of the window dragged across (the whole window until then).
 */
public final class ActivityPane {

    private final BorderPane root = new BorderPane();
    private final ActivityViewModel model;
    private final Messages messages;
    private final ActivityChartView chart;
    private final FlowPane legend = new FlowPane(12, 4);
    private final Map<ActivityRange, ToggleButton> rangeButtons = new EnumMap<>(ActivityRange.class);

    public ActivityPane(ActivityViewModel model, Messages messages) {
        this.model = model;
        this.messages = messages;
        this.chart = new ActivityChartView(messages, model.zone());
        root.getStyleClass().addAll("pane", "activity-pane");
        root.setId("activityPane");

        Label title = new Label(messages.get("activity.title"));
        title.getStyleClass().add("pane-title");
        Label subtitle = new Label(messages.get("activity.subtitle"));
        subtitle.getStyleClass().add("pane-subtitle");
        Label info = new Label();
        info.setId("activityInfo");
        info.getStyleClass().add("activity-info");
        info.textProperty().bind(model.infoProperty());
        VBox header = new VBox(10, new VBox(2, title, subtitle), toolbar(info));
        header.getStyleClass().addAll("pane-header", "activity-header");
        root.setTop(header);

        SplitPane split = new SplitPane(chartBox(), tables());
        split.setOrientation(Orientation.VERTICAL);
        split.setDividerPositions(0.5);
        split.getStyleClass().add("activity-split");
        root.setCenter(split);

        chart.setOnSelect(model::select, model::clearSelection);
        model.chartProperty().addListener((o, was, now) -> {
            if (now != null) {
                chart.show(now, model.rangeProperty().get().tickSeconds());
                legend(now);
            }
        });
        model.selectionProperty().addListener((o, was, now) -> chart.showSelection(now == null ? null : now.from(), now == null ? null : now.to()));
        model.showingProperty().bind(root.sceneProperty().isNotNull()); // the main view detaches panes it does not show
    }

    private HBox toolbar(Label info) {
        ComboBox<Target> targetBox = new ComboBox<>(model.targets());
        targetBox.setId("activityTarget");
        targetBox.setConverter(Converters.display(Target::name));
        targetBox.valueProperty().bindBidirectional(model.targetProperty());
        targetBox.setPrefWidth(180);
        Label targetLabel = new Label(messages.get("activity.target"));

        HBox ranges = new HBox();
        ranges.getStyleClass().add("segmented");
        ToggleGroup group = new ToggleGroup();
        for (ActivityRange r : ActivityRange.values()) {
            ToggleButton b = new ToggleButton(messages.get("activity.range." + r.name()));
            b.setId("activityRange" + r.name());
            b.setFocusTraversable(false);
            b.setToggleGroup(group);
            b.setOnAction(e -> {
                model.rangeProperty().set(r);
                b.setSelected(true);
            });
            rangeButtons.put(r, b);
            ranges.getChildren().add(b);
        }
        rangeButtons.get(model.rangeProperty().get()).setSelected(true);
        model.rangeProperty().addListener((o, was, now) -> rangeButtons.get(now).setSelected(true));

        ToggleButton live = new ToggleButton(messages.get("activity.live"), new FontIcon("fas-satellite-dish"));
        live.setId("activityLive");
        live.setTooltip(new Tooltip(messages.get("activity.live.tooltip", model.sampleSeconds())));
        live.selectedProperty().bindBidirectional(model.liveProperty());
        Button whole = new Button(messages.get("activity.whole"), new FontIcon("fas-expand-arrows-alt"));
        whole.setId("activityWhole");
        whole.setTooltip(new Tooltip(messages.get("activity.whole.tooltip")));
        whole.disableProperty().bind(model.selectionProperty().isNull());
        whole.setOnAction(e -> model.clearSelection());

        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox bar = new HBox(8, targetLabel, targetBox, ranges, info, grow, whole, live);
        HBox.setMargin(info, new javafx.geometry.Insets(0, 0, 0, 8));
        for (javafx.scene.Node n : bar.getChildren()) {
            if (n instanceof Region r && n != grow && n != info) {
                r.setMinWidth(Region.USE_PREF_SIZE);
            }
        }
        HBox.setMargin(ranges, new javafx.geometry.Insets(0, 0, 0, 8));
        bar.setAlignment(Pos.CENTER_LEFT);
        return bar;
    }

    private VBox chartBox() {
        VBox empty = EmptyState.of("fas-chart-area", "", "");
        ((Label) empty.getChildren().get(1)).textProperty().bind(model.emptyTitleProperty());
        ((Label) empty.getChildren().get(2)).textProperty().bind(model.emptyHintProperty());
        empty.getStyleClass().add("activity-empty");
        empty.setId("activityEmpty");
        empty.visibleProperty().bind(model.emptyTitleProperty().isNotEmpty());
        empty.setMouseTransparent(true);
        StackPane stack = new StackPane(chart, empty);
        VBox.setVgrow(stack, Priority.ALWAYS);
        chart.setMinHeight(180);

        legend.setId("activityLegend");
        legend.getStyleClass().add("activity-legend");
        Label hint = new Label(messages.get("activity.dragHint"));
        hint.getStyleClass().add("activity-hint");
        hint.visibleProperty().bind(model.selectionProperty().isNull());
        hint.managedProperty().bind(hint.visibleProperty());
        Region grow = new Region();
        HBox.setHgrow(grow, Priority.ALWAYS);
        HBox under = new HBox(12, legend, grow, hint);
        HBox.setHgrow(legend, Priority.SOMETIMES);
        under.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(4, stack, under);
        box.getStyleClass().add("activity-chart-box");
        return box;
    }

    private void legend(ActivityChart c) {
        legend.getChildren().clear();
        for (String cls : c.classes()) {
            legend.getChildren().add(legendItem(cls));
        }
    }

    private Label legendItem(String cls) {
        Region swatch = new Region();
        swatch.getStyleClass().add("activity-swatch");
        swatch.setStyle("-fx-background-color: " + WaitClassColors.hex(cls) + ";");
        Label l = new Label(className(cls), swatch);
        l.getStyleClass().add("activity-legend-item");
        return l;
    }

    private VBox tables() {
        TableView<ActivityBreakdown.TopSql> sql = table("activityTopSql", model.topSql());
        sql.getColumns().add(bar(messages.get("activity.col.activity"), ActivityBreakdown.TopSql::pct, ActivityBreakdown.TopSql::byClass));
        sql.getColumns().add(text(messages.get("activity.col.sqlId"), ActivityBreakdown.TopSql::sqlId, 118, "mono"));
        sql.getColumns().add(number(messages.get("activity.col.aas"), ActivityBreakdown.TopSql::aas));
        TableColumn<ActivityBreakdown.TopSql, String> textCol = text(messages.get("activity.col.text"),
                s -> s.text().isEmpty() ? messages.get("activity.noText") : s.text(), 320, null);
        sql.getColumns().add(textCol);

        TableView<ActivityBreakdown.TopSession> sessions = table("activityTopSessions", model.topSessions());
        sessions.getColumns().add(bar(messages.get("activity.col.activity"), ActivityBreakdown.TopSession::pct,
                ActivityBreakdown.TopSession::byClass));
        sessions.getColumns().add(text(messages.get("activity.col.sid"), s -> Long.toString(s.sid()), 55, "number"));
        sessions.getColumns().add(text(messages.get("activity.col.serial"), s -> Long.toString(s.serial()), 70, "number"));
        sessions.getColumns().add(text(messages.get("activity.col.user"), ActivityBreakdown.TopSession::user, 90, null));
        sessions.getColumns().add(text(messages.get("activity.col.program"), ActivityBreakdown.TopSession::program, 170, null));
        sessions.getColumns().add(text(messages.get("activity.col.topEvent"), s -> eventName(s.topEvent()), 200, null));

        TableView<ActivityBreakdown.TopEvent> events = table("activityTopEvents", model.topEvents());
        events.getColumns().add(bar(messages.get("activity.col.activity"), ActivityBreakdown.TopEvent::pct,
                e -> Map.of(e.waitClass(), e.samples())));
        events.getColumns().add(text(messages.get("activity.col.event"), e -> eventName(e.event()), 210, null));
        events.getColumns().add(text(messages.get("activity.col.waitClass"), e -> className(e.waitClass()), 100, null));
        events.getColumns().add(number(messages.get("activity.col.aas"), ActivityBreakdown.TopEvent::aas));

        SplitPane split = new SplitPane(titled("activity.sql.title", sql), titled("activity.sessions.title", sessions),
                titled("activity.events.title", events));
        split.setDividerPositions(0.42, 0.74);
        split.getStyleClass().add("activity-tables");
        Label selection = new Label();
        selection.setId("activitySelection");
        selection.getStyleClass().add("activity-selection-text");
        selection.textProperty().bind(model.selectionTextProperty());
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(2, selection, split);
        box.getStyleClass().add("activity-tables-box");
        return box;
    }

    private VBox titled(String key, TableView<?> table) {
        Label heading = new Label(messages.get(key));
        heading.getStyleClass().add("activity-table-title");
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(4, heading, table);
        box.getStyleClass().add("activity-table-box");
        return box;
    }

    private <T> TableView<T> table(String id, javafx.collections.ObservableList<T> items) {
        TableView<T> t = new TableView<>(items);
        t.setId(id);
        t.getStyleClass().addAll("activity-table", "dense");
        t.setPlaceholder(new Label(messages.get("activity.noRows")));
        t.setColumnResizePolicy(TableView.UNCONSTRAINED_RESIZE_POLICY);
        return t;
    }

    private <T> TableColumn<T, String> text(String title, Function<T, String> value, double width, String style) {
        TableColumn<T, String> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.apply(d.getValue())));
        c.setPrefWidth(width);
        if (style != null) {
            c.getStyleClass().add(style);
        }
        return c;
    }

    private <T> TableColumn<T, Number> number(String title, ToDoubleFunction<T> value) {
        TableColumn<T, Number> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(value.applyAsDouble(d.getValue())));
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(Number v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : String.format(Locale.ROOT, "%.2f", v.doubleValue()));
            }
        });
        c.getStyleClass().add("number");
        c.setPrefWidth(60);
        return c;
    }

    /** EM's activity bar: as long as the row's share against the top row's, coloured by wait class, with the share in %. */
    private <T> TableColumn<T, T> bar(String title, ToDoubleFunction<T> pct, Function<T, Map<String, Long>> byClass) {
        TableColumn<T, T> c = new TableColumn<>(title);
        c.setCellValueFactory(d -> new ReadOnlyObjectWrapper<>(d.getValue()));
        c.setComparator((a, b) -> Double.compare(pct.applyAsDouble(a), pct.applyAsDouble(b)));
        c.setSortType(TableColumn.SortType.DESCENDING);
        c.setPrefWidth(128);
        c.setCellFactory(col -> new TableCell<>() {
            @Override
            protected void updateItem(T item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setGraphic(null);
                    setText(null);
                    return;
                }
                double top = getTableView().getItems().stream().mapToDouble(pct).max().orElse(100);
                double share = pct.applyAsDouble(item);
                double width = 64 * share / Math.max(top, 1e-9);
                Map<String, Long> parts = byClass.apply(item);
                long all = parts.values().stream().mapToLong(Long::longValue).sum();
                HBox bars = new HBox();
                bars.getStyleClass().add("activity-bar");
                bars.setMinWidth(64);
                bars.setMaxWidth(64);
                List<String> order = parts.keySet().stream().sorted(WaitClasses.STACKING).toList();
                StringBuilder tip = new StringBuilder();
                for (String cls : order) {
                    Region r = new Region();
                    double w = all == 0 ? 0 : width * parts.get(cls) / all;
                    r.setMinWidth(w);
                    r.setPrefWidth(w);
                    r.setMaxWidth(w);
                    r.setPrefHeight(10);
                    r.setStyle("-fx-background-color: " + WaitClassColors.hex(cls) + ";");
                    bars.getChildren().add(r);
                    tip.append(tip.isEmpty() ? "" : "\n").append(className(cls)).append(": ")
                            .append(String.format(Locale.ROOT, "%.1f %%", share * parts.get(cls) / Math.max(all, 1)));
                }
                Label pctLabel = new Label(String.format(Locale.ROOT, "%.1f %%", share));
                pctLabel.getStyleClass().add("activity-pct");
                HBox cell = new HBox(6, bars, pctLabel);
                cell.setAlignment(Pos.CENTER_LEFT);
                setGraphic(cell);
                setText(null);
                setTooltip(new Tooltip(tip.toString()));
            }
        });
        return c;
    }

    private String className(String cls) {
        return WaitClasses.CPU.equals(cls) ? messages.get("activity.cpu") : cls;
    }

    private String eventName(String event) {
        return WaitClasses.CPU.equals(event) ? messages.get("activity.cpu") : event;
    }

    public ActivityViewModel model() {
        return model;
    }

    public BorderPane root() {
        return root;
    }
}
