package io.vigil.alert;

import io.vigil.schedule.JobKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AlertChange;
import io.vigil.config.AlertState;
import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.EventType;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.Severity;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;
import io.vigil.series.Point;
import io.vigil.testsupport.SettableClock;

/** The alerting service over a real embedded config store: state kept across a restart, history written, listeners told. */
class AlertingTest {

    @TempDir
    Path home;
    final SettableClock clock = new SettableClock(Instant.parse("2026-12-05T10:00:00Z"));
    final Values values = new Values();
    ConfigStore store;
    Target prod;

    /** What the collector saw, set by the test. */
    static final class Values implements Observations {
        final Map<String, List<Point>> points = new HashMap<>();
        final Map<JobKey, Instant> ok = new HashMap<>();

        @Override
        public boolean down(long targetId) {
            return false;
        }

        @Override
        public String downReason(long targetId) {
            return "";
        }

        @Override
        public Optional<Instant> lastOk(long targetId, JobKey job) {
            return Optional.ofNullable(ok.get(job));
        }

        @Override
        public boolean skipped(long targetId, JobKey job) {
            return false;
        }

        @Override
        public List<Point> latest(String targetName, String metric) {
            return points.getOrDefault(metric, List.of());
        }

        void tablespace(String name, double pct, Instant at) {
            points.computeIfAbsent("oracle.tablespace.used_pct", k -> new ArrayList<>())
                    .removeIf(p -> p.tags().get("tablespace_name").equals(name));
            points.get("oracle.tablespace.used_pct").add(Point.of("oracle.tablespace.used_pct",
                    Map.of("target", "prod", "tablespace_name", name, "contents", "PERMANENT"), at, pct));
        }
    }

    @BeforeEach
    void open() {
        store = openStore();
        Packs.installMissing(store);
        prod = store.saveTarget(new Target(0, "prod", TargetKind.ORACLE, "db1.example.com", 1521, ConnectBy.SERVICE_NAME, "ORCL", "", "vigil",
                Secret.of("pw"), List.of(), true));
    }

    ConfigStore openStore() {
        AppDirs dirs = new AppDirs(home);
        return ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
    }

    @AfterEach
    void close() {
        store.close();
    }

    Alerting alerting() {
        Alerting a = new Alerting(store, values, id -> false, clock);
        a.plan().rules().forEach(r -> values.ok.putIfAbsent(JobKey.metric(r.subject()), clock.instant()));
        return a;
    }

    @Test
    void aRestartNeitherReFiresNorForgetsWhatFired() {
        List<Step> told = new ArrayList<>();
        Alerting first = alerting();
        first.addListener((notable, open) -> told.addAll(notable));
        values.tablespace("USERS", 97, clock.instant());
        values.tablespace("SYSTEM", 60, clock.instant());
        first.cycle();
        assertThat(told).singleElement().satisfies(s -> {
            assertThat(s.notice()).isEqualTo(Step.Notice.FIRING);
            assertThat(s.next().key().series()).isEqualTo("contents=PERMANENT, tablespace_name=USERS");
            assertThat(s.next().severity()).isEqualTo(Severity.CRIT);
        });
        first.close();

        store.close();
        store = openStore();
        told.clear();
        Alerting second = alerting();
        second.addListener((notable, open) -> told.addAll(notable));
        assertThat(second.open()).singleElement().extracting(a -> a.state()).isEqualTo(AlertState.FIRING);
        clock.advance(Duration.ofSeconds(5));
        second.cycle();
        assertThat(told).as("still firing after the restart: nothing new to tell").isEmpty();

        values.tablespace("USERS", 94, clock.instant()); // inside the 2-point margin under 95: stays CRIT
        clock.advance(Duration.ofSeconds(5));
        second.cycle();
        assertThat(second.open()).singleElement().extracting(a -> a.severity()).isEqualTo(Severity.CRIT);
        values.tablespace("USERS", 92, clock.instant()); // past the margin: eases to WARN
        clock.advance(Duration.ofSeconds(5));
        second.cycle();
        assertThat(second.open()).singleElement().extracting(a -> a.severity()).isEqualTo(Severity.WARN);
        values.tablespace("USERS", 84, clock.instant()); // inside the 2-point margin under 85: still WARN
        clock.advance(Duration.ofSeconds(5));
        second.cycle();
        assertThat(second.open()).singleElement().extracting(a -> a.state()).isEqualTo(AlertState.FIRING);
        values.tablespace("USERS", 82, clock.instant());
        clock.advance(Duration.ofSeconds(5));
        second.cycle();
        assertThat(told).as(told.toString()).extracting(Step::notice).containsExactly(Step.Notice.RESOLVED);

        List<AlertChange> history = store.alerts().history(clock.instant().minusSeconds(3600), clock.instant().plusSeconds(1), "prod",
                Severity.WARN, 100);
        assertThat(history).extracting(AlertChange::to).containsExactly(AlertState.RESOLVED, AlertState.FIRING, AlertState.FIRING);
        second.close();
    }

    @Test
    void acknowledgingKeepsTheAlertAndSurvivesTheNextCycle() {
        Alerting a = alerting();
        values.tablespace("USERS", 97, clock.instant());
        a.cycle();
        var key = a.open().getFirst().key();
        assertThat(a.acknowledge(key, "li.wei", "adding a datafile")).isTrue();
        clock.advance(Duration.ofSeconds(5));
        a.cycle();
        assertThat(a.open()).singleElement().satisfies(x -> assertThat(x.ackBy()).isEqualTo("li.wei"));
        assertThat(store.alerts().open()).singleElement().satisfies(x -> assertThat(x.ackComment()).isEqualTo("adding a datafile"));
        a.close();
    }

    @Test
    void whatTheChannelsHearIsAlsoKeptAsAlertEventsForTheCharts() {
        Alerting a = new Alerting(store, values, id -> false, clock, new Messages(Locale.ENGLISH));
        a.plan().rules().forEach(r -> values.ok.putIfAbsent(JobKey.metric(r.subject()), clock.instant()));
        Instant start = clock.instant();
        values.tablespace("USERS", 87, clock.instant());
        a.cycle(); // fires at WARN
        clock.advance(Duration.ofSeconds(5));
        values.tablespace("USERS", 88, clock.instant());
        a.cycle(); // still WARN: nothing to tell, nothing to mark
        clock.advance(Duration.ofSeconds(5));
        values.tablespace("USERS", 97, clock.instant());
        a.cycle(); // escalates to CRIT
        clock.advance(Duration.ofSeconds(5));
        values.tablespace("USERS", 60, clock.instant());
        a.cycle(); // resolves
        a.close();

        List<VigilEvent> events = store.alerts().events("prod", start, clock.instant().plusSeconds(1), 100);
        assertThat(events).extracting(VigilEvent::type).containsOnly(EventType.ALERT);
        assertThat(events).extracting(VigilEvent::category).containsOnly("oracle.tablespace.full");
        assertThat(events).extracting(VigilEvent::targetId).containsOnly(prod.id());
        assertThat(events).extracting(VigilEvent::severity).containsExactly(Severity.WARN, Severity.CRIT, Severity.INFO);
        assertThat(events).extracting(VigilEvent::at).containsExactly(start, start.plusSeconds(10), start.plusSeconds(15));
        assertThat(events).extracting(VigilEvent::text).containsExactly(
                "oracle.tablespace.full (contents=PERMANENT, tablespace_name=USERS) fires on prod at WARN, value 87 %",
                "oracle.tablespace.full (contents=PERMANENT, tablespace_name=USERS) on prod escalated to CRIT, value 97 %",
                "oracle.tablespace.full (contents=PERMANENT, tablespace_name=USERS) on prod resolved, value 60 %");
    }
}
