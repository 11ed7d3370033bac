package io.vigil.ui;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.SecretBox;
import io.vigil.config.Settings;
import io.vigil.config.SettingsStore;
import io.vigil.watch.Monitoring;

/**
 * What the console works with once it has started: where its files are, the settings, and the config store — or,
 * when the store could not be opened, the reason, so the console still opens and says how to fix it.
 */
public record ConsoleContext(AppDirs dirs, SecretBox box, SettingsStore settingsStore, Settings settings,
                             ConfigStore store, String storeError, Monitoring monitoring) {

    public boolean hasStore() {
        return store != null;
    }

    public ConsoleContext withSettings(Settings s) {
        return new ConsoleContext(dirs, box, settingsStore, s, store, storeError, monitoring);
    }

    public ConsoleContext withStore(ConfigStore newStore, String error) {
        return new ConsoleContext(dirs, box, settingsStore, settings, newStore, error, null);
    }

    public ConsoleContext withMonitoring(Monitoring m) {
        return new ConsoleContext(dirs, box, settingsStore, settings, store, storeError, m);
    }

    public boolean monitors() {
        return monitoring != null;
    }

    /** The site pack shown, read-only, when the console shows one instead of this machine's data. */
    public java.util.Optional<io.vigil.sitepack.PackManifest> pack() {
        return monitoring instanceof io.vigil.sitepack.PackMonitoring p ? java.util.Optional.of(p.manifest()) : java.util.Optional.empty();
    }

    public boolean readOnly() {
        return pack().isPresent();
    }
}
