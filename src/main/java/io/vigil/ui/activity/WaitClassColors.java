package io.vigil.ui.activity;

import java.util.Map;

import javafx.scene.paint.Color;

/**
 * The colours Enterprise Manager's Top Activity gives the wait classes, which DBAs read without a legend: CPU green,
 * User I/O blue, System I/O light blue, Concurrency dark red, Application red, Commit orange, Configuration brown.
 * They read the same on the light and the dark theme.
 */
final class WaitClassColors {

    private static final Map<String, String> HEX = Map.ofEntries(
            Map.entry("CPU", "#00CC00"),
            Map.entry("Scheduler", "#87F09B"),
            Map.entry("User I/O", "#004AE7"),
            Map.entry("System I/O", "#0094E7"),
            Map.entry("Concurrency", "#8B1A00"),
            Map.entry("Application", "#C02800"),
            Map.entry("Commit", "#E46800"),
            Map.entry("Configuration", "#5C440B"),
            Map.entry("Administrative", "#717354"),
            Map.entry("Network", "#9F9371"),
            Map.entry("Queueing", "#C2B79B"),
            Map.entry("Cluster", "#C9C2AF"),
            Map.entry("Other", "#F06EAA"));

    private WaitClassColors() {
    }

    /** The class' colour as CSS hex; a class EM does not know is grey. */
    static String hex(String waitClass) {
        return HEX.getOrDefault(waitClass, "#9E9E9E");
    }

    static Color color(String waitClass) {
        return Color.web(hex(waitClass));
    }
}
