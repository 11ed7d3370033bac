package io.vigil;

import java.nio.file.Path;
import java.util.Optional;
import java.util.concurrent.Callable;

import io.vigil.cli.AlertsCommand;
import io.vigil.cli.CheckCommand;
import io.vigil.cli.CollectCommand;
import io.vigil.cli.CollectorsCommand;
import io.vigil.cli.ConfigCommands;
import io.vigil.cli.GrantsCommand;
import io.vigil.cli.ImportTnsCommand;
import io.vigil.cli.PackSiteCommand;
import io.vigil.cli.ReportCommand;
import io.vigil.cli.MasterPasswordCommand;
import io.vigil.cli.StoreOptions;
import io.vigil.ui.LaunchOptions;
import io.vigil.ui.VigilApp;

import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Entry point: with no subcommand, opens the console. */
@Command(name = "vigil", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        subcommands = {CollectCommand.class, CollectorsCommand.class, CheckCommand.class, AlertsCommand.class, GrantsCommand.class, ReportCommand.class, ConfigCommands.Export.class, ConfigCommands.Import.class,
                ImportTnsCommand.class, PackSiteCommand.class, MasterPasswordCommand.class},
        description = "Monitoring console for Oracle, MySQL/MariaDB and PostgreSQL databases. With no command, opens the console.")
public final class Main implements Callable<Integer> {

    @Mixin
    StoreOptions stores = new StoreOptions();

    @Option(names = "--lang", paramLabel = "TAG", description = "Language for this run: en or zh-CN (default: settings, else the OS).")
    String language;

    @Option(names = "--screenshot", paramLabel = "PNG", description = "Write a PNG of the main window once it has rendered.")
    Path screenshot;

    @Option(names = "--exit-after", paramLabel = "SECONDS", description = "Close by itself after this many seconds.")
    int exitAfter;

    @Option(names = "--screenshot-tour", paramLabel = "FOLDER",
            description = "Let data flow, then write a PNG of every main pane, light and dark, into FOLDER and close.")
    Path tour;

    @Option(names = "--tour-delay", paramLabel = "SECONDS", defaultValue = "60",
            description = "How long data flows before the screenshot tour starts (default: ${DEFAULT-VALUE}).")
    int tourDelay;

    @Option(names = "--open", paramLabel = "FILE",
            description = "Open a site pack (as vigil pack-site writes it) read-only, instead of this machine's data; connects to nothing.")
    Path open;

    public static void main(String[] args) {
        NativeTuning.apply();
        int code = commandLine().execute(args);
        if (code != 0) {
            System.exit(code);
        }
    }

    /** The {@code vigil} command with its subcommands, reporting mistakes in plain words (exit code 2) and faults (1). */
    public static CommandLine commandLine() {
        Main main = new Main();
        CommandLine cl = new CommandLine(main);
        // Options of the data folder and config store given before the command apply to it as well as those after.
        cl.setExecutionStrategy(parsed -> {
            for (CommandLine.ParseResult sub = parsed.subcommand(); sub != null; sub = sub.subcommand()) {
                for (CommandLine.Model.CommandSpec mixin : sub.commandSpec().mixins().values()) {
                    if (mixin.userObject() instanceof StoreOptions inner) {
                        inner.inheritFrom(main.stores);
                    }
                }
            }
            // --lang before a command words that command's output too (each command asks Messages for the default locale)
            java.util.Locale before = java.util.Locale.getDefault();
            if (main.language != null && parsed.subcommand() != null) {
                java.util.Locale.setDefault(io.vigil.i18n.Messages.localeFor(main.language));
            }
            try {
                return new CommandLine.RunLast().execute(parsed);
            } finally {
                java.util.Locale.setDefault(before);
            }
        });
        return io.vigil.cli.CliErrors.install(cl);
    }

    @Override
    public Integer call() {
        stores.dirs(); // sets the data folder and, before the first logger exists, the log folder
        VigilApp.launch(new LaunchOptions(stores.location(), Optional.ofNullable(language),
                Optional.ofNullable(screenshot), exitAfter, true, Optional.ofNullable(tour), tourDelay, Optional.ofNullable(open)));
        return 0;
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
