package io.vigil.ui.trends;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.BiConsumer;

import javafx.animation.PauseTransition;
import javafx.util.Duration;

import io.fair_acc.chartfx.XYChart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.axes.AxisLabelOverlapPolicy;
import io.fair_acc.chartfx.axes.AxisMode;
import io.fair_acc.chartfx.axes.spi.DefaultNumericAxis;
import io.fair_acc.chartfx.axes.spi.format.DefaultTimeFormatter;
import io.fair_acc.chartfx.plugins.MouseEventsHelper;
import io.fair_acc.chartfx.plugins.Zoomer;
import io.fair_acc.chartfx.renderer.ErrorStyle;
import io.fair_acc.chartfx.renderer.LineStyle;
import io.fair_acc.chartfx.renderer.spi.ErrorDataSetRenderer;
import io.fair_acc.chartfx.ui.css.ColorPalette;
import io.fair_acc.chartfx.ui.geometry.Side;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.DoubleDataSet;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.EventTexts;

/**
 * The ChartFX chart of a trend: a local-time axis, one y axis per unit (left, right, left...), one line per series. A
 * refresh with the same series only swaps the arrays of the data sets, so live mode neither rebuilds nodes nor loses
 * the legend's hidden lines; a zoomed-in view stays where the DBA put it until reset.
 */
public final class TrendChart {

    private static final int COLOURS = 8;

    private final DefaultNumericAxis xAxis;
    private final DefaultNumericAxis baseY;
    private final XYChart chart;
    private final Zoomer zoomer;
    private final EventMarkers markers;
    private final String noUnit;
    private final Map<String, DoubleDataSet> sets = new LinkedHashMap<>();
    private final List<Axis> yAxes = new ArrayList<>();
    private List<String> layout = List.of();
    private Trend shown;
    private final PauseTransition zoomSettles = new PauseTransition(Duration.millis(250));
    private BiConsumer<Instant, Instant> onZoom = (from, to) -> { };
    private boolean zoomTold;

    /** A chart whose event marks speak English (the benchmarks draw one without a console). */
    public TrendChart(ZoneId zone, String timeTitle, String noUnit) {
        this(zone, timeTitle, noUnit, new Messages(Locale.ENGLISH));
    }

    /**
     * @param zone      the zone the time axis and the tooltips show
     * @param timeTitle the time axis's title
     * @param noUnit    the y axis title for metrics without a unit
     * @param messages  the language of the event marks' tooltips
     */
    public TrendChart(ZoneId zone, String timeTitle, String noUnit, Messages messages) {
        this.noUnit = noUnit;
        xAxis = new DefaultNumericAxis(timeTitle);
        xAxis.setTimeAxis(true);
        xAxis.setAutoRanging(false);
        xAxis.setAutoRangeRounding(false);
        xAxis.setAnimated(false);
        xAxis.setUnit(null); // ChartFX writes "name []" for an empty unit
        xAxis.setOverlapPolicy(AxisLabelOverlapPolicy.SKIP_ALT);
        xAxis.setAxisPadding(48); // room to draw the first and last date labels whole, past the plot's edges
        xAxis.setMaxMajorTickLabelCount(10); // "02-Mar 14:00" is wide: more labels would skip every other one
        DefaultTimeFormatter local = new DefaultTimeFormatter(xAxis) {
            // One line per tick: ChartFX sizes the axis for its two-line date labels a layout late, and the second
            // line ran into the axis title.
            @Override
            public String toString(Number seconds) {
                return super.toString(seconds).replace(System.lineSeparator(), " ");
            }
        };
        local.setTimeZoneOffset(zone.getRules().getOffset(Instant.now()));
        xAxis.setAxisLabelFormatter(local);
        // The first y axis stays for the chart's life: ChartFX adds a "y-Axis" of its own whenever a chart has no vertical
        // axis and something (the grid, a plugin) asks for one.
        baseY = yAxis();
        baseY.setName(noUnit);
        chart = new XYChart(xAxis, baseY);
        chart.getRenderers().clear(); // renderers come with the units of the first trend
        chart.setAnimated(false);
        chart.setLegendVisible(true);
        chart.setColorPalette(ColorPalette.ATLANTAFX);
        chart.getStyleClass().add("trends-chart");
        chart.setId("trendsChart");
        uncache(chart.getCanvas());
        uncache(xAxis.getCanvas());
        uncache(baseY.getCanvas());

        zoomer = new Zoomer(AxisMode.X);
        zoomer.setAddButtonsToToolBar(false);
        zoomer.setSliderVisible(false);
        zoomer.setAnimated(false);
        // Pan with the middle button, or shift and the left one for a touchpad; a plain left drag zooms.
        zoomer.setPanMouseFilter(e -> zoomer.defaultPanMouseFilter.test(e)
                || MouseEventsHelper.isOnlyPrimaryButtonDown(e) && e.isShiftDown() && !e.isControlDown());
        markers = new EventMarkers(xAxis, new EventTexts(messages, zone), messages);
        chart.getPlugins().addAll(zoomer, markers, new TrendPlugins.Crosshair(zone, noUnit), new TrendPlugins.Tooltip(zone, noUnit));
        // A zoom or a pan moves the time axis many times a second while the mouse drags: say where it came to rest.
        zoomSettles.setOnFinished(e -> tellZoom());
        xAxis.minProperty().addListener((o, was, now) -> zoomSettles.playFromStart());
        xAxis.maxProperty().addListener((o, was, now) -> zoomSettles.playFromStart());
    }

    /** Who hears where a zoom or pan came to rest ({@code from, to}), and (null, null) when the chart is back to its window. */
    void setOnZoom(BiConsumer<Instant, Instant> listener) {
        onZoom = listener;
    }

    private void tellZoom() {
        if (isZoomed()) {
            zoomTold = true;
            onZoom.accept(Instant.ofEpochMilli(Math.round(xAxis.getMin() * 1000)), Instant.ofEpochMilli(Math.round(xAxis.getMax() * 1000)));
        } else if (zoomTold) {
            zoomTold = false;
            onZoom.accept(null, null);
        }
    }

    /** Hands the trend to ChartFX in one go; call on the FX thread. */
    public void show(Trend trend) {
        shown = trend;
        List<TrendLine> lines = trend == null ? List.of() : trend.lines();
        List<String> now = lines.stream().map(l -> l.unit() + '\u0000' + l.key()).toList();
        if (!now.equals(layout)) {
            rebuild(lines);
            layout = now;
        }
        for (TrendLine line : lines) {
            DoubleDataSet set = sets.get(line.key().toString());
            set.setName(line.label());
            set.set(line.seconds(), line.drawn(), line.seconds().length, false); // the arrays are the trend's own and never change
        }
        if (trend != null && !isZoomed()) {
            xAxis.set(trend.from().toEpochMilli() / 1000.0, trend.to().toEpochMilli() / 1000.0);
        }
    }

    /** Marks these events over the lines (an empty list clears them); call on the FX thread. */
    public void showEvents(List<VigilEvent> events) {
        markers.show(events);
    }

    /** Opens (or closes) the tooltip of the newest of the most severe marks; false when none is drawn. */
    boolean peekEvent(boolean open) {
        return markers.peek(open);
    }

    /** The event marks drawn now, for tests. */
    List<EventMarkers.Mark> eventMarks() {
        return markers.marks();
    }

    // One renderer and y axis per unit, in the order the units first appear.
    private void rebuild(List<TrendLine> lines) {
        chart.getRenderers().clear();
        yAxes.remove(baseY);
        chart.getAxes().removeAll(yAxes);
        yAxes.clear();
        sets.clear();
        Map<String, ErrorDataSetRenderer> byUnit = new LinkedHashMap<>();
        for (TrendLine line : lines) {
            ErrorDataSetRenderer r = byUnit.computeIfAbsent(line.unit(), this::renderer);
            DoubleDataSet set = new DoubleDataSet(line.label());
            sets.put(line.key().toString(), set);
            r.getDatasets().add(set);
        }
        chart.getRenderers().addAll(byUnit.values());
        // The palette has eight colours; lines beyond them repeat the colours dashed, then dotted. ChartFX numbers the
        // lines across renderers, in renderer order.
        int index = 0;
        for (ErrorDataSetRenderer r : byUnit.values()) {
            for (DataSet set : r.getDatasets()) {
                int cycle = index++ / COLOURS;
                set.setStyle(cycle == 0 ? "" : cycle == 1 ? "-fx-line-dash-array: 7 3;" : "-fx-line-dash-array: 2 2;");
            }
        }
    }

    // ChartFX caches its canvases as bitmaps; redrawn every few seconds in live mode, the cached bitmap is now and then
    // not replaced and the chart shows the previous picture until the next redraw.
    private static void uncache(javafx.scene.canvas.Canvas canvas) {
        canvas.setCache(false);
    }

    private DefaultNumericAxis yAxis() {
        DefaultNumericAxis y = new DefaultNumericAxis("");
        uncache(y.getCanvas());
        y.setAnimated(false);
        y.setUnit(null);
        y.setAutoRangeRounding(true);
        y.setAutoRangePadding(0.05);
        y.setTickLabelFormatter(Values.ticks());
        return y;
    }

    private ErrorDataSetRenderer renderer(String unit) {
        DefaultNumericAxis y = yAxes.isEmpty() ? baseY : yAxis();
        y.setName(unit.isBlank() ? noUnit : unit);
        y.setSide(yAxes.size() % 2 == 0 ? Side.LEFT : Side.RIGHT);
        y.setAutoRanging(true);
        yAxes.add(y);
        ErrorDataSetRenderer r = new ErrorDataSetRenderer();
        r.setPointReduction(true);
        r.setDrawMarker(false);
        r.setDashSize(0); // no error-bar whiskers on the legend's line
        r.setErrorStyle(ErrorStyle.NONE);
        r.setPolyLineStyle(LineStyle.NORMAL);
        r.setAssumeSortedData(true);
        r.setAllowNaNs(true); // a NaN breaks the line where nothing was collected
        r.getAxes().addAll(xAxis, y);
        return r;
    }

    /** Back to the whole window, every axis fitting its data again. */
    void resetZoom() {
        zoomer.clear();
        zoomSettles.stop();
        if (zoomTold) {
            zoomTold = false;
            onZoom.accept(null, null);
        }
        for (Axis y : yAxes) {
            y.setAutoRanging(true);
        }
        if (shown != null) {
            xAxis.set(shown.from().toEpochMilli() / 1000.0, shown.to().toEpochMilli() / 1000.0);
        }
        chart.invalidate();
    }

    boolean isZoomed() {
        return !zoomer.zoomStackDeque().isEmpty();
    }

    /** Every data set drawn, for tests and the benchmark. */
    List<DataSet> dataSets() {
        return List.copyOf(sets.values());
    }

    DefaultNumericAxis xAxis() {
        return xAxis;
    }

    List<Axis> yAxes() {
        return List.copyOf(yAxes);
    }

    /** The plot area's width in pixels, the most points a line can show. */
    public double plotWidth() {
        return chart.getCanvas().getWidth();
    }

    public XYChart node() {
        return chart;
    }
}
