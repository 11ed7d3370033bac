package io.vigil.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.config.ConnectBy;
import io.vigil.config.MetricDef;
import io.vigil.config.MetricType;
import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.gather.Spool;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.schedule.StatusEvent.Status;
import io.vigil.series.InfluxSeriesStore;
import io.vigil.testsupport.PrivateInflux;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;
import io.vigil.testsupport.TestInfluxDb;

/**
 * The series store (a private InfluxDB) stopped during collection, and the collector closed and started again on the
 * same spool folder while points wait there: once InfluxDB is back, every point produced is in it once, in order. Ten
 * minutes at the packs' 15-20 s intervals are some 30-40 snapshots per series; by default the outage is 90 s at a 2 s
 * interval (about 45 snapshots), half before and half after the collector's restart. {@code -Dvigil.fault.outageSeconds=600}
 * keeps InfluxDB down for the ten minutes themselves.
 */
class SeriesOutageFaultIT {

    static final int INTERVAL = 2;
    static final Duration HALF_OUTAGE = Duration.ofSeconds(Long.getLong("vigil.fault.outageSeconds", 90) / 2);
    static final MirrorDef CLOCK = new MirrorDef(1, "clock", TargetKind.MYSQL, "SELECT CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED) AS v",
            "f_clock", INTERVAL, 10, MirrorMode.REPLACE, "", true, "");
    static final MetricDef READING = new MetricDef(1, "fault.clock", TargetKind.MYSQL, "SELECT v AS value FROM f_clock WHERE target_id = ?",
            List.of("clock"), 3 * INTERVAL, MetricType.GAUGE, "ms", List.of(), INTERVAL, null, null, "", true, "");

    @TempDir
    Path folder;

    @Test
    void pointsSpooledDuringAnOutageSurviveACollectorRestartAndArriveOnceInOrder() throws Exception {
        PrivateInflux influx = RealServices.privateInflux();
        try (TestDatabase db = RealServices.mariadb().createDatabase("clock");
             CacheDb cache = CacheDb.embedded(folder)) {
            TestInfluxDb idb = influx.createDatabase("outage");
            Target t = new Target(1, "clock", TargetKind.MYSQL, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "", db.user(),
                    Secret.of(db.password()), List.of(), true);
            Path spool = folder.resolve("spool");
            List<FaultRig.Seen> produced = new ArrayList<>();
            long spooledAtClose;
            try (InfluxSeriesStore series = InfluxSeriesStore.v1(influx.url(), idb.name(), "", Secret.empty());
                 FaultRig first = new FaultRig(spool, cache, new InMemoryLedger(), series, List.of(t), List.of(CLOCK), List.of(READING), Map.of())) {
                assertThat(FaultRig.await(Duration.ofSeconds(10L * INTERVAL), () -> first.seen(READING.name()).size() >= 3)).isTrue();
                influx.stop();
                Thread.sleep(HALF_OUTAGE.toMillis());
                first.collector.close();
                Thread.sleep(1_000); // a run under way ends
                spooledAtClose = first.archive.spoolFill().points();
                System.out.printf("[fault] InfluxDB down %d s: %d points spooled when the collector was closed; status said: %s%n",
                        HALF_OUTAGE.toSeconds(), spooledAtClose, first.events.stream().filter(e -> e.status() == Status.OK
                                && !e.reason().isEmpty()).map(e -> e.reason().toString()).distinct().toList());
                assertThat(spooledAtClose).as("the points wait in the spool").isGreaterThanOrEqualTo(HALF_OUTAGE.toSeconds() / INTERVAL - 3);
                assertThat(first.events).as("each run says its points were spooled")
                        .anyMatch(e -> e.reason().keys().contains("reason.spooled") || e.reason().keys().contains("reason.withSpooled"));
                produced.addAll(first.seen(READING.name()));
            }

            assertThat(new Spool(spool, 50_000_000).fill().points()).as("the spool survived the restart").isEqualTo(spooledAtClose);
            try (InfluxSeriesStore series = InfluxSeriesStore.v1(influx.url(), idb.name(), "", Secret.empty());
                 FaultRig second = new FaultRig(spool, cache, new InMemoryLedger(), series, List.of(t), List.of(CLOCK), List.of(READING),
                         Map.of())) {
                Thread.sleep(HALF_OUTAGE.toMillis());
                long spooled = second.archive.spoolFill().points();
                assertThat(spooled).as("the wait grows, and is visible").isGreaterThan(spooledAtClose);
                influx.start();
                assertThat(FaultRig.await(Duration.ofSeconds(10L * INTERVAL), () -> second.archive.spoolFill().points() == 0))
                        .as("replayed once the store is back").isTrue();
                assertThat(second.archive.spoolFill().droppedPoints()).isZero();
                Thread.sleep(3L * INTERVAL * 1000);
                second.collector.close();
                Thread.sleep(1_000);
                produced.addAll(second.seen(READING.name()));
                System.out.printf("[fault] InfluxDB back: %d points waited in the spool across the restart, %d produced in all%n", spooled,
                        produced.size());
            }

            List<double[]> stored = points(influx, idb.name());
            assertThat(stored).as("every point once").hasSize(produced.size());
            for (int i = 0; i < produced.size(); i++) {
                FaultRig.Seen p = produced.get(i);
                assertThat(stored.get(i)[0]).as("point %d's time", i).isEqualTo(p.point().time().toEpochMilli());
                assertThat(stored.get(i)[1]).as("point %d's value", i).isEqualTo(p.point().value());
            }
            for (int i = 1; i < stored.size(); i++) {
                assertThat(stored.get(i)[1]).as("in order").isGreaterThan(stored.get(i - 1)[1]);
            }
            idb.close();
        } finally {
            influx.stop();
        }
    }

    // Every raw point of the metric, oldest first: {epoch ms, value}.
    private static List<double[]> points(PrivateInflux influx, String database) throws Exception {
        JsonNode root = new ObjectMapper().readTree(influx.query(database, "SELECT \"value\" FROM \"fault.clock\" WHERE \"target\" = 'clock'"));
        List<double[]> out = new ArrayList<>();
        for (JsonNode row : root.path("results").path(0).path("series").path(0).path("values")) {
            out.add(new double[] {row.get(0).asDouble(), row.get(1).asDouble()});
        }
        return out;
    }
}
