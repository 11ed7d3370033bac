package io.vigil.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStoreException;
import io.vigil.config.MasterPasswordException;
import io.vigil.config.MasterPasswords;
import io.vigil.config.SecretBox;
import io.vigil.i18n.Messages;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vigil master-password set|remove}: protects the stored passwords of the data folder with a master password
 * instead of the key file, or goes back. Every stored password is re-encrypted. Exit 0 when done, 2 when a password is
 * missing, wrong or mistyped, or a store cannot be opened.
 */
@Command(name = "master-password", mixinStandardHelpOptions = true,
        description = "Protect the stored passwords with a master password (set, change) or with the key file again (remove).",
        subcommands = {MasterPasswordCommand.Set.class, MasterPasswordCommand.Remove.class})
public final class MasterPasswordCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        spec.commandLine().usage(spec.commandLine().getErr());
        return 2;
    }

    /** Runs {@code work}; a password missing, wrong or mistyped, or a store that cannot be used, is told in words: exit 2. */
    static int refusalsTold(PrintWriter err, Messages messages, java.util.function.IntSupplier work) {
        try {
            return work.getAsInt();
        } catch (MasterPasswordException e) {
            err.println(messages.render(e.reason()));
            return 2;
        } catch (ConfigStoreException e) {
            err.println(e.describe(messages));
            return 2;
        }
    }

    /** Sets or changes the master password: the current one first when one is set, then the new one twice. */
    @Command(name = "set", mixinStandardHelpOptions = true,
            description = "Set or change the master password (asked on the terminal, or VIGIL_MASTER_PASSWORD for the current "
                    + "and VIGIL_NEW_MASTER_PASSWORD for the new one).")
    public static final class Set implements Callable<Integer> {

        @Mixin
        StoreOptions stores;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Messages messages = new Messages(Messages.localeFor(""));
            PrintWriter err = spec.commandLine().getErr();
            return refusalsTold(err, messages, () -> {
                AppDirs dirs = stores.dirs();
                SecretBox current = stores.box(dirs);
                char[] password = MasterPasswordPrompt.ask(MasterPasswordPrompt.NEW_ENV, messages.get("cli.master.newPrompt"));
                if (password == null) {
                    err.println(messages.get("cli.master.noTerminal"));
                    return 2;
                }
                char[] repeated = MasterPasswordPrompt.env.apply(MasterPasswordPrompt.NEW_ENV) != null
                        ? password.clone()
                        : MasterPasswordPrompt.terminal(messages.get("cli.master.repeatPrompt"));
                boolean changing = current.usesMasterPassword();
                MasterPasswords.set(dirs, current, password, repeated);
                spec.commandLine().getOut().println(messages.get(changing ? "cli.master.changed" : "cli.master.set"));
                return 0;
            });
        }
    }

    /** Goes back to the key file. */
    @Command(name = "remove", mixinStandardHelpOptions = true,
            description = "Remove the master password: stored passwords are protected by the key file again.")
    public static final class Remove implements Callable<Integer> {

        @Mixin
        StoreOptions stores;

        @Spec
        CommandSpec spec;

        @Override
        public Integer call() {
            Messages messages = new Messages(Messages.localeFor(""));
            return refusalsTold(spec.commandLine().getErr(), messages, () -> {
                AppDirs dirs = stores.dirs();
                if (!SecretBox.masterPasswordSet(dirs)) {
                    spec.commandLine().getOut().println(messages.get("cli.master.noneSet"));
                    return 0;
                }
                MasterPasswords.remove(dirs, stores.box(dirs));
                spec.commandLine().getOut().println(messages.get("cli.master.removed"));
                return 0;
            });
        }
    }
}
