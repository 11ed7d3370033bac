package io.vigil.ui.trends;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import java.util.Locale;

import javafx.scene.Scene;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.vigil.config.EventType;
import io.vigil.config.Severity;
import io.vigil.config.Theme;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;
import io.vigil.ui.Screenshots;
import io.vigil.ui.Themes;
import io.vigil.ui.util.FxTaskExecutor;

/**
 * Pictures of the Trends pane with event marks (an alert-log error, an alert firing and resolving, a restart), light and
 * dark, with one mark's tooltip open, for checking them by eye without a display: {@code mvn test -Dtest=TrendMarksPreview}
 * writes {@code target/screenshots/trend-marks*.png}. Not part of the suite.
 */
@ExtendWith(ApplicationExtension.class)
class TrendMarksPreview {

    private TrendsFixture data;
    private FxTaskExecutor executor;
    private Scene scene;
    private TrendsPane pane;

    @Start
    void start(Stage stage) throws Exception {
        data = new TrendsFixture(Files.createTempDirectory("vigil-marks-preview"));
        TrendsPreview.write(data);
        Instant now = TrendsFixture.NOW;
        long id = data.prod.id();
        data.config.alerts().addEvents(List.of(
                new VigilEvent(0, id, "prod", now.minus(Duration.ofMinutes(50)), EventType.RESTART, "RESTART", Severity.WARN, "",
                        "The instance started at 2026-03-02 19:10:00; it had been up since 2026-02-11 06:02:41."),
                new VigilEvent(0, id, "prod", now.minus(Duration.ofMinutes(50)).plusSeconds(20), EventType.ALERT_LOG, "STARTUP",
                        Severity.INFO, "", "Starting ORACLE instance (normal) (OS id: 6012)"),
                new VigilEvent(0, id, "prod", now.minus(Duration.ofMinutes(33)), EventType.ALERT_LOG, "INTERNAL_ERROR", Severity.CRIT,
                        "ORA-00600", "ORA-00600: internal error code, arguments: [kcbz_check_objd_typ], [0], [0], [1], [], [], [], []\n"
                        + "Incident details in: /u01/app/oracle/diag/rdbms/orcl/ORCL/incident/incdir_48151/ORCL_ora_4321_i48151.trc\n"
                        + "Use ADRCI or Support Workbench to package the incident."),
                new VigilEvent(0, id, "prod", now.minus(Duration.ofMinutes(33)).plusSeconds(5), EventType.ALERT,
                        "oracle.alertlog.internal_error", Severity.CRIT, "", "oracle.alertlog.internal_error fires on prod at CRIT: "
                        + "ORA-00600: internal error code, arguments: [kcbz_check_objd_typ]"),
                new VigilEvent(0, id, "prod", now.minus(Duration.ofMinutes(21)), EventType.ALERT, "oracle.tablespace.full", Severity.WARN, "",
                        "oracle.tablespace.full (contents=PERMANENT, tablespace_name=USERS) fires on prod at WARN, value 86.2 %"),
                new VigilEvent(0, id, "prod", now.minus(Duration.ofMinutes(8)), EventType.ALERT, "oracle.tablespace.full", Severity.INFO, "",
                        "oracle.tablespace.full (contents=PERMANENT, tablespace_name=USERS) on prod resolved, value 79.9 %")));
        executor = new FxTaskExecutor();
        Messages messages = new Messages(Locale.ENGLISH);
        TrendsViewModel model = new TrendsViewModel(data.config, data.series, executor, messages, data.clock, ZoneId.of("Asia/Shanghai"),
                s -> { });
        pane = new TrendsPane(model, messages);
        scene = new Scene(pane.root(), 1280, 800);
        stage.setScene(scene);
        stage.show();
        model.load();
    }

    @AfterEach
    void close() {
        executor.close();
        data.close();
    }

    @Test
    void writeThePictures(FxRobot robot) throws Exception {
        Path out = Path.of("target/screenshots");
        robot.interact(() -> pane.showTarget(data.prod));
        WaitForAsyncUtils.waitFor(20, java.util.concurrent.TimeUnit.SECONDS, () -> pane.eventMarks().size() >= 4);
        for (Theme theme : Theme.values()) {
            robot.interact(() -> Themes.apply(scene, theme));
            Thread.sleep(1500);
            EventMarkers.Mark crit = pane.eventMarks().stream().filter(m -> m.severity() == Severity.CRIT).findFirst().orElseThrow();
            robot.moveTo(crit.node()).moveBy(0, -180);
            Thread.sleep(1200); // the tooltip's delay
            String file = "trend-marks" + (theme == Theme.DARK ? "-dark" : "") + ".png";
            Thread[] writer = new Thread[1];
            robot.interact(() -> writer[0] = Screenshots.writeWithPopups(scene, out.resolve(file)));
            writer[0].join();
            robot.moveTo("#trendsInfo");
        }
    }
}
