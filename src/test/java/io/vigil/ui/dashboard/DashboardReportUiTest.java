package io.vigil.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.Theme;
import io.vigil.i18n.Messages;
import io.vigil.report.ReportBuilder;
import io.vigil.report.ReportSeed;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Retention;
import io.vigil.ui.Themes;
import io.vigil.ui.util.FxTaskExecutor;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

/** The dashboard's Health report… button in a real (headless) window: the dialog writes the file in the background and offers to open it. */
@ExtendWith(ApplicationExtension.class)
class DashboardReportUiTest {

    private final Target prod = new Target(1, "prod", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.of("pw-never-shown"),
            List.of(), true);
    private Path folder;
    private H2SeriesStore series;
    private ConfigStore store;
    private FxTaskExecutor executor;
    private DashboardView view;
    private final List<String> opened = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        folder = Files.createTempDirectory("vigil-dashboard-report");
        Instant now = Instant.now();
        series = new H2SeriesStore(folder.resolve("series"), Retention.defaults(), Clock.systemUTC());
        new ReportSeed(series, "prod", now.minusSeconds(5), Duration.ofDays(2)).oracleWeek(Duration.ofMinutes(5));
        AppDirs dirs = new AppDirs(folder.resolve("home"));
        store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
        executor = new FxTaskExecutor();
        Messages messages = new Messages(Locale.ENGLISH);
        view = new DashboardView(new DashboardViewModel(new HeadlineSource(executor, Snapshots::figures, Duration.ofMinutes(1), messages),
                null, executor, null, null), messages, TilePalette.of(Theme.LIGHT), t -> { });
        ReportBuilder builder = new ReportBuilder(series, store.alerts(), null, Clock.systemUTC(), "test", ZoneId.systemDefault());
        view.setReports(t -> new HealthReportViewModel(t, builder, executor, messages, Clock.systemUTC()), opened::add);
        Scene scene = new Scene(view.root(), 1280, 800);
        Themes.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        series.close();
        store.close();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    @Test
    void theButtonOpensTheDialogWhichWritesTheReportInTheBackgroundAndOffersToOpenIt(FxRobot robot) throws Exception {
        assertThat(fx(() -> robot.lookup("#dashboardReport").queryButton().isDisabled())).isTrue(); // no target shown
        Snapshots data = new Snapshots().add(prod, io.vigil.watch.Health.OK, "");
        robot.interact(() -> {
            view.update(data.at(Instant.now()));
            view.showTarget(prod);
        });
        assertThat(fx(() -> robot.lookup("#dashboardReport").queryButton().isDisabled())).isFalse();

        robot.clickOn("#dashboardReport");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> view.lastReport() != null && view.lastReport().dialog().isShowing()));
        HealthReportDialog dialog = view.lastReport();
        Path file = folder.resolve("out/prod.html");
        robot.interact(() -> dialog.setSaveDialog(suggested -> {
            assertThat(suggested).startsWith("vigil-report-prod-").endsWith(".html");
            return Optional.of(file);
        }));
        Button generate = fx(() -> (Button) dialog.dialog().getDialogPane().lookup("#reportGenerate"));
        Button open = fx(() -> (Button) dialog.dialog().getDialogPane().lookup("#reportOpen"));
        assertThat(fx(generate::isDisabled)).isTrue(); // no file yet
        robot.clickOn("#reportChoose");
        assertThat(fx(generate::isDisabled)).isFalse();
        assertThat(fx(open::isDisabled)).isTrue();

        robot.clickOn("#reportGenerate");
        WaitForAsyncUtils.waitFor(60, TimeUnit.SECONDS, () -> fx(() -> !open.isDisabled()));
        Label status = fx(() -> (Label) dialog.dialog().getDialogPane().lookup("#reportStatus"));
        assertThat(fx(status::getText)).matches("prod\\.html written \\(\\d+ findings\\)\\.");
        assertThat(fx(() -> dialog.dialog().isShowing())).isTrue(); // Generate does not close the dialog
        String html = Files.readString(file);
        assertThat(html).contains("Tablespace APP_DATA").doesNotContain("pw-never-shown", "<script");

        robot.clickOn("#reportOpen");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> !opened.isEmpty());
        assertThat(opened).containsExactly(file.toUri().toString());
        robot.interact(() -> dialog.dialog().close());
    }
}
