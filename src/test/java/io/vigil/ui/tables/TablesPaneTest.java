package io.vigil.ui.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
import javafx.scene.control.Label;
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
import io.vigil.mirror.MirrorResult;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.ui.Themes;
import io.vigil.ui.util.FxTaskExecutor;

/** The tables pane, headless, on the demo's mirrored sessions: rows and columns on screen, sorting, filtering, CSV. */
@ExtendWith(ApplicationExtension.class)
class TablesPaneTest {

    private Path folder;
    private TargetConnections connections;
    private CacheDb cache;
    private FxTaskExecutor executor;
    private TablesViewModel model;
    private TablesPane pane;
    private MirrorResult sessions;
    private final List<String> status = new CopyOnWriteArrayList<>();

    @Start
    void start(Stage stage) throws Exception {
        folder = Files.createTempDirectory("vigil-tables");
        connections = new TargetConnections(new DemoOracles());
        cache = CacheDb.embedded(folder);
        InMemoryLedger ledger = new InMemoryLedger();
        sessions = new MirrorJob(connections, cache, ledger).run(TablesViewModelTest.DEMO,
                Packs.shipped(TargetKind.ORACLE).mirrorDefs().stream().filter(m -> m.name().equals("session")).findFirst().orElseThrow());
        executor = new FxTaskExecutor();
        List<MirrorDef> mirrors = Packs.shipped(TargetKind.ORACLE).mirrorDefs();
        model = new TablesViewModel(() -> mirrors, new CacheBrowser(cache, ledger), executor, new Messages(Locale.ENGLISH), status::add);
        pane = new TablesPane(model, new Messages(Locale.ENGLISH));
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
    }

    private TableView<MirrorRow> shownTable() throws Exception {
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> pane.table().getItems().size() == sessions.rows());
        return pane.table();
    }

    @Test
    void theDemosSessionsShowWithTheirColumnsAndSortByNumber(FxRobot robot) throws Exception {
        robot.interact(() -> model.update(TablesViewModelTest.snapshot(Instant.now(), TablesViewModelTest.DEMO)));
        TableView<MirrorRow> table = shownTable();
        assertThat(table.getColumns()).extracting(TableColumn::getText).startsWith("sid", "serial_no", "username", "status")
                .contains("logon_time").hasSize(17);
        assertThat(robot.lookup(".table-row-cell .table-cell").queryAllAs(javafx.scene.control.Labeled.class))
                .extracting(javafx.scene.control.Labeled::getText).contains("ACTIVE");
        assertThat(robot.lookup("#tablesSummary").queryAs(Label.class).getText()).startsWith(sessions.rows() + " rows, snapshot from");
        assertThat(robot.lookup("#quick-session").queryAs(javafx.scene.control.ToggleButton.class).isSelected()).isTrue();

        javafx.scene.Node sidHeader = robot.lookup(".column-header")
                .match(n -> n.lookup(".label") instanceof Label l && "sid".equals(l.getText())).query();
        robot.clickOn(sidHeader);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getSortOrder()).extracting(TableColumn::getText).containsExactly("sid");
        List<Long> sids = table.getItems().stream().map(r -> ((Number) r.value(0)).longValue()).toList();
        assertThat(sids).isSorted();

        robot.clickOn("#tablesFilter").write("inactive");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() < sessions.rows());
        assertThat(table.getItems()).isNotEmpty().allSatisfy(r -> assertThat(r.search()).contains("inactive"));
        assertThat(robot.lookup("#tablesShown").queryAs(Label.class).getText()).isEqualTo(table.getItems().size() + " of " + sessions.rows() + " shown");
    }

    @Test
    void columnFiltersAndTheTextFilterCombine(FxRobot robot) throws Exception {
        robot.interact(() -> model.update(TablesViewModelTest.snapshot(Instant.now(), TablesViewModelTest.DEMO)));
        TableView<MirrorRow> table = shownTable();
        TableColumn<MirrorRow, ?> type = table.getColumns().get(4);
        assertThat(type.getText()).isEqualTo("type");
        assertThat(type.getContextMenu()).as("right-click on the header opens the value filter").isNotNull();
        robot.interact(() -> {
            pane.columnFilter().getColumnFilter(type).orElseThrow(); // initializes it, as opening its menu does
            pane.columnFilter().unselectValue(type, "BACKGROUND");
            pane.columnFilter().executeFilter();
        });
        assertThat(table.getItems()).isNotEmpty().allSatisfy(r -> assertThat(r.value(4)).isEqualTo("USER"));
        int users = table.getItems().size();
        robot.clickOn("#tablesFilter").write("inactive");
        WaitForAsyncUtils.waitFor(5, TimeUnit.SECONDS, () -> table.getItems().size() < users);
        assertThat(table.getItems()).isNotEmpty().allSatisfy(r -> {
            assertThat(r.value(4)).isEqualTo("USER");
            assertThat(r.value(3)).isEqualTo("INACTIVE");
        });
    }

    @Test
    void theExportWritesTheShownRowsInTheirOrderUnderAHeader(FxRobot robot) throws Exception {
        robot.interact(() -> model.update(TablesViewModelTest.snapshot(Instant.now(), TablesViewModelTest.DEMO)));
        TableView<MirrorRow> table = shownTable();
        robot.interact(() -> {
            TableColumn<MirrorRow, ?> sid = table.getColumns().getFirst();
            sid.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(List.of(sid));
        });
        robot.clickOn("#tablesFilter").write("ACTIVE");
        WaitForAsyncUtils.waitForFxEvents();
        Path out = folder.resolve("export");
        Files.createDirectories(out);
        pane.setSaveDialog(name -> Optional.of(out.resolve(name)));
        robot.clickOn("#tablesExport");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> status.stream().anyMatch(s -> s.startsWith("Exported")));

        List<Path> files;
        try (var listing = Files.list(out)) {
            files = listing.toList();
        }
        assertThat(files).hasSize(1);
        assertThat(files.getFirst().getFileName().toString()).startsWith("demo-session-").endsWith(".csv");
        List<String> lines = Files.readAllLines(files.getFirst(), StandardCharsets.UTF_8);
        assertThat(lines.getFirst()).startsWith("sid,serial_no,username,status,");
        assertThat(lines).hasSize(table.getItems().size() + 1);
        List<Long> written = lines.subList(1, lines.size()).stream().map(l -> Long.parseLong(l.substring(0, l.indexOf(',')))).toList();
        assertThat(written).isSortedAccordingTo((a, b) -> Long.compare(b, a))
                .containsExactlyElementsOf(table.getItems().stream().map(r -> ((Number) r.value(0)).longValue()).toList());
    }
}
