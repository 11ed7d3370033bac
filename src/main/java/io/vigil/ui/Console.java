package io.vigil.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;
import javafx.scene.Scene;
import javafx.scene.layout.Region;

import org.controlsfx.control.Notifications;
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
import io.vigil.ui.live.HealthNotices;
import io.vigil.ui.live.LiveFeed;
import io.vigil.ui.overview.OverviewView;
import io.vigil.ui.overview.OverviewViewModel;
import io.vigil.ui.settings.ConfigTransferViewModel;
import io.vigil.ui.settings.DataStoresViewModel;
import io.vigil.ui.settings.SettingsPane;
import io.vigil.ui.settings.SettingsViewModel;
import io.vigil.ui.shell.MainView;
import io.vigil.ui.shell.MainView.Pane;
import io.vigil.ui.shell.TargetTreeView;
import io.vigil.ui.targets.TargetsPane;
import io.vigil.ui.targets.TargetsViewModel;
import io.vigil.ui.trends.TrendsPane;
import io.vigil.ui.trends.TrendsViewModel;
import io.vigil.ui.util.EmptyState;
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
    private io.vigil.ui.definitions.DefinitionsViewModel definitionsModel;
    private TrendsPane trendsPane;
    private io.vigil.ui.activity.ActivityPane activityPane;
    private io.vigil.ui.alerts.AlertsViewModel alertsModel;
    // Until the notification dispatcher is wired in, "Send test" says sending is not available and no deliveries are known.
    private io.vigil.ui.channels.ChannelTester channelTester;
    private io.vigil.ui.live.DesktopTray tray;
    private java.util.function.Supplier<java.util.List<io.vigil.ui.channels.ChannelStatusRow>> channelStatus = java.util.List::of;

    public Console(Scene scene, TaskExecutor executor, ConsoleContext context) {
        this(scene, executor, context, LaunchOptions.none());
    }

    public Console(Scene scene, TaskExecutor executor, ConsoleContext context, LaunchOptions options) {
        this.scene = scene;
        this.executor = executor;
        this.context = context;
        this.options = options;
        this.tray = io.vigil.ui.live.DesktopTray.install("Vigil", () -> javafx.application.Platform.runLater(() -> {
            if (scene.getWindow() instanceof javafx.stage.Stage stage) {
                stage.setIconified(false);
                stage.show();
                stage.toFront();
            }
        }));
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
        if (context.monitors()) {
            targets.setProber(context.monitoring().connections()::probe);
        }
        settings = new SettingsViewModel(context.dirs(), context.box(), context.settings(),
                context.hasStore() ? context.store().location() : null, executor, messages, this::lookChanged, this::storeChanged);
        targetsPane = new TargetsPane(targets, messages);
        Map<Pane, Region> panes = new EnumMap<>(Pane.class);
        panes.put(Pane.OVERVIEW, overview(messages));
        panes.put(Pane.ALERTS, alerts(messages));
        panes.put(Pane.DASHBOARD, dashboard(messages));
        panes.put(Pane.TRENDS, trends(messages));
        panes.put(Pane.ACTIVITY, activity(messages));
        panes.put(Pane.TABLES, tables(messages));
        panes.put(Pane.STATUS, pipelineStatus(messages));
        panes.put(Pane.TARGETS, targetsPane.root());
        panes.put(Pane.DEFINITIONS, definitions(messages));
        DataStoresViewModel dataStores = context.hasStore()
                ? new DataStoresViewModel(context.settings(), settings::current, executor, messages, this::dataStoresChanged) : null;
        ConfigTransferViewModel transfer = context.hasStore() ? new ConfigTransferViewModel(context.store(), executor, messages, () -> {
            targets.reload();
            configChanged();
        }) : null;
        panes.put(Pane.SETTINGS, new SettingsPane(settings, dataStores, transfer, notifications(messages), messages).root());
        TargetTreeView tree = new TargetTreeView(targets.targets(), messages, treeActions(messages));
        subscribe(tree::update);
        subscribe(notifier(messages));
        view = new MainView(messages, targets.targets(), panes, tree, status,
                context.hasStore() ? context.store().location() : messages.get("status.noStore"), context.storeError());
        if (context.monitors()) {
            javafx.scene.control.Label live = new javafx.scene.control.Label();
            live.setId("statusLive");
            live.getStyleClass().add("status-item");
            view.statusBar().getRightItems().addFirst(live);
            subscribe(snapshot -> live.setText(liveSummary(snapshot, messages)));
        }
        if (alertsModel != null) {
            io.vigil.ui.alerts.AlertsViewModel shownAlerts = alertsModel;
            view.onShow(Pane.ALERTS, shownAlerts::shown); // rules and mute windows may have been edited meanwhile
            javafx.scene.control.Label badge = view.badge(Pane.ALERTS, io.vigil.ui.alerts.AlertBadge.create());
            shownAlerts.countsProperty().addListener((o, was, counts) -> io.vigil.ui.alerts.AlertBadge.apply(badge, counts, messages));
            io.vigil.ui.alerts.AlertBadge.apply(badge, shownAlerts.countsProperty().get(), messages);
        }
        if (definitionsModel != null) {
            io.vigil.ui.definitions.DefinitionsViewModel shownModel = definitionsModel;
            view.onShow(Pane.DEFINITIONS, shownModel::reload); // targets added meanwhile are offered for "Test metric"
        }
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

    // Background failures become notifications: a target going down or failing, recovering, the spool filling, and alerts
    // that start firing or resolve (one notification per target and snapshot).
    private java.util.function.Consumer<io.vigil.watch.Watch.Snapshot> notifier(Messages messages) {
        io.vigil.watch.Watch.Snapshot[] previous = {null};
        return snapshot -> {
            java.util.List<HealthNotices.Notice> notices = new java.util.ArrayList<>(HealthNotices.between(previous[0], snapshot, messages));
            notices.addAll(io.vigil.ui.alerts.AlertNotices.between(previous[0] == null ? null : previous[0].alerts(), snapshot.alerts(),
                    messages));
            for (HealthNotices.Notice n : notices) {
                LOG.info("{}: {}", n.title(), n.text());
                javafx.stage.Window window = scene.getWindow();
                boolean iconified = window instanceof javafx.stage.Stage stage && stage.isIconified();
                if (tray != null && (window == null || !window.isFocused() || iconified)) {
                    tray.show(n); // the DBA is looking elsewhere: the tray reaches them
                }
                if (window == null || !window.isShowing()) {
                    continue;
                }
                Notifications note = Notifications.create().title(n.title()).text(n.text()).owner(scene.getWindow())
                        .position(javafx.geometry.Pos.BOTTOM_RIGHT).hideAfter(javafx.util.Duration.seconds(n.warning() ? 12 : 5));
                if (n.warning()) {
                    note.showWarning();
                } else {
                    note.showInformation();
                }
            }
            previous[0] = snapshot;
        };
    }

    static String liveSummary(io.vigil.watch.Watch.Snapshot s, Messages messages) {
        Map<io.vigil.watch.Health, Long> counts = new EnumMap<>(io.vigil.watch.Health.class);
        s.health().values().forEach(h -> counts.merge(h.health(), 1L, Long::sum));
        StringBuilder b = new StringBuilder();
        for (io.vigil.watch.Health h : io.vigil.watch.Health.values()) {
            long n = counts.getOrDefault(h, 0L);
            if (n > 0) {
                b.append(b.isEmpty() ? "" : " · ").append(messages.get("status.health." + h.name(), n));
            }
        }
        if (s.spool().points() > 0) {
            b.append(" · ").append(messages.get("status.spool", s.spool().points()));
        }
        return b.toString();
    }

    private Region notCollecting(Messages messages) {
        return EmptyState.of("fas-pause-circle", messages.get("live.off.title"), messages.get("live.off.hint"));
    }

    private Region overview(Messages messages) {
        if (!context.monitors()) {
            return notCollecting(messages);
        }
        OverviewView overview = new OverviewView(new OverviewViewModel(headlineSource(messages), context.monitoring().series(), executor), messages,
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
        io.vigil.ui.dashboard.RecentEvents recent = new io.vigil.ui.dashboard.RecentEvents(context.store().alerts(), executor, messages,
                ZoneId.systemDefault());
        io.vigil.ui.dashboard.DbaChecks dba = new io.vigil.ui.dashboard.DbaChecks(context.monitoring().cache(), executor, messages);
        dashboardView = new DashboardView(new DashboardViewModel(headlineSource(messages), context.monitoring().series(), executor, recent, dba),
                messages, TilePalette.of(context.settings().theme()), t -> {
                    if (trendsPane != null) {
                        trendsPane.showTarget(t);
                    }
                    view.show(Pane.TRENDS);
                });
        subscribe(dashboardView::update);
        return dashboardView.root();
    }

    // Units and thresholds come from the store, read in the background and again every minute (edits show up).
    private HeadlineSource headlineSource(Messages messages) {
        ConsoleContext now = context;
        return new HeadlineSource(executor, () -> HeadlineFigures.load(now.store()), java.time.Duration.ofMinutes(1), messages);
    }

    private Region trends(Messages messages) {
        trendsPane = null;
        if (!context.monitors()) {
            return notCollecting(messages);
        }
        TrendsViewModel model = new TrendsViewModel(context.store(), context.monitoring().series(), executor, messages,
                Clock.systemUTC(), ZoneId.systemDefault(), status::set);
        trendsPane = new TrendsPane(model, messages);
        subscribe(trendsPane::update);
        model.load();
        return trendsPane.root();
    }

    /** The Trends pane while collecting (the dashboard opens it on a target), else null. */
    public TrendsPane trendsPane() {
        return trendsPane;
    }

    // Top Activity reads the session samples from the collector's cache; it has nothing to show without one.
    private Region activity(Messages messages) {
        activityPane = null;
        if (!context.monitors()) {
            return notCollecting(messages);
        }
        io.vigil.config.ConfigStore store = context.store();
        var model = new io.vigil.ui.activity.ActivityViewModel(store::mirrors,
                new io.vigil.activity.ActivityReader(context.monitoring().cache()), executor, messages, Clock.systemUTC(),
                ZoneId.systemDefault(), status::set);
        activityPane = new io.vigil.ui.activity.ActivityPane(model, messages);
        subscribe(model::update);
        model.start();
        return activityPane.root();
    }

    /** The Top Activity pane while collecting, else null. */
    public io.vigil.ui.activity.ActivityPane activityPane() {
        return activityPane;
    }

    private Region tables(Messages messages) {
        if (!context.monitors()) {
            return notCollecting(messages);
        }
        io.vigil.watch.Monitoring monitoring = context.monitoring();
        io.vigil.config.ConfigStore store = context.store();
        io.vigil.ui.tables.TablesViewModel model = new io.vigil.ui.tables.TablesViewModel(store::mirrors,
                new io.vigil.mirror.CacheBrowser(monitoring.cache(), monitoring.ledger()), executor, messages, status::set);
        io.vigil.ui.tables.TablesPane pane = new io.vigil.ui.tables.TablesPane(model, messages);
        subscribe(model::update);
        model.start();
        return pane.root();
    }

    // Alerts need the collector's alerting: without one there is nothing firing to show or acknowledge.
    private Region alerts(Messages messages) {
        alertsModel = null;
        if (!context.monitors()) {
            return notCollecting(messages);
        }
        io.vigil.alert.Alerting alerting = context.monitoring().alerting();
        var model = new io.vigil.ui.alerts.AlertsViewModel(context.store(), alerting::acknowledge, executor, messages, Clock.systemUTC(),
                ZoneId.systemDefault(), System.getProperty("user.name", ""));
        subscribe(model::update);
        alertsModel = model;
        return new io.vigil.ui.alerts.AlertsPane(model, messages).root();
    }

    private Region pipelineStatus(Messages messages) {
        if (!context.monitors()) {
            return notCollecting(messages);
        }
        io.vigil.watch.Monitoring monitoring = context.monitoring();
        io.vigil.ui.status.TargetControl control = new io.vigil.ui.status.TargetControl() {
            @Override
            public void pause(long targetId) {
                monitoring.pause(targetId);
            }

            @Override
            public void resume(long targetId) {
                monitoring.resume(targetId);
            }
        };
        io.vigil.ui.status.PipelineStatusViewModel model = new io.vigil.ui.status.PipelineStatusViewModel(control, messages, status::set);
        subscribe(model::update);
        return new io.vigil.ui.status.PipelineStatusPane(model, messages).root();
    }

    // Definitions live in the config store: they can be edited without a collector, only "Test metric" needs its cache.
    private Region definitions(Messages messages) {
        definitionsModel = null;
        if (!context.hasStore()) {
            return notCollecting(messages);
        }
        io.vigil.gather.MetricPreview preview = context.monitors() ? new io.vigil.gather.MetricPreview(context.monitoring().cache(),
                context.monitoring().ledger(), java.time.Clock.systemUTC()) : null;
        var model = new io.vigil.ui.definitions.DefinitionsViewModel(context.store(), preview,
                context.monitors() ? context.monitoring().series() : null, executor, messages, status::set, this::configChanged);
        model.reload();
        definitionsModel = model;
        return new io.vigil.ui.definitions.DefinitionsPane(model, messages).root();
    }

    private io.vigil.ui.channels.NotificationsSection notifications(Messages messages) {
        if (!context.hasStore()) {
            return null;
        }
        io.vigil.alert.notify.Dispatcher dispatcher = context.monitors() ? context.monitoring().alerting().dispatcher() : null;
        io.vigil.ui.channels.ChannelTester tester = channelTester;
        java.util.function.Supplier<java.util.List<io.vigil.ui.channels.ChannelStatusRow>> deliveries = channelStatus;
        if (tester == null && dispatcher != null) {
            // the collector's own dispatcher: a test goes out exactly as an alert would, and the table shows its deliveries
            tester = channel -> dispatcher.test(channel).thenApply(r -> r.ok() ? "" : r.message());
            deliveries = () -> dispatcher.status().stream()
                    .map(s -> new io.vigil.ui.channels.ChannelStatusRow(s.channel(), s.lastOk(), s.lastError(), s.pending(), s.dropped()))
                    .toList();
        }
        if (tester == null) {
            tester = io.vigil.ui.channels.ChannelTester.unavailable(messages.get("channels.test.unavailable"));
        }
        var model = new io.vigil.ui.channels.ChannelsViewModel(context.store(), tester, deliveries, executor, messages, Clock.systemUTC(),
                status::set);
        model.reload();
        subscribe(snapshot -> model.refreshDeliveries());
        return new io.vigil.ui.channels.NotificationsSection(model, messages);
    }

    /**
     * Where "Send test" sends and what the channels table shows as their last deliveries ({@code status} is read on the
     * FX thread once a second: from memory only). Takes effect the next time the view is built.
     */
    public void notifications(io.vigil.ui.channels.ChannelTester tester,
                              java.util.function.Supplier<java.util.List<io.vigil.ui.channels.ChannelStatusRow>> status) {
        this.channelTester = tester;
        this.channelStatus = status;
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

    // The collector stops, the settings are saved, and it starts again on the new stores; when they do not open, it
    // starts again on the old ones and the reason is shown.
    private void dataStoresChanged(Settings changed) {
        Messages messages = new Messages(Messages.localeFor(changed.language()));
        ConsoleContext before = context;
        status.set(messages.get("settings.data.restarting"));
        if (feed != null) {
            feed.close();
            feed = null;
        }
        executor.run(() -> {
            if (before.monitors()) {
                before.monitoring().close();
            }
            ConsoleContext plain = before.withMonitoring(null);
            ConsoleContext started = ConsoleStartup.startCollecting(plain.withSettings(changed));
            if (started.monitors()) {
                before.settingsStore().save(changed);
                return started;
            }
            ConsoleContext back = ConsoleStartup.startCollecting(plain);
            return back.withStore(back.store(), started.storeError()).withMonitoring(back.monitoring());
        }, next -> {
            context = next;
            startFeed();
            show(Pane.SETTINGS);
            status.set(next.settings().equals(changed) ? messages.get("settings.data.restarted", next.monitoring().describe())
                    : messages.get("settings.data.kept", String.valueOf(next.storeError())));
        }, e -> status.set(UserErrors.describe(e, messages)));
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

    /** Switches the theme for the screenshot tour the way a user's choice does (the view is rebuilt), without saving it. */
    void tourTheme(io.vigil.config.Theme theme) {
        if (context.settings().theme() != theme) {
            context = context.withSettings(context.settings().withTheme(theme));
            show(view.current());
        }
    }

    /** Shows a pane as the screenshot tour wants it: with the first target chosen where a pane shows one target. */
    void prepareTour(Pane pane) {
        if (pane == Pane.TRENDS && trendsPane != null && context.monitors() && !context.monitoring().snapshot().targets().isEmpty()) {
            trendsPane.showTarget(context.monitoring().snapshot().targets().getFirst());
        }
        if (pane == Pane.ACTIVITY && activityPane != null && context.monitors()) {
            context.monitoring().snapshot().targets().stream().filter(t -> t.kind() == io.vigil.config.TargetKind.DEMO_ORACLE).findFirst()
                    .ifPresent(t -> activityPane.model().targetProperty().set(t));
            activityPane.model().rangeProperty().set(io.vigil.ui.activity.ActivityRange.M15); // the tour runs minutes, not hours
        }
        view.show(pane);
    }

    /** The tour's DBA picture: the dashboard scrolled to the first target's Data Guard, backup and password checks. */
    void prepareDbaTour() {
        if (dashboardView != null) {
            dashboardView.revealDbaChecks();
        }
    }

    /** The tour's events picture, first step: the first demo target's headline trends (the tour narrows them next). */
    void prepareEventsTour() {
        if (trendsPane == null || !context.monitors()) {
            return;
        }
        java.util.List<Target> all = context.monitoring().snapshot().targets();
        all.stream().filter(t -> t.kind() == io.vigil.config.TargetKind.DEMO_ORACLE).findFirst().or(() -> all.stream().findFirst())
                .ifPresent(t -> trendsPane.showTarget(t, io.vigil.ui.trends.TrendRange.M15));
        view.show(Pane.TRENDS);
    }

    /**
     * The tour's events picture, second step: the window from {@code since} to a minute from now, so the marks spread out,
     * and the few metrics the tour's trouble moves.
     */
    void narrowEventsTour(java.time.Instant since) {
        if (trendsPane == null) {
            return;
        }
        TrendsViewModel m = trendsPane.model();
        java.util.Set<String> shown = java.util.Set.of("oracle.sessions.active", "oracle.sessions.blocked_longest_s",
                "oracle.host.cpu_busy_pct");
        m.metrics().forEach(c -> c.setSelected(shown.contains(c.value().name())));
        java.time.ZonedDateTime from = since.atZone(m.zone()).withSecond(0).withNano(0);
        java.time.ZonedDateTime to = java.time.ZonedDateTime.now(m.zone()).plusMinutes(1).withSecond(0).withNano(0);
        m.customFromDateProperty().set(from.toLocalDate());
        m.customFromTimeProperty().set(from.toLocalTime().toString());
        m.customToDateProperty().set(to.toLocalDate());
        m.customToTimeProperty().set(to.toLocalTime().toString());
        m.applyCustom();
    }

    /** Opens (or closes) the tooltip of the worst event mark on the Trends pane; false when there is none. */
    boolean peekTourEvent(boolean open) {
        return trendsPane != null && trendsPane.peekEvent(open);
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
        if (tray != null) {
            tray.close();
        }
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
