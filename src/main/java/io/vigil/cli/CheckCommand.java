package io.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;

import io.vigil.config.ConfigStore;
import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.Pack;
import io.vigil.config.FirstStart;
import io.vigil.config.Packs;
import io.vigil.config.Target;
import io.vigil.gather.Pick;
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
        boolean allGood = true;
        Path scratch = Files.createTempDirectory("vigil-check");
        ConfigStore opened;
        try {
            opened = stores.openConfigStore();
        } catch (io.vigil.config.ConfigStoreException e) {
            spec.commandLine().getErr().println(e.getMessage());
            Scratch.delete(scratch);
            return 2;
        }
        try (ConfigStore store = opened;
             TargetConnections connections = new TargetConnections(new DemoOracles());
             CacheDb cache = CacheDb.embedded(scratch)) {
            FirstStart.prepare(store);
            List<Target> targets = store.targets();
            if (targets.isEmpty()) {
                out.println("No targets are configured (config store: " + store.location() + ").");
                return 0;
            }
            MirrorJob mirror = new MirrorJob(connections, cache, new InMemoryLedger());
            for (Target t : targets) {
                allGood &= check(out, t, store, connections, mirror, cache);
                out.flush();
            }
        } finally {
            Scratch.delete(scratch);
        }
        out.println(allGood ? "Everything works." : "Some checks failed; see above.");
        return allGood ? 0 : 1;
    }

    private boolean check(PrintWriter out, Target t, ConfigStore store, TargetConnections connections, MirrorJob mirror, CacheDb cache) {
        ProbeResult probe = connections.probe(t);
        String address = connections.spec(t).address();
        if (!probe.ok()) {
            out.printf("%s (%s): FAILED. %s%n", t.name(), address, probe.failure().getMessage());
            return false;
        }
        out.printf("%s (%s): connected in %d ms to %s%n", t.name(), address, probe.took().toMillis(), probe.version());
        Pack pack = Packs.shipped(t.kind().packKind());
        Set<String> grants = new LinkedHashSet<>();
        int ok = 0;
        int failed = 0;
        for (MirrorDef m : store.mirrors()) {
            if (!m.enabled() || m.kind() != t.kind().packKind()) {
                continue;
            }
            try {
                MirrorResult r = mirror.run(t, m);
                ok++;
                if (r.capped()) {
                    out.printf("  mirror %s: the row cap of %d cut it short%n", m.name(), m.rowCap());
                }
            } catch (TargetFailure e) {
                failed++;
                out.printf("  mirror %s: %s%n", m.name(), e.getMessage());
                if (e.kind() == FailureKind.MISSING_PRIVILEGE) {
                    pack.mirrors().stream().filter(pm -> pm.name().equals(m.name())).findFirst()
                            .ifPresent(pm -> pm.grants().forEach(g -> grants.add(g.replace("{user}", t.user().isEmpty() ? "vigil" : t.user()))));
                }
            } catch (RuntimeException e) {
                failed++;
                out.printf("  mirror %s: %s%n", m.name(), e.getMessage());
            }
        }
        int metricsOk = 0;
        int metricsFailed = 0;
        try (Connection c = cache.dataSource().getConnection()) {
            for (MetricDef m : store.metrics()) {
                if (!m.enabled() || m.kind() != t.kind().packKind()) {
                    continue;
                }
                try {
                    Pick.run(c, m, t.id());
                    metricsOk++;
                } catch (RuntimeException e) {
                    metricsFailed++;
                    out.printf("  metric %s: %s%n", m.name(), e.getMessage());
                }
            }
        } catch (java.sql.SQLException e) {
            out.printf("  metrics not checked: the scratch cache failed: %s%n", e.getMessage());
            return false;
        }
        out.printf("  mirrors: %d ok, %d failed; metrics: %d ok, %d failed%n", ok, failed, metricsOk, metricsFailed);
        if (!grants.isEmpty()) {
            out.println("  To grant what is missing, run as a DBA:");
            grants.forEach(g -> out.println("    " + g + ";"));
        }
        return failed == 0 && metricsFailed == 0;
    }
}
