package io.vigil.ui;

import java.awt.image.BufferedImage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;

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
        WritableImage image = scene.snapshot(null);
        BufferedImage awt = SwingFXUtils.fromFXImage(image, null);
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
