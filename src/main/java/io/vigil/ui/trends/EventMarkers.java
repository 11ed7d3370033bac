package io.vigil.ui.trends;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

import javafx.geometry.Point2D;
import javafx.scene.Group;
import javafx.scene.Node;
import javafx.scene.canvas.Canvas;
import javafx.scene.control.Tooltip;
import javafx.scene.paint.Color;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.util.Duration;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.ChartPlugin;
import io.vigil.config.Severity;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.EventTexts;

/**
 * Events as thin vertical marks across the plot, coloured by severity (red, amber, grey), with a small flag on top and
 * the event in a tooltip. Events closer than a few pixels share one mark in the worst colour, whose tooltip lists them:
 * a week of alert-log entries stays a readable row of marks. Marks are rebuilt only when the time axis or the plot's
 * size moved; a mouse drag on a mark still zooms, as the events reach the plot area under it.
 */
final class EventMarkers extends ChartPlugin {

    /** Events closer than this many pixels share a mark. */
    static final double NEAR = 5;
    /** Events a shared mark's tooltip spells out; the rest are counted. */
    static final int LISTED = 4;
    private static final double HIT_WIDTH = 9;
    private static final double FLAG = 6;

    private final Axis xAxis;
    private final EventTexts texts;
    private final Messages messages;
    private final Group layer = new Group();
    private final List<Mark> marks = new ArrayList<>();
    private List<VigilEvent> events = List.of();
    private double laidMin = Double.NaN;
    private double laidMax;
    private double laidWidth;
    private double laidHeight;

    /** One mark as drawn: where (in plot pixels), its colour and its tooltip. */
    record Mark(double x, Severity severity, List<VigilEvent> events, String tooltip, Node node, Tooltip popup) {
    }

    EventMarkers(Axis xAxis, EventTexts texts, Messages messages) {
        this.xAxis = xAxis;
        this.texts = texts;
        this.messages = messages;
        layer.getStyleClass().add("event-markers");
        layer.setManaged(false);
        getChartChildren().add(layer);
    }

    /** The events to mark, in any order; call on the FX thread. */
    void show(List<VigilEvent> shown) {
        events = shown.stream().sorted(Comparator.comparing(VigilEvent::at)).toList();
        laidMin = Double.NaN;
        place();
    }

    @Override
    public void layoutChildren() {
        place();
    }

    @Override
    public void runPostLayout() {
        place();
    }

    /** The marks drawn now, left to right. */
    List<Mark> marks() {
        return List.copyOf(marks);
    }

    private void place() {
        if (getChart() == null) {
            return;
        }
        Canvas canvas = getChart().getCanvas();
        double w = canvas.getWidth();
        double h = canvas.getHeight();
        // The layer sits wherever ChartFX puts plugin nodes: line it up with the canvas the data is drawn on.
        if (layer.getParent() != null && canvas.getScene() != null) {
            Point2D origin = layer.getParent().sceneToLocal(canvas.localToScene(0, 0));
            layer.setLayoutX(origin.getX());
            layer.setLayoutY(origin.getY());
        }
        if (w == laidWidth && h == laidHeight && xAxis.getMin() == laidMin && xAxis.getMax() == laidMax) {
            return;
        }
        laidWidth = w;
        laidHeight = h;
        laidMin = xAxis.getMin();
        laidMax = xAxis.getMax();
        marks.clear();
        List<List<VigilEvent>> groups = new ArrayList<>();
        List<Double> xs = new ArrayList<>();
        if (w > 0 && h > 0 && laidMax > laidMin) {
            for (VigilEvent e : events) {
                double x = xAxis.getDisplayPosition(e.at().toEpochMilli() / 1000.0);
                if (!Double.isFinite(x) || x < 0 || x > w) {
                    continue;
                }
                if (!xs.isEmpty() && x - xs.getLast() <= NEAR) {
                    groups.getLast().add(e);
                } else {
                    xs.add(x);
                    groups.add(new ArrayList<>(List.of(e)));
                }
            }
        }
        List<Node> nodes = new ArrayList<>();
        for (int i = 0; i < groups.size(); i++) {
            List<VigilEvent> group = groups.get(i);
            Severity worst = group.stream().map(VigilEvent::severity).max(Comparator.naturalOrder()).orElse(Severity.INFO);
            String tip = tooltip(group);
            double x = Math.round(xs.get(i)) + 0.5; // centred on a pixel: crisp, not smeared over two
            Tooltip popup = popup(tip);
            Node node = node(x, h, worst, popup);
            nodes.add(node);
            marks.add(new Mark(xs.get(i), worst, List.copyOf(group), tip, node, popup));
        }
        layer.getChildren().setAll(nodes);
    }

    private String tooltip(List<VigilEvent> group) {
        if (group.size() == 1) {
            return texts.tooltip(group.getFirst());
        }
        StringBuilder b = new StringBuilder(messages.get("event.cluster", group.size()));
        List<VigilEvent> newestFirst = group.reversed();
        for (VigilEvent e : newestFirst.subList(0, Math.min(LISTED, group.size()))) {
            b.append("\n\n").append(texts.head(e)).append('\n').append(texts.firstLines(e.text(), 2));
        }
        if (group.size() > LISTED) {
            b.append("\n\n").append(messages.get("event.cluster.more", group.size() - LISTED));
        }
        return b.toString();
    }

    /** Opens the tooltip of the newest of the most severe marks beside it, or closes any ({@code false}). */
    boolean peek(boolean open) {
        marks.forEach(m -> m.popup().hide());
        Mark worst = marks.stream().max(Comparator.comparing(Mark::severity).thenComparing(Mark::x)).orElse(null);
        if (!open || worst == null || worst.node().getScene() == null) {
            return false;
        }
        javafx.geometry.Bounds b = worst.node().localToScreen(worst.node().getBoundsInLocal());
        Tooltip popup = worst.popup();
        popup.show(worst.node(), b.getMaxX() + 6, b.getMinY() + 0.3 * b.getHeight());
        javafx.stage.Window window = worst.node().getScene().getWindow();
        if (popup.getX() + popup.getWidth() > window.getX() + window.getWidth()) { // past the window: open it on the left
            popup.setX(b.getMinX() - 6 - popup.getWidth());
        }
        return true;
    }

    private static Tooltip popup(String tip) {
        Tooltip t = new Tooltip(tip);
        t.getStyleClass().add("event-tooltip");
        t.setShowDelay(Duration.millis(200));
        t.setShowDuration(Duration.seconds(30));
        t.setWrapText(true);
        t.setMaxWidth(640);
        return t;
    }

    private static Node node(double x, double height, Severity severity, Tooltip tip) {
        Line hit = new Line(x, 0, x, height);
        hit.setStrokeWidth(HIT_WIDTH);
        hit.setStroke(Color.TRANSPARENT); // wide enough to find with the mouse, and never drawn
        Line line = new Line(x, FLAG, x, height);
        line.getStyleClass().add("event-marker-line");
        line.setStroke(fallback(severity));
        line.setStrokeWidth(1.5);
        Polygon flag = new Polygon(x - FLAG, 0, x + FLAG, 0, x, FLAG + 2);
        flag.getStyleClass().add("event-marker-flag");
        flag.setFill(fallback(severity));
        Group mark = new Group(hit, line, flag);
        mark.getStyleClass().addAll("event-marker", EventTexts.styleClass(severity));
        Tooltip.install(mark, tip);
        return mark;
    }

    // The stylesheet picks the theme's colours; these hold where it is not loaded (an exported PNG keeps them too).
    private static Color fallback(Severity s) {
        return switch (s) {
            case CRIT -> Color.web("#cf222e");
            case WARN -> Color.web("#bf8700");
            case INFO -> Color.web("#8c959f");
        };
    }
}
