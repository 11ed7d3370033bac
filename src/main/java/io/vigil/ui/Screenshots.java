package io.vigil.ui;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.stage.PopupWindow;
import javafx.stage.Window;

import javax.imageio.ImageIO;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Writes what a scene shows to a PNG: for the README, the docs and for checking the console without looking at a screen. */
public final class Screenshots {

    private static final Logger LOG = LoggerFactory.getLogger(Screenshots.class);

    private Screenshots() {
    }

    /** Takes the picture on the FX thread; encoding and writing happen on a background thread. */
    public static Thread write(Scene scene, Path png) {
        return write(SwingFXUtils.fromFXImage(scene.snapshot(null), null), png);
    }

    /**
     * As {@link #write(Scene, Path)}, with the popups open over the scene's window (a tooltip) drawn where they show: a
     * scene's snapshot leaves them out, as they are windows of their own.
     */
    public static Thread writeWithPopups(Scene scene, Path png) {
        BufferedImage awt = SwingFXUtils.fromFXImage(scene.snapshot(null), null);
        Window owner = scene.getWindow();
        Graphics2D g = awt.createGraphics();
        try {
            for (Window w : Window.getWindows()) {
                if (w instanceof PopupWindow popup && popup.isShowing() && popup.getOwnerWindow() == owner && popup.getScene() != null) {
                    BufferedImage shown = SwingFXUtils.fromFXImage(popup.getScene().snapshot(null), null);
                    int x = (int) Math.round(popup.getX() + popup.getScene().getX() - owner.getX() - scene.getX());
                    int y = (int) Math.round(popup.getY() + popup.getScene().getY() - owner.getY() - scene.getY());
                    g.drawImage(shown, x, y, null);
                }
            }
        } finally {
            g.dispose();
        }
        return write(awt, png);
    }

    private static Thread write(BufferedImage awt, Path png) {
        Thread writer = new Thread(() -> {
            try {
                Path parent = png.toAbsolutePath().getParent();
                if (parent != null) {
                    Files.createDirectories(parent);
                }
                ImageIO.write(awt, "png", png.toFile());
                LOG.info("Screenshot written: {}", png.toAbsolutePath());
            } catch (IOException e) {
                LOG.error("Screenshot not written to {}: {}", png, e.getMessage());
            }
        }, "vigil-screenshot");
        writer.start();
        return writer;
    }
}
