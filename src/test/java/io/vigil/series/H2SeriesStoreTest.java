package io.vigil.series;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

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

import io.vigil.testsupport.SettableClock;

class H2SeriesStoreTest extends SeriesStoreContract {

    @TempDir
    Path folder;

    @Override
    protected SeriesStore open() {
        return new H2SeriesStore(folder, Retention.defaults(), Clock.systemUTC());
    }

    @Test
    void aThirtyDayChartIsDrawnFromRollupsWithTheSameMeans(@TempDir Path other) {
        Instant now = Instant.parse("2026-11-25T00:00:00Z");
        Instant start = now.minus(Duration.ofDays(30));
        try (H2SeriesStore month = new H2SeriesStore(other, Retention.defaults(), Clock.fixed(now, ZoneOffset.UTC))) {
            List<Point> points = new ArrayList<>();
            for (long t = 0; t < Duration.ofDays(30).toSeconds(); t += 600) {
                points.add(Point.of("load", Map.of("target", "a"), start.plusSeconds(t), t % 7200 / 60.0));
            }
            month.write(points);
            RangeQuery q = new RangeQuery("load", Map.of(), start, now, 360); // 2-hour buckets
            assertThat(H2SeriesStore.Level.choose(q, Retention.defaults(), now)).isEqualTo(H2SeriesStore.Level.HOUR);
            Series s = month.query(q).getFirst();
            assertThat(s.size()).isEqualTo(360);
            // every 2-hour bucket holds the same saw-tooth: 12 points, 0..110 minutes -> mean 55
            for (double v : s.values()) {
                assertThat(v).isCloseTo(55.0, within(1e-9));
            }
        }
    }

    @Test
    void pastRawRetentionTheMinuteRollupStillAnswers(@TempDir Path other) {
        Instant written = Instant.parse("2026-11-01T10:00:00Z");
        SettableClock clock = new SettableClock(written.plusSeconds(3600));
        try (H2SeriesStore store = new H2SeriesStore(other, Retention.defaults(), clock)) {
            List<Point> points = new ArrayList<>();
            for (int i = 0; i < 120; i++) {
                points.add(Point.of("m", Map.of("target", "a"), written.plusSeconds(i * 15L), i));
            }
            store.write(points);
            clock.set(written.plus(Duration.ofDays(5))); // raw (2 days) is gone, minutes (35 days) are not
            store.applyRetentionHourly();
            RangeQuery fine = new RangeQuery("m", Map.of(), written, written.plusSeconds(1800), 1000);
            assertThat(H2SeriesStore.Level.choose(fine, Retention.defaults(), clock.instant())).isEqualTo(H2SeriesStore.Level.MINUTE);
            Series s = store.query(fine).getFirst();
            assertThat(s.size()).isEqualTo(30);
            assertThat(s.values()[0]).isCloseTo(1.5, within(1e-9)); // mean of 0,1,2,3
        }
    }

    @Test
    void rangesWrittenJustBeforeACrashAreRolledUpAtTheNextStart(@TempDir Path other) {
        H2SeriesStore crashed = new H2SeriesStore(other, Retention.defaults(), Clock.systemUTC());
        crashed.write(List.of(p("crash", "a", 0, 10), p("crash", "a", 15, 20), p("crash", "a", 60, 40)));
        crashed.closeAbruptly();
        try (H2SeriesStore store = new H2SeriesStore(other, Retention.defaults(), Clock.systemUTC())) {
            RangeQuery byMinute = new RangeQuery("crash", Map.of(), T0, T0.plusSeconds(3600), 60);
            assertThat(H2SeriesStore.Level.choose(byMinute, Retention.defaults(), Instant.now())).isEqualTo(H2SeriesStore.Level.MINUTE);
            assertThat(store.query(byMinute).getFirst().values()).containsExactly(15, 40);
        }
    }

    @Test
    void latePointsCorrectTheRollups(@TempDir Path other) {
        try (H2SeriesStore store = new H2SeriesStore(other, Retention.defaults(), Clock.systemUTC())) {
            store.write(List.of(p("late", "a", 0, 10)));
            store.write(List.of(p("late", "a", 30, 20))); // same minute, arriving later (e.g. from the spool)
            RangeQuery byMinute = new RangeQuery("late", Map.of(), T0, T0.plusSeconds(3600), 60);
            assertThat(H2SeriesStore.Level.choose(byMinute, Retention.defaults(), Instant.now())).isEqualTo(H2SeriesStore.Level.MINUTE);
            assertThat(store.query(byMinute).getFirst().values()).containsExactly(15);
        }
    }

    @Test
    void aValueThatIsNotANumberIsNotStored() {
        store.write(List.of(p("nan", "a", 0, Double.NaN), p("nan", "a", 15, 3)));
        assertThat(store.query(new RangeQuery("nan", Map.of(), T0, T0.plusSeconds(60), 60)).getFirst().values()).containsExactly(3);
    }
}
