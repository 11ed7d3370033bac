package io.vigil.cli;

import java.nio.file.Path;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.SettingsFile;
import io.vigil.config.StoreKind;
import io.vigil.config.StoreLocation;

import picocli.CommandLine.Option;

/** The options every headless command shares: where the data folder and the config store are. */
public final class StoreOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder for settings, embedded stores, key file and logs.")
    Path dataDir;

    @Option(names = "--config-store", paramLabel = "URL",
            description = "'embedded', or a MySQL/MariaDB JDBC URL (password from VIGIL_CONFIG_STORE_PASSWORD); default: settings.")
    String configStore;

    @Option(names = "--config-store-user", paramLabel = "USER", description = "Login for a server config store.")
    String configStoreUser;

    AppDirs dirs() {
        if (dataDir != null) {
            System.setProperty("vigil.home", dataDir.toAbsolutePath().toString());
        }
        AppDirs dirs = AppDirs.resolve();
        System.setProperty("vigil.logs", dirs.logs().toString());
        return dirs;
    }

    ConfigStore openConfigStore() {
        AppDirs dirs = dirs();
        SecretBox box = SecretBox.fromKeyFile(dirs);
        StoreLocation where;
        if (configStore == null) {
            where = new SettingsFile(dirs, box).load().configStore();
        } else if (configStore.equalsIgnoreCase("embedded")) {
            where = StoreLocation.embedded();
        } else {
            where = new StoreLocation(StoreKind.MYSQL, configStore, configStoreUser, Secret.of(System.getenv("VIGIL_CONFIG_STORE_PASSWORD")));
        }
        return ConfigStores.open(where, dirs, box);
    }
}
