package io.vigil.ui.activity;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.BiConsumer;

import javafx.scene.Node;
import javafx.scene.chart.NumberAxis;
import javafx.scene.chart.StackedAreaChart;
import javafx.scene.chart.XYChart;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.shape.Line;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;
import javafx.util.StringConverter;

import io.vigil.activity.ActivityChart;
import io.vigil.i18n.Messages;

/**
 * The stacked area chart of average active sessions by wait class, with the host's CPU count as a dashed line and the
 * selected part of the window shaded; dragging across it selects a part, a click selects the whole window again.
 *
 * <p>JavaFX's own {@link StackedAreaChart} rather than ChartFX, which the Trends pane uses: ChartFX 11.3 has no stacked
 * renderer (its area style fills every series down to zero, so a stack would have to be summed by hand and painted
 * largest first, with the legend and tooltips then showing the sums), while this chart stacks by itself and takes EM's
 * colours per series. Its cost is no concern here: a window is at most 360 buckets of a dozen classes, redrawn once per
 * sample, far from the dense data ChartFX is chosen for.
 */
final class ActivityChartView extends StackedAreaChart<Number, Number> {

    private final NumberAxis x;
    private final NumberAxis y;
    private final Messages messages;
    private final Rectangle shade = new Rectangle();
    private final Line cpuLine = new Line();
    private final Text cpuLabel = new Text();
    private ActivityChart shown;
    private Instant selectedFrom;
    private Instant selectedTo;
    private double dragFrom = Double.NaN;
    private double dragTo = Double.NaN;
    private BiConsumer<Instant, Instant> onSelect = (a, b) -> { };
    private Runnable onWhole = () -> { };

    ActivityChartView(Messages messages, ZoneId zone) {
        super(new NumberAxis(), new NumberAxis());
        this.messages = messages;
        this.x = (NumberAxis) getXAxis();
        this.y = (NumberAxis) getYAxis();
        getStyleClass().add("activity-chart");
        setId("activityChart");
        setAnimated(false);
        setCreateSymbols(false);
        setLegendVisible(false);
        setHorizontalGridLinesVisible(true);
        setVerticalGridLinesVisible(false);
        x.setAutoRanging(false);
        x.setMinorTickVisible(false);
        x.setForceZeroInRange(false);
        y.setAutoRanging(false);
        y.setMinorTickVisible(false);
        y.setLabel(messages.get("activity.axis.aas"));
        DateTimeFormatter minutes = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT).withZone(zone);
        x.setTickLabelFormatter(new StringConverter<>() {
            @Override
            public String toString(Number epochSecond) {
                return minutes.format(Instant.ofEpochSecond(epochSecond.longValue()));
            }

            @Override
            public Number fromString(String s) {
                throw new UnsupportedOperationException();
            }
        });
        shade.getStyleClass().add("activity-selection");
        shade.setManaged(false);
        shade.setMouseTransparent(true);
        shade.setVisible(false);
        cpuLine.getStyleClass().add("activity-cpu-line");
        cpuLine.setManaged(false);
        cpuLine.setMouseTransparent(true);
        cpuLabel.getStyleClass().add("activity-cpu-label");
        cpuLabel.setManaged(false);
        cpuLabel.setMouseTransparent(true);
        getPlotChildren().addAll(shade, cpuLine, cpuLabel);
        addEventHandler(MouseEvent.MOUSE_PRESSED, this::pressed);
        addEventHandler(MouseEvent.MOUSE_DRAGGED, this::dragged);
        addEventHandler(MouseEvent.MOUSE_RELEASED, this::released);
    }

    void setOnSelect(BiConsumer<Instant, Instant> onSelect, Runnable onWhole) {
        this.onSelect = onSelect;
        this.onWhole = onWhole;
    }

    /** Shows a chart: one series per wait class, CPU at the bottom, each point in the middle of its bucket. */
    void show(ActivityChart chart, int tickSeconds) {
        shown = chart;
        long from = chart.from().getEpochSecond();
        long to = chart.to().getEpochSecond();
        x.setLowerBound(from);
        x.setUpperBound(to);
        x.setTickUnit(tickSeconds);
        double top = 0;
        for (int i = 0; i < chart.buckets(); i++) {
            top = Math.max(top, chart.total(i));
        }
        if (chart.cpus().isPresent()) {
            top = Math.max(top, chart.cpus().getAsInt());
        }
        double unit = niceStep(Math.max(top * 1.1, 1) / 5);
        y.setLowerBound(0);
        y.setTickUnit(unit);
        y.setUpperBound(Math.ceil(Math.max(top * 1.1, 1) / unit) * unit);
        List<XYChart.Series<Number, Number>> series = new ArrayList<>();
        double half = chart.bucketSeconds() / 2.0;
        for (int k = 0; k < chart.classes().size(); k++) {
            double[] aas = chart.aas().get(k);
            XYChart.Series<Number, Number> s = new XYChart.Series<>();
            s.setName(chart.classes().get(k));
            List<XYChart.Data<Number, Number>> points = new ArrayList<>(aas.length);
            for (int i = 0; i < aas.length; i++) {
                points.add(new XYChart.Data<>(from + (long) i * chart.bucketSeconds() + half, aas[i]));
            }
            s.getData().setAll(points);
            series.add(s);
        }
        getData().setAll(series);
        for (XYChart.Series<Number, Number> s : series) {
            String hex = WaitClassColors.hex(s.getName());
            Node area = s.getNode();
            if (area != null) {
                area.lookupAll(".chart-series-area-fill").forEach(n -> n.setStyle("-fx-fill: " + hex + ";"));
                area.lookupAll(".chart-series-area-line").forEach(n -> n.setStyle("-fx-stroke: " + hex + "; -fx-stroke-width: 1;"));
            }
        }
        cpuLabel.setText(chart.cpus().isPresent() ? messages.get("activity.cpus", chart.cpus().getAsInt()) : "");
        raiseMarks();
    }

    /** Shades the selected part; null for the whole window. */
    void showSelection(Instant from, Instant to) {
        selectedFrom = from;
        selectedTo = to;
        raiseMarks();
    }

    private void raiseMarks() {
        getPlotChildren().remove(shade); // the shade goes under the CPU line, both over the areas
        getPlotChildren().removeAll(cpuLine, cpuLabel);
        getPlotChildren().addAll(shade, cpuLine, cpuLabel);
        requestChartLayout(); // plot children are laid out with the chart's content, not the chart itself
    }

    @Override
    protected void layoutPlotChildren() {
        super.layoutPlotChildren();
        double width = x.getWidth();
        double height = y.getHeight();
        boolean dragging = !Double.isNaN(dragFrom) && !Double.isNaN(dragTo);
        if (dragging || selectedFrom != null && shown != null) {
            double a = dragging ? dragFrom : selectedFrom.getEpochSecond();
            double b = dragging ? dragTo : selectedTo.getEpochSecond();
            double xa = x.getDisplayPosition(Math.min(a, b));
            double xb = x.getDisplayPosition(Math.max(a, b));
            shade.setX(xa);
            shade.setY(0);
            shade.setWidth(Math.max(1, xb - xa));
            shade.setHeight(height);
            shade.setVisible(true);
        } else {
            shade.setVisible(false);
        }
        boolean cpus = shown != null && shown.cpus().isPresent();
        cpuLine.setVisible(cpus);
        cpuLabel.setVisible(cpus);
        if (cpus) {
            double cy = Math.round(y.getDisplayPosition(shown.cpus().getAsInt())) + 0.5;
            cpuLine.setStartX(0);
            cpuLine.setEndX(width);
            cpuLine.setStartY(cy);
            cpuLine.setEndY(cy);
            cpuLabel.setX(6);
            cpuLabel.setY(cy - 5);
        }
    }

    private double valueAt(MouseEvent e) {
        double local = x.sceneToLocal(e.getSceneX(), e.getSceneY()).getX();
        double v = x.getValueForDisplay(local).doubleValue();
        return Math.clamp(v, x.getLowerBound(), x.getUpperBound());
    }

    private boolean inPlot(MouseEvent e) {
        Node plot = lookup(".chart-plot-background");
        return plot != null && plot.contains(plot.sceneToLocal(e.getSceneX(), e.getSceneY()));
    }

    private void pressed(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || shown == null || !inPlot(e)) {
            return;
        }
        dragFrom = valueAt(e);
        dragTo = Double.NaN;
    }

    private void dragged(MouseEvent e) {
        if (Double.isNaN(dragFrom)) {
            return;
        }
        dragTo = valueAt(e);
        requestChartLayout();
    }

    private void released(MouseEvent e) {
        if (Double.isNaN(dragFrom)) {
            return;
        }
        double a = dragFrom;
        double b = Double.isNaN(dragTo) ? a : valueAt(e);
        dragFrom = Double.NaN;
        dragTo = Double.NaN;
        if (Math.abs(b - a) < shown.bucketSeconds()) {
            onWhole.run();
        } else {
            onSelect.accept(Instant.ofEpochSecond(Math.round(Math.min(a, b))), Instant.ofEpochSecond(Math.round(Math.max(a, b))));
        }
        requestChartLayout();
    }

    /** 1, 2 or 5 times a power of ten, at least {@code raw}. */
    static double niceStep(double raw) {
        double p = Math.pow(10, Math.floor(Math.log10(raw)));
        for (double m : new double[] {1, 2, 5, 10}) {
            if (m * p >= raw) {
                return m * p;
            }
        }
        return 10 * p;
    }
}
