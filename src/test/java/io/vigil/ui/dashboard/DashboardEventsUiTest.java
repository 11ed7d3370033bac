package io.vigil.ui.dashboard;

import static io.vigil.ui.dashboard.Snapshots.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.Tooltip;
import javafx.stage.Stage;
import javafx.stage.Window;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.kordamp.ikonli.javafx.FontIcon;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.EventType;
import io.vigil.config.SecretBox;
import io.vigil.config.Severity;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.Theme;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;
import io.vigil.ui.Themes;
import io.vigil.ui.util.FxTaskExecutor;
import io.vigil.watch.Health;

/** The dashboard in a real (headless) window over a real store: the shown target's recent events under its tiles. */
@ExtendWith(ApplicationExtension.class)
class DashboardEventsUiTest {

    private final Target prod = Snapshots.target(1, "prod", TargetKind.ORACLE);
    private final Target shop = Snapshots.target(2, "shop", TargetKind.MYSQL);
    private final Snapshots data = new Snapshots().add(prod, Health.OK, "").add(shop, Health.OK, "");
    private ConfigStore store;
    private FxTaskExecutor executor;
    private DashboardView view;

    @Start
    void start(Stage stage) throws Exception {
        AppDirs dirs = new AppDirs(Files.createTempDirectory("vigil-dashboard-events"));
        store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
        executor = new FxTaskExecutor();
        Messages messages = new Messages(Locale.ENGLISH);
        RecentEvents recent = new RecentEvents(store.alerts(), executor, messages, ZoneOffset.UTC);
        view = new DashboardView(new DashboardViewModel(new HeadlineSource(executor, Snapshots::figures, Duration.ofMinutes(1), messages),
                null, executor, recent), messages, TilePalette.of(Theme.LIGHT), t -> { });
        Scene scene = new Scene(view.root(), 1280, 800);
        Themes.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        store.close();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private List<ListCell<?>> rows(FxRobot robot) {
        List<ListCell<?>> cells = new java.util.ArrayList<>();
        for (Node n : robot.lookup("#dashboardEvents .event-row").queryAll()) {
            if (n instanceof ListCell<?> c && !c.isEmpty() && c.isVisible()) {
                cells.add(c);
            }
        }
        cells.sort(java.util.Comparator.comparingInt(ListCell::getIndex));
        return cells;
    }

    private static String text(Node row, String styleClass) {
        return ((Label) row.lookup("." + styleClass)).getText();
    }

    @Test
    void theShownTargetsEventsOfTheLastDayAreListedNewestFirstWithTheirTextOnHover(FxRobot robot) throws Exception {
        store.alerts().addEvents(List.of(
                new VigilEvent(0, 1, "prod", T0.minus(Duration.ofHours(30)), EventType.ALERT_LOG, "DEADLOCK", Severity.WARN, "ORA-00060",
                        "ORA-00060: deadlock detected while waiting for resource (yesterday)"),
                new VigilEvent(0, 1, "prod", T0.minus(Duration.ofHours(2)), EventType.RESTART, "RESTART", Severity.WARN, "",
                        "The instance started at 2026-11-25 08:00:00; it had been up since 2026-11-02 07:31:12."),
                new VigilEvent(0, 1, "prod", T0.minus(Duration.ofMinutes(14)), EventType.ALERT_LOG, "INTERNAL_ERROR", Severity.CRIT, "ORA-00600",
                        "ORA-00600: internal error code, arguments: [kcbz_check_objd_typ], [0], [0], [1]\nIncident details in: "
                                + "/u01/app/oracle/diag/rdbms/orcl/ORCL/incident/incdir_12345/ORCL_ora_4321_i12345.trc"),
                new VigilEvent(0, 1, "prod", T0.minus(Duration.ofMinutes(3)), EventType.ALERT, "oracle.tablespace.full", Severity.INFO, "",
                        "oracle.tablespace.full (contents=PERMANENT, tablespace_name=USERS) on prod resolved, value 79.9 %"),
                new VigilEvent(0, 2, "shop", T0.minus(Duration.ofMinutes(1)), EventType.ALERT, "mysql.x", Severity.CRIT, "", "shop's alert")));
        robot.interact(() -> view.update(data.at(T0)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> rows(robot).size()) == 3);

        List<ListCell<?>> rows = fx(() -> rows(robot));
        assertThat(fx(() -> rows.stream().map(r -> text(r, "event-title")).toList())).containsExactly(
                "oracle.tablespace.full (contents=PERMANENT, tablespace_name=USERS) on prod resolved, value 79.9 %",
                "ORA-00600 \u00b7 Internal error", "Instance restarted");
        assertThat(fx(() -> rows.stream().map(r -> text(r, "event-time")).toList())).containsExactly("09:57", "09:46", "08:00");
        assertThat(fx(() -> rows.stream().map(r -> text(r, "event-kind")).toList())).containsExactly("Alert", "Alert log", "Restart");
        assertThat(fx(() -> rows.stream().map(r -> ((FontIcon) r.lookup(".event-icon")).getStyleClass().stream()
                .filter(c -> c.startsWith("event-") && !c.equals("event-icon")).findFirst().orElse("")).toList()))
                .containsExactly("event-info", "event-crit", "event-warn");

        robot.moveTo(rows.get(1));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(DashboardEventsUiTest::tooltip) != null);
        assertThat(fx(DashboardEventsUiTest::tooltip)).startsWith("2026-11-25 09:46:00 \u00b7 Alert log \u00b7 CRIT \u00b7 ORA-00600\n"
                + "ORA-00600: internal error code").contains("incdir_12345/ORCL_ora_4321_i12345.trc");

        robot.interact(() -> view.showTarget(shop));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> rows(robot).size()) == 1);
        assertThat(fx(() -> text(rows(robot).getFirst(), "event-title"))).isEqualTo("shop's alert");
    }

    @Test
    void aTargetWithoutEventsSaysSo(FxRobot robot) throws Exception {
        robot.interact(() -> view.update(data.at(T0)));
        WaitForAsyncUtils.waitForFxEvents();
        ListView<?> list = robot.lookup("#dashboardEvents").queryListView();
        assertThat(list.getItems()).isEmpty();
        assertThat(((Label) list.getPlaceholder()).getText())
                .isEqualTo("No alert-log entries, alert changes or restarts in the last 24 hours.");
        assertThat(list.getPlaceholder().isVisible()).isTrue();
    }

    /** The text of the event tooltip on screen, or null while none shows. */
    private static String tooltip() {
        return Window.getWindows().stream().filter(w -> w instanceof Tooltip t && t.isShowing() && t.getStyleClass().contains("event-tooltip"))
                .map(w -> ((Tooltip) w).getText()).findFirst().orElse(null);
    }
}
