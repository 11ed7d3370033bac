package io.vigil.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStoreException;
import io.vigil.config.FirstStart;
import io.vigil.config.InvalidConfigException;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.tns.TnsNames;
import io.vigil.config.tns.TnsParser;
import io.vigil.config.tns.TnsProblem;
import io.vigil.config.tns.TnsTargets;
import io.vigil.i18n.Messages;

import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil import-tns FILE}: every alias of a customer's tnsnames.ora as an Oracle target connecting by its alias.
 * Exit code 0 when every entry was read (and added or already present), 1 when something could not be read or added,
 * 2 for a usage error.
 */
@Command(name = "import-tns", mixinStandardHelpOptions = true,
        description = "Add every alias of a tnsnames.ora as an Oracle target (TNS_ADMIN = the file's folder); lists what was added, "
                + "what was already present and the entries that could not be read, with their line.")
public final class ImportTnsCommand implements Callable<Integer> {

    @Mixin
    StoreOptions stores;

    @Parameters(paramLabel = "FILE", description = "The tnsnames.ora to read (IFILE includes are followed).")
    Path file;

    @Option(names = "--user", paramLabel = "USER", description = "Login for every imported target; without it they stay switched off.")
    String user;

    @ArgGroup(exclusive = true)
    PasswordSource password;

    @Option(names = "--tag", paramLabel = "TAG", description = "A tag for every imported target (repeat for more).")
    List<String> tags = new ArrayList<>();

    @Option(names = "--only", split = ",", paramLabel = "ALIAS", description = "Import only these aliases (comma-separated).")
    List<String> only = new ArrayList<>();

    @Option(names = "--tls-ca", paramLabel = "FILE", description = "CA certificate (PEM) or wallet folder for the aliases that use TCPS; "
            + "without it, the CAs the Java runtime trusts.")
    Path tlsCa;

    @Option(names = "--dry-run", description = "Say what would be added, change nothing.")
    boolean dryRun;

    @Spec
    CommandSpec spec;

    /** Where the password comes from: never the command line, which the process list shows. */
    static final class PasswordSource {
        @Option(names = "--password-file", paramLabel = "FILE", description = "File holding the password (its first line).")
        Path file;

        @Option(names = "--password-env", paramLabel = "VAR", description = "Environment variable holding the password.")
        String env;
    }

    @Override
    public Integer call() {
        Messages messages = new Messages(Messages.localeFor(""));
        PrintWriter out = spec.commandLine().getOut();
        Secret secret = password(messages);

        TnsNames names = TnsParser.read(file);
        List<String> unknown = TnsTargets.unknown(names, only);
        TnsTargets.Options options = new TnsTargets.Options(user, secret, tags, new HashSet<>(only),
                tlsCa == null ? "" : tlsCa.toAbsolutePath().toString());
        int added = 0;
        int present = 0;
        int refused = 0;
        try (ConfigStore store = stores.openConfigStore()) {
            FirstStart.prepare(store);
            List<Target> saved = new ArrayList<>(store.targets());
            for (TnsTargets.Planned p : TnsTargets.plan(names, saved, options)) {
                String address = p.entry().describe(messages);
                if (!p.isNew()) {
                    present++;
                    out.println(messages.get("tns.cli.exists", p.entry().alias(), p.existing().orElseThrow().name()));
                } else if (dryRun) {
                    added++;
                    out.println(messages.get("tns.cli.wouldAdd", p.target().name(), p.entry().alias(), address));
                } else {
                    try {
                        Target t = store.saveTarget(p.target());
                        saved.add(t);
                        added++;
                        out.println(messages.get("tns.cli.added", t.name(), p.entry().alias(), address));
                    } catch (InvalidConfigException e) {
                        refused++;
                        out.println(messages.get("tns.cli.refused", p.entry().alias(),
                                e.problems().stream().map(pr -> pr.describe(messages)).collect(Collectors.joining("; "))));
                    }
                }
            }
        } catch (ConfigStoreException e) {
            spec.commandLine().getErr().println(e.describe(messages));
            return 1;
        }
        // with --only, the broken entries of other aliases are none of this run's business
        List<TnsProblem> problems = names.problems().stream().filter(p -> p.concerns(only)).toList();
        for (TnsProblem p : problems) {
            out.println(messages.get("tns.cli.unreadable", names.describe(p, messages)));
        }
        for (String alias : unknown) {
            out.println(messages.get("tns.cli.unknownAlias", alias, names.shown(names.file())));
        }
        int unreadable = problems.size() + unknown.size();
        out.println(messages.get(dryRun ? "tns.cli.summary.dry" : "tns.cli.summary", added, present, unreadable));
        if (added > 0 && options.user().isEmpty()) {
            out.println(messages.get("tns.cli.noUser"));
        }
        if (added > 0 && !names.driverFindsIt()) {
            out.println(messages.get("tns.cli.rename", names.folder().toString(), names.file().getFileName().toString()));
        }
        return unreadable + refused == 0 ? 0 : 1;
    }

    private Secret password(Messages messages) {
        if (password == null) {
            return Secret.empty();
        }
        if (user == null || user.isBlank()) {
            throw new OptionProblem(spec.commandLine(), "--user", messages.get("tns.cli.passwordWithoutUser"),
                    io.vigil.i18n.Reason.of("tns.cli.passwordWithoutUser"));
        }
        if (password.file != null) {
            try {
                String text = Files.readString(password.file, StandardCharsets.UTF_8);
                int nl = text.indexOf('\n');
                String first = nl < 0 ? text : text.substring(0, nl);
                return Secret.of(first.endsWith("\r") ? first.substring(0, first.length() - 1) : first);
            } catch (IOException e) {
                throw new OptionProblem(spec.commandLine(), "--password-file", messages.get("tns.cli.passwordFile", password.file.toString()),
                        io.vigil.i18n.Reason.of("tns.cli.passwordFile", io.vigil.config.InputProblem.cut(password.file.toString())));
            }
        }
        String value = System.getenv(password.env);
        if (value == null) {
            throw new OptionProblem(spec.commandLine(), "--password-env", messages.get("tns.cli.passwordEnv", password.env),
                    io.vigil.i18n.Reason.of("tns.cli.passwordEnv", io.vigil.config.InputProblem.cut(password.env)));
        }
        return Secret.of(value);
    }
}
