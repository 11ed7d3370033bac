package io.vigil.cli;

import java.nio.file.Path;
import java.util.Optional;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.SettingsFile;
import io.vigil.config.StoreKind;
import io.vigil.config.StoreLocation;
import io.vigil.i18n.Messages;

import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** The options every headless command shares: where the data folder and the config store are. */
public final class StoreOptions {

    @Option(names = "--data-dir", paramLabel = "DIR", description = "Folder for settings, embedded stores, key file and logs.")
    Path dataDir;

    @Option(names = "--config-store", paramLabel = "URL",
            description = "'embedded', or a MySQL/MariaDB JDBC URL (password from VIGIL_CONFIG_STORE_PASSWORD; "
                    + "TLS: ?sslMode=VERIFY_IDENTITY&tlsCaFile=FILE); default: settings.")
    String configStore;

    @Option(names = "--config-store-user", paramLabel = "USER", description = "Login for a server config store.")
    String configStoreUser;

    /** The command these options are mixed into: where its error output goes. */
    @Spec(Spec.Target.MIXEE)
    CommandSpec command;

    /**
     * Takes what {@code outer} names and this does not: {@code vigil --data-dir X collect} means the same as
     * {@code vigil collect --data-dir X}.
     */
    public void inheritFrom(StoreOptions outer) {
        if (dataDir == null) {
            dataDir = outer.dataDir;
        }
        if (configStore == null) {
            configStore = outer.configStore;
        }
        if (configStoreUser == null) {
            configStoreUser = outer.configStoreUser;
        }
    }

    /** The data folder the options name (or the default); also points the log folder there, before any logger exists. */
    public AppDirs dirs() {
        if (dataDir != null) {
            System.setProperty("vigil.home", dataDir.toAbsolutePath().toString());
        }
        AppDirs dirs = AppDirs.resolve();
        System.setProperty("vigil.logs", dirs.logs().toString());
        return dirs;
    }

    /** The config store named on the command line, if one was; its password comes from VIGIL_CONFIG_STORE_PASSWORD. */
    public Optional<StoreLocation> location() {
        if (configStore == null) {
            return Optional.empty();
        }
        if (configStore.equalsIgnoreCase("embedded")) {
            return Optional.of(StoreLocation.embedded());
        }
        // A password on the command line shows in the process list: it comes from the environment instead.
        return Optional.of(new StoreLocation(StoreKind.MYSQL, configStore, configStoreUser, Secret.of(System.getenv("VIGIL_CONFIG_STORE_PASSWORD"))));
    }

    /**
     * The box holding the data folder's passwords: the master password's when one is set (from VIGIL_MASTER_PASSWORD
     * or asked on the terminal), else the key file's. A key file others could read is tightened and reported on stderr.
     */
    SecretBox box(AppDirs dirs) {
        Messages messages = new Messages(Messages.localeFor(""));
        SecretBox box = SecretBox.forDataFolder(dirs, () -> MasterPasswordPrompt.current(messages)); // a refusal is a ConfigStoreException
        box.keyFileWarning().ifPresent(w -> System.err.println(messages.render(w)));
        return box;
    }

    ConfigStore openConfigStore() {
        AppDirs dirs = dirs();
        SecretBox box = box(dirs);
        StoreLocation where = location().orElseGet(() -> new SettingsFile(dirs, box).load().configStore());
        ConfigStore store = ConfigStores.open(where, dirs, box);
        tellDamaged(command != null ? command.commandLine().getErr() : new java.io.PrintWriter(System.err, true));
        return store;
    }

    /**
     * Writes to {@code err} what Vigil did about each embedded store file it found damaged since the last call (kept
     * aside, a new one started), in the user's language.
     */
    static void tellDamaged(java.io.PrintWriter err) {
        java.util.List<io.vigil.config.DamagedStores.Recovery> damaged = io.vigil.config.DamagedStores.drain();
        if (damaged.isEmpty()) {
            return;
        }
        io.vigil.i18n.Messages messages = new io.vigil.i18n.Messages(io.vigil.i18n.Messages.localeFor(""));
        damaged.forEach(r -> err.println(messages.render(r.reason())));
        err.flush();
    }
}
