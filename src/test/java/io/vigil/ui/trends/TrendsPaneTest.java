package io.vigil.ui.trends;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.fair_acc.chartfx.axes.Axis;
import io.fair_acc.dataset.DataSet;
import io.vigil.config.EventType;
import io.vigil.config.Severity;
import io.vigil.config.Theme;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;
import io.vigil.ui.Themes;
import io.vigil.ui.util.FxTaskExecutor;

/** The Trends pane in a real (headless) window over real stores: tick, chart, switch ranges, export. */
@ExtendWith(ApplicationExtension.class)
class TrendsPaneTest {

    private static Path dir;
    private static TrendsFixture data; // written once for the class: the writing takes seconds
    private FxTaskExecutor executor;
    private TrendsPane pane;
    private final List<String> statusBar = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        if (data == null) {
            dir = Files.createTempDirectory("vigil-trends-ui");
            data = new TrendsFixture(dir).withData();
        }
        executor = new FxTaskExecutor();
        Messages messages = new Messages(Locale.ENGLISH);
        TrendsViewModel model = new TrendsViewModel(data.config, data.series, executor, messages, data.clock, ZoneOffset.UTC,
                statusBar::add);
        pane = new TrendsPane(model, messages);
        Scene scene = new Scene(pane.root(), 1280, 800);
        Themes.apply(scene, Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
        model.load();
    }

    @AfterEach
    void close() {
        executor.close();
    }

    @AfterAll
    static void closeStores() {
        data.close();
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private void tick(FxRobot robot, String text) {
        WaitForAsyncUtils.waitForFxEvents();
        java.util.function.Predicate<Node> named = n -> n instanceof CheckBox c && c.getText().equals(text);
        // the metric list only makes cells for the rows in view: a metric further down is found through the filter
        boolean filtered = robot.lookup(".check-box").match(named).tryQuery().isEmpty();
        javafx.scene.control.TextField filter = robot.lookup("#trendsMetricFilter").queryAs(javafx.scene.control.TextField.class);
        if (filtered) {
            robot.interact(() -> filter.setText(text));
            WaitForAsyncUtils.waitForFxEvents();
        }
        robot.clickOn(robot.lookup(".check-box").match(named).queryAs(Node.class));
        if (filtered) {
            robot.interact(() -> filter.setText(""));
            WaitForAsyncUtils.waitForFxEvents();
        }
    }

    /** The text of the event tooltip on screen, or null while none shows. */
    private static String eventTooltip() {
        return javafx.stage.Window.getWindows().stream()
                .filter(w -> w instanceof javafx.scene.control.Tooltip t && t.isShowing() && t.getStyleClass().contains("event-tooltip"))
                .map(w -> ((javafx.scene.control.Tooltip) w).getText()).findFirst().orElse(null);
    }

    private int points() throws Exception {
        return fx(() -> pane.chart().getAllDatasets().stream().mapToInt(DataSet::getDataCount).sum());
    }

    private double span() throws Exception {
        return fx(() -> {
            Axis x = pane.chart().getXAxis();
            return x.getMax() - x.getMin();
        });
    }

    private String firstTick() throws Exception {
        return fx(() -> pane.chart().getXAxis().getTickMarks().isEmpty() ? ""
                : pane.chart().getXAxis().getTickMarks().getFirst().getText());
    }

    @Test
    void tickedSeriesAreDrawnARangeSwitchRedrawsAndTheCsvExportHasOneColumnPerLine(FxRobot robot) throws Exception {
        Node empty = robot.lookup("#trendsEmpty").query();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".check-box").queryAll().isEmpty());
        assertThat(empty.isVisible()).isTrue();
        assertThat(robot.lookup("#trendsExportCsv").queryButton().isDisabled()).as("nothing to export yet").isTrue();

        tick(robot, "prod");
        robot.clickOn("#trendsMetricFilter").write("tablespace");
        tick(robot, "Tablespace used");
        robot.doubleClickOn("#trendsMetricFilter").eraseText(10).write("sessions.active");
        tick(robot, "Active sessions");

        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> pane.chart().getAllDatasets().size()) == 3);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> points() > 0);
        assertThat(empty.isVisible()).isFalse();
        assertThat(fx(() -> pane.chart().getAllDatasets().stream().map(DataSet::getName).toList())).containsExactlyInAnyOrder(
                "Active sessions", "Tablespace used [PERMANENT, SYSTEM]", "Tablespace used [PERMANENT, USERS]");
        int hourPoints = points();
        assertThat(hourPoints).as("an hour: 240 of the 15 s line, 60 of each minute line").isEqualTo(240 + 60 + 60);
        assertThat(span()).isEqualTo(3600.0);
        assertThat(fx(() -> pane.chart().getAxes().stream().filter(a -> a.getSide().isVertical()).map(Axis::getName).toList()))
                .as("one y axis per unit, in the order of the lines").containsExactly("sessions", "%");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> firstTick().matches("\\d\\d:\\d\\d(:\\d\\d)?"));

        robot.clickOn("#rangeH24");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> span() == 86_400.0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> points() != hourPoints);
        assertThat(fx(() -> pane.chart().getAllDatasets().stream().mapToInt(DataSet::getDataCount).max().orElseThrow()))
                .as("no line gets more points than the plot is wide").isLessThanOrEqualTo((int) Math.ceil(fx(() ->
                        pane.chart().getCanvas().getWidth())));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> firstTick().contains("Mar"));
        List<Double> breaks = fx(() -> {
            DataSet sessions = pane.chart().getAllDatasets().stream().filter(d -> d.getName().equals("Active sessions")).findFirst().orElseThrow();
            List<Double> at = new java.util.ArrayList<>();
            for (int i = 0; i < sessions.getDataCount(); i++) {
                if (Double.isNaN(sessions.get(DataSet.DIM_Y, i))) {
                    at.add(sessions.get(DataSet.DIM_X, i));
                }
            }
            return at;
        });
        assertThat(breaks).as("the line stops once, inside the half hour the collector was stopped").singleElement()
                .satisfies(x -> assertThat(x).isBetween(TrendsFixture.SILENCE_FROM.getEpochSecond() * 1.0, TrendsFixture.SILENCE_TO.getEpochSecond() * 1.0));

        Path csv = dir.resolve("export.csv");
        pane.setSaveDialog((owner, title, name, description, extension) -> {
            assertThat(name).startsWith("vigil-prod-").endsWith(".csv");
            return csv;
        });
        robot.clickOn("#trendsExportCsv");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> statusBar.contains("Saved " + csv));
        List<String> rows = Files.readAllLines(csv);
        assertThat(rows.getFirst()).isEqualTo("time,oracle.sessions.active{target=prod},"
                + "\"oracle.tablespace.used_pct{contents=PERMANENT,tablespace_name=SYSTEM,target=prod}\","
                + "\"oracle.tablespace.used_pct{contents=PERMANENT,tablespace_name=USERS,target=prod}\"");
        assertThat(rows.get(1)).startsWith("2026-03-01T12:00:00Z,");
    }

    @Test
    void aWrongCustomTimeIsExplainedNextToTheFieldsAndAGoodOneIsShown(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".check-box").queryAll().isEmpty());
        tick(robot, "prod");
        tick(robot, "Active sessions");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> points() > 0);

        robot.clickOn("#rangeCUSTOM");
        assertThat(robot.lookup("#customRangeBar").query().isVisible()).isTrue();
        robot.doubleClickOn("#customFromTime").eraseText(8).write("9:7x");
        robot.clickOn("#customApply");
        Label problem = robot.lookup("#customProblem").queryAs(Label.class);
        assertThat(problem.isVisible()).isTrue();
        assertThat(problem.getText()).isEqualTo("“9:7x” is not a time of day: write it as 14:30 or 14:30:15.");
        assertThat(span()).as("the chart keeps the last good range").isEqualTo(3600.0);

        robot.doubleClickOn("#customFromTime").eraseText(8).write("09:00");
        robot.doubleClickOn("#customToTime").eraseText(8).write("10:30");
        robot.clickOn("#customApply");
        assertThat(problem.isVisible()).isFalse();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> span() == 5400.0);
        assertThat(robot.lookup("#trendsLive").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isFalse();
    }

    @Test
    void theDashboardOpensATargetWithItsHeadlinesAndResetZoomRestoresTheRange(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".check-box").queryAll().isEmpty());
        robot.interact(() -> pane.showTarget(data.prod));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> points() > 0);
        assertThat(fx(() -> pane.model().metrics().stream().filter(Choice::isSelected).count())).isEqualTo(6);
        assertThat(fx(() -> pane.chart().getAllDatasets().stream().map(DataSet::getName).toList())).contains("Active sessions");

        Node plot = fx(() -> pane.chart().getCanvas());
        robot.moveTo(plot).moveBy(-200, 0).drag(javafx.scene.input.MouseButton.PRIMARY).moveBy(250, 0).release(
                javafx.scene.input.MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> span() < 3600.0);
        double zoomed = span();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> {
            Trend t = pane.model().trendProperty().get();
            return Math.abs(t.to().toEpochMilli() / 1000.0 - pane.chart().getXAxis().getMax()) < 1
                    && Math.abs(t.from().toEpochMilli() / 1000.0 - pane.chart().getXAxis().getMin()) < 1;
        }));
        assertThat(fx(() -> pane.model().trendProperty().get().to().getEpochSecond() - pane.model().trendProperty().get().from().getEpochSecond()))
                .as("the zoomed part was read again on its own").isLessThan(3600);
        robot.clickOn(robot.lookup("#trendsResetZoom").queryAs(Button.class));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> span() == 3600.0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> pane.model().trendProperty().get().to().getEpochSecond()
                - pane.model().trendProperty().get().from().getEpochSecond()) == 3600);
        assertThat(zoomed).isLessThan(3600.0);

        Path png = dir.resolve("chart.png");
        pane.setSaveDialog((owner, title, name, description, extension) -> png);
        robot.clickOn("#trendsExportPng");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> statusBar.contains("Saved " + png));
        java.awt.image.BufferedImage image = javax.imageio.ImageIO.read(png.toFile());
        assertThat(image.getWidth()).as("the chart, not the window").isEqualTo((int) Math.ceil(fx(() -> pane.chart().getWidth())));
    }

    @Test
    void storedEventsOfTheTargetShownAreMarkedInRangeWithTheirTextOnHover(FxRobot robot) throws Exception {
        Instant internalError = TrendsFixture.NOW.minus(Duration.ofMinutes(20));
        Instant restart = TrendsFixture.NOW.minus(Duration.ofHours(3));
        data.config.alerts().addEvents(List.of(
                new VigilEvent(0, data.prod.id(), "prod", internalError, EventType.ALERT_LOG, "INTERNAL_ERROR", Severity.CRIT, "ORA-00600",
                        "ORA-00600: internal error code, arguments: [kcbz_check_objd_typ], [0], [0], [1]\nIncident details in: "
                                + "/u01/app/oracle/diag/rdbms/orcl/ORCL/incident/incdir_12345/ORCL_ora_4321_i12345.trc"),
                new VigilEvent(0, data.prod.id(), "prod", restart, EventType.RESTART, "RESTART", Severity.WARN, "",
                        "The instance started at 2026-03-02 09:00:00; it had been up since 2026-02-20 08:00:00."),
                new VigilEvent(0, data.shop.id(), "shop", TrendsFixture.NOW.minus(Duration.ofMinutes(10)), EventType.ALERT, "mysql.x",
                        Severity.CRIT, "", "another target's alert")));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !robot.lookup(".check-box").queryAll().isEmpty());
        robot.interact(() -> pane.showTarget(data.prod));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> points() > 0);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> pane.eventMarks().size()) == 1);

        EventMarkers.Mark mark = fx(() -> pane.eventMarks().getFirst());
        assertThat(mark.severity()).isEqualTo(Severity.CRIT);
        assertThat(mark.events()).extracting(VigilEvent::code).containsExactly("ORA-00600");
        assertThat(mark.node().getStyleClass()).contains("event-marker", "event-crit");
        double expectedX = fx(() -> pane.chart().getCanvas().localToScene(pane.chart().getXAxis().getDisplayPosition(
                internalError.getEpochSecond()), 0).getX());
        javafx.geometry.Bounds onScreen = fx(() -> mark.node().localToScene(mark.node().getBoundsInLocal()));
        assertThat(onScreen.getCenterX()).as("the mark stands at the event's time").isCloseTo(expectedX, org.assertj.core.data.Offset.offset(1.5));
        assertThat(onScreen.getHeight()).as("across the plot").isGreaterThan(fx(() -> pane.chart().getCanvas().getHeight()) - 2);

        robot.moveTo(mark.node());
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(TrendsPaneTest::eventTooltip) != null);
        String shown = fx(TrendsPaneTest::eventTooltip);
        assertThat(shown.lines().toList()).startsWith("2026-03-02 11:40:00 \u00b7 Alert log \u00b7 CRIT \u00b7 ORA-00600",
                "ORA-00600: internal error code, arguments: [kcbz_check_objd_typ], [0], [0], [1]");
        assertThat(shown).contains("Incident details in: /u01/app/oracle/diag");
        robot.moveBy(0, 0).moveTo("#trendsInfo");

        robot.clickOn("#rangeH6");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> pane.eventMarks().size()) == 2);
        assertThat(fx(() -> pane.eventMarks().stream().map(EventMarkers.Mark::severity).toList()))
                .as("oldest first, the restart three hours ago now in range").containsExactly(Severity.WARN, Severity.CRIT);
        assertThat(fx(() -> pane.eventMarks().getFirst().tooltip())).contains("Restart").contains("it had been up since 2026-02-20 08:00:00");

        robot.clickOn("#trendsEvents");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> pane.eventMarks().isEmpty()));
        assertThat(robot.lookup(".event-marker").queryAll()).isEmpty();
        robot.clickOn("#trendsEvents");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> pane.eventMarks().size()) == 2);
    }
}
