package io.vigil.config;

import java.util.Objects;

/**
 * Per-workstation settings, kept in a file in the app-data folder (not in the config store, since they say
 * where the config store is).
 *
 * @param language    a language tag ("en", "zh-CN"), or empty to follow the operating system
 * @param theme       light or dark
 * @param configStore where targets, mirrors and metrics are kept
 * @param cache       where the console's collector caches mirrors (embedded, or MySQL/MariaDB)
 * @param ledger      where it records sync times (embedded, or Redis)
 * @param series      where it archives points (embedded, or InfluxDB)
 * @param collect     whether this console collects, or only watches the team's collectors (which needs a Redis ledger)
 */
public record Settings(String language, Theme theme, StoreLocation configStore, ServerAddress cache, ServerAddress ledger,
                       ServerAddress series, CollectMode collect) {

    public Settings {
        language = language == null ? "" : language.strip();
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(configStore, "configStore");
        cache = cache == null ? ServerAddress.embedded() : cache;
        ledger = ledger == null ? ServerAddress.embedded() : ledger;
        series = series == null ? ServerAddress.embedded() : series;
        collect = collect == null ? CollectMode.HERE : collect;
    }

    public Settings(String language, Theme theme, StoreLocation configStore, ServerAddress cache, ServerAddress ledger, ServerAddress series) {
        this(language, theme, configStore, cache, ledger, series, CollectMode.HERE);
    }

    public Settings(String language, Theme theme, StoreLocation configStore) {
        this(language, theme, configStore, null, null, null, CollectMode.HERE);
    }

    public static Settings defaults() {
        return new Settings("", Theme.LIGHT, StoreLocation.embedded());
    }

    public Settings withLanguage(String tag) {
        return new Settings(tag, theme, configStore, cache, ledger, series, collect);
    }

    public Settings withTheme(Theme t) {
        return new Settings(language, t, configStore, cache, ledger, series, collect);
    }

    public Settings withConfigStore(StoreLocation location) {
        return new Settings(language, theme, location, cache, ledger, series, collect);
    }

    public Settings withDataStores(ServerAddress newCache, ServerAddress newLedger, ServerAddress newSeries) {
        return new Settings(language, theme, configStore, newCache, newLedger, newSeries, collect);
    }

    public Settings withCollect(CollectMode mode) {
        return new Settings(language, theme, configStore, cache, ledger, series, mode);
    }
}
