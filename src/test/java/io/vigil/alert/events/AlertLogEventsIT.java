package io.vigil.alert.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.config.Secret;
import io.vigil.config.Severity;
import io.vigil.config.VigilEvent;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.target.demo.DemoIncident;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/** On a team's MariaDB cache the alert log reads back as on the embedded one: ids, times and whole incidents. */
class AlertLogEventsIT {

    @Test
    void anIncidentMirroredIntoMariadbBecomesOneEvent() throws Exception {
        DemoOracles demos = new DemoOracles();
        try (TestDatabase cacheDb = RealServices.mariadb().createDatabase("alcache");
             CacheDb cache = CacheDb.mysql(cacheDb.jdbcUrl(), cacheDb.user(), Secret.of(cacheDb.password()));
             TargetConnections connections = new TargetConnections(demos)) {
            MirrorJob mirror = new MirrorJob(connections, cache, new InMemoryLedger());
            AlertLogEvents alertLog = new AlertLogEvents(cache.dataSource());
            assertThat(alertLog.read(1, "demo-1", 0, AlertLogIgnoreList.none()).events()).as("no table yet").isEmpty();

            mirror.run(AlertLogEventsTest.DEMO, AlertLogEventsTest.ALERT_LOG);
            long start = alertLog.read(1, "demo-1", 0, AlertLogIgnoreList.none()).lastRecordId();
            assertThat(start).isPositive();
            Instant injected = Instant.now();
            demos.running(1).orElseThrow().inject(DemoIncident.BLOCK_CORRUPTION);
            mirror.run(AlertLogEventsTest.DEMO, AlertLogEventsTest.ALERT_LOG);

            AlertLogBatch batch = alertLog.read(1, "demo-1", start, AlertLogIgnoreList.none());
            List<VigilEvent> corruption = batch.events().stream().filter(e -> e.category().equals("CORRUPTION")).toList();
            assertThat(corruption).singleElement().satisfies(e -> {
                assertThat(e.severity()).isEqualTo(Severity.CRIT);
                assertThat(e.code()).isEqualTo("ORA-01578");
                assertThat(e.text().lines()).hasSize(5);
                assertThat(e.at()).isBetween(injected.minusSeconds(2), Instant.now().plusSeconds(2));
            });
            assertThat(alertLog.read(1, "demo-1", batch.lastRecordId(), AlertLogIgnoreList.none()).events()).isEmpty();
        }
    }
}
