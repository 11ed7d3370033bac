package io.vigil.ui.trends;

import java.nio.file.Files;
import java.nio.file.Path;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import io.vigil.config.AppDirs;
import io.vigil.config.Target;
import io.vigil.ui.Console;
import io.vigil.ui.ConsoleStartup;
import io.vigil.ui.LaunchOptions;
import io.vigil.ui.Screenshots;
import io.vigil.ui.shell.MainView;
import io.vigil.ui.util.FxTaskExecutor;

/**
 * The whole console on a fresh home, collecting the demo Oracle; after {@code seconds} it opens Trends on the demo as the
 * dashboard will, and writes a screenshot: {@code xvfb-run -a java -cp ... io.vigil.ui.trends.ConsoleTrendsPreview out.png 90}.
 */
public final class ConsoleTrendsPreview {

    private ConsoleTrendsPreview() {
    }

    public static void main(String[] args) throws Exception {
        Path png = Path.of(args.length > 0 ? args[0] : "target/console-trends.png");
        long seconds = args.length > 1 ? Long.parseLong(args[1]) : 90;
        Path home = Files.createTempDirectory("vigil-console-trends");
        FxTaskExecutor executor = new FxTaskExecutor();
        Console[] console = new Console[1];
        Platform.startup(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(new StackPane(), 1400, 860);
            console[0] = new Console(scene, executor, ConsoleStartup.open(new AppDirs(home), LaunchOptions.none()));
            console[0].show(MainView.Pane.TRENDS);
            stage.setScene(scene);
            stage.show();
        });
        Thread.sleep(seconds * 1000);
        Platform.runLater(() -> {
            Target demo = console[0].context().store().targets().getFirst();
            console[0].trendsPane().showTarget(demo);
        });
        Thread.sleep(8000);
        Platform.runLater(() -> {
            Thread writer = Screenshots.write(console[0].view().root().getScene(), png);
            new Thread(() -> {
                try {
                    writer.join();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
                System.out.println("info: " + console[0].trendsPane().model().infoProperty().get());
                Platform.runLater(() -> {
                    console[0].close();
                    System.exit(0);
                });
            }).start();
        });
    }
}
