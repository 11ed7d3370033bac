package io.vigil.ui.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.vigil.config.MirrorDef;
import io.vigil.config.Packs;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheBrowser;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Point;
import io.vigil.series.Retention;
import io.vigil.series.SpaceForecast;
import io.vigil.series.SpaceForecasts;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.ui.Themes;
import io.vigil.ui.util.FxTaskExecutor;
import io.vigil.ui.util.SpaceForecastFeed;

/** The demo's tablespaces in the Tables pane with a "Full in" column fitted to a week of seeded points. */
@ExtendWith(ApplicationExtension.class)
class TablesForecastPaneTest {

    private static final double GB = 1e9;

    private Path folder;
    private TargetConnections connections;
    private CacheDb cache;
    private H2SeriesStore series;
    private FxTaskExecutor executor;
    private TablesViewModel model;
    private TablesPane pane;

    @Start
    void start(Stage stage) throws Exception {
        folder = Files.createTempDirectory("vigil-tables-forecast");
        connections = new TargetConnections(new DemoOracles());
        cache = CacheDb.embedded(folder.resolve("cache"));
        InMemoryLedger ledger = new InMemoryLedger();
        List<MirrorDef> mirrors = Packs.shipped(TargetKind.ORACLE).mirrorDefs();
        MirrorDef tablespaces = mirrors.stream().filter(m -> m.name().equals("tablespace_usage")).findFirst().orElseThrow();
        new MirrorJob(connections, cache, ledger).run(TablesViewModelTest.DEMO, tablespaces);

        // APP_DATA grows 1 GB a day and has 5 GB left; USERS stays where it is
        Instant now = Instant.now();
        series = new H2SeriesStore(folder.resolve("series"), Retention.defaults(), Clock.systemUTC());
        List<Point> points = new ArrayList<>();
        for (int i = 7 * 288; i >= 0; i--) {
            Instant at = now.minusSeconds(i * 300L);
            double day = (7 * 288 - i) / 288.0;
            Map<String, String> app = Map.of("target", "demo", "tablespace_name", "APP_DATA", "contents", "PERMANENT");
            Map<String, String> users = Map.of("target", "demo", "tablespace_name", "USERS", "contents", "PERMANENT");
            points.add(Point.of("oracle.tablespace.used_bytes", app, at, 8 * GB + GB * day));
            points.add(Point.of("oracle.tablespace.size_bytes", app, at, 20 * GB));
            points.add(Point.of("oracle.tablespace.used_bytes", users, at, 0.1 * GB + 0.001 * GB * Math.sin(i)));
            points.add(Point.of("oracle.tablespace.size_bytes", users, at, GB));
        }
        series.write(points);

        executor = new FxTaskExecutor();
        Messages messages = new Messages(Locale.ENGLISH);
        model = new TablesViewModel(() -> mirrors, new CacheBrowser(cache, ledger), executor, messages, s -> { })
                .withForecasts(new SpaceForecastFeed(new SpaceForecasts(series, Clock.systemUTC()), executor));
        pane = new TablesPane(model, messages);
        Scene scene = new Scene(pane.root(), 1280, 760);
        Themes.apply(scene, io.vigil.config.Theme.LIGHT);
        stage.setScene(scene);
        stage.show();
        model.start();
    }

    @AfterEach
    void close() {
        executor.close();
        connections.close();
        cache.close();
        series.close();
    }

    @Test
    @SuppressWarnings("unchecked")
    void aGrowingTablespaceShowsItsDaysUntilFullAndAFlatOneADash(FxRobot robot) throws Exception {
        robot.interact(() -> model.update(TablesViewModelTest.snapshot(Instant.now(), TablesViewModelTest.DEMO)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> model.mirrorProperty().get() != null);
        robot.interact(() -> model.mirrorProperty().set(model.mirrors().stream().filter(m -> m.name().equals("tablespace_usage")).findFirst()
                .orElseThrow()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.table() != null && !pane.table().getItems().isEmpty()
                && pane.table().getColumns().stream().anyMatch(c -> "fullInColumn".equals(c.getId())));
        TableView<MirrorRow> table = pane.table();
        TableColumn<MirrorRow, Optional<SpaceForecast>> fullIn = (TableColumn<MirrorRow, Optional<SpaceForecast>>) table.getColumns().stream()
                .filter(c -> "fullInColumn".equals(c.getId())).findFirst().orElseThrow();
        assertThat(fullIn.getText()).isEqualTo("Full in");
        int nameColumn = model.columns().stream().map(c -> c.name().toLowerCase(Locale.ROOT)).toList().indexOf("tablespace_name");
        MirrorRow app = table.getItems().stream().filter(r -> "APP_DATA".equals(r.value(nameColumn))).findFirst().orElseThrow();
        MirrorRow users = table.getItems().stream().filter(r -> "USERS".equals(r.value(nameColumn))).findFirst().orElseThrow();

        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> fullIn.getCellData(app) != null && fullIn.getCellData(app).isPresent());
        assertThat(fullIn.getCellData(app)).hasValueSatisfying(f -> assertThat(f.forecast().days()).isBetween(4.5, 5.5));
        assertThat(fullIn.getCellData(users)).hasValueSatisfying(f -> assertThat(f.forecast().hasDays()).isFalse());
        WaitForAsyncUtils.waitForFxEvents();
        List<String> cells = robot.lookup(".table-row-cell .table-cell").queryAllAs(javafx.scene.control.Labeled.class).stream()
                .map(javafx.scene.control.Labeled::getText).toList();
        assertThat(cells).contains("5 d", "\u2014");
    }
}
