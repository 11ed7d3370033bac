package io.vigil.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.Theme;
import io.vigil.i18n.Messages;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Point;
import io.vigil.series.Retention;
import io.vigil.series.SpaceForecasts;
import io.vigil.ui.Themes;
import io.vigil.ui.util.FxTaskExecutor;
import io.vigil.ui.util.SpaceForecastFeed;
import io.vigil.watch.Health;

/** The space gauge names the tablespace that fills first, from a week of seeded points, in a real (headless) window. */
@ExtendWith(ApplicationExtension.class)
class DashboardForecastUiTest {

    private final Target prod = Snapshots.target(1, "prod", TargetKind.ORACLE);
    private final Snapshots data = new Snapshots().add(prod, Health.OK, "");
    private Path folder;
    private H2SeriesStore series;
    private FxTaskExecutor executor;
    private Stage stage;
    private DashboardView view;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        folder = Files.createTempDirectory("vigil-dashboard-forecast");
        series = new H2SeriesStore(folder, Retention.defaults(), Clock.systemUTC());
        Instant now = Instant.now();
        List<Point> points = new ArrayList<>();
        for (int i = 7 * 288; i >= 0; i--) {
            Map<String, String> app = Map.of("target", "prod", "tablespace_name", "APP_DATA", "contents", "PERMANENT");
            points.add(Point.of("oracle.tablespace.used_bytes", app, now.minusSeconds(300L * i), 8e9 + 1e9 * (7 * 288 - i) / 288.0));
            points.add(Point.of("oracle.tablespace.size_bytes", app, now.minusSeconds(300L * i), 20e9));
        }
        series.write(points);
        executor = new FxTaskExecutor();
    }

    private void show(Locale locale) {
        Messages messages = new Messages(locale);
        view = new DashboardView(new DashboardViewModel(new HeadlineSource(executor, Snapshots::figures, Duration.ofMinutes(1), messages))
                .withForecasts(new SpaceForecastFeed(new SpaceForecasts(series, Clock.systemUTC()), executor)), messages,
                TilePalette.of(Theme.LIGHT), t -> { });
        Scene scene = new Scene(view.root(), 1280, 800);
        Themes.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        series.close();
    }

    // Snapshots once a second, as the live feed sends them, until the line names the tablespace (or 15 s have passed).
    private String line(FxRobot robot) throws Exception {
        String text = "";
        for (int i = 0; i < 75 && !text.contains("APP_DATA"); i++) {
            robot.interact(() -> view.update(data.at(Instant.now())));
            Thread.sleep(200);
            text = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#spaceForecast").tryQuery().map(n -> ((Label) n).getText()).orElse(""))
                    .get(5, TimeUnit.SECONDS);
        }
        return text;
    }

    @Test
    void theSpaceGaugeSaysWhenTheFirstTablespaceIsFullInEnglishAndChinese(FxRobot robot) throws Exception {
        robot.interact(() -> show(Locale.ENGLISH));
        assertThat(line(robot)).isEqualTo("APP_DATA: full in 5 d");
        assertThat(WaitForAsyncUtils.asyncFx(() -> ((Label) robot.lookup("#spaceForecast").query()).getTooltip().getText()).get())
                .startsWith("Grows 1 GB/day").contains("full in 5 d").contains("least squares").contains("over 7 d");
        assertThat(robot.lookup("#spaceForecast").query().getParent()).as("on the space tile")
                .isSameAs(robot.lookup("#headline-space").query().getParent());

        robot.interact(() -> show(Locale.SIMPLIFIED_CHINESE));
        assertThat(line(robot)).isEqualTo("APP_DATA\uff1a5 \u5929\u540e\u5199\u6ee1");
    }
}
