package io.vigil.gather;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.Secret;
import io.vigil.series.InfluxSeriesStore;
import io.vigil.series.Point;
import io.vigil.series.RangeQuery;
import io.vigil.series.Series;
import io.vigil.testsupport.PrivateInflux;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestInfluxDb;

/** InfluxDB stopped for a while and started again: every point arrives, once, in order. */
class ArchiveOutageIT {

    @TempDir
    Path folder;

    @Test
    void pointsArchivedDuringAnOutageArriveOnceAfterIt() {
        PrivateInflux influx = RealServices.privateInflux();
        try {
            TestInfluxDb db = influx.createDatabase("outage");
            Spool spool = new Spool(folder, 50_000_000);
            Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(3600);
            try (InfluxSeriesStore store = InfluxSeriesStore.v1(influx.url(), db.name(), "", Secret.empty())) {
                Archive archive = new Archive(store, spool);
                int written = 0;
                assertThat(archive.archive(batch(t0, written, 10))).isTrue();
                written += 10;

                influx.stop();
                for (int i = 0; i < 5; i++) {
                    assertThat(archive.archive(batch(t0, written, 10))).as("spooled while down").isFalse();
                    written += 10;
                }
                assertThat(archive.spoolFill().points()).as("the wait is visible").isEqualTo(50);

                influx.start();
                assertThat(archive.archive(batch(t0, written, 10))).isTrue();
                written += 10;
                assertThat(archive.spoolFill().points()).isZero();
                assertThat(archive.spoolFill().droppedPoints()).isZero();

                List<Series> got = store.query(new RangeQuery("outage.test", Map.of("target", "a"), t0, t0.plusSeconds(written * 15L), written));
                Series s = got.getFirst();
                assertThat(s.size()).as("every point once").isEqualTo(written);
                for (int i = 0; i < written; i++) {
                    assertThat(s.values()[i]).isEqualTo(i);
                    assertThat(s.times()[i]).isEqualTo(t0.plusSeconds(i * 15L).toEpochMilli());
                }
            }
            db.close();
        } finally {
            influx.stop();
        }
    }

    static List<Point> batch(Instant t0, int from, int n) {
        List<Point> points = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            points.add(Point.of("outage.test", Map.of("target", "a"), t0.plusSeconds(i * 15L), i));
        }
        return points;
    }
}
