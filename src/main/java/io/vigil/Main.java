package io.vigil;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.vigil.cli.CheckCommand;
import io.vigil.cli.CollectCommand;
import io.vigil.config.AppDirs;
import io.vigil.config.Secret;
import io.vigil.config.StoreKind;
import io.vigil.config.StoreLocation;
import io.vigil.ui.LaunchOptions;
import io.vigil.ui.VigilApp;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** Entry point: with no subcommand, opens the console. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {CollectCommand.class, CheckCommand.class},
        description = "Monitoring console for Oracle, MySQL/MariaDB and PostgreSQL databases. With no command, opens the console.")
public final class Main implements Callable<Integer> {

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Folder for settings, embedded stores, key file and logs (default: the per-user app-data folder).")
    Path dataDir;

    @Option(names = "--config-store", paramLabel = "URL",
            description = "Config store for this run: 'embedded', or a MySQL/MariaDB JDBC URL such as jdbc:mysql://db1:3306/vigil.")
    String configStore;

    @Option(names = "--config-store-user", paramLabel = "USER", description = "Login for a server config store.")
    String configStoreUser;

    @Option(names = "--lang", paramLabel = "TAG", description = "Language for this run: en or zh-CN (default: settings, else the OS).")
    String language;

    @Option(names = "--screenshot", paramLabel = "PNG", description = "Write a PNG of the main window once it has rendered.")
    Path screenshot;

    @Option(names = "--exit-after", paramLabel = "SECONDS", description = "Close by itself after this many seconds.")
    int exitAfter;

    public static void main(String[] args) {
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    static CommandLine commandLine() {
        return new CommandLine(new Main());
    }

    @Override
    public Integer call() {
        if (dataDir != null) {
            System.setProperty("vigil.home", dataDir.toAbsolutePath().toString());
        }
        // Before the first logger exists: logback.xml writes to this folder.
        System.setProperty("vigil.logs", AppDirs.resolve().logs().toString());
        VigilApp.launch(new LaunchOptions(configStoreLocation(), Optional.ofNullable(language),
                Optional.ofNullable(screenshot), exitAfter));
        return 0;
    }

    Optional<StoreLocation> configStoreLocation() {
        if (configStore == null) {
            return Optional.empty();
        }
        if ("embedded".equalsIgnoreCase(configStore)) {
            return Optional.of(StoreLocation.embedded());
        }
        // A password on the command line shows in the process list: it comes from the environment instead.
        Secret password = Secret.of(System.getenv("VIGIL_CONFIG_STORE_PASSWORD"));
        return Optional.of(new StoreLocation(StoreKind.MYSQL, configStore, configStoreUser, password));
    }

    /** The version from the jar manifest, or "development" when run from classes. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Vigil " + (v == null ? "development build" : v),
                    "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")"};
        }
    }
}
