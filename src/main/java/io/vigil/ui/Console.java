package io.vigil.ui;

import java.util.EnumMap;
import java.util.Map;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.layout.Region;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.Settings;
import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.ui.dashboard.DashboardView;
import io.vigil.ui.dashboard.DashboardViewModel;
import io.vigil.ui.dashboard.HeadlineFigures;
import io.vigil.ui.dashboard.HeadlineSource;
import io.vigil.ui.dashboard.TilePalette;
import io.vigil.ui.live.LiveFeed;
import io.vigil.ui.overview.OverviewView;
import io.vigil.ui.overview.OverviewViewModel;
import io.vigil.ui.settings.SettingsPane;
import io.vigil.ui.settings.SettingsViewModel;
import io.vigil.ui.shell.EmptyState;
import io.vigil.ui.shell.MainView;
import io.vigil.ui.shell.MainView.Pane;
import io.vigil.ui.shell.TargetTreeView;
import io.vigil.ui.targets.TargetsPane;
import io.vigil.ui.targets.TargetsViewModel;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * Builds the main view from a {@link ConsoleContext} and rebuilds it when the language, the theme or the config store
 * changes. Saving settings and opening stores run in the background; the view is only swapped once they are done.
 * While a collector runs, a {@link LiveFeed} hands its snapshot to every pane once a second.
 */
public final class Console {

    private static final Logger LOG = LoggerFactory.getLogger(Console.class);

    private final Scene scene;
    private final TaskExecutor executor;
    private final LaunchOptions options;
    private final StringProperty status = new SimpleStringProperty("");
    private ConsoleContext context;
    private MainView view;
    private SettingsViewModel settings;
    private TargetsPane targetsPane;
    private DashboardView dashboardView;
    private LiveFeed feed;

    public Console(Scene scene, TaskExecutor executor, ConsoleContext context) {
        this(scene, executor, context, LaunchOptions.none());
    }

    public Console(Scene scene, TaskExecutor executor, ConsoleContext context, LaunchOptions options) {
        this.scene = scene;
        this.executor = executor;
        this.context = context;
        this.options = options;
        startFeed();
    }

    private void startFeed() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
        if (context.monitors()) {
            feed = new LiveFeed(context.monitoring()::snapshot);
            feed.start(1000);
        }
    }

    /** Shows the main view on {@code pane}. */
    public void show(Pane pane) {
        Messages messages = new Messages(Messages.localeFor(context.settings().language()));
        if (feed != null) {
            feed.clear();
        }
        TargetsViewModel targets = new TargetsViewModel(context.store(), executor, messages, status::set);
        settings = new SettingsViewModel(context, executor, messages, this::lookChanged, this::storeChanged);
        targetsPane = new TargetsPane(targets, messages);
        Map<Pane, Region> panes = new EnumMap<>(Pane.class);
        panes.put(Pane.OVERVIEW, overview(messages));
        panes.put(Pane.DASHBOARD, dashboard(messages));
        panes.put(Pane.TRENDS, trends(messages));
        panes.put(Pane.TABLES, tables(messages));
        panes.put(Pane.STATUS, pipelineStatus(messages));
        panes.put(Pane.TARGETS, targetsPane.root());
        panes.put(Pane.DEFINITIONS, definitions(messages));
        panes.put(Pane.SETTINGS, new SettingsPane(settings, messages).root());
        TargetTreeView tree = new TargetTreeView(targets, messages, treeActions(messages));
        subscribe(tree::update);
        view = new MainView(messages, targets, panes, tree, status,
                context.hasStore() ? context.store().location() : messages.get("status.noStore"), context.storeError());
        scene.setRoot(view.root());
        Themes.apply(scene, context.settings().theme());
        view.show(context.hasStore() ? pane : Pane.SETTINGS);
        status.set(context.hasStore() ? messages.get("status.ready") : messages.get("status.noStore"));
        targets.reload();
        boolean[] loaded = {false};
        targets.targets().addListener((ListChangeListener<Target>) c -> {
            if (loaded[0]) {
                configChanged();
            }
            loaded[0] = true; // the first change is the initial load
        });
    }

    private void subscribe(java.util.function.Consumer<io.vigil.watch.Watch.Snapshot> pane) {
        if (feed != null) {
            feed.subscribe(pane);
        }
    }

    private Region notCollecting(Messages messages) {
        return EmptyState.of("fas-pause-circle", messages.get("live.off.title"), messages.get("live.off.hint"));
    }

    private Region overview(Messages messages) {
        if (!context.monitors()) {
            return notCollecting(messages);
        }
        OverviewView overview = new OverviewView(new OverviewViewModel(headlineSource(messages)), messages,
                TilePalette.of(context.settings().theme()), t -> {
                    if (dashboardView != null) {
                        dashboardView.showTarget(t);
                    }
                    view.show(Pane.DASHBOARD);
                });
        subscribe(overview::update);
        return overview.root();
    }

    private Region dashboard(Messages messages) {
        dashboardView = null;
        if (!context.monitors()) {
            return notCollecting(messages);
        }
        dashboardView = new DashboardView(new DashboardViewModel(headlineSource(messages)), messages,
                TilePalette.of(context.settings().theme()), t -> view.show(Pane.TRENDS));
        subscribe(dashboardView::update);
        return dashboardView.root();
    }

    // Units and thresholds come from the store, read in the background and again every minute (edits show up).
    private HeadlineSource headlineSource(Messages messages) {
        ConsoleContext now = context;
        return new HeadlineSource(executor, () -> HeadlineFigures.load(now.store()), java.time.Duration.ofMinutes(1), messages);
    }

    private Region trends(Messages messages) {
        return notCollecting(messages);
    }

    private Region tables(Messages messages) {
        return notCollecting(messages);
    }

    private Region pipelineStatus(Messages messages) {
        return notCollecting(messages);
    }

    private Region definitions(Messages messages) {
        return notCollecting(messages);
    }

    private TargetTreeView.Actions treeActions(Messages messages) {
        return new TargetTreeView.Actions() {
            @Override
            public void openDashboard(Target t) {
                if (dashboardView != null) {
                    dashboardView.showTarget(t);
                }
                view.show(Pane.DASHBOARD);
            }

            @Override
            public void edit(Target t) {
                view.show(Pane.TARGETS);
                targetsPane.openForm(t);
            }

            @Override
            public void pause(Target t, boolean pause) {
                if (!context.monitors()) {
                    return;
                }
                if (pause) {
                    context.monitoring().pause(t.id());
                } else {
                    context.monitoring().resume(t.id());
                }
                status.set(messages.get(pause ? "status.paused" : "status.resumed", t.name()));
            }

            @Override
            public void testConnection(Target t) {
                testTarget(t, messages);
            }
        };
    }

    private void testTarget(Target t, Messages messages) {
        if (!context.monitors()) {
            return;
        }
        status.set(messages.get("status.testing", t.name()));
        executor.run(() -> context.monitoring().connections().probe(t), r -> status.set(r.ok()
                        ? messages.get("status.testOk", t.name(), r.version(), r.took().toMillis())
                        : messages.get("status.testFailed", t.name(), r.failure().getMessage())),
                e -> status.set(UserErrors.describe(e, messages)));
    }

    /** The definitions changed: the collector runs the new ones from now on (in the background). */
    public void configChanged() {
        if (!context.monitors() || !context.hasStore()) {
            return;
        }
        ConsoleContext now = context;
        executor.run(() -> {
            now.monitoring().reload(now.store());
            return true;
        }, ok -> LOG.info("Collector reloaded"), e -> status.set(UserErrors.describe(e, new Messages(Messages.localeFor(now.settings().language())))));
    }

    private void lookChanged(Settings changed) {
        context = context.withSettings(changed);
        show(Pane.SETTINGS);
        executor.run(() -> {
            context.settingsStore().save(changed);
            return changed;
        }, s -> LOG.info("Settings saved (language {}, theme {})", s.language().isEmpty() ? "system" : s.language(), s.theme()),
                e -> status.set(UserErrors.describe(e, new Messages(Messages.localeFor(changed.language())))));
    }

    // The new store is opened first; only when it works are the settings saved and the old store closed.
    private void storeChanged(Settings changed) {
        SettingsViewModel asking = settings;
        Messages messages = new Messages(Messages.localeFor(changed.language()));
        asking.report(true, messages.get("settings.store.switching"));
        ConsoleContext before = context;
        executor.run(() -> {
            ConsoleContext opened = ConsoleStartup.openStore(before.withSettings(changed), changed.configStore(), null,
                    options.withoutCollector());
            if (!opened.hasStore()) {
                return opened; // nothing changed: the old store and collector go on
            }
            before.settingsStore().save(changed);
            if (before.monitors()) {
                before.monitoring().close();
            }
            return options.collect() ? ConsoleStartup.startCollecting(opened) : opened;
        }, opened -> {
            if (!opened.hasStore()) {
                asking.report(false, opened.storeError());
                return;
            }
            if (before.hasStore()) {
                before.store().close();
            }
            context = opened;
            startFeed();
            show(Pane.SETTINGS);
            settings.report(true, messages.get("settings.store.switched", opened.store().location()));
        }, e -> asking.report(false, UserErrors.describe(e, messages)));
    }

    public ConsoleContext context() {
        return context;
    }

    public MainView view() {
        return view;
    }

    /** The live feed, when a collector runs (tests hand it snapshots). */
    public LiveFeed feed() {
        return feed;
    }

    /** Stops the collector and closes the config store when the window closes. */
    public void close() {
        if (feed != null) {
            feed.close();
        }
        if (context.monitors()) {
            context.monitoring().close();
        }
        if (context.hasStore()) {
            context.store().close();
        }
    }
}
