package io.vigil.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AlertRule;
import io.vigil.config.AlertState;
import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.Packs;
import io.vigil.config.RuleType;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.Severity;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Point;
import io.vigil.series.Retention;
import io.vigil.series.SpaceForecasts;
import io.vigil.testsupport.SettableClock;

/** The shipped "full within 14 days" rule over a real config store and a real embedded series store. */
class ForecastRuleTest {

    private static final double GB = 1e9;
    private static final String RULE = "oracle.tablespace.full_soon";

    @TempDir
    Path home;
    @TempDir
    Path seriesFolder;
    final Instant start = Instant.parse("2026-12-05T10:00:00Z");
    final SettableClock clock = new SettableClock(start);
    final AlertingTest.Values values = new AlertingTest.Values();
    ConfigStore store;
    H2SeriesStore series;

    @BeforeEach
    void open() {
        AppDirs dirs = new AppDirs(home);
        store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
        Packs.installMissing(store);
        store.saveTarget(new Target(0, "prod", TargetKind.ORACLE, "db1.example.com", 1521, ConnectBy.SERVICE_NAME, "ORCL", "", "vigil",
                Secret.of("pw"), List.of(), true));
        series = new H2SeriesStore(seriesFolder, Retention.defaults(), Clock.fixed(start, ZoneOffset.UTC));
    }

    @AfterEach
    void close() {
        series.close();
        store.close();
    }

    void tablespace(String name, String metric, DoubleUnaryOperator atDay) {
        List<Point> points = new ArrayList<>();
        for (long s = Duration.ofDays(7).toSeconds(); s >= 0; s -= 300) {
            double day = (Duration.ofDays(7).toSeconds() - s) / 86_400.0;
            points.add(Point.of(metric, Map.of("target", "prod", "tablespace_name", name, "contents", "PERMANENT"), start.minusSeconds(s),
                    atDay.applyAsDouble(day)));
        }
        series.write(points);
    }

    List<Step> mine(List<Step> steps) {
        return steps.stream().filter(s -> s.change() != null && s.change().key().rule().equals(RULE)).toList();
    }

    @Test
    void aGrowingTablespaceFiresAFlatOneDoesNotAndMoreRoomClearsIt() {
        assertThat(store.rules()).filteredOn(r -> r.name().equals(RULE)).singleElement()
                .satisfies(r -> assertThat(r.type()).isEqualTo(RuleType.FORECAST));
        // APP_DATA: 1.2 GB a day, 88.4 of 100 GB now, full in under 10 days; IDX: 1 GB a day, 2 GB left; USERS: flat
        tablespace("APP_DATA", "oracle.tablespace.used_bytes", d -> 80 * GB + 1.2 * GB * d + 0.05 * GB * Math.sin(d * 50));
        tablespace("APP_DATA", "oracle.tablespace.size_bytes", d -> 100 * GB);
        tablespace("IDX", "oracle.tablespace.used_bytes", d -> 21 * GB + GB * d);
        tablespace("IDX", "oracle.tablespace.size_bytes", d -> 30 * GB);
        tablespace("USERS", "oracle.tablespace.used_bytes", d -> 20 * GB + 0.05 * GB * Math.sin(d * 50));
        tablespace("USERS", "oracle.tablespace.size_bytes", d -> 25 * GB);
        Observations seen = new ForecastObservations(values, new SpaceForecasts(series, clock));
        Alerting alerting = new Alerting(store, seen, id -> false, clock);

        List<Step> first = mine(alerting.cycle());
        assertThat(first).extracting(s -> s.change().key().series() + " " + s.change().to() + " " + s.change().severity())
                .containsExactlyInAnyOrder("contents=PERMANENT, tablespace_name=APP_DATA FIRING WARN",
                        "contents=PERMANENT, tablespace_name=IDX FIRING CRIT");
        assertThat(first).filteredOn(s -> s.change().key().series().contains("APP_DATA")).singleElement()
                .satisfies(s -> assertThat(s.change().value()).isBetween(8.0, 10.0));

        // a datafile added to APP_DATA: the newest size is 300 GB, so the forecast runs past the level once it is fitted again
        series.write(List.of(Point.of("oracle.tablespace.size_bytes",
                Map.of("target", "prod", "tablespace_name", "APP_DATA", "contents", "PERMANENT"), start.plusSeconds(60), 300 * GB)));
        clock.advance(Duration.ofMinutes(1));
        assertThat(mine(alerting.cycle())).as("the forecast is kept a few minutes").isEmpty();
        clock.advance(SpaceForecasts.REFRESH);
        assertThat(mine(alerting.cycle())).singleElement().satisfies(s -> {
            assertThat(s.change().key().series()).contains("APP_DATA");
            assertThat(s.change().to()).isEqualTo(AlertState.RESOLVED);
        });
        assertThat(alerting.open()).filteredOn(a -> a.key().rule().equals(RULE) && a.state() == AlertState.FIRING)
                .singleElement().satisfies(a -> assertThat(a.severity()).isEqualTo(Severity.CRIT));
    }

    @Test
    void theAlertsValueIsWordedInDaysNotInTheBytesOfTheMetricItWatches() {
        tablespace("IDX", "oracle.tablespace.used_bytes", d -> 21 * GB + GB * d);
        tablespace("IDX", "oracle.tablespace.size_bytes", d -> 30 * GB);
        Alerting alerting = new Alerting(store, new ForecastObservations(values, new SpaceForecasts(series, clock)), id -> false, clock);
        List<Step> steps = mine(alerting.cycle());
        RulePlan plan = new RulePlan(store.targets(), store.rules(), store.metrics(), store.mirrors());
        assertThat(steps).singleElement().satisfies(s -> {
            assertThat(AlertNotifier.unit(plan, s.next())).isEqualTo(AlertNotifier.FORECAST_UNIT);
            assertThat(new AlertEvents(new io.vigil.i18n.Messages(java.util.Locale.ENGLISH)).of(List.of(s), plan)).singleElement()
                    .satisfies(e -> assertThat(e.text()).matches(".*value \\d+(\\.\\d+)? d").doesNotContain("bytes"));
        });
    }

    @Test
    void aRuleForOneTablespaceWatchesOnlyThatOne() {
        tablespace("APP_DATA", "oracle.tablespace.used_bytes", d -> 80 * GB + 1.2 * GB * d);
        tablespace("APP_DATA", "oracle.tablespace.size_bytes", d -> 100 * GB);
        tablespace("IDX", "oracle.tablespace.used_bytes", d -> 21 * GB + GB * d);
        tablespace("IDX", "oracle.tablespace.size_bytes", d -> 30 * GB);
        AlertRule shipped = store.rules().stream().filter(r -> r.name().equals(RULE)).findFirst().orElseThrow();
        store.saveRule(new AlertRule(shipped.id(), RULE, TargetKind.ORACLE, RuleType.FORECAST, shipped.subject(), Map.of("tablespace_name", "idx"),
                null, 5.0, 1.0, 0, 0, 0, true, ""));
        Alerting alerting = new Alerting(store, new ForecastObservations(values, new SpaceForecasts(series, clock)), id -> false, clock);
        assertThat(mine(alerting.cycle())).singleElement().satisfies(s -> {
            assertThat(s.change().key().series()).contains("IDX");
            assertThat(s.change().severity()).isEqualTo(Severity.WARN); // 2 days at the soonest: below 5, not below 1
        });
    }
}
