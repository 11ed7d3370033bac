package io.vigil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import io.vigil.config.AppDirs;
import io.vigil.config.MirrorDef;
import io.vigil.config.Target;
import io.vigil.sitepack.PackRequest;
import io.vigil.sitepack.SitePackFixture;
import io.vigil.sitepack.SitePackWriter;
import io.vigil.ui.shell.MainView;
import io.vigil.ui.trends.Trend;
import io.vigil.ui.util.FxTaskExecutor;

/** The console started on a site pack, as {@code vigil --open} starts it: read-only, every pane showing the pack. */
@ExtendWith(ApplicationExtension.class)
class SitePackUiTest {

    private static Path dir;
    private static SitePackFixture site;
    private static ConsoleContext opened;
    private Console console;
    private FxTaskExecutor executor;

    // The site, its pack and the pack opened as vigil --open opens it: slow work, kept off the FX thread.
    @BeforeAll
    static void pack() throws Exception {
        dir = Files.createTempDirectory("vigil-pack-ui");
        site = new SitePackFixture(dir);
        Path pack = dir.resolve("acme.vigil");
        new SitePackWriter(site.clock).write(site.source(),
                new PackRequest("ACME Billing", SitePackFixture.FROM, SitePackFixture.TO, List.of()), pack, PackRequest.Progress.none());
        opened = ConsoleStartup.open(new AppDirs(dir.resolve("here")), LaunchOptions.none().withPack(pack));
    }

    @AfterAll
    static void closeSite() throws Exception {
        site.close();
        try (java.util.stream.Stream<Path> all = Files.walk(dir)) {
            all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
        }
    }

    @Start
    void start(Stage stage) {
        executor = new FxTaskExecutor();
        Scene scene = new Scene(new StackPane(), 1280, 800);
        console = new Console(scene, executor, opened);
        console.show(MainView.Pane.OVERVIEW);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        console.close();
        executor.close();
    }

    private Target target(String name) {
        return console.context().store().targets().stream().filter(t -> t.name().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void everyPaneShowsThePackReadOnlyAndNothingConnects(FxRobot robot) throws Exception {
        Label banner = robot.lookup("#packBanner").queryAs(Label.class);
        assertThat(banner.getText()).startsWith("Site pack: ACME Billing, ").endsWith("— read-only");
        assertThat(console.context().readOnly()).isTrue();

        // the overview: a tile for each of the pack's targets
        for (String name : List.of("prod", "shop", "ledger")) {
            long id = target(name).id();
            WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#overview-tile-" + id).tryQuery().isPresent());
        }

        // a trend: the dashboard's way in, the last hour of the pack
        robot.clickOn("#navTrends");
        Target prod = target("prod");
        robot.interact(() -> console.trendsPane().showTarget(prod));
        WaitForAsyncUtils.waitFor(15, TimeUnit.SECONDS, () -> {
            Trend t = console.trendsPane().model().trendProperty().get();
            return t != null && t.points() > 0;
        });
        Trend trend = console.trendsPane().model().trendProperty().get();
        assertThat(trend.to()).isAfter(SitePackFixture.TO.minusSeconds(60)).isBefore(SitePackFixture.TO.plusSeconds(600));
        assertThat(trend.from()).isAfter(SitePackFixture.FROM);

        // a cached table
        robot.clickOn("#navTables");
        ComboBox<Target> targetBox = robot.lookup("#tablesTarget").queryComboBox();
        ComboBox<MirrorDef> mirrorBox = robot.lookup("#tablesMirror").queryComboBox();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> targetBox.getItems().stream().anyMatch(t -> t.name().equals("prod")));
        robot.interact(() -> targetBox.setValue(targetBox.getItems().stream().filter(t -> t.name().equals("prod")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> mirrorBox.getItems().stream()
                .anyMatch(m -> m.cacheTable().equals(SitePackFixture.SESSION_TABLE)));
        robot.interact(() -> mirrorBox.setValue(mirrorBox.getItems().stream()
                .filter(m -> m.cacheTable().equals(SitePackFixture.SESSION_TABLE)).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> robot.lookup("#mirrorTable").tryQuery()
                .map(n -> ((TableView<?>) n).getItems().size() == 3).orElse(false));

        // the alerts: firing as it stood, and the history of the pack's last day
        robot.clickOn("#navAlerts");
        TableView<?> firing = robot.lookup("#alertsTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> firing.getItems().size() == 1);
        robot.clickOn("#alertsHistoryTab");
        TableView<?> history = robot.lookup("#historyTable").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> history.getItems().size() == 2);

        // read-only: no editing offered, settings belong to this machine
        robot.clickOn("#navTargets");
        Node add = robot.lookup("#addTarget").query();
        assertThat(add.isVisible()).isFalse();
        robot.clickOn("#navSettings");
        assertThat(robot.lookup(".empty-title").queryAllAs(Label.class)).extracting(Label::getText)
                .contains("Settings belong to this machine");
        javafx.scene.control.Menu file = robot.lookup(".menu-bar").queryAs(javafx.scene.control.MenuBar.class).getMenus().getFirst();
        assertThat(file.getItems()).filteredOn(javafx.scene.control.MenuItem::isVisible).extracting(javafx.scene.control.MenuItem::getText)
                .containsExactly("Open site pack…"); // a pack is not packed again
        assertThat(site.connections.get()).as("nothing reached the site's databases").isZero();
    }
}
