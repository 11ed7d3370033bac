package io.vigil.ui;

import java.time.Clock;
import java.util.Optional;
import java.util.function.Supplier;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStoreException;
import io.vigil.config.ConfigStores;
import io.vigil.config.FirstStart;
import io.vigil.config.SecretBox;
import io.vigil.config.Settings;
import io.vigil.config.SettingsFile;
import io.vigil.config.StoreLocation;
import io.vigil.schedule.DataStores;
import io.vigil.schedule.LocalCollector;
import io.vigil.sitepack.PackMonitoring;
import io.vigil.sitepack.SitePackException;
import io.vigil.watch.Monitoring;

/** Opens settings and the config store, off the FX thread. Every failure becomes a reason to show, never a crash. */
public final class ConsoleStartup {

    private static final Logger LOG = LoggerFactory.getLogger(ConsoleStartup.class);

    private ConsoleStartup() {
    }

    public static ConsoleContext open(AppDirs dirs, LaunchOptions options) {
        return open(dirs, options, () -> null);
    }

    /**
     * Opens the console's context; {@code masterPassword} answers when a master password protects the stored passwords.
     *
     * @throws MasterPasswordException when one is set and the password given is missing or wrong: ask again
     */
    public static ConsoleContext open(AppDirs dirs, LaunchOptions options, Supplier<char[]> masterPassword) {
        SecretBox box = SecretBox.forDataFolder(dirs, masterPassword);
        SettingsFile settingsFile = new SettingsFile(dirs, box);
        Settings settings;
        String settingsError = null;
        try {
            settings = settingsFile.load();
        } catch (ConfigStoreException e) {
            LOG.warn("Settings not loaded: {}", e.getMessage());
            settings = Settings.defaults();
            settingsError = e.describe(new io.vigil.i18n.Messages(io.vigil.i18n.Messages.localeFor(options.language().orElse(""))));
        }
        if (box.keyFileWarning().isPresent()) {
            String warning = new io.vigil.i18n.Messages(io.vigil.i18n.Messages.localeFor(
                    options.language().orElse(settings.language()))).render(box.keyFileWarning().get());
            settingsError = settingsError == null ? warning : settingsError + " " + warning;
        }
        if (options.language().isPresent()) {
            settings = settings.withLanguage(options.language().get());
        }
        StoreLocation where = options.configStore().orElse(settings.configStore());
        ConsoleContext ctx = new ConsoleContext(dirs, box, settingsFile, settings, null, settingsError, null);
        if (options.pack().isPresent()) {
            try {
                return openPack(ctx, options.pack().get());
            } catch (SitePackException e) {
                LOG.warn("Site pack not opened: {}", e.getMessage());
                return ctx.withStore(null, new io.vigil.i18n.Messages(io.vigil.i18n.Messages.localeFor(settings.language())).render(e.reason()));
            }
        }
        return openStore(ctx, where, settingsError, options);
    }

    /**
     * The context showing the site pack at {@code file} read-only: this machine's settings (language, theme) with the
     * pack's stores, and nothing collecting or connecting. Throws {@link SitePackException} when it cannot be opened.
     */
    public static ConsoleContext openPack(ConsoleContext ctx, java.nio.file.Path file) {
        PackMonitoring pack = PackMonitoring.open(file);
        return new ConsoleContext(ctx.dirs(), ctx.box(), ctx.settingsStore(), ctx.settings(), pack.store(), null, pack);
    }

    /** The context with the store at {@code where} opened, or with the reason it could not be. */
    public static ConsoleContext openStore(ConsoleContext ctx, StoreLocation where, String earlierError, LaunchOptions options) {
        try {
            ConfigStore store = ConfigStores.open(where, ctx.dirs(), ctx.box());
            FirstStart.prepare(store);
            ConsoleContext opened = ctx.withStore(store, withDamage(ctx, earlierError));
            return options.collect() ? startCollecting(opened) : opened;
        } catch (ConfigStoreException e) {
            LOG.warn("Config store not opened: {}", e.getMessage());
            String why = e.describe(new io.vigil.i18n.Messages(io.vigil.i18n.Messages.localeFor(ctx.settings().language())));
            return ctx.withStore(null, Optional.ofNullable(earlierError).map(s -> s + " ").orElse("") + why);
        }
    }

    /**
     * {@code before}, followed by what Vigil did about each embedded store file it found damaged while opening (kept
     * aside, a new one started), in the user's language: shown in the banner of the main window, never silent.
     */
    static String withDamage(ConsoleContext ctx, String before) {
        java.util.List<io.vigil.config.DamagedStores.Recovery> damaged = io.vigil.config.DamagedStores.drain();
        if (damaged.isEmpty()) {
            return before;
        }
        io.vigil.i18n.Messages messages = new io.vigil.i18n.Messages(io.vigil.i18n.Messages.localeFor(ctx.settings().language()));
        StringBuilder text = new StringBuilder(before == null ? "" : before);
        for (io.vigil.config.DamagedStores.Recovery r : damaged) {
            text.append(text.isEmpty() ? "" : " ").append(messages.render(r.reason()));
        }
        return text.toString();
    }

    /**
     * Why the collector did not start, in the language of {@code messages}: the reason the config store, a TLS
     * connection or a data store on a server gave in words (a failure of the ledger, series store or cache is worded as
     * that store's); for anything else a sentence pointing at the log, never the exception's own text.
     */
    static String whyNotCollecting(RuntimeException e, Settings s, io.vigil.i18n.Messages messages) {
        if (e instanceof ConfigStoreException c) {
            return c.describe(messages);
        }
        if (e instanceof DataStores.Refused refused) {
            return messages.render(refused.reason());
        }
        if (e instanceof io.vigil.tls.TlsRefused tls) {
            return messages.render(tls.reason());
        }
        java.util.Optional<io.vigil.i18n.Reason> store = DataStores.startFailure(e, s);
        if (store.isPresent()) {
            return messages.render(store.get());
        }
        return messages.get("collect.notStarted");
    }

    /** The context with a collector running over its store; when it cannot start, the reason instead. */
    public static ConsoleContext startCollecting(ConsoleContext opened) {
        try {
            Settings s = opened.settings();
            if (s.collect() == io.vigil.config.CollectMode.WATCH && s.ledger().isEmbedded()) {
                LOG.warn("Collector not started: watching collectors needs a Redis ledger");
                String why = new io.vigil.i18n.Messages(io.vigil.i18n.Messages.localeFor(s.language())).get("settings.data.watchNeedsRedis");
                return new ConsoleContext(opened.dirs(), opened.box(), opened.settingsStore(), opened.settings(), opened.store(),
                        (opened.storeError() == null ? "" : opened.storeError() + " ") + why, null);
            }
            LocalCollector.Stores stores = DataStores.open(s.cache(), s.ledger(), s.series());
            // a team: every console shows all collectors; this one collects its share, or nothing
            Monitoring monitoring = !(stores.ledger() instanceof io.vigil.ledger.RedisLedger)
                    ? Monitoring.start(opened.dirs(), opened.store(), stores, Clock.systemUTC())
                    : s.collect() == io.vigil.config.CollectMode.WATCH
                    ? io.vigil.team.TeamMonitoring.watch(opened.dirs(), opened.store(), stores, Clock.systemUTC())
                    : io.vigil.team.TeamMonitoring.collect(opened.dirs(), opened.store(), stores, Clock.systemUTC());
            // the cache or series store found damaged while opening: said in the banner beside any earlier problem
            return opened.withStore(opened.store(), withDamage(opened, opened.storeError())).withMonitoring(monitoring);
        } catch (RuntimeException e) {
            if (e instanceof DataStores.Refused || e instanceof ConfigStoreException) {
                LOG.warn("Collector not started: {}", e.getMessage()); // worded already; the store logged its cause
            } else {
                LOG.warn("Collector not started: {}", e.getMessage(), e);
            }
            String before = opened.storeError() == null ? "" : opened.storeError() + " ";
            String why = whyNotCollecting(e, opened.settings(), new io.vigil.i18n.Messages(io.vigil.i18n.Messages.localeFor(opened.settings().language())));
            return new ConsoleContext(opened.dirs(), opened.box(), opened.settingsStore(), opened.settings(), opened.store(),
                    before + why, null);
        }
    }
}
