package io.vigil.sitepack;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.series.H2SeriesStore;
import io.vigil.series.Point;
import io.vigil.series.RangeQuery;
import io.vigil.series.Series;
import io.vigil.series.SeriesKey;
import io.vigil.series.SeriesStoreException;

/** A pack's series file answers every range and bucket width as the embedded series store does with the same points. */
class PackSeriesTest {

    static final Instant END = Instant.parse("2026-12-01T00:00:00Z");
    static final Instant START = END.minus(Duration.ofDays(3));

    @TempDir
    Path dir;

    List<Point> points() {
        Random r = new Random(7);
        List<Point> out = new ArrayList<>();
        for (String target : List.of("prod", "test", "dev")) {
            for (String ts : List.of("USERS", "APP,DATA=1")) { // a tag value the canonical form must escape
                double level = r.nextDouble() * 100;
                for (Instant t = START; t.isBefore(END); t = t.plusSeconds(60)) {
                    if (r.nextInt(50) == 0) {
                        continue; // a missed minute now and then
                    }
                    level += r.nextGaussian();
                    out.add(Point.of("oracle.tablespace.used_pct", Map.of("target", target, "tablespace_name", ts), t, level));
                }
            }
        }
        return out;
    }

    Path write(List<Point> points) throws IOException {
        Path file = dir.resolve("series.bin");
        Map<SeriesKey, PackSeries.Growing> whole = new java.util.TreeMap<>(java.util.Comparator.comparing(SeriesKey::canonicalTags));
        for (Point p : points) {
            whole.computeIfAbsent(p.key(), k -> new PackSeries.Growing()).add(p.time().toEpochMilli(), p.value());
        }
        try (PackSeries.Writer w = new PackSeries.Writer(file)) {
            whole.forEach((k, g) -> {
                try {
                    w.add(k, g.times, g.values, g.n);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
        return file;
    }

    @Test
    void everyRangeAndBucketWidthAnswersAsTheEmbeddedStore() throws IOException {
        List<Point> points = points();
        Path file = write(points);
        try (H2SeriesStore h2 = new H2SeriesStore(dir.resolve("h2"), PackStores.KEEP_ALL, Clock.fixed(END, ZoneOffset.UTC));
             PackSeries.Store pack = PackSeries.open(file)) {
            h2.write(points);
            assertThat(pack.seriesCount()).isEqualTo(6);
            List<RangeQuery> queries = List.of(
                    new RangeQuery("oracle.tablespace.used_pct", Map.of(), START, END, 5_000), // every minute
                    new RangeQuery("oracle.tablespace.used_pct", Map.of("target", "test"), START, END, 864), // 5 minutes
                    new RangeQuery("oracle.tablespace.used_pct", Map.of(), START, END, 72), // hours
                    new RangeQuery("oracle.tablespace.used_pct", Map.of("tablespace_name", "APP,DATA=1"), START.plusSeconds(7200), END.minusSeconds(3600), 23), // 3 hours
                    new RangeQuery("oracle.tablespace.used_pct", Map.of(), END.minusSeconds(600), END, 600), // finer than the points
                    new RangeQuery("oracle.tablespace.used_pct", Map.of("target", "nowhere"), START, END, 10),
                    new RangeQuery("no.such.metric", Map.of(), START, END, 10));
            for (RangeQuery q : queries) {
                List<Series> want = h2.query(q);
                List<Series> got = pack.query(q);
                assertThat(got).as(q.toString()).hasSameSizeAs(want);
                for (int i = 0; i < want.size(); i++) {
                    assertThat(got.get(i).key()).isEqualTo(want.get(i).key());
                    assertThat(got.get(i).times()).as(q + " " + want.get(i).key()).containsExactly(want.get(i).times());
                    for (int j = 0; j < want.get(i).size(); j++) {
                        assertThat(got.get(i).values()[j]).isCloseTo(want.get(i).values()[j], within(1e-9));
                    }
                }
            }
        }
    }

    @Test
    void aFileCutShortOrOfAnotherKindIsRefusedAndAPackIsNeverWritten() throws IOException {
        Path file = write(points());
        long size = Files.size(file);
        try (FileChannel ch = FileChannel.open(file, StandardOpenOption.WRITE)) {
            ch.truncate(size - 100);
        }
        assertThatThrownBy(() -> PackSeries.open(file)).isInstanceOf(IOException.class);
        Path other = dir.resolve("other.bin");
        Files.writeString(other, "not series at all");
        assertThatThrownBy(() -> PackSeries.open(other)).isInstanceOf(IOException.class);
        try (PackSeries.Store pack = PackSeries.open(write(points()))) {
            assertThatThrownBy(() -> pack.write(List.of())).isInstanceOf(SeriesStoreException.class);
        }
    }
}
