package io.vigil.cli;

import java.io.PrintWriter;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;

import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStoreException;
import io.vigil.config.FirstStart;
import io.vigil.config.GrantFlavour;
import io.vigil.config.GrantScript;
import io.vigil.config.MirrorDef;
import io.vigil.config.ServerVersion;
import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.mirror.Preflight;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil grants TARGET}: prints the script a DBA runs to create the target's monitoring account with what its
 * enabled mirrors read; with {@code --check}, also logs in with that account and tries every mirror once. Vigil runs
 * nothing of the script itself. Exit code 0, or with {@code --check} 1 when something is missing; 2 for bad usage.
 */
@Command(name = "grants", mixinStandardHelpOptions = true,
        description = "Print the script that creates a target's monitoring account; --check tries every mirror with it once.")
public final class GrantsCommand implements Callable<Integer> {

    @Mixin
    StoreOptions stores;

    @Spec
    CommandSpec spec;

    @Parameters(index = "0", paramLabel = "TARGET", description = "The target's name.")
    String targetName;

    @Option(names = "--flavour", paramLabel = "FLAVOUR",
            description = "oracle11, oracle12, oracle-cdb, mysql, postgres or postgres96 (default: from the target, or the server with --check).")
    String flavourName;

    @Option(names = "--roles", description = "On Oracle, grant SELECT_CATALOG_ROLE instead of each object.")
    boolean roles;

    @Option(names = "--host", paramLabel = "HOST", defaultValue = "%",
            description = "Where a MySQL/MariaDB account may log in from (default: ${DEFAULT-VALUE}, anywhere).")
    String host;

    @Option(names = "--check", description = "Log in with the target's account and try every enabled mirror once (one row each).")
    boolean check;

    @Option(names = "--lang", paramLabel = "TAG", description = "Language of the comments and lines: en or zh-CN (default: the OS).")
    String language;

    @Override
    public Integer call() {
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Messages messages = new Messages(Messages.localeFor(language == null ? "" : language));
        Optional<GrantFlavour> asked = Optional.empty();
        if (flavourName != null) {
            asked = GrantFlavour.ofOption(flavourName);
            if (asked.isEmpty()) {
                err.println(messages.get("cli.grants.badFlavour", flavourName,
                        Arrays.stream(GrantFlavour.values()).map(GrantFlavour::option).collect(Collectors.joining(", "))));
                return 2;
            }
        }
        Target target;
        List<MirrorDef> mirrors;
        try (ConfigStore store = stores.openConfigStore()) {
            FirstStart.prepare(store);
            Optional<Target> found = store.targets().stream().filter(t -> t.name().equalsIgnoreCase(targetName)).findFirst();
            if (found.isEmpty()) {
                err.println(messages.get("cli.grants.noTarget", targetName,
                        store.targets().stream().map(Target::name).collect(Collectors.joining(", "))));
                return 2;
            }
            target = found.get();
            mirrors = store.mirrors();
        } catch (ConfigStoreException e) {
            err.println(e.describe(messages));
            return 2;
        }
        if (asked.isPresent() && asked.get().kind() != target.kind().packKind()) {
            err.println(messages.get("cli.grants.wrongKind", asked.get().option(), target.name(), messages.get("kind." + target.kind().name())));
            return 2;
        }
        Preflight.Report report = null;
        if (check) {
            try (TargetConnections connections = new TargetConnections(new DemoOracles())) {
                report = new Preflight(connections).run(target, mirrors);
            }
        }
        GrantFlavour flavour = asked.orElseGet(() -> Preflight.likelyFlavour(target));
        ServerVersion release = ServerVersion.UNKNOWN;
        if (report != null && report.connected()) {
            flavour = asked.orElse(Preflight.flavourOf(target, report));
            release = report.release();
        }
        GrantScript.Script script = new GrantScript(messages).write(target, mirrors, GrantScript.packGrants(target.kind()),
                new GrantScript.Options(flavour, release, roles, host));
        out.print(script.text());
        script.warnings().forEach(w -> err.println(messages.get("grants.warning", w)));
        if (report == null) {
            out.flush();
            return 0;
        }
        report = report.withGrants(script::grantsOf);
        out.println();
        if (!report.connected()) {
            out.println("-- " + messages.get("cli.grants.loginFailed", target.name(), messages.render(report.failure())));
            out.flush();
            return 1;
        }
        out.println("-- " + messages.get("cli.grants.checked", target.name(), report.version()));
        for (Preflight.Outcome o : report.outcomes()) {
            out.println("-- " + line(messages, o));
        }
        out.println("-- " + messages.get(report.allOk() ? "cli.grants.allOk" : "cli.grants.someMissing"));
        out.flush();
        return report.allOk() ? 0 : 1;
    }

    static String line(Messages messages, Preflight.Outcome o) {
        String state = messages.get("preflight.state." + o.state().name());
        String why = messages.render(o.reason());
        String grants = o.grants().isEmpty() ? "" : " " + messages.get("cli.grants.needs", String.join("; ", o.grants()));
        return messages.get("cli.grants.line", o.mirror(), state, why.isEmpty() ? "" : " " + why, grants);
    }
}
