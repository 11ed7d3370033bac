package io.vigil.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.ConnectBy;
import io.vigil.config.MetricDef;
import io.vigil.config.MetricType;
import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.ledger.RedisLedger;
import io.vigil.ledger.SyncLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.schedule.JobKey;
import io.vigil.schedule.StatusEvent.Status;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Retention;
import io.vigil.testsupport.PrivateJdbcServer;
import io.vigil.testsupport.PrivateRedis;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/**
 * A shared store stopped and started under a running collector: the Redis ledger (a private Redis that forgets every
 * key across the restart) and the MariaDB cache (a private MariaDB). The target (on the shared MariaDB, only read)
 * answers its own clock, so each archived value says how old it is: nothing older than the metric's freshness bound is
 * ever archived, nothing is archived while the store is down, and collection comes back by itself within two
 * intervals, one point per snapshot again. Intervals are 5 s (the packs' are 15 s and more) to keep the run short.
 */
class StoreRestartFaultIT {

    static final int INTERVAL = 5;
    static final int FRESHNESS = 2 * INTERVAL;
    static final Duration DOWN = Duration.ofSeconds(30);
    static final MirrorDef CLOCK = new MirrorDef(1, "clock", TargetKind.MYSQL, "SELECT CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED) AS v",
            "f_clock", INTERVAL, 10, MirrorMode.REPLACE, "", true, "");
    static final MetricDef READING = new MetricDef(1, "fault.clock", TargetKind.MYSQL, "SELECT v AS value FROM f_clock WHERE target_id = ?",
            List.of("clock"), FRESHNESS, MetricType.GAUGE, "ms", List.of(), INTERVAL, null, null, "", true, "");

    @TempDir
    Path folder;

    @Test
    void redisLedgerStoppedAndStarted() throws Exception {
        PrivateRedis redis = RealServices.privateRedis();
        try (CacheDb cache = CacheDb.embedded(folder)) {
            RedisLedger ledger = new RedisLedger(redis.host(), redis.port(), "", Secret.empty(), "vigil:");
            try {
                outage("Redis ledger", cache, ledger, on -> {
                    if (on) {
                        redis.start();
                    } else {
                        redis.stop();
                    }
                });
            } finally {
                ledger.close();
            }
        } finally {
            redis.stop();
        }
    }

    @Test
    void mariadbCacheStoppedAndStarted() throws Exception {
        PrivateJdbcServer maria = RealServices.privateMariadb();
        try {
            try (Connection c = maria.adminConnection(); Statement s = c.createStatement()) {
                s.execute("CREATE DATABASE vigil_cache");
            }
            try (CacheDb cache = CacheDb.mysql("jdbc:mysql://127.0.0.1:" + maria.port() + "/vigil_cache", "root", Secret.empty())) {
                outage("MariaDB cache", cache, new InMemoryLedger(), on -> {
                    if (on) {
                        maria.start();
                    } else {
                        maria.stop();
                    }
                });
            }
        } finally {
            maria.stop();
        }
    }

    private void outage(String store, CacheDb cache, SyncLedger ledger, Consumer<Boolean> power) throws Exception {
        try (TestDatabase db = RealServices.mariadb().createDatabase("clock");
             H2SeriesStore series = new H2SeriesStore(folder, Retention.defaults(), Clock.systemUTC())) {
            Target t = new Target(1, "clock", TargetKind.MYSQL, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "", db.user(),
                    Secret.of(db.password()), List.of(), true);
            try (FaultRig rig = new FaultRig(folder.resolve("spool"), cache, ledger, series, List.of(t), List.of(CLOCK), List.of(READING),
                    Map.of())) {
                assertThat(FaultRig.await(Duration.ofSeconds(4L * INTERVAL), () -> rig.seen(READING.name()).size() >= 3))
                        .as("collecting before the outage; events: " + rig.events).isTrue();

                Instant stopped = Instant.now();
                power.accept(false);
                Thread.sleep(DOWN.toMillis());
                Instant restarting = Instant.now();
                power.accept(true);
                Instant back = Instant.now();
                System.out.printf("[fault] %s while down: %s%n", store, rig.events.stream().filter(e -> e.at().isAfter(stopped))
                        .map(e -> e.job() + " " + e.status() + " " + e.reason()).distinct().toList());
                assertThat(rig.events).as("the outage was seen: runs fail, or the figures show stale")
                        .anyMatch(e -> (e.status() == Status.ERROR || e.status() == Status.STALE) && e.at().isAfter(stopped));
                assertThat(rig.events).as("told as the store's fault, not as an unexpected one of Vigil's")
                        .noneMatch(e -> e.reason().keys().contains("reason.unexpected"));

                assertThat(FaultRig.await(Duration.ofSeconds(6L * INTERVAL),
                        () -> rig.seen(READING.name()).stream().anyMatch(s -> s.wall().isAfter(back))))
                        .as("archives again by itself; events: " + rig.events).isTrue();
                Instant first = rig.seen(READING.name()).stream().filter(s -> s.wall().isAfter(back)).findFirst().orElseThrow().wall();
                Duration took = Duration.between(back, first);
                System.out.printf("[fault] %s coming back: %s%n", store, rig.events.stream().filter(e -> e.at().isAfter(restarting) && !e.at().isAfter(first))
                        .map(e -> Duration.between(back, e.at()).toMillis() + " ms " + e.job() + " " + e.status() + " " + e.reason()).toList());
                System.out.printf("[fault] %s stopped for %d s: first point archived %.1f s after it answered again (interval %d s)%n", store,
                        DOWN.toSeconds(), took.toMillis() / 1000.0, INTERVAL);
                // by itself, and at worst once a job that was waiting for the store when it went down gives up: the MariaDB
                // cache's pool waits 30 s for a connection
                assertThat(took).as("collection resumes by itself").isLessThanOrEqualTo(Duration.ofSeconds(30));

                // a while of normal running: every snapshot recorded gives its point again
                Instant settled = Instant.now();
                Thread.sleep(6L * INTERVAL * 1000);
                long snapshots = rig.events(JobKey.mirror(CLOCK.name()), Status.OK, settled).size();
                long points = rig.seen(READING.name()).stream().filter(s -> s.wall().isAfter(settled)).count();
                System.out.printf("[fault] %s after it came back: %d snapshots, %d points in %d s%n", store, snapshots, points, 6 * INTERVAL);
                assertThat(snapshots).isGreaterThanOrEqualTo(4);
                assertThat(points).as("one point per snapshot").isBetween(snapshots - 1, snapshots + 1);

                List<FaultRig.Seen> all = rig.seen(READING.name());
                long archivedWhileDown = all.stream().filter(s -> s.wall().isAfter(stopped.plusSeconds(INTERVAL)) && s.wall().isBefore(restarting)).count();
                assertThat(archivedWhileDown).as("nothing archived while the store was down").isZero();
                long oldest = all.stream().mapToLong(s -> s.wall().toEpochMilli() - (long) s.point().value()).max().orElseThrow();
                System.out.printf("[fault] %s: %d points archived, the oldest value was %.1f s old when archived%n", store, all.size(),
                        oldest / 1000.0);
                assertThat(oldest).as("no value older than its freshness bound is archived, ms").isLessThanOrEqualTo(FRESHNESS * 1000L);
                assertThat(all.stream().map(s -> s.point().time()).distinct().count()).as("every point once").isEqualTo(all.size());
            }
        }
    }
}
