package io.vigil.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.geometry.Bounds;
import javafx.geometry.Point2D;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.chart.NumberAxis;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.input.MouseButton;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.vigil.activity.ActivityBreakdown;
import io.vigil.activity.ActivityReader;
import io.vigil.config.ConnectBy;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.watch.LatestValues;
import io.vigil.mirror.CacheDb;
import io.vigil.gather.Spool;
import io.vigil.ui.Themes;
import io.vigil.ui.util.FxTaskExecutor;
import io.vigil.watch.Watch;

/**
 * The Top Activity pane, headless, on known samples in an embedded cache: for 10 minutes two sessions run a report on
 * CPU, for the next 10 three sessions read blocks for another statement. The chart stacks both classes under the CPU
 * line; dragging across the first 10 minutes leaves only the report, its sessions and CPU in the tables.
 */
@ExtendWith(ApplicationExtension.class)
class ActivityPaneTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    static final String REPORT = "a8j39qb13tqkr";
    static final String SCAN = "5ms6rbzdnq16t";
    static final Target DEMO = new Target(1, "demo", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(),
            List.of(), true);

    private CacheDb cache;
    private FxTaskExecutor executor;
    private ActivityViewModel model;
    private ActivityPane pane;
    private final List<String> status = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        Path folder = Files.createTempDirectory("vigil-activity");
        cache = CacheDb.embedded(folder);
        fill(cache);
        executor = new FxTaskExecutor();
        Messages messages = new Messages(Locale.ENGLISH);
        model = new ActivityViewModel(() -> Packs.shipped(TargetKind.ORACLE).mirrorDefs(), new ActivityReader(cache), executor, messages,
                Clock.systemUTC(), ZoneOffset.UTC, status::add);
        pane = new ActivityPane(model, messages);
        Scene scene = new Scene(pane.root(), 1280, 800);
        Themes.apply(scene, io.vigil.config.Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
        model.start();
    }

    @AfterEach
    void close() {
        executor.close();
        cache.close();
    }

    static void fill(CacheDb cache) throws Exception {
        try (Connection c = cache.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ora_activity_sample (target_id BIGINT NOT NULL, sample_time DATETIME(3), sid BIGINT, serial_no BIGINT, "
                    + "username VARCHAR(128), program VARCHAR(84), module VARCHAR(64), sql_id VARCHAR(13), event VARCHAR(64), "
                    + "wait_class VARCHAR(64), session_state VARCHAR(7), blocking_session BIGINT)");
            s.execute("CREATE TABLE ora_osstat (target_id BIGINT NOT NULL, stat_name VARCHAR(64), value DECIMAL(38,8))");
            s.execute("INSERT INTO ora_osstat VALUES (1, 'NUM_CPUS', 8)");
            s.execute("CREATE TABLE ora_top_sql (target_id BIGINT NOT NULL, sql_id VARCHAR(13), sql_text VARCHAR(200))");
            s.execute("INSERT INTO ora_top_sql VALUES (1, '" + REPORT + "', 'SELECT c.name, SUM(l.amount) FROM customers c JOIN ledger l')");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO ora_activity_sample VALUES (1, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL)")) {
                for (int at = -1200; at < 0; at += 5) {
                    boolean report = at < -600;
                    for (int k = 0; k < (report ? 2 : 3); k++) {
                        long sid = report ? 70 + k : 50 + k;
                        ps.setTimestamp(1, Timestamp.from(T0.plusSeconds(at)));
                        ps.setLong(2, sid);
                        ps.setLong(3, 1000 + sid);
                        ps.setString(4, report ? "REPORTING" : "BATCH");
                        ps.setString(5, report ? "BI Server" : "sqlplus@batch01.corp (TNS V1-V3)");
                        ps.setString(6, report ? "BI Server" : "SQL*Plus");
                        ps.setString(7, report ? REPORT : SCAN);
                        ps.setString(8, report ? null : "db file scattered read");
                        ps.setString(9, report ? null : "User I/O");
                        ps.setString(10, report ? "ON CPU" : "WAITING");
                        ps.addBatch();
                    }
                }
                ps.executeBatch();
            }
        }
    }

    static Watch.Snapshot snapshot(Target... targets) {
        return new Watch.Snapshot(Instant.now(), List.of(targets), Map.of(), List.of(), new LatestValues(), new Spool.Fill(0, 0, 0, 1000, 0),
                List.of());
    }

    @Test
    void theChartStacksTheClassesAndADragNarrowsTheTables(FxRobot robot) throws Exception {
        robot.interact(() -> model.update(snapshot(DEMO)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.topSql().size() == 2);
        WaitForAsyncUtils.waitForFxEvents(); // the axes take the window's bounds at the next layout
        ActivityChartView chart = robot.lookup("#activityChart").queryAs(ActivityChartView.class);
        assertThat(chart.getData()).extracting(s -> s.getName()).containsExactly("CPU", "User I/O");
        assertThat(chart.getData().getFirst().getData()).hasSize(240); // an hour in 15 s buckets
        assertThat(robot.lookup(".activity-cpu-label").queryAs(javafx.scene.text.Text.class).getText()).isEqualTo("8 CPUs");
        assertThat(robot.lookup("#activityLegend .label").queryAllAs(Label.class)).extracting(Label::getText)
                .containsExactly("CPU + Wait for CPU", "User I/O");
        TableView<?> sql = robot.lookup("#activityTopSql").queryAs(TableView.class);
        assertThat(model.topSql()).extracting(ActivityBreakdown.TopSql::sqlId).containsExactly(SCAN, REPORT);
        assertThat(model.topSql().getFirst().pct()).isEqualTo(60.0);
        assertThat(sql.getItems()).hasSize(2);
        assertThat(robot.lookup("#activitySelection").queryAs(Label.class).getText())
                .isEqualTo("Whole window: 0.83 average active sessions"); // 600 samples × 5 s over the hour to 10:00

        // drag from 09:41 to 09:49, inside the report's ten minutes
        robot.moveTo(at(chart, T0.minusSeconds(19 * 60))).press(MouseButton.PRIMARY).moveTo(at(chart, T0.minusSeconds(15 * 60)))
                .moveTo(at(chart, T0.minusSeconds(11 * 60))).release(MouseButton.PRIMARY);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.topSql().size() == 1);
        assertThat(model.selectionProperty().get()).isNotNull();
        assertThat(model.topSql()).extracting(ActivityBreakdown.TopSql::sqlId).containsExactly(REPORT);
        assertThat(model.topSql().getFirst().text()).startsWith("SELECT c.name");
        assertThat(model.topSql().getFirst().aas()).isEqualTo(2.0);
        assertThat(model.topSessions()).extracting(ActivityBreakdown.TopSession::sid).containsExactly(70L, 71L);
        assertThat(model.topEvents()).extracting(ActivityBreakdown.TopEvent::event).containsExactly("CPU");
        assertThat(robot.lookup("#activitySelection").queryAs(Label.class).getText()).startsWith("Selected 09:4").endsWith(": 2.00 average active sessions");
        WaitForAsyncUtils.waitForFxEvents();
        javafx.scene.shape.Rectangle shade = robot.lookup(".activity-selection").queryAs(javafx.scene.shape.Rectangle.class);
        assertThat(shade.isVisible()).isTrue();
        assertThat(shade.getWidth()).as("the shade spans the 8 minutes dragged").isCloseTo(
                ((NumberAxis) chart.getXAxis()).getDisplayPosition(T0.minusSeconds(11 * 60).getEpochSecond())
                        - ((NumberAxis) chart.getXAxis()).getDisplayPosition(T0.minusSeconds(19 * 60).getEpochSecond()),
                org.assertj.core.api.Assertions.within(3.0));
        assertThat(robot.lookup("#activityTopSessions").queryAs(TableView.class).getItems()).hasSize(2);

        robot.clickOn("#activityWhole");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.topSql().size() == 2);
        assertThat(model.selectionProperty().get()).isNull();
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(shade.isVisible()).isFalse();
        assertThat(status).isEmpty();
    }

    @Test
    void aTargetWithoutSamplesSaysSo(FxRobot robot) throws Exception {
        Target other = new Target(2, "prod", TargetKind.ORACLE, "db1", 1521, ConnectBy.SERVICE_NAME, "PROD", "", "vigil", Secret.empty(),
                List.of(), true);
        robot.interact(() -> model.update(snapshot(other)));
        Label title = robot.lookup("#activityEmpty .empty-title").queryAs(Label.class);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> "No samples yet".equals(title.getText()));
        assertThat(robot.lookup("#activityEmpty .empty-hint").queryAs(Label.class).getText())
                .isEqualTo("Vigil samples the active sessions of prod every 5 s; the first ones show here within seconds.");
        assertThat(robot.lookup("#activityEmpty").query().isVisible()).isTrue();
        assertThat(model.topSql()).isEmpty();
    }

    private static Point2D at(ActivityChartView chart, Instant t) {
        NumberAxis x = (NumberAxis) chart.getXAxis();
        Node plot = chart.lookup(".chart-plot-background");
        Bounds b = plot.localToScreen(plot.getBoundsInLocal());
        Point2D onAxis = x.localToScreen(x.getDisplayPosition(t.getEpochSecond()), 0);
        return new Point2D(onAxis.getX(), b.getMinY() + b.getHeight() / 2);
    }
}
