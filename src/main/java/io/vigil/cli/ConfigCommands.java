package io.vigil.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.concurrent.Callable;

import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStoreException;
import io.vigil.config.ConfigYaml;
import io.vigil.config.FirstStart;
import io.vigil.i18n.Messages;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;
import picocli.CommandLine.Model.CommandSpec;

/** {@code vigil export} and {@code vigil import}: the whole configuration as YAML, from and into the config store. */
public final class ConfigCommands {

    private ConfigCommands() {
    }

    /** Writes targets, mirrors, metrics and alert rules as YAML, to a file or standard output; passwords only when asked. */
    @Command(name = "export", mixinStandardHelpOptions = true,
            description = "Write every target, mirror, metric and alert rule as YAML (passwords left out unless --with-passwords).")
    public static final class Export implements Callable<Integer> {

        @Mixin
        StoreOptions stores;

        @Option(names = "--with-passwords", description = "Include passwords, in plain text; the file is made readable by its owner alone.")
        boolean withPasswords;

        @Parameters(arity = "0..1", paramLabel = "FILE", description = "Where to write (default: standard output).")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            try (ConfigStore store = stores.openConfigStore()) {
                FirstStart.prepare(store);
                String yaml = ConfigYaml.export(store.targets(), store.mirrors(), store.metrics(), store.rules(), withPasswords, Instant.now());
                if (file == null) {
                    spec.commandLine().getOut().print(yaml);
                } else {
                    Messages messages = new Messages(Messages.localeFor(""));
                    Files.writeString(file, yaml, StandardCharsets.UTF_8);
                    if (withPasswords && !ownerOnly(file)) {
                        spec.commandLine().getErr().println(messages.get("cli.export.notPrivate", String.valueOf(file)));
                        return 1;
                    }
                    spec.commandLine().getOut().println(messages.get("cli.export.wrote", String.valueOf(file)));
                }
                return 0;
            } catch (IOException e) {
                Messages messages = new Messages(Messages.localeFor(""));
                String why = e instanceof java.nio.file.NoSuchFileException ? "cli.export.noFolder"
                        : e instanceof java.nio.file.AccessDeniedException ? "cli.export.denied" : "cli.export.failed";
                spec.commandLine().getErr().println(messages.get(why, String.valueOf(file)));
                return 1;
            } catch (ConfigStoreException e) {
                spec.commandLine().getErr().println(e.describe(new Messages(Messages.localeFor(""))));
                return 1;
            }
        }

        /**
         * Makes {@code file} readable by its owner alone; false when its file system has no POSIX permissions (Windows,
         * some mounted shares), so the caller can say so.
         */
        static boolean ownerOnly(Path file) throws IOException {
            try {
                Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
                return true;
            } catch (UnsupportedOperationException notPosix) {
                return false;
            }
        }
    }

    /** Merges a YAML file into the config store, all or nothing. */
    @Command(name = "import", mixinStandardHelpOptions = true,
            description = "Merge a YAML file of targets, mirrors, metrics and alert rules into the config store: all of it, or nothing with the line and reason.")
    public static final class Import implements Callable<Integer> {

        @Mixin
        StoreOptions stores;

        @Parameters(paramLabel = "FILE", description = "The YAML file (as vigil export writes it).")
        Path file;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Messages messages = new Messages(Messages.localeFor(""));
            try (ConfigStore store = stores.openConfigStore()) {
                FirstStart.prepare(store);
                ConfigYaml.ImportResult r = ConfigYaml.importFile(store, file, messages);
                spec.commandLine().getOut().println(messages.get("cli.import.done", r.targetsAdded(), r.targetsUpdated(), r.mirrorsAdded(),
                        r.mirrorsUpdated(), r.metricsAdded(), r.metricsUpdated()));
                return 0;
            } catch (ConfigStoreException e) {
                spec.commandLine().getErr().println(messages.get("cli.import.refused", e.describe(messages)));
                return 1;
            }
        }
    }
}
