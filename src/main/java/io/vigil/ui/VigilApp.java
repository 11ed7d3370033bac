package io.vigil.ui;

import java.nio.file.Path;
import java.util.List;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.image.Image;
import javafx.scene.layout.VBox;
import javafx.stage.Stage;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.AppDirs;
import io.vigil.config.MasterPasswordException;
import io.vigil.config.SecretBox;
import io.vigil.config.Theme;
import io.vigil.i18n.Messages;
import io.vigil.ui.shell.MainView;
import io.vigil.ui.util.FxTaskExecutor;

/** The console application: a startup view at once, the main view when settings and the config store are open. */
public final class VigilApp extends Application {

    private static volatile LaunchOptions options = LaunchOptions.none();

    private FxTaskExecutor executor;
    private Console console;
    private UnlockView unlock;

    /** Starts the console; blocks until its window is closed. */
    public static void launch(LaunchOptions launchOptions) {
        options = launchOptions;
        Application.launch(VigilApp.class);
    }

    @Override
    public void start(Stage stage) {
        Logger log = LoggerFactory.getLogger(VigilApp.class);
        AppDirs dirs = AppDirs.resolve();
        Messages early = new Messages(Messages.localeFor(options.language().orElse("")));
        ErrorDialogs.install(stage, early, dirs.logs().resolve("vigil.log"));
        executor = new FxTaskExecutor();

        ProgressIndicator spinner = new ProgressIndicator();
        Label opening = new Label(early.get("startup.opening"));
        VBox startup = new VBox(14, spinner, opening);
        startup.setAlignment(Pos.CENTER);
        Scene scene = new Scene(startup, 1280, 800);
        Themes.apply(scene, Theme.LIGHT);
        stage.setTitle(early.get("app.title"));
        for (int size : List.of(16, 32, 48, 64, 128, 256)) {
            stage.getIcons().add(new Image(VigilApp.class.getResourceAsStream("/io/vigil/ui/icons/vigil-" + size + ".png")));
        }
        stage.setMinWidth(960);
        stage.setMinHeight(600);
        stage.setScene(scene);
        Runnable[] firstFrame = new Runnable[1];
        firstFrame[0] = () -> {
            scene.removePostLayoutPulseListener(firstFrame[0]);
            log.info("First frame {} ms after the JVM started", java.lang.management.ManagementFactory.getRuntimeMXBean().getUptime());
        };
        scene.addPostLayoutPulseListener(firstFrame[0]);
        stage.show();

        if (SecretBox.masterPasswordSet(dirs)) {
            // Asked in the window itself: the key is derived and checked in the background, a wrong one asked again.
            UnlockView unlock = new UnlockView(early, given -> open(dirs, scene, startup, opening, early, given), Platform::exit);
            startup.getChildren().setAll(unlock);
            unlock.focusPassword();
            this.unlock = unlock;
        } else {
            open(dirs, scene, startup, opening, early, null);
        }
        if (options.exitAfterSeconds() > 0) {
            later(options.exitAfterSeconds() * 1000L, Platform::exit);
        }
    }

    private void open(AppDirs dirs, Scene scene, VBox startup, Label opening, Messages early, char[] masterPassword) {
        Logger log = LoggerFactory.getLogger(VigilApp.class);
        executor.run(() -> ConsoleStartup.open(dirs, options, () -> masterPassword), context -> {
            console = new Console(scene, executor, context, options);
            console.setDocumentOpener(getHostServices()::showDocument);
            console.show(MainView.Pane.OVERVIEW);
            log.info("Console open; config store: {}", context.hasStore() ? context.store().location() : "none");
            options.screenshot().ifPresent(png -> screenshotLater(scene, png));
            options.tour().ifPresent(folder -> ScreenshotTour.start(console, scene, folder, options.tourDelaySeconds()));
        }, e -> {
            if (e instanceof MasterPasswordException refused && unlock != null) {
                unlock.refused(early.render(refused.reason()));
            } else {
                opening.setText(io.vigil.ui.util.UserErrors.describe(e, early));
                startup.getChildren().setAll(opening); // the reason where the spinner or the password was
            }
        });
    }

    // Give layout, CSS and the first table fill a moment before the picture is taken.
    private void screenshotLater(Scene scene, Path png) {
        later(2500, () -> Screenshots.write(scene, png));
    }

    /** Runs {@code action} on the FX thread after a delay, without an Animation that would keep the UI pulsing. */
    private static void later(long millis, Runnable action) {
        Thread t = new Thread(() -> {
            try {
                Thread.sleep(millis);
                Platform.runLater(action);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "vigil-delay");
        t.setDaemon(true);
        t.start();
    }

    @Override
    public void stop() {
        if (console != null) {
            console.close();
        }
        if (executor != null) {
            executor.close();
        }
    }
}
