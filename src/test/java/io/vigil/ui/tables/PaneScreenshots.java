package io.vigil.ui.tables;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import io.vigil.config.AppDirs;
import io.vigil.ui.Console;
import io.vigil.ui.ConsoleStartup;
import io.vigil.ui.LaunchOptions;
import io.vigil.ui.Screenshots;
import io.vigil.ui.shell.MainView;

/**
 * Pictures of the Mirrored tables and Pipelines panes of a real console collecting from the demo, for checking them by eye:
 * {@code java ... PaneScreenshots <folder> [seconds to collect first] [lang]}.
 */
public final class PaneScreenshots {

    private static Path out;
    private static int warmup;
    private static String language;

    public static void main(String[] args) {
        out = Path.of(args.length > 0 ? args[0] : "target/screenshots");
        warmup = args.length > 1 ? Integer.parseInt(args[1]) : 40;
        language = args.length > 2 ? args[2] : "en";
        Application.launch(App.class);
    }

    /** Separate from the main class: the launcher refuses a main class that is an Application without JavaFX modules. */
    public static final class App extends Application {

    @Override
        public void start(Stage stage) throws Exception {
        Path home = Files.createTempDirectory("vigil-shots");
        io.vigil.ui.util.FxTaskExecutor executor = new io.vigil.ui.util.FxTaskExecutor();
        Scene scene = new Scene(new StackPane(), 1440, 860);
        stage.setScene(scene);
        stage.show();
        LaunchOptions options = new LaunchOptions(java.util.Optional.empty(), java.util.Optional.of(language), java.util.Optional.empty(), 0, true);
        Console console = new Console(scene, executor, ConsoleStartup.open(new AppDirs(home), options));
        console.show(MainView.Pane.TABLES);
        Thread.ofPlatform().daemon().start(() -> {
            try {
                Thread.sleep(warmup * 1000L);
                shoot(() -> console.view().show(MainView.Pane.TABLES), scene, "tables-" + language + ".png");
                shoot(() -> console.view().show(MainView.Pane.STATUS), scene, "pipelines-" + language + ".png");
                shoot(() -> {
                    console.view().show(MainView.Pane.TABLES);
                    ((javafx.scene.control.ButtonBase) scene.lookup("#quick-top_sql")).fire();
                    ((javafx.scene.control.TextField) scene.lookup("#tablesFilter")).setText("select");
                }, scene, "tables-topsql-" + language + ".png");
                shoot(() -> {
                    console.context().monitoring().pause(console.context().monitoring().snapshot().targets().getFirst().id());
                    console.view().show(MainView.Pane.STATUS);
                }, scene, "pipelines-paused-" + language + ".png");
                Platform.runLater(() -> {
                    console.close();
                    executor.close();
                    Platform.exit();
                });
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        });
    }

    private static void shoot(Runnable show, Scene scene, String name) throws InterruptedException {
        Platform.runLater(show);
        Thread.sleep(2500);
        java.util.concurrent.CompletableFuture<Thread> writer = new java.util.concurrent.CompletableFuture<>();
        Platform.runLater(() -> writer.complete(Screenshots.write(scene, out.resolve(name))));
        writer.join().join();
    }
    }
}
