package io.vigil.team;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConnectBy;
import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.ledger.RedisLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.schedule.LocalCollector;
import io.vigil.testsupport.RedisServer;
import io.vigil.testsupport.TestDatabase;

/** A team's config: demo targets with a light slice of the Oracle pack, and the stores each collector of a test opens. */
public final class TeamFixture {

    /** Mirrors and metrics kept on: two 15 s mirrors, the instance (restarts), three metrics, a counter among them. */
    static final Set<String> MIRRORS = Set.of("session", "sysstat", "instance");
    static final Set<String> METRICS = Set.of("oracle.sessions.total", "oracle.sessions.active", "oracle.sysstat.rate");

    private TeamFixture() {
    }

    /** Installs the packs with only the slice above enabled, and {@code n} demo targets; returns their ids. */
    public static List<Long> prepare(ConfigStore store, int n) throws Exception {
        Packs.installMissing(store);
        for (MirrorDef m : store.mirrors()) {
            if (m.enabled() && !MIRRORS.contains(m.name())) {
                store.saveMirror(m.withEnabled(false));
            }
        }
        for (MetricDef m : store.metrics()) {
            if (m.enabled() && !METRICS.contains(m.name())) {
                store.saveMetric(m.withEnabled(false));
            }
        }
        for (Target t : store.targets()) {
            store.deleteTarget(t.id());
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 1; i <= n; i++) {
            Target t = store.saveTarget(new Target(0, String.format("demo%02d", i), TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "",
                    "", Secret.empty(), List.of(), true));
            ids.add(t.id());
        }
        return ids;
    }

    /** One collector's stores: the shared MariaDB cache and Redis ledger, series embedded in its own folder. */
    public static LocalCollector.Stores stores(TestDatabase cache, RedisServer redis, String prefix) {
        return new LocalCollector.Stores(CacheDb.mysql(cache.jdbcUrl(), cache.user(), Secret.of(cache.password())),
                new RedisLedger(redis.host(), redis.port(), "", Secret.empty(), prefix), null);
    }

    public static AppDirs dirs(Path home, String name) {
        return new AppDirs(home.resolve(name));
    }
}
