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
 * look at every pane of a build without a screen. Meanwhile the first demo target gets into trouble on purpose
 * ({@link TourIncidents}), and {@code trends-events.png} shows the marks that left on its trends; {@code dashboard-dba.png}
 * shows the dashboard scrolled to its Data Guard, backup and password checks.
 */
final class ScreenshotTour {

    private static final Logger LOG = LoggerFactory.getLogger(ScreenshotTour.class);

    private ScreenshotTour() {
    }

    static void start(Console console, Scene scene, Path folder, int delaySeconds) {
        java.time.Instant since = java.time.Instant.now();
        TourIncidents.start(console, delaySeconds);
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(delaySeconds * 1000L);
                FxThread.run(() -> pointerAside(scene), 30);
                for (Theme theme : Theme.values()) {
                    FxThread.run(() -> console.tourTheme(theme), 30);
                    Thread.sleep(3000); // a rebuilt view fills from the next snapshots
                    for (Pane pane : Pane.values()) {
                        FxThread.run(() -> console.prepareTour(pane), 30);
                        Thread.sleep(2500); // a live tick, layout, CSS and a background query
                        String name = fileName(pane) + (theme == Theme.DARK ? "-dark" : "") + ".png";
                        Thread[] writer = new Thread[1];
                        FxThread.run(() -> writer[0] = Screenshots.write(scene, folder.resolve(name)), 30);
                        writer[0].join();
                        if (pane == Pane.DASHBOARD) {
                            dba(console, scene, folder.resolve("dashboard-dba" + (theme == Theme.DARK ? "-dark" : "") + ".png"));
                        }
                        if (pane == Pane.TRENDS) {
                            events(console, scene, folder.resolve("trends-events" + (theme == Theme.DARK ? "-dark" : "") + ".png"), since);
                        }
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

    /** overview, trends, ... and top-activity, as the README names its pictures. */
    static String fileName(Pane pane) {
        return pane == Pane.ACTIVITY ? "top-activity" : pane.name().toLowerCase(Locale.ROOT);
    }

    // The pointer of a virtual display sits in the middle of the screen, over the charts, where it draws their crosshair.
    private static void pointerAside(Scene scene) {
        javafx.stage.Window w = scene.getWindow();
        if (w != null) {
            new javafx.scene.robot.Robot().mouseMove(w.getX() + w.getWidth() - 4, w.getY() + w.getHeight() - 4);
        }
    }

    // The dashboard scrolled down to the DBA checks (Data Guard, backups, passwords) of the target it shows.
    private static void dba(Console console, Scene scene, Path png) throws Exception {
        FxThread.run(console::prepareDbaTour, 30);
        Thread.sleep(800);
        Thread[] writer = new Thread[1];
        FxThread.run(() -> writer[0] = Screenshots.write(scene, png), 30);
        writer[0].join();
    }

    // The trends of the demo target the tour put in trouble, since the tour began, with the worst mark's tooltip open.
    private static void events(Console console, Scene scene, Path png, java.time.Instant since) throws Exception {
        FxThread.run(console::prepareEventsTour, 30);
        Thread.sleep(2500); // its headlines are read in the background
        FxThread.run(() -> console.narrowEventsTour(since), 30);
        Thread.sleep(2500);
        FxThread.run(() -> console.peekTourEvent(true), 30);
        Thread.sleep(500);
        Thread[] writer = new Thread[1];
        FxThread.run(() -> writer[0] = Screenshots.writeWithPopups(scene, png), 30);
        writer[0].join();
        FxThread.run(() -> console.peekTourEvent(false), 30);
    }

}
