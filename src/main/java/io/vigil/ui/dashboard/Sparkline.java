package io.vigil.ui.dashboard;

import javafx.scene.layout.Region;
import javafx.scene.paint.Color;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.StrokeLineJoin;

/**
 * A line through a headline's recent values, newest at the right edge, scaled to their range; a flat history is drawn
 * flat through the middle. The x step is fixed by the capacity, so a young history fills in from the right.
 */
final class Sparkline extends Region {

    private final Polyline line = new Polyline();
    private final Circle dot = new Circle(3.5);
    private double[] values = new double[0];
    private int capacity = 2;

    Sparkline() {
        getStyleClass().add("sparkline");
        line.setStrokeWidth(2);
        line.setStrokeLineJoin(StrokeLineJoin.ROUND);
        line.setFill(null);
        line.setManaged(false);
        dot.setManaged(false);
        getChildren().addAll(line, dot);
        setMinSize(40, 20);
    }

    void show(double[] newValues, int newCapacity, Color colour) {
        values = newValues;
        capacity = Math.max(2, newCapacity);
        line.setStroke(colour);
        dot.setFill(colour);
        requestLayout();
    }

    double[] values() {
        return values;
    }

    @Override
    protected void layoutChildren() {
        double w = getWidth() - snappedLeftInset() - snappedRightInset() - dot.getRadius();
        double h = getHeight() - snappedTopInset() - snappedBottomInset() - 2 * dot.getRadius();
        double x0 = snappedLeftInset();
        double y0 = snappedTopInset() + dot.getRadius();
        double lo = Double.POSITIVE_INFINITY;
        double hi = Double.NEGATIVE_INFINITY;
        for (double v : values) {
            lo = Math.min(lo, v);
            hi = Math.max(hi, v);
        }
        double range = hi - lo;
        double step = w / (capacity - 1);
        Double[] points = new Double[values.length * 2];
        for (int i = 0; i < values.length; i++) {
            double x = x0 + w - (values.length - 1 - i) * step;
            double y = range <= 0 ? y0 + h / 2 : y0 + h - (values[i] - lo) / range * h;
            points[2 * i] = x;
            points[2 * i + 1] = y;
        }
        line.getPoints().setAll(points);
        dot.setVisible(values.length > 0);
        if (values.length > 0) {
            dot.setCenterX(points[points.length - 2]);
            dot.setCenterY(points[points.length - 1]);
        }
    }
}
