package io.vigil.config;

import java.util.Objects;

/**
 * Per-workstation settings, kept in a file in the app-data folder (not in the config store, since they say
 * where the config store is).
 *
 * @param language    a language tag ("en", "zh-CN"), or empty to follow the operating system
 * @param theme       light or dark
 * @param configStore where targets, mirrors and metrics are kept
 */
public record Settings(String language, Theme theme, StoreLocation configStore) {

    public Settings {
        language = language == null ? "" : language.strip();
        Objects.requireNonNull(theme, "theme");
        Objects.requireNonNull(configStore, "configStore");
    }

    public static Settings defaults() {
        return new Settings("", Theme.LIGHT, StoreLocation.embedded());
    }

    public Settings withLanguage(String tag) {
        return new Settings(tag, theme, configStore);
    }

    public Settings withTheme(Theme t) {
        return new Settings(language, t, configStore);
    }

    public Settings withConfigStore(StoreLocation location) {
        return new Settings(language, theme, location);
    }
}
