package io.vigil.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.withinPercentage;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.TargetKind;

class SpaceForecastsTest {

    private static final double GB = 1e9;
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @TempDir
    Path folder;

    private static void series(List<Point> out, String metric, Map<String, String> tags, Duration back, java.util.function.DoubleUnaryOperator atDay) {
        for (long s = back.toSeconds(); s >= 0; s -= 300) {
            double day = (back.toSeconds() - s) / 86_400.0;
            out.add(Point.of(metric, tags, NOW.minusSeconds(s), atDay.applyAsDouble(day)));
        }
    }

    @Test
    void everySpaceOfAnOracleTargetGetsItsForecastTheSoonestFirst() {
        try (H2SeriesStore store = new H2SeriesStore(folder, Retention.defaults(), Clock.fixed(NOW, ZoneOffset.UTC))) {
            List<Point> points = new ArrayList<>();
            Map<String, String> app = Map.of("target", "prod", "tablespace_name", "APP_DATA", "contents", "PERMANENT");
            Map<String, String> users = Map.of("target", "prod", "tablespace_name", "USERS", "contents", "PERMANENT");
            Duration week = Duration.ofDays(7);
            // APP_DATA grows 1.2 GB a day from 80 GB; its file autoextended from 90 to 100 GB on day 3: full in about 8 days
            series(points, "oracle.tablespace.used_bytes", app, week, d -> 80 * GB + 1.2 * GB * d + 0.05 * GB * Math.sin(d * 40));
            series(points, "oracle.tablespace.size_bytes", app, week, d -> d < 3 ? 90 * GB : 100 * GB);
            series(points, "oracle.tablespace.used_bytes", users, week, d -> 5 * GB + 0.01 * GB * Math.sin(d * 40));
            series(points, "oracle.tablespace.size_bytes", users, week, d -> 32 * GB);
            // the recovery area: 0.5 GB a day, 40 of 50 GB used at the end
            series(points, "oracle.fra.used_bytes", Map.of("target", "prod"), week, d -> 36.5 * GB + 0.5 * GB * d);
            series(points, "oracle.fra.limit_bytes", Map.of("target", "prod"), week, d -> 50 * GB);
            // another target's tablespace stays out
            series(points, "oracle.tablespace.used_bytes", Map.of("target", "test", "tablespace_name", "APP_DATA", "contents", "PERMANENT"),
                    week, d -> GB * d);
            // a disk group with only 30 minutes of points
            series(points, "oracle.asm.used_bytes", Map.of("target", "prod", "name", "DATA"), Duration.ofMinutes(30), d -> 10 * GB);
            store.write(points);

            List<SpaceForecast> all = new SpaceForecasts(store, Clock.fixed(NOW, ZoneOffset.UTC)).forecast("prod", TargetKind.ORACLE);

            assertThat(all).extracting(f -> f.space().key() + ":" + f.name())
                    .containsExactly("tablespace:APP_DATA", "fra:", "tablespace:USERS", "diskgroup:DATA");
            Forecast appData = all.get(0).forecast();
            assertThat(appData.verdict()).isEqualTo(Forecast.Verdict.GROWING);
            assertThat(appData.perDay()).isCloseTo(1.2 * GB, withinPercentage(5));
            assertThat(appData.capacity()).isEqualTo(100 * GB); // the newest size, not the week's
            assertThat(appData.days()).isCloseTo((100 - 80 - 1.2 * 7) / 1.2, withinPercentage(5));
            assertThat(all.get(0).alertDays()).isLessThanOrEqualTo(appData.days());
            assertThat(all.get(1).forecast().days()).isCloseTo(10 / 0.5, withinPercentage(5));
            assertThat(all.get(2).forecast().verdict()).isEqualTo(Forecast.Verdict.NOT_GROWING);
            assertThat(all.get(2).alertDays()).isInfinite();
            assertThat(all.get(3).forecast().verdict()).isEqualTo(Forecast.Verdict.TOO_FEW_POINTS);
            assertThat(all.get(3).forecast().spanNeeded()).isPositive();
            assertThat(all.get(3).alertDays()).isNaN();
        }
    }

    @Test
    void aPostgresDatabaseGetsItsGrowthOnlyAndRecentKeepsTheAnswerForAWhile() {
        io.vigil.testsupport.SettableClock clock = new io.vigil.testsupport.SettableClock(NOW);
        try (H2SeriesStore store = new H2SeriesStore(folder, Retention.defaults(), Clock.fixed(NOW, ZoneOffset.UTC))) {
            List<Point> points = new ArrayList<>();
            series(points, "pg.database.bytes", Map.of("target", "pg", "datname", "shop"), Duration.ofDays(2), d -> 2 * GB + 0.3 * GB * d);
            store.write(points);
            SpaceForecasts forecasts = new SpaceForecasts(store, clock);

            List<SpaceForecast> first = forecasts.recent("pg", TargetKind.POSTGRES);
            assertThat(first).singleElement().satisfies(f -> {
                assertThat(f.name()).isEqualTo("shop");
                assertThat(f.forecast().verdict()).isEqualTo(Forecast.Verdict.GROWING);
                assertThat(f.forecast().perDay()).isCloseTo(0.3 * GB, withinPercentage(5));
                assertThat(f.forecast().hasDays()).isFalse();
                assertThat(f.alertDays()).isInfinite();
            });
            store.write(List.of(Point.of("pg.database.bytes", Map.of("target", "pg", "datname", "other"), NOW.minusSeconds(60), 1)));
            clock.set(NOW.plus(Duration.ofMinutes(4)));
            assertThat(forecasts.recent("pg", TargetKind.POSTGRES)).isSameAs(first);
            clock.set(NOW.plus(SpaceForecasts.REFRESH).plusSeconds(1));
            assertThat(forecasts.recent("pg", TargetKind.POSTGRES)).hasSize(2);
        }
    }
}
