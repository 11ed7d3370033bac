package io.vigil.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.config.Secret;
import io.vigil.gather.Archive;
import io.vigil.gather.Spool;
import io.vigil.series.InfluxSeriesStore;
import io.vigil.series.Point;
import io.vigil.testsupport.PrivateInflux;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestInfluxDb;

/**
 * The disk under the spool fills up while the series store (a private InfluxDB) is down: a 64 KB tmpfs the test mounts
 * (so it runs as root, and fails saying so otherwise). Archiving never throws, the points the disk refused are counted
 * as dropped, the batches already spooled stay sound, and once space returns and InfluxDB is back every spooled point
 * arrives once, in order. The embedded stores on a full disk are not covered here.
 */
class DiskFullFaultIT {

    @TempDir
    Path folder;

    @Test
    void aFullDiskUnderTheSpoolDropsWhatItCannotKeepAndCorruptsNothing() throws Exception {
        Path disk = FaultRig.smallDisk(folder.resolve("small-disk"), "64k", "the spool", "DiskFullFaultIT");
        PrivateInflux influx = RealServices.privateInflux();
        try {
            TestInfluxDb db = influx.createDatabase("diskfull");
            try (InfluxSeriesStore store = InfluxSeriesStore.v1(influx.url(), db.name(), "", Secret.empty())) {
                influx.stop();
                Archive archive = new Archive(store, new Spool(disk.resolve("spool"), 50_000_000));
                Instant t0 = Instant.now().truncatedTo(ChronoUnit.MINUTES).minusSeconds(7200);
                List<Point> kept = new ArrayList<>();
                int batches = 0;
                int refused = 0;
                long dropped = 0;
                while (refused < 5) {
                    List<Point> batch = batch(t0, batches * 50, 50);
                    archive.archive(batch); // never throws
                    long now = archive.spoolFill().droppedPoints();
                    if (now > dropped) {
                        refused++;
                        assertThat(now - dropped).as("a refused batch is counted whole").isEqualTo(batch.size());
                    } else {
                        assertThat(refused).as("once the disk is full, nothing more is kept").isZero();
                        kept.addAll(batch);
                    }
                    dropped = now;
                    batches++;
                }
                Spool.Fill full = archive.spoolFill();
                System.out.printf("[fault] spool on a full 64 KB disk: %d points in %d batches kept, %d dropped and counted%n", full.points(),
                        full.batches(), full.droppedPoints());
                assertThat(full.points()).isEqualTo(kept.size());
                assertThat(full.unwritablePoints()).as("told apart from drops for the spool's own limit").isEqualTo(full.droppedPoints());

                FaultRig.run("mount", "-o", "remount,size=4m", disk.toString());
                influx.start();
                List<Point> after = batch(t0, batches * 50, 50);
                assertThat(archive.archive(after)).as("space and the store back: written").isTrue();
                kept.addAll(after);
                assertThat(archive.spoolFill().points()).isZero();
                try (Stream<Path> left = Files.list(disk.resolve("spool"))) {
                    assertThat(left.filter(f -> f.toString().endsWith(".batch")).toList()).as("no batch left behind").isEmpty();
                }
                List<double[]> stored = points(influx, db.name());
                System.out.printf("[fault] space back: %d of %d kept points in InfluxDB%n", stored.size(), kept.size());
                assertThat(stored).as("every kept point once").hasSize(kept.size());
                for (int i = 0; i < kept.size(); i++) {
                    assertThat(stored.get(i)[0]).as("point %d in order", i).isEqualTo(kept.get(i).time().toEpochMilli());
                    assertThat(stored.get(i)[1]).isEqualTo(kept.get(i).value());
                }
            }
            db.close();
        } finally {
            influx.stop();
            FaultRig.run("umount", disk.toString());
        }
    }

    private static List<Point> batch(Instant t0, int from, int n) {
        List<Point> points = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            points.add(Point.of("disk.full", Map.of("target", "a", "padding", "x".repeat(40)), t0.plusSeconds(i), i));
        }
        return points;
    }

    private static List<double[]> points(PrivateInflux influx, String database) throws IOException {
        JsonNode root = new ObjectMapper().readTree(influx.query(database, "SELECT \"value\" FROM \"disk.full\""));
        List<double[]> out = new ArrayList<>();
        for (JsonNode row : root.path("results").path(0).path("series").path(0).path("values")) {
            out.add(new double[] {row.get(0).asDouble(), row.get(1).asDouble()});
        }
        return out;
    }
}
