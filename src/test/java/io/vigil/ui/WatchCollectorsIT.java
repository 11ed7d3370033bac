package io.vigil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.TimeUnit;

import javafx.scene.Scene;
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
import io.vigil.config.CollectMode;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.ServerAddress;
import io.vigil.config.Settings;
import io.vigil.config.SettingsFile;
import io.vigil.config.StoreKind;
import io.vigil.config.StoreLocation;
import io.vigil.config.Theme;
import io.vigil.schedule.StatusEvent.Status;
import io.vigil.series.Point;
import io.vigil.team.TeamCollector;
import io.vigil.team.TeamFixture;
import io.vigil.team.TeamMonitoring;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.RedisServer;
import io.vigil.testsupport.TestDatabase;
import io.vigil.testsupport.TestKeyspace;
import io.vigil.ui.shell.MainView;
import io.vigil.ui.status.JobRowModel;
import io.vigil.ui.util.FxTaskExecutor;
import io.vigil.watch.Health;
import io.vigil.watch.JobBoard;

/**
 * A console set to "Watch collectors", headless, against the real Redis and MariaDB, with a headless collector of the
 * team running in the test: it runs no collector of its own, and sees the collector's health, job states (with the
 * collector's name) and live figures change; a pause given here reaches the collector that holds the target.
 */
@ExtendWith(ApplicationExtension.class)
class WatchCollectorsIT {

    private static TestDatabase config;
    private static TestDatabase cache;
    private static TestKeyspace keys;
    private static RedisServer redis;
    private static ConfigStore collectorStore;
    private static TeamCollector collector;
    private static List<Long> ids;
    private static Path home;

    private Console console;
    private FxTaskExecutor executor;

    @BeforeAll
    static void team() throws Exception {
        redis = RealServices.redis();
        config = RealServices.mariadb().createDatabase("watchcfg");
        cache = RealServices.mariadb().createDatabase("watchcache");
        keys = redis.keyspace("watch");
        home = Files.createTempDirectory("vigil-watch");
        AppDirs collectorDirs = new AppDirs(home.resolve("collector"));
        collectorStore = ConfigStores.open(location(), collectorDirs, SecretBox.fromKeyFile(collectorDirs));
        ids = TeamFixture.prepare(collectorStore, 3);
        collector = TeamCollector.start(TeamFixture.dirs(home, "collector-data"), collectorStore, TeamFixture.stores(cache, redis, keys.prefix()),
                Clock.systemUTC(), new JobBoard(), e -> { }, p -> { }, Duration.ofSeconds(5));
    }

    private static StoreLocation location() {
        return new StoreLocation(StoreKind.MYSQL, config.jdbcUrl(), config.user(), Secret.of(config.password()));
    }

    @AfterAll
    static void stopTeam() {
        collector.close();
        collectorStore.close();
        keys.close();
        cache.close();
        config.close();
    }

    @Start
    void start(Stage stage) {
        AppDirs dirs = new AppDirs(home.resolve("console"));
        String prefix = keys.prefix().substring(0, keys.prefix().length() - 1);
        new SettingsFile(dirs, SecretBox.fromKeyFile(dirs)).save(new Settings("en", Theme.LIGHT, location(),
                new ServerAddress(cache.jdbcUrl(), cache.user(), Secret.of(cache.password())),
                new ServerAddress("redis://" + redis.host() + ":" + redis.port() + "/" + prefix, "", Secret.empty()), ServerAddress.embedded(),
                CollectMode.WATCH));
        executor = new FxTaskExecutor();
        Scene scene = new Scene(new StackPane(), 1280, 800);
        console = new Console(scene, executor, ConsoleStartup.open(dirs, LaunchOptions.none()));
        console.show(MainView.Pane.STATUS);
        stage.setScene(scene);
        stage.show();
    }

    @AfterEach
    void close() {
        console.close();
        executor.close();
    }

    @Test
    void aWatchingConsoleSeesTheCollectorsWorkAndPausesThroughIt(FxRobot robot) throws Exception {
        assertThat(console.context().storeError()).isNull();
        TeamMonitoring watching = (TeamMonitoring) console.context().monitoring();
        assertThat(watching.watchesOnly()).as("this console collects nothing").isTrue();

        // health: every target OK, from the collector's published job states
        WaitForAsyncUtils.waitFor(90, TimeUnit.SECONDS, () -> {
            var s = console.feed().last();
            return s != null && ids.stream().allMatch(id -> s.health(id) != null && s.health(id).health() == Health.OK);
        });

        // job states in the Pipelines pane, each with the collector that ran it
        TableView<JobRowModel> table = robot.lookup("#pipelineTable").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().stream()
                .filter(r -> r.collectorProperty().get().equals(collector.id()) && r.lastRunProperty().get() != null).count() >= 3 * 6);
        assertThat(table.getColumns().stream().filter(c -> c.getText().equals("Collector")).findFirst().orElseThrow().isVisible())
                .as("the Collector column shows in a team").isTrue();
        Instant lastRun = table.getItems().stream().filter(r -> r.key().kind() == io.vigil.schedule.JobKey.JobKind.MIRROR)
                .map(r -> r.lastRunProperty().get()).filter(java.util.Objects::nonNull).max(Instant::compareTo).orElseThrow();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> table.getItems().stream()
                .map(r -> r.lastRunProperty().get()).filter(java.util.Objects::nonNull).anyMatch(t -> t.isAfter(lastRun)));

        // live figures that move
        Instant first = newest(console, "demo01");
        WaitForAsyncUtils.waitFor(45, TimeUnit.SECONDS, () -> newest(console, "demo01").isAfter(first));

        // a pause given here reaches the collector holding the target, and shows
        long target = ids.getFirst();
        watching.pause(target);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> collector.local().isPaused(target));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> console.feed().last().health(target).health() == Health.PAUSED);
        watching.resume(target);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !collector.local().isPaused(target));

        assertThat(watching.view().collectors().keySet()).as("only the headless collector collects").containsExactly(collector.id());
        assertThat(console.feed().last().jobs()).filteredOn(j -> j.last().isPresent())
                .allSatisfy(j -> assertThat(j.last().get().status()).isNotEqualTo(Status.ERROR));
    }

    private static Instant newest(Console console, String target) {
        var s = console.feed().last();
        return s == null ? Instant.EPOCH : s.latest().of(target, "oracle.sessions.total").stream().map(Point::time).max(Instant::compareTo)
                .orElse(Instant.EPOCH);
    }
}
