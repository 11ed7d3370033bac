package io.vigil.ui;

import javafx.application.Application;
import javafx.stage.Stage;

/** The console. */
public final class VigilApp extends Application {

    private static volatile LaunchOptions options = LaunchOptions.none();

    public static void launch(LaunchOptions launchOptions) {
        options = launchOptions;
        Application.launch(VigilApp.class);
    }

    @Override
    public void start(Stage stage) {
        stage.setTitle("Vigil");
        stage.show();
    }
}
