package io.vigil.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreKind;
import io.vigil.config.StoreLocation;
import io.vigil.ledger.RedisLedger;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.RedisServer;
import io.vigil.testsupport.TestDatabase;
import io.vigil.testsupport.TestKeyspace;
import io.vigil.watch.JobBoard;

/**
 * A headless collector in another process shares ten demo targets with one in the test. Killed (SIGKILL, no goodbye),
 * its targets are collected again by the other within two 15 s intervals. Stopped (SIGSTOP) past its leases and let go
 * again, it writes nothing for the targets another collector took over: every sync the ledger publishes for a target
 * carries a fencing token no lower than the one before it.
 */
class TeamFailoverIT {

    /** A sync as the shared ledger published it: target, mirror, writer and the writer's fencing token. */
    private record Sync(long target, String mirror, String writer, long token, long atNanos) {
    }

    @TempDir
    Path home;

    private final List<Process> children = new CopyOnWriteArrayList<>();
    private final List<Sync> syncs = new CopyOnWriteArrayList<>();
    private final Map<Long, Long> firstPointNanos = new ConcurrentHashMap<>();

    @AfterEach
    void killChildren() {
        children.forEach(p -> {
            signal(p, "CONT");
            p.destroyForcibly();
        });
    }

    @Test
    void aKilledCollectorsTargetsMoveAndAStoppedOneWritesNothingAfterItsLeaseLapses() throws Exception {
        RedisServer redis = RealServices.redis();
        try (TestDatabase config = RealServices.mariadb().createDatabase("teamcfg");
             TestDatabase cache = RealServices.mariadb().createDatabase("teamcache");
             TestKeyspace keys = redis.keyspace("failover");
             ConfigStore store = ConfigStores.open(new StoreLocation(StoreKind.MYSQL, config.jdbcUrl(), config.user(), Secret.of(config.password())),
                     new AppDirs(home.resolve("config")), SecretBox.fromKeyFile(new AppDirs(home.resolve("config"))));
             RedisLedger listener = new RedisLedger(redis.host(), redis.port(), "", Secret.empty(), keys.prefix());
             AutoCloseable heard = listener.subscribe(keys.prefix() + "sync", this::heard, "test-syncs")) {
            List<Long> ids = TeamFixture.prepare(store, 10);
            Map<String, Long> byName = new HashMap<>();
            store.targets().forEach(t -> byName.put(t.name(), t.id()));
            TeamCollector mine = TeamCollector.start(TeamFixture.dirs(home, "mine"), store, TeamFixture.stores(cache, redis, keys.prefix()),
                    Clock.systemUTC(), new JobBoard(), e -> { }, points -> points.forEach(p -> firstPointNanos.putIfAbsent(
                            byName.getOrDefault(p.tags().get("target"), -1L), System.nanoTime())), Duration.ofSeconds(3));
            try (TeamView view = TeamView.start(listener, store)) {
                // 1. killed: its targets are collected here again within two intervals
                Process first = child("first", config, cache, redis, keys.prefix());
                Set<Long> itsTargets = awaitHolding(view, mine, 5);
                String listed = collectors(redis, keys.prefix());
                assertThat(listed).as("vigil collectors").contains(mine.id()).contains("/" + first.pid() + "-").contains("2 collectors hold 10 targets");
                Thread.sleep(5_000);
                first.destroyForcibly().waitFor();
                long killed = System.nanoTime();
                itsTargets.forEach(firstPointNanos::remove);
                for (long t : itsTargets) {
                    long synced = awaitSync(t, mine.id(), killed, Duration.ofSeconds(30));
                    assertThat(Duration.ofNanos(synced - killed)).as("target %d mirrored again after the kill", t).isLessThanOrEqualTo(Duration.ofSeconds(30));
                    assertThat(awaitPoint(t, killed, Duration.ofSeconds(30)) - killed).as("target %d's first point after the kill", t)
                            .isLessThanOrEqualTo(Duration.ofSeconds(30).toNanos());
                }
                assertThat(mine.held()).containsExactlyInAnyOrderElementsOf(ids);

                // 2. stopped past its leases: another takes over, and the stopped one writes nothing for those targets when it wakes
                Process second = child("second", config, cache, redis, keys.prefix());
                Set<Long> secondTargets = awaitHolding(view, mine, 5);
                Thread.sleep(5_000);
                signal(second, "STOP");
                long stopped = System.nanoTime();
                for (long t : secondTargets) {
                    awaitSync(t, mine.id(), stopped, Duration.ofSeconds(30));
                }
                signal(second, "CONT");
                Thread.sleep(20_000); // it wakes, finds its leases lapsed, and comes back for its share
                assertFenced();
                assertThat(syncs.stream().filter(s -> s.writer().contains("/" + second.pid() + "-")).count()).as("syncs by the second").isPositive();
                awaitHolding(view, mine, 5); // and once awake it takes its share again, under new leases
            } finally {
                mine.close();
            }
            heard.close();
        }
    }

    private void heard(String message) {
        String[] p = message.split("\\|", -1);
        if (p.length == 7) {
            syncs.add(new Sync(Long.parseLong(p[0]), p[1], p[5], Long.parseLong(p[6]), System.nanoTime()));
        }
    }

    // For every target and mirror, the fencing tokens of the published syncs never go down.
    private void assertFenced() {
        Map<String, Sync> last = new HashMap<>();
        List<String> wrong = new ArrayList<>();
        for (Sync s : syncs) {
            String k = s.target() + " " + s.mirror();
            Sync before = last.get(k);
            if (before != null && s.token() < before.token()) {
                wrong.add(k + ": " + s.writer() + " with token " + s.token() + " after " + before.writer() + " with " + before.token());
            }
            last.put(k, s);
        }
        assertThat(wrong).as("syncs written under a lapsed lease after a newer holder wrote").isEmpty();
    }

    private long awaitSync(long target, String writer, long after, Duration within) throws InterruptedException {
        long end = after + within.toNanos() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < end) {
            for (Sync s : syncs) {
                if (s.target() == target && s.writer().equals(writer) && s.atNanos() > after) {
                    return s.atNanos();
                }
            }
            Thread.sleep(100);
        }
        throw new AssertionError("target " + target + " was not mirrored by " + writer + " within " + within.toSeconds() + " s");
    }

    private long awaitPoint(long target, long after, Duration within) throws InterruptedException {
        long end = after + within.toNanos() + Duration.ofSeconds(5).toNanos();
        while (System.nanoTime() < end) {
            Long at = firstPointNanos.get(target);
            if (at != null && at > after) {
                return at;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("no point of target " + target + " within " + within.toSeconds() + " s");
    }

    // Waits until the other collector holds `each` targets and this one the rest; returns the other's.
    private static Set<Long> awaitHolding(TeamView view, TeamCollector mine, int each) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            for (TeamView.CollectorInfo c : view.collectors().values()) {
                if (!c.id().equals(mine.id()) && c.targets().size() == each && mine.held().size() == each) {
                    return Set.copyOf(c.targets());
                }
            }
            last = view.collectors().toString();
            Thread.sleep(500);
        }
        throw new AssertionError("the child collector did not take its share within 90 s; collectors: " + last);
    }

    private Process child(String name, TestDatabase config, TestDatabase cache, RedisServer redis, String prefix) throws IOException {
        Path dir = home.resolve(name);
        Files.createDirectories(dir);
        Path pw = dir.resolve("cache.pw");
        Files.writeString(pw, cache.password());
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        String cp = System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));
        ProcessBuilder pb = new ProcessBuilder(java, "-Xmx256m", "-cp", cp, "io.vigil.Main", "collect", "--data-dir", dir.resolve("data").toString(),
                "--config-store", config.jdbcUrl(), "--config-store-user", config.user(),
                "--cache", cache.jdbcUrl(), "--cache-user", cache.user(), "--cache-password-file", pw.toString(),
                "--ledger", "redis://" + redis.host() + ":" + redis.port() + "/" + prefix.substring(0, prefix.length() - 1),
                "--lease", "3", "--every", "5");
        pb.environment().put("VIGIL_CONFIG_STORE_PASSWORD", config.password());
        pb.redirectErrorStream(true).redirectOutput(dir.resolve("out.log").toFile());
        Process p = pb.start();
        children.add(p);
        return p;
    }

    private static String collectors(RedisServer redis, String prefix) {
        java.io.StringWriter out = new java.io.StringWriter();
        picocli.CommandLine cl = new picocli.CommandLine(new io.vigil.cli.CollectorsCommand());
        cl.setOut(new java.io.PrintWriter(out));
        cl.setErr(new java.io.PrintWriter(out));
        int exit = cl.execute("--ledger", "redis://" + redis.host() + ":" + redis.port() + "/" + prefix.substring(0, prefix.length() - 1));
        assertThat(exit).as(out.toString()).isZero();
        return out.toString();
    }

    private static void signal(Process p, String signal) {
        try {
            new ProcessBuilder("kill", "-" + signal, String.valueOf(p.pid())).start().waitFor();
        } catch (IOException e) {
            throw new IllegalStateException("kill -" + signal + " failed", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
