package io.vigil.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.series.Point;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.RedisServer;
import io.vigil.testsupport.TestDatabase;
import io.vigil.testsupport.TestKeyspace;
import io.vigil.watch.JobBoard;

/**
 * Two, then three collectors on the real Redis and a MariaDB cache share 30 demo targets: the work spreads evenly, every
 * point has one writer (no point is written by two collectors, and in a steady spell each target's points come only
 * from the collector holding it), and no target is left out.
 */
class TeamSharingIT {

    private record Seen(String collector, long atNanos) {
    }

    @TempDir
    Path home;

    private final Map<String, String> writerOfPoint = new ConcurrentHashMap<>();
    private final List<String> writtenTwice = Collections.synchronizedList(new ArrayList<>());
    private final Map<String, ConcurrentLinkedQueue<Seen>> byTarget = new ConcurrentHashMap<>();
    private final Map<String, TeamCollector> collectors = new LinkedHashMap<>();

    @AfterEach
    void stop() {
        collectors.values().forEach(TeamCollector::close);
        collectors.clear();
    }

    @Test
    void twoThenThreeCollectorsShareThirtyTargetsEachPointWrittenOnce() throws Exception {
        RedisServer redis = RealServices.redis();
        try (TestDatabase cache = RealServices.mariadb().createDatabase("teamshare");
             TestKeyspace keys = redis.keyspace("share");
             ConfigStore store = ConfigStores.open(StoreLocation.embedded(), new AppDirs(home.resolve("config")),
                     SecretBox.fromKeyFile(new AppDirs(home.resolve("config"))))) {
            List<Long> ids = TeamFixture.prepare(store, 30);
            Map<Long, String> names = new HashMap<>();
            store.targets().forEach(t -> names.put(t.id(), t.name()));
            try {
                start("a", store, cache, redis, keys.prefix());
                start("b", store, cache, redis, keys.prefix());
                awaitEvenSpread(ids, 15);
                checkSteadySpell(ids, names);

                start("c", store, cache, redis, keys.prefix());
                awaitEvenSpread(ids, 10);
                checkSteadySpell(ids, names);

                assertThat(writtenTwice).as("points written by two collectors (metric|series|time ← first, second)").isEmpty();
                assertThat(writerOfPoint).as("points archived at all").isNotEmpty();
            } finally {
                stop(); // before the cache database is dropped: a running collector's transaction would hold its drop
            }
        }
    }

    private void start(String label, ConfigStore store, TestDatabase cache, RedisServer redis, String prefix) {
        TeamCollector c = TeamCollector.start(TeamFixture.dirs(home, label), store, TeamFixture.stores(cache, redis, prefix), Clock.systemUTC(),
                new JobBoard(), e -> { }, points -> seen(label, points), Duration.ofSeconds(5));
        collectors.put(label, c);
    }

    private void seen(String label, List<Point> points) {
        long now = System.nanoTime();
        for (Point p : points) {
            String id = p.key() + "@" + p.time().toEpochMilli();
            String before = writerOfPoint.putIfAbsent(id, label);
            if (before != null) {
                writtenTwice.add(id + " ← " + before + ", " + label);
            }
            byTarget.computeIfAbsent(p.tags().getOrDefault("target", ""), k -> new ConcurrentLinkedQueue<>()).add(new Seen(label, now));
        }
    }

    // Every target held by exactly one collector, each holding `each` (±1), within 90 s.
    private void awaitEvenSpread(List<Long> ids, int each) throws InterruptedException {
        long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
        String last = "";
        while (System.nanoTime() < end) {
            List<Long> all = new ArrayList<>();
            collectors.values().forEach(c -> all.addAll(c.held()));
            boolean even = collectors.values().stream().allMatch(c -> Math.abs(c.held().size() - each) <= 1);
            if (all.size() == ids.size() && new HashSet<>(all).equals(new HashSet<>(ids)) && even) {
                return;
            }
            last = describe();
            Thread.sleep(250);
        }
        throw new AssertionError("the targets were not spread evenly within 90 s: " + last);
    }

    private String describe() {
        StringBuilder s = new StringBuilder();
        collectors.forEach((k, c) -> s.append(k).append('=').append(c.held().size()).append(' '));
        return s.toString();
    }

    // A spell of work: every target's points keep coming (none left out), at least 35 s of it, up to 90 s on a starved
    // machine where a lease lapses when renewals come late and another collector takes it over (that is the fence
    // working: a target may then go a while without points). What must hold is that no point has two writers, checked
    // over the whole run.
    private void checkSteadySpell(List<Long> ids, Map<Long, String> names) throws InterruptedException {
        long from = System.nanoTime();
        Thread.sleep(35_000);
        long end = from + Duration.ofSeconds(90).toNanos();
        while (System.nanoTime() < end && ids.stream().anyMatch(id -> byTarget.getOrDefault(names.get(id), new ConcurrentLinkedQueue<>()).stream()
                .noneMatch(x -> x.atNanos() - from > Duration.ofSeconds(5).toNanos()))) {
            Thread.sleep(1_000);
        }
        for (long id : ids) {
            List<String> writers = byTarget.getOrDefault(names.get(id), new ConcurrentLinkedQueue<>()).stream()
                    .filter(s -> s.atNanos() - from > Duration.ofSeconds(5).toNanos()).map(Seen::collector).distinct().toList();
            assertThat(writers).as("writers of %s's points in the spell; its points: %s", names.get(id), byTarget.getOrDefault(names.get(id),
                    new ConcurrentLinkedQueue<>()).stream().map(x -> x.collector() + "@" + (x.atNanos() - from) / 1_000_000).toList()).isNotEmpty();
        }
        assertThat(writtenTwice).as("points written by two collectors (series@time ← first, second)").isEmpty();
    }
}
