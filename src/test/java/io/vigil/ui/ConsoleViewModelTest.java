package io.vigil.ui;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.Alert;
import io.vigil.config.AlertKey;
import io.vigil.config.AlertState;
import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.SecretBox;
import io.vigil.config.Settings;
import io.vigil.config.SettingsFile;
import io.vigil.config.Severity;
import io.vigil.config.StoreKind;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.Theme;
import io.vigil.gather.Spool;
import io.vigil.ui.alerts.AlertCounts;
import io.vigil.ui.dashboard.Snapshots;
import io.vigil.ui.live.HealthNotices;
import io.vigil.ui.live.LiveFeed;
import io.vigil.ui.shell.MainView.Pane;
import io.vigil.ui.util.DirectTaskExecutor;
import io.vigil.watch.Health;
import io.vigil.watch.Monitoring;
import io.vigil.watch.Watch;

/** The console shell's decisions, driven without a display: background work runs in place. */
class ConsoleViewModelTest {

    @TempDir
    Path home;
    final List<Pane> rebuilds = new ArrayList<>();
    ConsoleViewModel vm;

    @AfterEach
    void close() {
        if (vm != null) {
            vm.close();
        }
    }

    /** A view model whose rebuilds are recorded and then done as the view does them. */
    ConsoleViewModel model(ConsoleContext ctx, LaunchOptions options, ConsoleViewModel.Startup startup) {
        vm = new ConsoleViewModel(new DirectTaskExecutor(), ctx, options, startup, c -> new LiveFeed(c.monitoring()::snapshot));
        vm.onRebuild(p -> {
            rebuilds.add(p);
            vm.build(p);
        });
        return vm;
    }

    ConsoleViewModel withStore() {
        return model(ConsoleStartup.open(new AppDirs(home), LaunchOptions.none().withoutCollector()), LaunchOptions.none().withoutCollector(),
                ConsoleViewModel.Startup.standard());
    }

    String savedSettings() throws Exception {
        Path file = new AppDirs(home).settingsFile();
        return Files.exists(file) ? Files.readString(file) : "";
    }

    @Test
    void withoutAConfigStoreItOpensOnSettingsAndSaysThereIsNone() {
        AppDirs dirs = new AppDirs(home);
        SecretBox box = SecretBox.fromKeyFile(dirs);
        model(new ConsoleContext(dirs, box, new SettingsFile(dirs, box), Settings.defaults(), null, "Cannot reach the config store", null),
                LaunchOptions.none(), ConsoleViewModel.Startup.standard());

        assertThat(vm.build(Pane.OVERVIEW)).isEqualTo(Pane.SETTINGS);
        assertThat(vm.paneProperty().get()).isEqualTo(Pane.SETTINGS);
        assertThat(vm.statusProperty().get()).isEqualTo("No config store");
        assertThat(vm.storeLocation()).isEqualTo("No config store");
        assertThat(vm.collecting()).isFalse();
        assertThat(vm.dataStores()).as("nothing to collect without a store").isNull();
        assertThat(vm.transfer()).as("nothing to import into").isNull();
        assertThat(vm.feed()).isNull();
    }

    @Test
    void withAStoreTheAskedPaneOpensAndTheTargetsLoad() {
        withStore();

        assertThat(vm.build(Pane.TARGETS)).isEqualTo(Pane.TARGETS);
        assertThat(vm.paneProperty().get()).isEqualTo(Pane.TARGETS);
        assertThat(vm.statusProperty().get()).isEqualTo("Ready");
        assertThat(vm.storeLocation()).isEqualTo(vm.context().store().location());
        assertThat(vm.dataStores()).isNotNull();
        vm.loadTargets();
        assertThat(vm.targets().targets()).extracting(Target::name).containsExactly("demo");
    }

    @Test
    void withoutACollectorPauseAndTestSayNothing() {
        withStore();
        vm.build(Pane.TARGETS);
        vm.loadTargets();
        Target demo = vm.targets().targets().getFirst();

        vm.pause(demo, true);
        vm.testConnection(demo);
        vm.configChanged();

        assertThat(vm.statusProperty().get()).isEqualTo("Ready");
    }

    @Test
    void anotherLanguageRebuildsOnSettingsInThatLanguageAndIsSaved() throws Exception {
        withStore();
        vm.build(Pane.OVERVIEW);

        vm.settings().languageProperty().set("zh-CN");

        assertThat(rebuilds).containsExactly(Pane.SETTINGS);
        assertThat(vm.context().settings().language()).isEqualTo("zh-CN");
        assertThat(vm.messages().locale()).isEqualTo(Locale.SIMPLIFIED_CHINESE);
        assertThat(vm.statusProperty().get()).isEqualTo("就绪");
        assertThat(savedSettings()).contains("language=zh-CN");
    }

    @Test
    void aThemeShownForAPictureRebuildsThePaneShownWithoutSavingIt() throws Exception {
        withStore();
        vm.build(Pane.TRENDS);

        vm.previewTheme(Theme.DARK);
        vm.previewTheme(Theme.DARK);

        assertThat(rebuilds).as("once: the second asks for the theme already shown").containsExactly(Pane.TRENDS);
        assertThat(vm.context().settings().theme()).isEqualTo(Theme.DARK);
        assertThat(savedSettings()).doesNotContain("theme=DARK");
    }

    @Test
    void aConfigStoreThatDoesNotOpenLeavesTheOldOneInUse() throws Exception {
        withStore();
        vm.build(Pane.SETTINGS);
        ConfigStore before = vm.context().store();

        vm.settings().storeKindProperty().set(StoreKind.MYSQL);
        vm.settings().urlProperty().set("jdbc:mysql://127.0.0.1:" + unusedPort() + "/vigil");
        vm.settings().userProperty().set("vigil");
        vm.settings().passwordProperty().set("x");
        vm.settings().saveStore();

        assertThat(vm.settings().storeResultOkProperty().get()).isFalse();
        assertThat(vm.settings().storeResultProperty().get()).startsWith("Cannot reach the config store MySQL 127.0.0.1:");
        assertThat(vm.context().store()).isSameAs(before);
        assertThat(before.targets()).as("still open").isNotEmpty();
        assertThat(rebuilds).isEmpty();
        assertThat(savedSettings()).doesNotContain("MYSQL");
    }

    @Test
    void aConfigStoreThatOpensReplacesTheOldOneWhichIsClosed(@TempDir Path elsewhere) throws Exception {
        ConsoleViewModel.Startup otherFolder = new ConsoleViewModel.Startup() {
            @Override
            public ConsoleContext openStore(ConsoleContext ctx, StoreLocation where, String earlierError, LaunchOptions options) {
                ConsoleContext moved = new ConsoleContext(new AppDirs(elsewhere), ctx.box(), ctx.settingsStore(), ctx.settings(), null, null, null);
                return ConsoleStartup.openStore(moved, where, earlierError, options);
            }

            @Override
            public ConsoleContext startCollecting(ConsoleContext opened) {
                throw new AssertionError("this console runs no collector");
            }
        };
        LaunchOptions noCollector = LaunchOptions.none().withoutCollector();
        model(ConsoleStartup.open(new AppDirs(home), noCollector), noCollector, otherFolder);
        vm.build(Pane.SETTINGS);
        ConfigStore before = vm.context().store();

        vm.settings().themeProperty().set(Theme.DARK); // a look change: rebuilt, saved, the same store
        rebuilds.clear();
        vm.settings().saveStore();

        assertThat(vm.context().store()).isNotSameAs(before);
        assertThat(vm.context().store().location()).contains(elsewhere.toString());
        assertThat(rebuilds).containsExactly(Pane.SETTINGS);
        assertThat(vm.settings().storeResultOkProperty().get()).isTrue();
        assertThat(vm.settings().storeResultProperty().get()).isEqualTo("Now using " + vm.context().store().location());
        assertThatThrownBy(before::targets).as("the old store is closed");
    }

    @Test
    void collectionThatDoesNotStartOnNewStoresGoesOnWhereItWasAndSaysWhy() throws Exception {
        LaunchOptions noCollector = LaunchOptions.none().withoutCollector();
        ConsoleContext opened = ConsoleStartup.open(new AppDirs(home), noCollector);
        Settings changed = opened.settings().withTheme(Theme.DARK);
        List<Settings> tried = new ArrayList<>();
        ConsoleViewModel.Startup refusing = new ConsoleViewModel.Startup() {
            @Override
            public ConsoleContext openStore(ConsoleContext ctx, StoreLocation where, String earlierError, LaunchOptions options) {
                throw new AssertionError("the config store stays");
            }

            @Override
            public ConsoleContext startCollecting(ConsoleContext ctx) {
                tried.add(ctx.settings());
                return ctx.settings().equals(changed) ? ctx.withStore(ctx.store(), "InfluxDB does not answer") : ctx;
            }
        };
        model(opened, LaunchOptions.none(), refusing);
        vm.build(Pane.SETTINGS);

        vm.dataStoresChanged(changed);

        assertThat(tried).as("the new stores, then the old ones").containsExactly(changed, opened.settings());
        assertThat(vm.statusProperty().get())
                .isEqualTo("The new stores did not open, so collection goes on where it was: InfluxDB does not answer");
        assertThat(vm.context().settings()).isEqualTo(opened.settings());
        assertThat(rebuilds).containsExactly(Pane.SETTINGS);
        assertThat(savedSettings()).doesNotContain("theme=DARK");
    }

    @Test
    void liveSummaryCountsTargetsPerHealthAndTheSpool() {
        Target a = Snapshots.target(1, "a", io.vigil.config.TargetKind.ORACLE);
        Target b = Snapshots.target(2, "b", io.vigil.config.TargetKind.ORACLE);
        Target c = Snapshots.target(3, "c", io.vigil.config.TargetKind.ORACLE);
        Watch.Snapshot s = new Snapshots().add(a, Health.OK, "").add(b, Health.OK, "").add(c, Health.DOWN, "refused").at(Snapshots.T0);
        io.vigil.i18n.Messages en = new io.vigil.i18n.Messages(Locale.ENGLISH);

        assertThat(ConsoleViewModel.liveSummary(s, en)).isEqualTo("1 down · 2 ok");
        Watch.Snapshot spooling = new Watch.Snapshot(s.at(), s.targets(), s.health(), s.jobs(), s.latest(),
                new Spool.Fill(1, 120, 4096, 1 << 20, 0), s.alerts());
        assertThat(ConsoleViewModel.liveSummary(spooling, en)).startsWith("1 down · 2 ok · ").contains("120");
        Watch.Snapshot full = new Watch.Snapshot(s.at(), s.targets(), s.health(), s.jobs(), s.latest(), s.spool(), s.alerts(),
                new io.vigil.config.DataDisk.State(home, 4096, 1L << 30, io.vigil.config.DataDisk.Level.FULL));
        assertThat(ConsoleViewModel.liveSummary(full, en)).isEqualTo("1 down · 2 ok · data disk full (4 KB left)");
        assertThat(ConsoleViewModel.liveSummary(full, new io.vigil.i18n.Messages(Locale.SIMPLIFIED_CHINESE))).endsWith("数据盘已满（剩余 4 KB）");
    }

    /** With the console's own collector running over the demo, as a console started normally has it. */
    @Nested
    class Collecting {

        Monitoring monitoring;
        Target demo;
        final List<HealthNotices.Notice> notices = new ArrayList<>();

        void start() {
            model(ConsoleStartup.open(new AppDirs(home), LaunchOptions.none()), LaunchOptions.none(), ConsoleViewModel.Startup.standard());
            assertThat(vm.collecting()).as(String.valueOf(vm.context().storeError())).isTrue();
            monitoring = vm.context().monitoring();
            vm.onNotice(notices::add);
            vm.build(Pane.OVERVIEW);
            vm.loadTargets();
            demo = vm.targets().targets().getFirst();
        }

        @Test
        void aTargetIsPausedAndResumedAndTheStatusLineSaysSo() {
            start();

            vm.pause(demo, true);
            assertThat(monitoring.isPaused(demo.id())).isTrue();
            assertThat(vm.statusProperty().get()).isEqualTo("Paused demo: nothing is collected until you resume it.");

            vm.pause(demo, false);
            assertThat(monitoring.isPaused(demo.id())).isFalse();
            assertThat(vm.statusProperty().get()).isEqualTo("Resumed demo.");
        }

        @Test
        void eachSnapshotSetsTheSummaryTheBadgeAndTheNoticesOfWhatChanged() {
            start();
            Watch.Snapshot up = new Snapshots().add(demo, Health.OK, "").at(Snapshots.T0);
            Watch.Snapshot down = new Snapshots().add(demo, Health.DOWN, "Connection refused").at(Snapshots.T0.plusSeconds(1));
            Alert firing = new Alert(new AlertKey("target.down", demo.id(), ""), demo.name(), AlertState.FIRING, Severity.CRIT, null,
                    Snapshots.T0, Snapshots.T0.plusSeconds(1), Snapshots.T0.plusSeconds(1), null, "", "", null, "");
            Watch.Snapshot downAndFiring = new Watch.Snapshot(down.at(), down.targets(), down.health(), down.jobs(), down.latest(),
                    down.spool(), List.of(firing));

            vm.feed().deliver(up);
            assertThat(vm.liveProperty().get()).isEqualTo("1 ok");
            assertThat(vm.alertCountsProperty().get()).isEqualTo(AlertCounts.NONE);
            assertThat(notices).as("the first snapshot sets the scene").isEmpty();

            vm.feed().deliver(downAndFiring);
            assertThat(vm.liveProperty().get()).isEqualTo("1 down");
            assertThat(vm.alertCountsProperty().get()).isEqualTo(new AlertCounts(1, 0, true));
            assertThat(notices).extracting(HealthNotices.Notice::title).contains("demo is down");
            assertThat(notices).allMatch(HealthNotices.Notice::warning);

            notices.clear();
            vm.feed().deliver(new Watch.Snapshot(Instant.parse("2026-11-25T10:00:02Z"), down.targets(), down.health(), down.jobs(),
                    down.latest(), down.spool(), List.of(firing)));
            assertThat(notices).as("still down, still firing: nothing new").isEmpty();
        }

        @Test
        void aRebuiltViewShowsTheLastSnapshotAtOnceAndKeepsComparingWithIt() {
            start();
            vm.feed().deliver(new Snapshots().add(demo, Health.OK, "").at(Snapshots.T0));

            vm.build(Pane.OVERVIEW);
            assertThat(vm.liveProperty().get()).as("not empty until the next tick").isEqualTo("1 ok");
            vm.feed().deliver(new Snapshots().add(demo, Health.DOWN, "refused").at(Snapshots.T0.plusSeconds(1)));

            assertThat(notices).as("a target that goes down while the view is rebuilt is still told")
                    .extracting(HealthNotices.Notice::title).containsExactly("demo is down");
            assertThat(vm.liveProperty().get()).isEqualTo("1 down");
        }

        @Test
        void newDataStoresRestartTheCollectorAndAreSaved() throws Exception {
            start();
            Settings changed = vm.context().settings().withTheme(Theme.DARK);

            vm.dataStoresChanged(changed);

            assertThat(vm.context().monitoring()).isNotNull().isNotSameAs(monitoring);
            assertThat(vm.statusProperty().get()).startsWith("Collecting again: cache H2 ").contains(", ledger in this process");
            assertThat(vm.feed()).as("a feed over the new collector").isNotNull();
            assertThat(rebuilds).containsExactly(Pane.SETTINGS);
            assertThat(savedSettings()).contains("theme=DARK");
        }
    }

    private static int unusedPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
