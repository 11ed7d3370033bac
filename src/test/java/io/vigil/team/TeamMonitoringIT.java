package io.vigil.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.RedisServer;
import io.vigil.testsupport.TestDatabase;
import io.vigil.testsupport.TestKeyspace;
import io.vigil.watch.Health;
import io.vigil.watch.JobBoard;
import io.vigil.watch.Watch;

/**
 * A console that collects here, beside a headless collector on the same Redis: it takes half of the targets, and its
 * snapshot shows every target's health and jobs with the collector that ran them, its own and the other's.
 */
class TeamMonitoringIT {

    @TempDir
    Path home;

    @Test
    void aCollectingConsoleTakesItsShareAndShowsTheWholeTeam() throws Exception {
        RedisServer redis = RealServices.redis();
        try (TestDatabase cache = RealServices.mariadb().createDatabase("teammon");
             TestKeyspace keys = redis.keyspace("mon");
             ConfigStore store = ConfigStores.open(StoreLocation.embedded(), new AppDirs(home.resolve("config")),
                     SecretBox.fromKeyFile(new AppDirs(home.resolve("config"))))) {
            List<Long> ids = TeamFixture.prepare(store, 4);
            TeamCollector headless = TeamCollector.start(TeamFixture.dirs(home, "headless"), store, TeamFixture.stores(cache, redis, keys.prefix()),
                    Clock.systemUTC(), new JobBoard(), e -> { }, p -> { }, Duration.ofSeconds(5));
            try (TeamMonitoring console = TeamMonitoring.collect(TeamFixture.dirs(home, "console"), store,
                    TeamFixture.stores(cache, redis, keys.prefix()), Clock.systemUTC())) {
                assertThat(console.watchesOnly()).isFalse();
                long end = System.nanoTime() + Duration.ofSeconds(90).toNanos();
                Watch.Snapshot s = console.snapshot();
                while (System.nanoTime() < end) {
                    s = console.snapshot();
                    Watch.Snapshot now = s;
                    boolean allOk = ids.stream().allMatch(id -> now.health(id) != null && now.health(id).health() == Health.OK);
                    long runners = now.jobs().stream().filter(j -> j.last().isPresent()).map(Watch.JobRow::runBy).distinct().count();
                    if (allOk && runners == 2 && headless.held().size() == 2) {
                        break;
                    }
                    Thread.sleep(500);
                }
                Watch.Snapshot last = s;
                assertThat(ids).as("every target OK in the console").allSatisfy(id -> assertThat(last.health(id).health()).isEqualTo(Health.OK));
                assertThat(headless.held()).as("the headless collector's share").hasSize(2);
                assertThat(last.jobs().stream().filter(j -> j.last().isPresent()).map(Watch.JobRow::runBy).distinct())
                        .as("jobs run by both, each named").containsExactlyInAnyOrder(headless.id(), console.view().collectors().keySet().stream()
                                .filter(id -> !id.equals(headless.id())).findFirst().orElseThrow());
            } finally {
                headless.close();
            }
        }
    }
}
