package io.vigil.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every series store does; runs on embedded H2 and on a real InfluxDB 1.x. */
abstract class SeriesStoreContract {

    /** Recent enough for every retention, aligned to the hour so buckets line up. */
    static final Instant T0 = Instant.now().truncatedTo(ChronoUnit.HOURS).minus(Duration.ofHours(6));

    protected SeriesStore store;

    protected abstract SeriesStore open();

    @BeforeEach
    void start() {
        store = open();
    }

    @AfterEach
    void stop() {
        store.close();
    }

    static Point p(String metric, String target, long secondsAfterT0, double value) {
        return Point.of(metric, Map.of("target", target), T0.plusSeconds(secondsAfterT0), value);
    }

    @Test
    void pointsComeBackExactlyWhenTheyFitTheChart() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            points.add(p("sessions", "prod", i * 15L, 100 + i));
        }
        store.write(points);
        List<Series> got = store.query(new RangeQuery("sessions", Map.of("target", "prod"), T0, T0.plusSeconds(150), 10));
        assertThat(got).singleElement().satisfies(s -> {
            assertThat(s.key().tags()).containsEntry("target", "prod");
            assertThat(s.values()).containsExactly(100, 101, 102, 103, 104, 105, 106, 107, 108, 109);
            assertThat(s.times()[3]).isEqualTo(T0.plusSeconds(45).toEpochMilli());
        });
    }

    @Test
    void writingAPointAgainKeepsOneWithTheLastValue() {
        store.write(List.of(p("commits", "prod", 0, 1), p("commits", "prod", 60, 2)));
        store.write(List.of(p("commits", "prod", 0, 1), p("commits", "prod", 60, 5)));
        Series s = store.query(new RangeQuery("commits", Map.of(), T0, T0.plusSeconds(120), 2)).getFirst();
        assertThat(s.values()).containsExactly(1, 5);
    }

    @Test
    void manyPointsAreThinnedToBucketMeans() {
        List<Point> points = new ArrayList<>();
        for (int i = 0; i < 600; i++) {
            points.add(p("reads", "prod", i, i));
        }
        store.write(points);
        Series s = store.query(new RangeQuery("reads", Map.of(), T0, T0.plusSeconds(600), 10)).getFirst();
        assertThat(s.size()).isEqualTo(10);
        for (int k = 0; k < 10; k++) {
            assertThat(s.values()[k]).isCloseTo(60 * k + 29.5, within(1e-9));
            assertThat(s.times()[k]).isEqualTo(T0.plusSeconds(60L * k).toEpochMilli());
        }
    }

    @Test
    void theTagFilterPicksSeriesAndNoFilterGivesAll() {
        store.write(List.of(p("cpu", "a", 0, 10), p("cpu", "b", 0, 20), p("other", "a", 0, 30)));
        assertThat(store.query(new RangeQuery("cpu", Map.of("target", "a"), T0, T0.plusSeconds(60), 5)))
                .singleElement().satisfies(s -> assertThat(s.values()).containsExactly(10));
        assertThat(store.query(new RangeQuery("cpu", Map.of(), T0, T0.plusSeconds(60), 5)))
                .extracting(s -> s.key().tags().get("target")).containsExactly("a", "b");
        assertThat(store.query(new RangeQuery("cpu", Map.of("target", "zzz"), T0, T0.plusSeconds(60), 5))).isEmpty();
        assertThat(store.query(new RangeQuery("no.such.metric", Map.of(), T0, T0.plusSeconds(60), 5))).isEmpty();
    }

    @Test
    void theRangeIncludesItsStartAndExcludesItsEnd() {
        store.write(List.of(p("edge", "a", 0, 1), p("edge", "a", 30, 2), p("edge", "a", 60, 3)));
        Series s = store.query(new RangeQuery("edge", Map.of(), T0, T0.plusSeconds(60), 100)).getFirst();
        assertThat(s.values()).containsExactly(1, 2);
    }

    @Test
    void labelTagsWithAwkwardCharactersRoundTrip() {
        Map<String, String> tags = Map.of("target", "prod db", "tablespace", "USERS,2=x", "kind", "中文");
        store.write(List.of(Point.of("tbs.used_pct", tags, T0, 42.5)));
        assertThat(store.query(new RangeQuery("tbs.used_pct", Map.of("tablespace", "USERS,2=x"), T0, T0.plusSeconds(1), 1)))
                .singleElement().satisfies(s -> {
                    assertThat(s.key().tags()).isEqualTo(new java.util.TreeMap<>(tags));
                    assertThat(s.values()).containsExactly(42.5);
                });
    }
}
