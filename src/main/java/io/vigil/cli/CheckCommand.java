package io.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.vigil.alert.events.AlertLogEvents;
import io.vigil.config.ConfigStore;
import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorVariant;
import io.vigil.config.Pack;
import io.vigil.config.FirstStart;
import io.vigil.config.Packs;
import io.vigil.config.Target;
import io.vigil.gather.Pick;
import io.vigil.i18n.Messages;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.mirror.MirrorResult;
import io.vigil.target.DemoOracles;
import io.vigil.target.FailureKind;
import io.vigil.target.ProbeResult;
import io.vigil.target.TargetConnections;
import io.vigil.target.TargetFailure;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

/**
 * {@code vigil check}: connects to every target once, runs every enabled mirror once into a throwaway cache and every
 * metric once on it, and says in plain words what fails, with the GRANT statements that would fix missing privileges.
 * Exit code 0 when everything works, 1 otherwise.
 */
@Command(name = "check", mixinStandardHelpOptions = true,
        description = "Try every target's connection and every enabled mirror and metric once; print what fails and how to fix it.")
public final class CheckCommand implements Callable<Integer> {

    @Mixin
    StoreOptions stores;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        PrintWriter out = spec.commandLine().getOut();
        Messages messages = new Messages(Messages.localeFor(""));
        boolean allGood = true;
        Path scratch = Files.createTempDirectory("vigil-check");
        ConfigStore opened;
        try {
            opened = stores.openConfigStore();
        } catch (io.vigil.config.ConfigStoreException e) {
            spec.commandLine().getErr().println(e.describe(messages));
            Scratch.delete(scratch);
            return 2;
        }
        try (ConfigStore store = opened;
             TargetConnections connections = new TargetConnections(new DemoOracles());
             CacheDb cache = CacheDb.embedded(scratch)) {
            FirstStart.prepare(store);
            List<Target> targets = store.targets();
            if (targets.isEmpty()) {
                out.println(messages.get("cli.check.noTargets", store.location()));
                return 0;
            }
            MirrorJob mirror = new MirrorJob(connections, cache, new InMemoryLedger());
            for (Target t : targets) {
                if (!t.enabled()) {
                    out.println(messages.get("cli.check.switchedOff", t.name()));
                    continue; // not collected, perhaps not even given a login yet (an imported tnsnames.ora)
                }
                allGood &= check(out, messages, t, store, connections, mirror, cache);
                out.flush();
            }
        } finally {
            Scratch.delete(scratch);
        }
        out.println(messages.get(allGood ? "cli.check.allGood" : "cli.check.someFailed"));
        return allGood ? 0 : 1;
    }

    // The cache's and the pick's failures say what failed; anything else is a fault, its message kept as it is.
    private static io.vigil.i18n.Reason reasonOf(RuntimeException e) {
        if (e instanceof io.vigil.mirror.CacheException c) {
            return c.reason();
        }
        if (e instanceof io.vigil.gather.PickFailure p) {
            return p.reason();
        }
        return io.vigil.i18n.Reason.of("reason.text", String.valueOf(e.getMessage()));
    }

    private boolean check(PrintWriter out, Messages messages, Target t, ConfigStore store, TargetConnections connections, MirrorJob mirror,
                          CacheDb cache) {
        ProbeResult probe = connections.probe(t);
        String address = connections.spec(t).address();
        if (!probe.ok()) {
            out.println(messages.get("cli.check.failed", t.name(), address, messages.render(probe.failure().reason())));
            return false;
        }
        out.println(messages.get("cli.check.connected", t.name(), address, probe.took().toMillis(), probe.version()));
        Pack pack = Packs.shipped(t.kind().packKind());
        Set<String> grants = new LinkedHashSet<>();
        Set<String> skippedMirrors = new HashSet<>();
        int ok = 0;
        int failed = 0;
        for (MirrorDef m : store.mirrors()) {
            if (!m.enabled() || m.kind() != t.kind().packKind()) {
                continue;
            }
            if (!m.allowedWith(t.licensed())) {
                // never touched unless the site says it holds the licence: reading them is what the licence is for
                skippedMirrors.add(m.name());
                out.println(messages.get("cli.check.mirrorUnlicensed", m.name(), messages.get("licence." + m.licence().name())));
                continue;
            }
            if (!m.runsOn(probe.release())) {
                // the view is not there on this version: no GRANT could make it work, so none is advised
                skippedMirrors.add(m.name());
                out.println(messages.get("cli.check.mirrorTooNew", m.name(), m.minVersion(), probe.release().toString()));
                if (AlertLogEvents.TABLE.equalsIgnoreCase(m.cacheTable())) {
                    out.println(messages.get("cli.check.noAlertLog", m.minVersion()));
                }
                continue;
            }
            try {
                MirrorResult r = mirror.run(t, m);
                ok++;
                MirrorVariant read = m.readFor(probe.release());
                if (!m.variants().isEmpty() && !read.since().concat(read.below()).isEmpty()) {
                    out.println(messages.get("cli.check.variant", m.name(), read.range(), probe.release().toString()));
                }
                if (r.capped()) {
                    out.println(messages.get("cli.check.capped", m.name(), m.rowCap()));
                }
            } catch (TargetFailure e) {
                failed++;
                out.println(messages.get("cli.check.mirrorFailed", m.name(), messages.render(e.reason())));
                if (e.kind() == FailureKind.MISSING_PRIVILEGE) {
                    pack.mirrors().stream().filter(pm -> pm.name().equals(m.name())).findFirst()
                            .ifPresent(pm -> pm.grants().forEach(g -> grants.add(g.replace("{user}", t.user().isEmpty() ? "vigil" : t.user()))));
                }
            } catch (RuntimeException e) {
                failed++;
                out.println(messages.get("cli.check.mirrorFailed", m.name(), messages.render(reasonOf(e))));
            }
        }
        int metricsOk = 0;
        int metricsFailed = 0;
        int metricsSkipped = 0;
        try (Connection c = cache.dataSource().getConnection()) {
            for (MetricDef m : store.metrics()) {
                if (!m.enabled() || m.kind() != t.kind().packKind()) {
                    continue;
                }
                if (m.mirrors().stream().anyMatch(skippedMirrors::contains)) {
                    metricsSkipped++;
                    out.println(messages.get("cli.check.metricSkipped", m.name(),
                            String.join(", ", m.mirrors().stream().filter(skippedMirrors::contains).toList())));
                    continue;
                }
                try {
                    Pick.run(c, m, t.id());
                    metricsOk++;
                } catch (RuntimeException e) {
                    metricsFailed++;
                    out.println(messages.get("cli.check.metricFailed", m.name(), messages.render(reasonOf(e))));
                }
            }
        } catch (java.sql.SQLException e) {
            out.println(messages.get("cli.check.scratchFailed", e.getMessage()));
            return false;
        }
        out.println(messages.get("cli.check.summary", ok, failed, metricsOk, metricsFailed));
        if (!skippedMirrors.isEmpty() || metricsSkipped > 0) {
            out.println(messages.get("cli.check.skippedSummary", skippedMirrors.size(), metricsSkipped));
        }
        if (!grants.isEmpty()) {
            out.println(messages.get("cli.check.grants"));
            grants.forEach(g -> out.println("    " + g + ";"));
        }
        return failed == 0 && metricsFailed == 0;
    }
}
