package io.vigil.cli;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.InputErrors;
import io.vigil.config.InputException;
import io.vigil.config.InputProblem;
import io.vigil.i18n.Messages;
import io.vigil.i18n.Reason;

import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParameterException;

/**
 * How the {@code vigil} command reports what goes wrong: a mistake on the command line is one sentence in the user's
 * language naming the option and what it takes, with picocli's usage exit code (2); a fault nobody expected is one
 * sentence too (exit code 1), its details in the log. Neither ever prints a stack trace or picocli's own wording.
 */
public final class CliErrors {

    private static final Logger LOG = LoggerFactory.getLogger(CliErrors.class);

    private CliErrors() {
    }

    /** Installs both handlers on {@code cl} (its subcommands inherit them). */
    public static CommandLine install(CommandLine cl) {
        cl.setParameterExceptionHandler((ex, args) -> {
            CommandLine at = ex.getCommandLine() == null ? cl : ex.getCommandLine();
            if (at.getCommandSpec().root() != cl.getCommandSpec()) {
                at = cl; // raised by a command line of its own (an option group checked late): report on the command's streams
            }
            at.getErr().println(usage(ex, new Messages(Messages.localeFor(language(args)))));
            at.getErr().flush();
            return at.getCommandSpec().exitCodeOnInvalidInput();
        });
        cl.setExecutionExceptionHandler((ex, commandLine, parsed) -> {
            Messages messages = new Messages(Messages.localeFor(language(parsed.originalArgs().toArray(String[]::new))));
            if (ex instanceof InputException input) {
                commandLine.getErr().println(input.describe(messages));
                commandLine.getErr().flush();
                return commandLine.getCommandSpec().exitCodeOnInvalidInput();
            }
            LOG.error("{} stopped on an unexpected fault", commandLine.getCommandSpec().qualifiedName(), ex);
            commandLine.getErr().println(messages.get("cli.fault"));
            commandLine.getErr().flush();
            return commandLine.getCommandSpec().exitCodeOnExecutionException();
        });
        return cl;
    }

    /** The sentence for a command-line mistake, decided by the exception's type and the option it names. */
    public static String usage(ParameterException ex, Messages messages) {
        String command = ex.getCommandLine() == null ? "vigil" : ex.getCommandLine().getCommandSpec().qualifiedName();
        if (ex instanceof OptionProblem p) {
            return messages.get("cli.usage.option", command, InputProblem.cut(p.option()), messages.render(p.what()));
        }
        if (ex instanceof CommandLine.UnmatchedArgumentException u) {
            List<String> unmatched = u.getUnmatched();
            return messages.get("cli.usage.unknown", command, InputProblem.cut(unmatched.isEmpty() ? "" : unmatched.get(0)));
        }
        if (ex instanceof CommandLine.MissingParameterException m) {
            List<String> names = m.getMissing() == null ? List.of() : m.getMissing().stream().map(CliErrors::name).toList();
            return messages.get("cli.usage.missing", command, String.join(", ", names));
        }
        if (ex instanceof CommandLine.OverwrittenOptionException o && o.getOverwritten() != null) {
            return messages.get("cli.usage.twice", command, name(o.getOverwritten()));
        }
        if (ex.getArgSpec() != null && ex.getValue() != null) {
            return messages.get("cli.usage.value", command, name(ex.getArgSpec()), messages.render(expected(ex.getArgSpec())),
                    InputProblem.cut(ex.getValue()));
        }
        return messages.get("cli.usage.other", command);
    }

    private static String name(ArgSpec a) {
        return a instanceof OptionSpec o ? o.longestName() : a.paramLabel();
    }

    private static Reason expected(ArgSpec a) {
        Class<?> type = a.type();
        if (type == Duration.class) {
            return Reason.of("cli.usage.duration");
        }
        if (type == CollectorHttp.Listen.class) {
            return Reason.of("cli.usage.listen");
        }
        if (type == java.net.URI.class) {
            return Reason.of("cli.usage.address");
        }
        if (Path.class.isAssignableFrom(type)) {
            return Reason.of("cli.usage.path");
        }
        return InputErrors.expected(type, name(a).replaceFirst("^-+", ""));
    }

    // --lang given anywhere on the line, even one that did not parse, words the message; else the system's language
    private static String language(String[] args) {
        if (args == null) {
            return "";
        }
        for (int i = 0; i < args.length; i++) {
            if (args[i] == null) {
                continue;
            }
            if (args[i].equals("--lang") && i + 1 < args.length && args[i + 1] != null) {
                return args[i + 1];
            }
            if (args[i].startsWith("--lang=")) {
                return args[i].substring("--lang=".length());
            }
        }
        return "";
    }
}
