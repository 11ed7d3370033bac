package io.vigil.cli;

import java.io.Console;
import java.util.function.Function;

import io.vigil.i18n.Messages;

/**
 * Where a command gets the master password: {@code VIGIL_MASTER_PASSWORD} (for services and scripts; never an option,
 * which would show in the process list), else a prompt on the terminal, else nothing (the command then says how to
 * give one).
 */
final class MasterPasswordPrompt {

    static final String ENV = "VIGIL_MASTER_PASSWORD";
    /** The new password of {@code vigil master-password set}, for scripts. */
    static final String NEW_ENV = "VIGIL_NEW_MASTER_PASSWORD";

    /** The environment, replaceable so commands can be run in-process with a password. */
    static Function<String, String> env = System::getenv;

    private MasterPasswordPrompt() {
    }

    /** The master password, or null when none was given and there is no terminal to ask on. */
    static char[] current(Messages messages) {
        return ask(ENV, messages.get("cli.master.prompt"));
    }

    static char[] ask(String variable, String prompt) {
        String given = env.apply(variable);
        if (given != null && !given.isEmpty()) {
            return given.toCharArray();
        }
        return terminal(prompt);
    }

    /** Asks on the terminal only; null when there is none. */
    static char[] terminal(String prompt) {
        Console console = System.console();
        // since JDK 22 there is a Console even when the streams are redirected: only a terminal can be asked
        return console == null || !console.isTerminal() ? null : console.readPassword("%s", prompt);
    }
}
