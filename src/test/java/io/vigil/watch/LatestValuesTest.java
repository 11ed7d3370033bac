package io.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vigil.series.Point;

class LatestValuesTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    @Test
    void keepsTheNewestPointPerSeriesEvenWhenAnOlderOneArrivesLate() {
        LatestValues latest = new LatestValues();
        latest.add(List.of(
                Point.of("oracle.tablespace.used_pct", Map.of("target", "prod", "tablespace_name", "USERS"), T0.plusSeconds(60), 71),
                Point.of("oracle.tablespace.used_pct", Map.of("target", "prod", "tablespace_name", "SYSTEM"), T0.plusSeconds(60), 93),
                Point.of("oracle.tablespace.used_pct", Map.of("target", "test", "tablespace_name", "USERS"), T0, 10)));
        latest.add(List.of(Point.of("oracle.tablespace.used_pct", Map.of("target", "prod", "tablespace_name", "USERS"), T0, 5)));

        assertThat(latest.of("prod", "oracle.tablespace.used_pct")).extracting(Point::value).containsExactlyInAnyOrder(71.0, 93.0);
        assertThat(latest.of("prod", "oracle.sessions.total")).isEmpty();
        assertThat(latest.newest("prod")).contains(T0.plusSeconds(60));
        latest.forget("prod");
        assertThat(latest.newest("prod")).isEmpty();
        assertThat(latest.newest("test")).contains(T0);
    }
}
