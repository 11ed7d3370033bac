package io.vigil.ui;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import java.util.function.Function;

import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.collections.ListChangeListener;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.Settings;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.Theme;
import io.vigil.i18n.Messages;
import io.vigil.ui.alerts.AlertCounts;
import io.vigil.ui.alerts.AlertNotices;
import io.vigil.ui.live.HealthNotices;
import io.vigil.ui.live.LiveFeed;
import io.vigil.ui.settings.ConfigTransferViewModel;
import io.vigil.ui.settings.DataStoresViewModel;
import io.vigil.ui.settings.SettingsViewModel;
import io.vigil.ui.shell.MainView.Pane;
import io.vigil.ui.targets.TargetsViewModel;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;
import io.vigil.watch.Health;
import io.vigil.watch.Watch;

/**
 * The console shell's state and commands, without a node: the {@link ConsoleContext} it works with (replaced when the
 * config store, the data stores, the language or the theme change), which pane is shown, the status line, the live
 * summary and the Alerts badge's counts, the notices worth interrupting for, pause and resume of a target, and the
 * collector's reload after the configuration changed. {@link Console} builds the nodes and binds them to this; plain
 * tests drive it without a display.
 */
public final class ConsoleViewModel implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleViewModel.class);

    /** How the console opens a config store and starts its collector: {@link ConsoleStartup}, or a stand-in in tests. */
    public interface Startup {

        ConsoleContext openStore(ConsoleContext ctx, StoreLocation where, String earlierError, LaunchOptions options);

        ConsoleContext startCollecting(ConsoleContext opened);

        static Startup standard() {
            return new Startup() {
                @Override
                public ConsoleContext openStore(ConsoleContext ctx, StoreLocation where, String earlierError, LaunchOptions options) {
                    return ConsoleStartup.openStore(ctx, where, earlierError, options);
                }

                @Override
                public ConsoleContext startCollecting(ConsoleContext opened) {
                    return ConsoleStartup.startCollecting(opened);
                }
            };
        }
    }

    private final TaskExecutor executor;
    private final LaunchOptions options;
    private final Startup startup;
    private final Function<ConsoleContext, LiveFeed> feeds;
    private final StringProperty status = new SimpleStringProperty("");
    private final ReadOnlyStringWrapper live = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<AlertCounts> alertCounts = new ReadOnlyObjectWrapper<>(AlertCounts.NONE);
    private final ObjectProperty<Pane> pane = new SimpleObjectProperty<>(Pane.OVERVIEW);
    private Consumer<Pane> rebuild = p -> { };
    private Consumer<HealthNotices.Notice> notify = n -> { };
    private ConsoleContext context;
    private Messages messages;
    private LiveFeed feed;
    private SettingsViewModel settings;
    private TargetsViewModel targets;
    private Watch.Snapshot previous;

    /** A console on {@code context}; a running collector's snapshots arrive once a second. */
    public ConsoleViewModel(TaskExecutor executor, ConsoleContext context, LaunchOptions options) {
        this(executor, context, options, Startup.standard(), ctx -> {
            LiveFeed f = new LiveFeed(ctx.monitoring()::snapshot);
            f.start(1000);
            return f;
        });
    }

    /**
     * @param feeds the live feed over a context's collector (a test hands it snapshots itself instead of starting it)
     */
    ConsoleViewModel(TaskExecutor executor, ConsoleContext context, LaunchOptions options, Startup startup,
                     Function<ConsoleContext, LiveFeed> feeds) {
        this.executor = executor;
        this.context = context;
        this.options = options;
        this.startup = startup;
        this.feeds = feeds;
        this.messages = messagesOf(context.settings());
        startFeed();
    }

    private static Messages messagesOf(Settings settings) {
        return new Messages(Messages.localeFor(settings.language()));
    }

    private void startFeed() {
        if (feed != null) {
            feed.close();
            feed = null;
        }
        if (context.monitors()) {
            feed = feeds.apply(context);
        }
    }

    /** Called with the pane to show whenever the context changed and the view must be built again. */
    public void onRebuild(Consumer<Pane> rebuild) {
        this.rebuild = rebuild;
    }

    /** Called with each notification a snapshot brings (a target down or back, the spool, alerts firing or resolved). */
    public void onNotice(Consumer<HealthNotices.Notice> notify) {
        this.notify = notify;
    }

    /**
     * Starts a new build of the view that asked for {@code requested}: fresh view models for the shell, in the context's
     * language, the status line, and the pane to open — Settings when there is no config store to show anything else.
     */
    public Pane build(Pane requested) {
        messages = messagesOf(context.settings());
        if (feed != null) {
            feed.clear();
        }
        targets = new TargetsViewModel(context.store(), executor, messages, status::set);
        if (context.monitors()) {
            targets.setProber(context.monitoring().connections()::probe);
            targets.setPreflight(new io.vigil.mirror.Preflight(context.monitoring().connections()));
        }
        settings = new SettingsViewModel(context.dirs(), context.box(), context.settings(),
                context.hasStore() ? context.store().location() : null, executor, messages, this::lookChanged, this::storeChanged);
        live.set("");
        alertCounts.set(AlertCounts.NONE);
        previous = null;
        subscribe(this::update);
        Pane shown = context.hasStore() ? requested : Pane.SETTINGS;
        pane.set(shown);
        status.set(context.hasStore() ? messages.get("status.ready") : messages.get("status.noStore"));
        return shown;
    }

    /** Loads the targets; every later change of them (added, edited, deleted, imported) reloads the collector. */
    public void loadTargets() {
        TargetsViewModel loading = targets;
        loading.reload();
        boolean[] loaded = {false};
        loading.targets().addListener((ListChangeListener<Target>) c -> {
            if (loaded[0]) {
                configChanged();
            }
            loaded[0] = true; // the first change is the initial load
        });
    }

    /** Hands {@code pane} every live snapshot of this build (nothing when no collector runs). */
    public void subscribe(Consumer<Watch.Snapshot> pane) {
        if (feed != null) {
            feed.subscribe(pane);
        }
    }

    // The shell's own share of a snapshot: the status bar's summary, the Alerts badge and the notices.
    private void update(Watch.Snapshot snapshot) {
        live.set(liveSummary(snapshot, messages));
        alertCounts.set(AlertCounts.of(snapshot.alerts()));
        List<HealthNotices.Notice> notices = new ArrayList<>(HealthNotices.between(previous, snapshot, messages));
        notices.addAll(AlertNotices.between(previous == null ? null : previous.alerts(), snapshot.alerts(), messages));
        previous = snapshot;
        for (HealthNotices.Notice n : notices) {
            LOG.info("{}: {}", n.title(), n.text());
            notify.accept(n);
        }
    }

    /** Targets per health ("2 ok · 1 down") and the spool's fill, for the status bar. */
    static String liveSummary(Watch.Snapshot s, Messages messages) {
        Map<Health, Long> counts = new EnumMap<>(Health.class);
        s.health().values().forEach(h -> counts.merge(h.health(), 1L, Long::sum));
        StringBuilder b = new StringBuilder();
        for (Health h : Health.values()) {
            long n = counts.getOrDefault(h, 0L);
            if (n > 0) {
                b.append(b.isEmpty() ? "" : " · ").append(messages.get("status.health." + h.name(), n));
            }
        }
        if (s.spool().points() > 0) {
            b.append(" · ").append(messages.get("status.spool", s.spool().points()));
        }
        if (s.disk().warning()) {
            b.append(" · ").append(messages.get("status.disk." + s.disk().level().name(), io.vigil.config.DataDisk.bytes(s.disk().free())));
        }
        return b.toString();
    }

    /** Pauses or resumes collecting from a target (nothing without a collector) and says so. */
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

    /** Connects to a target once, in the background, and says how it went. */
    public void testConnection(Target t) {
        if (!context.monitors()) {
            return;
        }
        Messages m = messages;
        ConsoleContext now = context;
        status.set(m.get("status.testing", t.name()));
        executor.run(() -> now.monitoring().connections().probe(t), r -> status.set(r.ok()
                        ? m.get("status.testOk", t.name(), r.version(), r.took().toMillis())
                        : m.get("status.testFailed", t.name(), m.render(r.failure().reason()))),
                e -> status.set(UserErrors.describe(e, m)));
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
        }, ok -> LOG.info("Collector reloaded"), e -> status.set(UserErrors.describe(e, messagesOf(now.settings()))));
    }

    // The collector stops, the settings are saved, and it starts again on the new stores; when they do not open, it
    // starts again on the old ones and the reason is shown.
    void dataStoresChanged(Settings changed) {
        Messages messages = messagesOf(changed);
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
            ConsoleContext started = startup.startCollecting(plain.withSettings(changed));
            if (started.monitors()) {
                before.settingsStore().save(changed);
                return started;
            }
            ConsoleContext back = startup.startCollecting(plain);
            return back.withStore(back.store(), started.storeError()).withMonitoring(back.monitoring());
        }, next -> {
            context = next;
            startFeed();
            rebuild.accept(Pane.SETTINGS);
            status.set(next.settings().equals(changed) ? messages.get("settings.data.restarted", messages.render(next.monitoring().describe()))
                    : messages.get("settings.data.kept", String.valueOf(next.storeError())));
        }, e -> status.set(UserErrors.describe(e, messages)));
    }

    private void lookChanged(Settings changed) {
        context = context.withSettings(changed);
        rebuild.accept(Pane.SETTINGS);
        ConsoleContext now = context;
        executor.run(() -> {
            now.settingsStore().save(changed);
            return changed;
        }, s -> LOG.info("Settings saved (language {}, theme {})", s.language().isEmpty() ? "system" : s.language(), s.theme()),
                e -> status.set(UserErrors.describe(e, messagesOf(changed))));
    }

    // The new store is opened first; only when it works are the settings saved and the old store closed.
    private void storeChanged(Settings changed) {
        SettingsViewModel asking = settings;
        Messages messages = messagesOf(changed);
        asking.report(true, messages.get("settings.store.switching"));
        ConsoleContext before = context;
        executor.run(() -> {
            ConsoleContext opened = startup.openStore(before.withSettings(changed), changed.configStore(), null,
                    options.withoutCollector());
            if (!opened.hasStore()) {
                return opened; // nothing changed: the old store and collector go on
            }
            before.settingsStore().save(changed);
            if (before.monitors()) {
                before.monitoring().close();
            }
            return options.collect() ? startup.startCollecting(opened) : opened;
        }, opened -> {
            if (!opened.hasStore()) {
                asking.report(false, opened.storeError());
                return;
            }
            context = opened;
            startFeed();
            rebuild.accept(Pane.SETTINGS);
            settings.report(true, messages.get("settings.store.switched", opened.store().location()));
            if (before.hasStore()) { // no pane reads it any more; closing a server store may wait on the network
                String old = before.store().location();
                executor.run(() -> {
                    before.store().close();
                    return true;
                }, ok -> LOG.info("Closed the config store {}", old), e -> LOG.warn("Closing the config store {} failed: {}", old, e.toString()));
            }
        }, e -> asking.report(false, UserErrors.describe(e, messages)));
    }

    /**
     * Shows the site pack at {@code file} instead of what is shown now. The pack is opened first; only when it opens does
     * this machine's collector (or the pack shown before) stop. When it does not, nothing changes and {@code failed}
     * hears why, in words.
     */
    public void openPack(java.nio.file.Path file, Consumer<String> failed) {
        Messages m = messages;
        ConsoleContext before = context;
        executor.run(() -> ConsoleStartup.openPack(before, file), next -> {
            if (feed != null) {
                feed.close();
                feed = null;
            }
            context = next;
            startFeed();
            rebuild.accept(Pane.OVERVIEW);
            status.set("");
            executor.run(() -> {
                if (before.monitors()) {
                    before.monitoring().close();
                }
                if (before.hasStore()) {
                    before.store().close();
                }
                return true;
            }, ok -> LOG.info("Showing the site pack {}", file), e -> LOG.warn("Closing what was shown failed: {}", e.toString()));
        }, e -> failed.accept(e instanceof io.vigil.sitepack.SitePackException s ? m.render(s.reason()) : UserErrors.describe(e, m)));
    }

    /**
     * Writes a site pack of the last {@code days} days of what this console shows, with its job states and sync times, in
     * the background; {@code progress} hears each step (from the writing thread), {@code done} the outcome in words.
     */
    public void savePack(java.nio.file.Path file, String site, int days, Consumer<String> progress, Consumer<String> done) {
        Messages m = messages;
        ConsoleContext now = context;
        if (!now.monitors() || !now.hasStore()) {
            done.accept(m.get("live.off.title"));
            return;
        }
        java.time.Clock clock = java.time.Clock.systemUTC();
        executor.run(() -> {
            java.util.List<io.vigil.watch.JobBoard.JobState> jobs = now.monitoring().snapshot().jobs().stream()
                    .flatMap(j -> j.last().stream()).toList();
            io.vigil.sitepack.PackSource source = new io.vigil.sitepack.PackSource(now.store(), now.monitoring().series(),
                    now.monitoring().cache(), now.monitoring().ledger(), jobs);
            java.time.Instant end = clock.instant();
            return new io.vigil.sitepack.SitePackWriter(clock).write(source,
                    new io.vigil.sitepack.PackRequest(site, end.minus(java.time.Duration.ofDays(Math.max(1, days))), end, java.util.List.of()),
                    file, (what, step, total) -> progress.accept(m.render(what)));
        }, manifest -> done.accept(m.get("sitepack.saved", file)),
                e -> done.accept(m.get("sitepack.save.failed", e instanceof io.vigil.sitepack.SitePackException s ? m.render(s.reason())
                        : UserErrors.describe(e, m))));
    }

    /** Switches the theme the way a user's choice does (the view is rebuilt on the pane shown), without saving it. */
    public void previewTheme(Theme theme) {
        if (context.settings().theme() != theme) {
            context = context.withSettings(context.settings().withTheme(theme));
            rebuild.accept(pane.get());
        }
    }

    public ConsoleContext context() {
        return context;
    }

    /** The words of this build, in the context's language. */
    public Messages messages() {
        return messages;
    }

    /** Whether a collector runs in this console (panes that show collected data have something to show). */
    public boolean collecting() {
        return context.monitors();
    }

    /** The live feed, when a collector runs (tests hand it snapshots). */
    public LiveFeed feed() {
        return feed;
    }

    /** The Targets pane's model of this build: the tree and the status bar's count show its list. */
    public TargetsViewModel targets() {
        return targets;
    }

    /** The Settings pane's model of this build. */
    public SettingsViewModel settings() {
        return settings;
    }

    /** The Settings pane's data-store section of this build; null without a config store (nothing to collect). */
    public DataStoresViewModel dataStores() {
        return context.hasStore()
                ? new DataStoresViewModel(context.settings(), settings::current, executor, messages, this::dataStoresChanged) : null;
    }

    /** The Settings pane's import and export of this build; null without a config store. An import reloads the targets. */
    public ConfigTransferViewModel transfer() {
        TargetsViewModel shown = targets;
        return context.hasStore() ? new ConfigTransferViewModel(context.store(), executor, messages, () -> {
            shown.reload();
            configChanged();
        }) : null;
    }

    /** Where the config store is, or that there is none, for the status bar. */
    public String storeLocation() {
        return context.hasStore() ? context.store().location() : messages.get("status.noStore");
    }

    /** The status line: the last thing the console did or found out. */
    public StringProperty statusProperty() {
        return status;
    }

    /** Targets per health and the spool, from the last snapshot; empty without a collector. */
    public ReadOnlyStringProperty liveProperty() {
        return live.getReadOnlyProperty();
    }

    /** The Alerts badge: alerts firing and acknowledged, from the last snapshot. */
    public ReadOnlyObjectProperty<AlertCounts> alertCountsProperty() {
        return alertCounts.getReadOnlyProperty();
    }

    /** The pane shown; setting it shows another. */
    public ObjectProperty<Pane> paneProperty() {
        return pane;
    }

    /** Stops the feed and the collector and closes the config store (the window closes). */
    @Override
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
