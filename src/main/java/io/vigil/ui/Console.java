package io.vigil.ui;

import java.time.Clock;
import java.time.ZoneId;
import java.util.EnumMap;
import java.util.Map;

import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.layout.Region;

import org.controlsfx.control.Notifications;

import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.ui.alerts.AlertBadge;
import io.vigil.ui.dashboard.DashboardView;
import io.vigil.ui.dashboard.DashboardViewModel;
import io.vigil.ui.dashboard.HeadlineFigures;
import io.vigil.ui.dashboard.HeadlineSource;
import io.vigil.ui.dashboard.TilePalette;
import io.vigil.ui.live.HealthNotices;
import io.vigil.ui.live.LiveFeed;
import io.vigil.ui.overview.OverviewView;
import io.vigil.ui.overview.OverviewViewModel;
import io.vigil.ui.settings.SettingsPane;
import io.vigil.ui.shell.MainView;
import io.vigil.ui.shell.MainView.Pane;
import io.vigil.ui.shell.TargetTreeView;
import io.vigil.ui.targets.TargetsPane;
import io.vigil.ui.trends.TrendsPane;
import io.vigil.ui.trends.TrendsViewModel;
import io.vigil.ui.util.EmptyState;
import io.vigil.ui.util.TaskExecutor;

/**
 * The console's view: builds the main view's nodes from a {@link ConsoleViewModel} and binds them to it, and builds
 * them again when the view model says the context changed (language, theme, config store, data stores). What the shell
 * decides — the pane shown, the status line, the badge, pause and resume, the switches of stores with their restart —
 * lives in the view model. While a collector runs, a {@link LiveFeed} hands its snapshot to every pane once a second.
 */
public final class Console {

    private final Scene scene;
    private final TaskExecutor executor;
    private final ConsoleViewModel vm;
    private MainView view;
    private TargetsPane targetsPane;
    private DashboardView dashboardView;
    private io.vigil.series.SpaceForecasts spaceForecasts;
    private io.vigil.series.SeriesStore spaceForecastsOf;
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
        this(scene, executor, new ConsoleViewModel(executor, context, options));
    }

    private java.util.function.Consumer<String> openDocument = url -> { };

    /** How a written file is shown to the user (the application's HostServices.showDocument). */
    public void setDocumentOpener(java.util.function.Consumer<String> opener) {
        this.openDocument = opener;
    }

    Console(Scene scene, TaskExecutor executor, ConsoleViewModel model) {
        this.scene = scene;
        this.executor = executor;
        this.vm = model;
        this.tray = io.vigil.ui.live.DesktopTray.install("Vigil", () -> javafx.application.Platform.runLater(() -> {
            if (scene.getWindow() instanceof javafx.stage.Stage stage) {
                stage.setIconified(false);
                stage.show();
                stage.toFront();
            }
        }));
        vm.onRebuild(this::show);
        vm.onNotice(this::notify);
        vm.paneProperty().addListener((o, was, now) -> {
            if (view != null && now != null) {
                view.show(now);
            }
        });
    }

    /** Shows the main view on {@code pane}. */
    public void show(Pane pane) {
        view = null; // the old view is dropped: it follows the view model's pane no longer
        Pane opening = vm.build(pane);
        Messages messages = vm.messages();
        targetsPane = new TargetsPane(vm.targets(), messages);
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
        panes.put(Pane.SETTINGS, context().readOnly()
                ? EmptyState.of("fas-lock", messages.get("sitepack.settings.title"), messages.get("sitepack.settings.hint"))
                : new SettingsPane(vm.settings(), vm.dataStores(), vm.transfer(), notifications(messages), messages).root());
        if (context().readOnly()) {
            // a pack is looked at, not changed: its store refuses every save, and these are not offered
            hide(panes.get(Pane.TARGETS), "addTarget", "editTarget", "deleteTarget");
            hide(panes.get(Pane.DEFINITIONS), "addDefinition", "editDefinition", "duplicateDefinition", "deleteDefinition");
            hide(panes.get(Pane.STATUS), "pipelinePause", "pipelineResume");
        }
        TargetTreeView tree = new TargetTreeView(vm.targets().targets(), messages, treeActions());
        subscribe(tree::update);
        view = new MainView(messages, vm.targets().targets(), panes, tree, vm.statusProperty(), vm.storeLocation(), context().storeError());
        view.shownProperty().addListener((o, was, now) -> vm.paneProperty().set(now));
        view.top(SitePackMenu.top(vm, messages, scene::getWindow));
        if (vm.collecting()) {
            Label live = new Label();
            live.setId("statusLive");
            live.getStyleClass().add("status-item");
            live.textProperty().bind(vm.liveProperty());
            view.statusBar().getRightItems().addFirst(live);
        }
        if (alertsModel != null) {
            io.vigil.ui.alerts.AlertsViewModel shownAlerts = alertsModel;
            view.onShow(Pane.ALERTS, shownAlerts::shown); // rules and mute windows may have been edited meanwhile
            Label badge = view.badge(Pane.ALERTS, AlertBadge.create());
            vm.alertCountsProperty().addListener((o, was, counts) -> AlertBadge.apply(badge, counts, messages));
            AlertBadge.apply(badge, vm.alertCountsProperty().get(), messages);
        }
        if (definitionsModel != null) {
            io.vigil.ui.definitions.DefinitionsViewModel shownModel = definitionsModel;
            view.onShow(Pane.DEFINITIONS, shownModel::reload); // targets added meanwhile are offered for "Test metric"
        }
        scene.setRoot(view.root());
        Themes.apply(scene, context().settings().theme());
        view.show(opening);
        vm.loadTargets();
    }

    private static void hide(Region pane, String... ids) {
        for (String id : ids) {
            javafx.scene.Node n = pane.lookup("#" + id);
            if (n != null) {
                n.setVisible(false);
                n.setManaged(false);
            }
        }
    }

    /**
     * The panes' clock: now, or for a site pack the end of its range, moving on from there, so "the last hour" is the
     * pack's last hour.
     */
    private Clock clock() {
        return context().pack().map(m -> Clock.offset(Clock.systemUTC(), java.time.Duration.between(java.time.Instant.now(), m.toTime())))
                .orElse(Clock.systemUTC());
    }

    private void subscribe(java.util.function.Consumer<io.vigil.watch.Watch.Snapshot> pane) {
        vm.subscribe(pane);
    }

    // A notice from the view model: the tray when the DBA is looking elsewhere, a toast when the window shows.
    private void notify(HealthNotices.Notice n) {
        javafx.stage.Window window = scene.getWindow();
        boolean iconified = window instanceof javafx.stage.Stage stage && stage.isIconified();
        if (tray != null && (window == null || !window.isFocused() || iconified)) {
            tray.show(n); // the DBA is looking elsewhere: the tray reaches them
        }
        if (window == null || !window.isShowing()) {
            return;
        }
        Notifications note = Notifications.create().title(n.title()).text(n.text()).owner(window)
                .position(javafx.geometry.Pos.BOTTOM_RIGHT).hideAfter(javafx.util.Duration.seconds(n.warning() ? 12 : 5));
        if (n.warning()) {
            note.showWarning();
        } else {
            note.showInformation();
        }
    }

    private Region notCollecting(Messages messages) {
        return EmptyState.of("fas-pause-circle", messages.get("live.off.title"), messages.get("live.off.hint"));
    }

    private Region overview(Messages messages) {
        if (!context().monitors()) {
            return notCollecting(messages);
        }
        OverviewView overview = new OverviewView(new OverviewViewModel(headlineSource(messages), context().monitoring().series(), executor), messages,
                TilePalette.of(context().settings().theme()), t -> {
                    if (dashboardView != null) {
                        dashboardView.showTarget(t);
                    }
                    vm.paneProperty().set(Pane.DASHBOARD);
                });
        subscribe(overview::update);
        return overview.root();
    }

    private Region dashboard(Messages messages) {
        dashboardView = null;
        if (!context().monitors()) {
            return notCollecting(messages);
        }
        io.vigil.ui.dashboard.RecentEvents recent = new io.vigil.ui.dashboard.RecentEvents(context().store().alerts(), executor, messages,
                ZoneId.systemDefault());
        io.vigil.ui.dashboard.DbaChecks dba = new io.vigil.ui.dashboard.DbaChecks(context().monitoring().cache(), executor, messages);
        dashboardView = new DashboardView(new DashboardViewModel(headlineSource(messages), context().monitoring().series(), executor, recent, dba)
                .withForecasts(new io.vigil.ui.util.SpaceForecastFeed(spaceForecasts(), executor)),
                messages, TilePalette.of(context().settings().theme()), t -> {
                    if (trendsPane != null) {
                        trendsPane.showTarget(t);
                    }
                    vm.paneProperty().set(Pane.TRENDS);
                });
        ConsoleContext ctx = context();
        io.vigil.report.ReportBuilder reports = new io.vigil.report.ReportBuilder(ctx.monitoring().series(), ctx.store().alerts(),
                new io.vigil.report.CacheSnapshots(ctx.monitoring().cache()), java.time.Clock.systemUTC(), io.vigil.report.ReportBuilder.vigilVersion(),
                ZoneId.systemDefault());
        dashboardView.setReports(t -> new io.vigil.ui.dashboard.HealthReportViewModel(t, reports, executor, messages, java.time.Clock.systemUTC()),
                url -> openDocument.accept(url));
        subscribe(dashboardView::update);
        return dashboardView.root();
    }

    // One set of forecasts for the dashboard and the Tables pane, so they fit each target once every few minutes between them.
    private io.vigil.series.SpaceForecasts spaceForecasts() {
        io.vigil.series.SeriesStore series = context().monitoring().series();
        if (spaceForecasts == null || spaceForecastsOf != series) {
            spaceForecasts = new io.vigil.series.SpaceForecasts(series, Clock.systemUTC());
            spaceForecastsOf = series;
        }
        return spaceForecasts;
    }

    // Units and thresholds come from the store, read in the background and again every minute (edits show up).
    private HeadlineSource headlineSource(Messages messages) {
        ConsoleContext now = context();
        return new HeadlineSource(executor, () -> HeadlineFigures.load(now.store()), java.time.Duration.ofMinutes(1), messages);
    }

    private Region trends(Messages messages) {
        trendsPane = null;
        if (!context().monitors()) {
            return notCollecting(messages);
        }
        TrendsViewModel model = new TrendsViewModel(context().store(), context().monitoring().series(), executor, messages,
                clock(), ZoneId.systemDefault(), vm.statusProperty()::set);
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
        if (!context().monitors()) {
            return notCollecting(messages);
        }
        io.vigil.config.ConfigStore store = context().store();
        var model = new io.vigil.ui.activity.ActivityViewModel(store::mirrors,
                new io.vigil.activity.ActivityReader(context().monitoring().cache()), executor, messages, clock(),
                ZoneId.systemDefault(), vm.statusProperty()::set);
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
        if (!context().monitors()) {
            return notCollecting(messages);
        }
        io.vigil.watch.Monitoring monitoring = context().monitoring();
        io.vigil.config.ConfigStore store = context().store();
        io.vigil.ui.tables.TablesViewModel model = new io.vigil.ui.tables.TablesViewModel(store::mirrors,
                new io.vigil.mirror.CacheBrowser(monitoring.cache(), monitoring.ledger()), executor, messages, vm.statusProperty()::set)
                .withForecasts(new io.vigil.ui.util.SpaceForecastFeed(spaceForecasts(), executor));
        io.vigil.ui.tables.TablesPane pane = new io.vigil.ui.tables.TablesPane(model, messages);
        subscribe(model::update);
        model.start();
        return pane.root();
    }

    // Alerts need the collector's alerting: without one there is nothing firing to show or acknowledge.
    private Region alerts(Messages messages) {
        alertsModel = null;
        if (!context().monitors()) {
            return notCollecting(messages);
        }
        io.vigil.alert.Alerting alerting = context().monitoring().alerting();
        var model = new io.vigil.ui.alerts.AlertsViewModel(context().store(), alerting::acknowledge, executor, messages, clock(),
                ZoneId.systemDefault(), System.getProperty("user.name", ""));
        subscribe(model::update);
        alertsModel = model;
        return new io.vigil.ui.alerts.AlertsPane(model, messages).root();
    }

    private Region pipelineStatus(Messages messages) {
        if (!context().monitors()) {
            return notCollecting(messages);
        }
        io.vigil.watch.Monitoring monitoring = context().monitoring();
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
        io.vigil.ui.status.PipelineStatusViewModel model = new io.vigil.ui.status.PipelineStatusViewModel(control, messages, vm.statusProperty()::set);
        subscribe(model::update);
        return new io.vigil.ui.status.PipelineStatusPane(model, messages).root();
    }

    // Definitions live in the config store: they can be edited without a collector, only "Test metric" needs its cache.
    private Region definitions(Messages messages) {
        definitionsModel = null;
        if (!context().hasStore()) {
            return notCollecting(messages);
        }
        io.vigil.gather.MetricPreview preview = context().monitors() ? new io.vigil.gather.MetricPreview(context().monitoring().cache(),
                context().monitoring().ledger(), java.time.Clock.systemUTC()) : null;
        var model = new io.vigil.ui.definitions.DefinitionsViewModel(context().store(), preview,
                context().monitors() ? context().monitoring().series() : null, executor, messages, vm.statusProperty()::set, vm::configChanged);
        model.reload();
        definitionsModel = model;
        return new io.vigil.ui.definitions.DefinitionsPane(model, messages).root();
    }

    private io.vigil.ui.channels.NotificationsSection notifications(Messages messages) {
        if (!context().hasStore()) {
            return null;
        }
        io.vigil.alert.notify.Dispatcher dispatcher = context().monitors() ? context().monitoring().alerting().dispatcher() : null;
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
        var model = new io.vigil.ui.channels.ChannelsViewModel(context().store(), tester, deliveries, executor, messages, Clock.systemUTC(),
                vm.statusProperty()::set);
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

    private TargetTreeView.Actions treeActions() {
        return new TargetTreeView.Actions() {
            @Override
            public void openDashboard(Target t) {
                if (dashboardView != null) {
                    dashboardView.showTarget(t);
                }
                vm.paneProperty().set(Pane.DASHBOARD);
            }

            @Override
            public void edit(Target t) {
                vm.paneProperty().set(Pane.TARGETS);
                targetsPane.openForm(t);
            }

            @Override
            public void pause(Target t, boolean pause) {
                vm.pause(t, pause);
            }

            @Override
            public void testConnection(Target t) {
                vm.testConnection(t);
            }
        };
    }

    /** The definitions changed: the collector runs the new ones from now on (in the background). */
    public void configChanged() {
        vm.configChanged();
    }

    /** Switches the theme for the screenshot tour the way a user's choice does (the view is rebuilt), without saving it. */
    void tourTheme(io.vigil.config.Theme theme) {
        vm.previewTheme(theme);
    }

    /** Shows a pane as the screenshot tour wants it: with the first target chosen where a pane shows one target. */
    void prepareTour(Pane pane) {
        if (pane == Pane.TRENDS && trendsPane != null && context().monitors() && !context().monitoring().snapshot().targets().isEmpty()) {
            trendsPane.showTarget(context().monitoring().snapshot().targets().getFirst());
        }
        if (pane == Pane.ACTIVITY && activityPane != null && context().monitors()) {
            context().monitoring().snapshot().targets().stream().filter(t -> t.kind() == io.vigil.config.TargetKind.DEMO_ORACLE).findFirst()
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
        if (trendsPane == null || !context().monitors()) {
            return;
        }
        java.util.List<Target> all = context().monitoring().snapshot().targets();
        all.stream().filter(t -> t.kind() == io.vigil.config.TargetKind.DEMO_ORACLE).findFirst().or(() -> all.stream().findFirst())
                .ifPresent(t -> trendsPane.showTarget(t, io.vigil.ui.trends.TrendRange.M15));
        vm.paneProperty().set(Pane.TRENDS);
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
        return vm.context();
    }

    /** The shell's state and commands, which this view shows. */
    public ConsoleViewModel model() {
        return vm;
    }

    public MainView view() {
        return view;
    }

    /** The live feed, when a collector runs (tests hand it snapshots). */
    public LiveFeed feed() {
        return vm.feed();
    }

    /** Stops the collector and closes the config store when the window closes. */
    public void close() {
        if (tray != null) {
            tray.close();
        }
        vm.close();
    }
}
