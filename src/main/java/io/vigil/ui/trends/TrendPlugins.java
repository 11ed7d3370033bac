package io.vigil.ui.trends;

import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;

import io.fair_acc.chartfx.Chart;
import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.chartfx.plugins.CrosshairIndicator;
import io.fair_acc.chartfx.plugins.DataPointTooltip;
import io.fair_acc.dataset.DataSet;
import io.fair_acc.dataset.spi.utils.Tuple;

/** ChartFX's crosshair and tooltip, speaking in local time and in each axis's unit. */
final class TrendPlugins {

    private TrendPlugins() {
    }

    /** The crosshair's label: the time under the cursor, then the value of every y axis at the cursor's height. */
    static final class Crosshair extends CrosshairIndicator {

        private final ZoneId zone;
        private final String noUnit;

        Crosshair(ZoneId zone, String noUnit) {
            this.zone = zone;
            this.noUnit = noUnit;
            // The crosshair follows the cursor, so it is always under it: it must not take the hover from the event marks.
            getChartChildren().forEach(n -> n.setMouseTransparent(true));
            getChartChildren().addListener((javafx.collections.ListChangeListener<javafx.scene.Node>) c -> {
                while (c.next()) {
                    c.getAddedSubList().forEach(n -> n.setMouseTransparent(true));
                }
            });
        }

        @Override
        protected String formatData(Chart chart, Tuple<Number, Number> data) {
            // Not chart.getFirstAxis: on a chart without y axes it would add one.
            Axis first = chart.getAxes().stream().filter(a -> a.getSide() != null && a.getSide().isVertical()).findFirst().orElse(null);
            if (first == null) {
                return Values.time(data.getXValue().doubleValue(), zone);
            }
            double height = first.getDisplayPosition(data.getYValue().doubleValue());
            List<String> values = new ArrayList<>();
            for (Axis axis : chart.getAxes()) {
                if (axis.getSide() != null && axis.getSide().isVertical()) {
                    values.add(Values.withUnit(axis.getValueForDisplay(height), unit(axis, noUnit)));
                }
            }
            return Values.time(data.getXValue().doubleValue(), zone) + "\n" + String.join("   ", values);
        }
    }

    /** The tooltip of the point nearest the cursor: its series, time and value with the unit. */
    static final class Tooltip extends DataPointTooltip {

        private final ZoneId zone;
        private final String noUnit;

        Tooltip(ZoneId zone, String noUnit) {
            super(8);
            this.zone = zone;
            this.noUnit = noUnit;
        }

        @Override
        protected String getDataLabelSafe(DataSet dataSet, int index) {
            return dataSet.getName();
        }

        @Override
        protected String formatLabel(DataPoint p) {
            String unit = p.renderer.getAxes().stream().filter(a -> a.getSide() != null && a.getSide().isVertical()).findFirst()
                    .map(a -> unit(a, noUnit)).orElse("");
            return p.label + "\n" + Values.time(p.x, zone) + "   " + Values.withUnit(p.y, unit);
        }
    }

    // The y axes are named by their unit; metrics without one share an axis named in words, which is no unit.
    static String unit(Axis axis, String noUnit) {
        return noUnit.equals(axis.getName()) ? "" : axis.getName();
    }
}
