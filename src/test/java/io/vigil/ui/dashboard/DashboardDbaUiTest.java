package io.vigil.ui.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;

import javafx.scene.Node;
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

import io.vigil.config.ConnectBy;
import io.vigil.config.MirrorDef;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.Theme;
import io.vigil.i18n.Messages;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.target.demo.DemoPressure;
import io.vigil.ui.Themes;
import io.vigil.ui.util.FxTaskExecutor;
import io.vigil.watch.Health;

/**
 * The dashboard's DBA checks in a real (headless) window, read in the background from a cache the Oracle pack's own
 * mirrors filled from the demo Oracle: Data Guard, backups and passwords, coloured when something is wrong, hidden for
 * a MySQL target.
 */
@ExtendWith(ApplicationExtension.class)
class DashboardDbaUiTest {

    private final Target demo = new Target(1, "prod", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(),
            List.of(), true);
    private final Target shop = Snapshots.target(2, "shop", TargetKind.MYSQL);
    private final Snapshots data = new Snapshots().add(demo, Health.OK, "").add(shop, Health.OK, "");
    private Path folder;
    private DemoOracles demos;
    private TargetConnections connections;
    private CacheDb cache;
    private FxTaskExecutor executor;
    private DashboardView view;
    private Stage stage;

    @Start
    void start(Stage stage) throws Exception {
        this.stage = stage;
        folder = Files.createTempDirectory("vigil-dashboard-dba");
        demos = new DemoOracles();
        connections = new TargetConnections(demos);
        cache = CacheDb.embedded(folder);
        executor = new FxTaskExecutor();
        show(Locale.ENGLISH, Theme.LIGHT);
    }

    private void show(Locale locale, Theme theme) {
        Messages messages = new Messages(locale);
        DbaChecks dba = new DbaChecks(cache, executor, messages);
        view = new DashboardView(new DashboardViewModel(new HeadlineSource(executor, Snapshots::figures, Duration.ofMinutes(1), messages),
                null, executor, null, dba), messages, TilePalette.of(theme), t -> { });
        Scene scene = new Scene(view.root(), 1280, 800);
        Themes.apply(scene, theme);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        executor.close();
        connections.close();
        demos.close();
        cache.close();
    }

    private void mirrorAll() {
        connections.probe(demo);
        MirrorJob mirrors = new MirrorJob(connections, cache, new InMemoryLedger());
        for (MirrorDef m : Packs.shipped(TargetKind.ORACLE).mirrorDefs()) {
            mirrors.run(demo, m);
        }
    }

    private static <T> T fx(Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }

    private String text(FxRobot robot, String id) throws Exception {
        return fx(() -> ((Label) robot.lookup("#" + id).query()).getText());
    }

    private List<String> classes(FxRobot robot, String id) throws Exception {
        return fx(() -> List.copyOf(robot.lookup("#" + id).query().getStyleClass()));
    }

    private void showAt(FxRobot robot, Instant at) throws Exception {
        robot.interact(() -> view.update(data.at(at)));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> robot.lookup("#dashboardDba").query().isVisible()));
    }

    @Test
    void anOracleTargetShowsItsStandbyBackupsAndPasswords(FxRobot robot) throws Exception {
        mirrorAll();
        showAt(robot, Instant.now());

        assertThat(text(robot, "dbaVersion")).isEqualTo("19.0.0.0.0");
        assertThat(text(robot, "dbaUptime")).matches("\\d+ d, since \\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d");
        assertThat(text(robot, "dbaRole")).isEqualTo("PRIMARY");
        assertThat(text(robot, "dbaProtection")).isEqualTo("MAXIMUM PERFORMANCE");
        assertThat(text(robot, "dbaApplyLag")).matches("\\d+ s");
        assertThat(classes(robot, "dbaApplyLag")).contains("level-ok");
        assertThat(text(robot, "dbaGap")).isEqualTo("none");

        assertThat(text(robot, "dbaBackupFULL")).matches("\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d, \\d+ d ago \u00b7 last job COMPLETED");
        assertThat(classes(robot, "dbaBackupFULL")).contains("level-ok");
        assertThat(text(robot, "dbaBackupARCHIVELOG")).matches(".*, \\d+ (min|h) ago \u00b7 last job COMPLETED");

        // Oracle's own accounts (SYS, XDB, expired and locked as shipped) are not listed
        assertThat(text(robot, "dbaExpiring")).isEqualTo("REPORTING in 4 d\nBATCH in 12 d\nDBA_ANNA in 23 d");
        assertThat(classes(robot, "dbaExpiring")).contains("level-crit"); // four days left
        assertThat(text(robot, "dbaGrace")).isEqualTo("REPORTING");
        assertThat(text(robot, "dbaLocked")).isEqualTo("AUDITOR, ETL_OLD");

        robot.interact(() -> view.showTarget(shop));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> fx(() -> !robot.lookup("#dashboardDba").query().isVisible()));
    }

    @Test
    void failedBackupsAndALaggingStandbyAreColouredRed(FxRobot robot) throws Exception {
        connections.probe(demo);
        demos.running(demo.id()).orElseThrow().press(DemoPressure.BACKUPS_FAILING);
        demos.running(demo.id()).orElseThrow().press(DemoPressure.STANDBY_BEHIND);
        mirrorAll();
        showAt(robot, Instant.now());

        assertThat(text(robot, "dbaBackupFULL")).isEqualTo("no successful one in the last 35 days \u00b7 last job FAILED");
        assertThat(classes(robot, "dbaBackupFULL")).contains("level-crit");
        assertThat(classes(robot, "dbaBackupARCHIVELOG")).contains("level-crit");
        assertThat(text(robot, "dbaApplyLag")).isEqualTo("20 min");
        assertThat(classes(robot, "dbaApplyLag")).contains("level-crit");
        assertThat(text(robot, "dbaGap")).isEqualTo("3 archived logs missing on the standby");
        assertThat(classes(robot, "dbaGap")).contains("level-crit");
    }

    @Test
    void theChecksReadInChineseOnTheDarkTheme(FxRobot robot) throws Exception {
        robot.interact(() -> show(Locale.SIMPLIFIED_CHINESE, Theme.DARK));
        mirrorAll();
        showAt(robot, Instant.now());
        assertThat(text(robot, "dbaGap")).isEqualTo("无");
        assertThat(fx(() -> robot.lookup("#dbaBackups .dba-card-title").queryAs(Label.class).getText())).isEqualTo("备份");
        assertThat(text(robot, "dbaExpiring")).startsWith("REPORTING，4 天后");
        Node card = fx(() -> robot.lookup("#dbaPasswords").query());
        assertThat(fx(card::isVisible)).isTrue();
    }

    @Test
    void beforeTheMirrorsRanTheChecksSayNotReadYet(FxRobot robot) throws Exception {
        showAt(robot, Instant.now());
        assertThat(text(robot, "dbaRole")).isEqualTo("not read yet");
        assertThat(text(robot, "dbaBackupFULL")).isEqualTo("not read yet");
        assertThat(fx(() -> robot.lookup("#dbaPasswords .dba-note").queryAs(Label.class).isVisible())).isTrue();
    }
}
