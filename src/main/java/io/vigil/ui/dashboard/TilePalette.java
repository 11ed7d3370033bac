package io.vigil.ui.dashboard;

import javafx.scene.paint.Color;

import io.vigil.config.Theme;
import io.vigil.watch.Health;

/**
 * The colours of tiles in the light or dark theme. TilesFX paints its tiles from properties, not from the style sheet,
 * so they are set here from the same Primer colours AtlantaFX uses.
 */
public record TilePalette(Color background, Color border, Color foreground, Color muted, Color track, Color accent,
                          Color ok, Color warn, Color crit, Color idle) {

    public static TilePalette of(Theme theme) {
        return theme == Theme.DARK
                ? new TilePalette(Color.web("#161b22"), Color.web("#30363d"), Color.web("#e6edf3"), Color.web("#9198a1"),
                        Color.web("#262c36"), Color.web("#4493f8"), Color.web("#3fb950"), Color.web("#d29922"), Color.web("#f85149"),
                        Color.web("#656c76"))
                : new TilePalette(Color.web("#ffffff"), Color.web("#d0d7de"), Color.web("#1f2328"), Color.web("#59636e"),
                        Color.web("#eaeef2"), Color.web("#0969da"), Color.web("#1a7f37"), Color.web("#bf8700"), Color.web("#cf222e"),
                        Color.web("#818b98"));
    }

    /** The colour of a figure at a level: the text colour while fine. */
    public Color value(Level level) {
        return switch (level) {
            case WARN -> warn;
            case CRIT -> crit;
            default -> foreground;
        };
    }

    /** The border of a tile: its own while fine, amber or red when a figure crosses a threshold. */
    public Color border(Level level) {
        return switch (level) {
            case WARN -> warn;
            case CRIT -> crit;
            default -> border;
        };
    }

    public Color health(Health health) {
        return switch (health) {
            case OK -> ok;
            case STALE -> warn;
            case ERROR, DOWN -> crit;
            case PAUSED, UNKNOWN -> idle;
        };
    }
}
