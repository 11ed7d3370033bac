package io.vigil.ui;

import java.nio.file.Path;
import java.util.Locale;

import javafx.application.Platform;
import javafx.scene.Scene;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.Theme;
import io.vigil.ui.shell.MainView.Pane;
import io.vigil.ui.util.FxThread;

/**
 * Lets data flow for a while, then writes a PNG of every main pane in the light and the dark theme
 * ({@code overview.png}, {@code overview-dark.png}, ...) and closes the console: the README's pictures, and a way to
 * look at every pane of a build without a screen.
 */
final class ScreenshotTour {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotTour.class);

    private ScreenshotTour() {
    }

    static void start(Console console, Scene scene, Path folder, int delaySeconds) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(delaySeconds * 1000L);
                for (Theme theme : Theme.values()) {
                    FxThread.run(() -> console.tourTheme(theme), 30);
                    Thread.sleep(3000); // a rebuilt view fills from the next snapshots
                    for (Pane pane : Pane.values()) {
                        FxThread.run(() -> console.prepareTour(pane), 30);
                        Thread.sleep(2500); // a live tick, layout, CSS and a background query
                        String name = pane.name().toLowerCase(Locale.ROOT) + (theme == Theme.DARK ? "-dark" : "") + ".png";
                        Thread[] writer = new Thread[1];
                        FxThread.run(() -> writer[0] = Screenshots.write(scene, folder.resolve(name)), 30);
                        writer[0].join();
                    }
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (Exception e) {
                LOG.error("The screenshot tour stopped: {}", e.toString(), e);
            }
            Platform.exit();
        }, "vigil-screenshot-tour");
        t.setDaemon(true);
        t.start();
    }

}
