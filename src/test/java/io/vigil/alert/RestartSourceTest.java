package io.vigil.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.EventType;
import io.vigil.config.MirrorDef;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.Severity;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.ledger.SyncRecord;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;

/** Restarts found from the instance start the packs mirror: a demo Oracle's STARTUP_TIME, a MySQL Uptime. */
class RestartSourceTest {

    static final MirrorDef INSTANCE = Packs.shipped(TargetKind.ORACLE).mirrorDefs().stream()
            .filter(m -> m.name().equals("instance")).findFirst().orElseThrow();
    static final Target DEMO = target(1, "demo-1", TargetKind.DEMO_ORACLE);
    static final Target SHOP = target(2, "shop", TargetKind.MYSQL);

    @TempDir
    Path folder;
    ConfigStore store;
    DemoOracles demos;
    TargetConnections connections;
    CacheDb cache;
    InMemoryLedger ledger;
    MirrorJob mirror;
    RulePlan plan;

    static Target target(long id, String name, TargetKind kind) {
        return new Target(id, name, kind, kind.isNetworked() ? "db" : "", kind.isNetworked() ? 3306 : 0, kind.isNetworked()
                ? ConnectBy.DATABASE : ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(), true);
    }

    @BeforeEach
    void open() {
        AppDirs dirs = new AppDirs(folder.resolve("home"));
        store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
        Packs.installMissing(store);
        demos = new DemoOracles();
        connections = new TargetConnections(demos);
        cache = CacheDb.embedded(folder.resolve("cache"));
        ledger = new InMemoryLedger();
        mirror = new MirrorJob(connections, cache, ledger);
        plan = new RulePlan(List.of(DEMO, SHOP), store.rules(), store.metrics(), store.mirrors());
    }

    @AfterEach
    void close() {
        connections.close();
        cache.close();
        store.close();
    }

    RestartSource source() {
        return new RestartSource(cache.dataSource(), ledger, store.alerts(), RestartSource.shippedStarts(), new Messages(Locale.ENGLISH),
                ZoneOffset.UTC);
    }

    @Test
    void theFirstLookOnlyTakesNoteTheSameStartIsNothingAndAStartThatMovedIsOneRestart() throws Exception {
        RestartSource restarts = source();
        assertThat(restarts.poll(plan, Instant.now())).as("before the mirror ran: nothing to read, no error").isEmpty();
        mirror.run(DEMO, INSTANCE);
        assertThat(restarts.poll(plan, Instant.now())).as("first sight after Vigil started").isEmpty();
        mirror.run(DEMO, INSTANCE);
        assertThat(restarts.poll(plan, Instant.now())).as("the same start").isEmpty();

        demos.running(1).orElseThrow().restart();
        mirror.run(DEMO, INSTANCE);
        Instant restartedAt = startupTime();
        List<VigilEvent> found = restarts.poll(plan, Instant.now());
        assertThat(found).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.RESTART);
            assertThat(e.category()).isEqualTo("RESTART");
            assertThat(e.severity()).isEqualTo(Severity.WARN);
            assertThat(e.targetId()).isEqualTo(1);
            assertThat(e.targetName()).isEqualTo("demo-1");
            assertThat(e.at()).isEqualTo(restartedAt);
            assertThat(e.text()).startsWith("The instance started at ").contains("it had been up since ");
        });
        mirror.run(DEMO, INSTANCE);
        assertThat(restarts.poll(plan, Instant.now())).as("told once").isEmpty();
    }

    @Test
    void aRestartWhileVigilWasStoppedIsToldOnceWhenTheStoreKnowsAnEarlierStart() {
        mirror.run(DEMO, INSTANCE);
        Instant start = startupTime();
        Instant earlier = start.minus(Duration.ofHours(5));
        store.alerts().addEvents(List.of(new VigilEvent(0, 1, "demo-1", earlier, EventType.RESTART, "RESTART", Severity.WARN, "",
                "the last start the previous run saw")));
        RestartSource restarts = source();
        assertThat(restarts.poll(plan, Instant.now())).singleElement().satisfies(e -> {
            assertThat(e.at()).isEqualTo(start);
            assertThat(e.text()).endsWith("it had been up since " + DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
                    .format(earlier.atZone(ZoneOffset.UTC)) + ".");
        });
        assertThat(restarts.poll(plan, Instant.now())).isEmpty();
    }

    @Test
    void aRestartBetweenTwoRunsOfTheCollectorIsToldByTheNextRunThoughNoRestartWasEverTold() throws Exception {
        mirror.run(DEMO, INSTANCE);
        assertThat(source().poll(plan, Instant.now())).as("the first collector sees the target for the first time").isEmpty();

        // that collector stops; the instance restarts; a new collector (a new source, nothing in memory) starts
        demos.running(1).orElseThrow().restart();
        mirror.run(DEMO, INSTANCE);
        RestartSource next = source();
        assertThat(next.poll(plan, Instant.now())).singleElement().satisfies(e -> {
            assertThat(e.type()).isEqualTo(EventType.RESTART);
            assertThat(e.at()).isEqualTo(startupTime());
        });
        assertThat(next.poll(plan, Instant.now())).isEmpty();
        assertThat(source().poll(plan, Instant.now())).as("a third run knows this start").isEmpty();
    }

    @Test
    void theStartTheStoreAlreadyKnowsIsNoRestart() {
        mirror.run(DEMO, INSTANCE);
        Instant start = startupTime();
        store.alerts().addEvents(List.of(
                new VigilEvent(0, 1, "demo-1", start.minus(Duration.ofDays(9)), EventType.RESTART, "RESTART", Severity.WARN, "", "older"),
                new VigilEvent(0, 1, "demo-1", start.plusSeconds(2), EventType.RESTART, "RESTART", Severity.WARN, "", "this life")));
        assertThat(source().poll(plan, Instant.now())).isEmpty();
    }

    @Test
    void aMysqlUptimeCountsFromWhenItsMirrorReadItSoALaggingMirrorIsNoRestart() throws Exception {
        Instant read = Instant.parse("2026-12-05T10:00:00Z");
        uptime(1000, read);
        RestartSource restarts = source();
        assertThat(restarts.poll(plan, read.plusSeconds(5))).isEmpty();
        assertThat(restarts.poll(plan, read.plusSeconds(600))).as("the mirror has not read it again for ten minutes").isEmpty();
        uptime(1620, read.plusSeconds(620)); // two seconds of wobble between reading the status and taking the time
        assertThat(restarts.poll(plan, read.plusSeconds(625))).isEmpty();

        uptime(12, read.plusSeconds(700));
        assertThat(restarts.poll(plan, read.plusSeconds(705))).singleElement().satisfies(e -> {
            assertThat(e.at()).isEqualTo(read.plusSeconds(688));
            assertThat(e.targetName()).isEqualTo("shop");
            assertThat(e.text()).isEqualTo("The instance started at 2026-12-05 10:11:28; it had been up since 2026-12-05 09:43:20.");
        });
    }

    private void uptime(long seconds, Instant readAt) throws SQLException {
        try (Connection c = cache.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE IF NOT EXISTS my_global_status (target_id BIGINT, variable_name VARCHAR(64), `value` VARCHAR(64))");
            s.execute("DELETE FROM my_global_status WHERE target_id = 2");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO my_global_status VALUES (2, ?, ?)")) {
                ps.setString(1, "Uptime");
                ps.setString(2, Long.toString(seconds));
                ps.executeUpdate();
                ps.setString(1, "Threads_running");
                ps.setString(2, "3");
                ps.executeUpdate();
            }
        }
        ledger.record(new SyncRecord(2, "global_status", readAt, 2, 5));
    }

    private Instant startupTime() {
        try (Connection c = cache.dataSource().getConnection();
             var rs = c.createStatement().executeQuery("SELECT startup_time FROM ora_instance WHERE target_id = 1")) {
            rs.next();
            return rs.getTimestamp(1).toInstant();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
