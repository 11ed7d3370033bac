package io.vigil.alert.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.ConnectBy;
import io.vigil.config.EventType;
import io.vigil.config.MirrorDef;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.Severity;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.VigilEvent;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.target.demo.DemoIncident;

/** The shipped alert_log mirror from a demo Oracle into an embedded cache, read back as events. */
class AlertLogEventsTest {

    static final MirrorDef ALERT_LOG = Packs.shipped(TargetKind.ORACLE).mirrorDefs().stream()
            .filter(m -> m.name().equals("alert_log")).findFirst().orElseThrow();
    static final Target DEMO = new Target(1, "demo-1", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(),
            List.of(), true);

    @TempDir
    Path folder;
    DemoOracles demos;
    TargetConnections connections;
    CacheDb cache;
    MirrorJob mirror;
    AlertLogEvents alertLog;

    @BeforeEach
    void open() {
        demos = new DemoOracles();
        connections = new TargetConnections(demos);
        cache = CacheDb.embedded(folder);
        mirror = new MirrorJob(connections, cache, new InMemoryLedger());
        alertLog = new AlertLogEvents(cache.dataSource());
    }

    @AfterEach
    void close() {
        connections.close();
        cache.close();
    }

    @Test
    void beforeTheMirrorEverRanThereIsNothingAndNoError() {
        AlertLogBatch batch = alertLog.read(1, "demo-1", 17, AlertLogIgnoreList.none());
        assertThat(batch.events()).isEmpty();
        assertThat(batch.lastRecordId()).isEqualTo(17);
    }

    @Test
    void anInjectedInternalErrorBecomesOneCriticalEventWithAllItsLines() throws SQLException {
        mirror.run(DEMO, ALERT_LOG);
        AlertLogBatch before = alertLog.read(1, "demo-1", 0, AlertLogIgnoreList.none());
        assertThat(before.lastRecordId()).as("the seeded lines were read").isPositive();
        assertThat(before.events()).noneMatch(e -> e.category().equals("INTERNAL_ERROR"));

        Instant injected = Instant.now();
        demos.running(1).orElseThrow().inject(DemoIncident.INTERNAL_ERROR);
        mirror.run(DEMO, ALERT_LOG);
        AlertLogBatch after = alertLog.read(1, "demo-1", before.lastRecordId(), AlertLogIgnoreList.none());

        List<VigilEvent> internal = after.events().stream().filter(e -> e.category().equals("INTERNAL_ERROR")).toList();
        assertThat(internal).singleElement().satisfies(e -> {
            assertThat(e.severity()).isEqualTo(Severity.CRIT);
            assertThat(e.type()).isEqualTo(EventType.ALERT_LOG);
            assertThat(e.code()).isEqualTo("ORA-00600");
            assertThat(e.targetId()).isEqualTo(1);
            assertThat(e.targetName()).isEqualTo("demo-1");
            assertThat(e.at()).isBetween(injected.minusSeconds(2), Instant.now().plusSeconds(2));
            List<String> lines = e.text().lines().toList();
            assertThat(lines).hasSize(5);
            assertThat(lines.get(0)).startsWith("Errors in file /u01/app/oracle/diag/rdbms/demo/DEMO/trace/DEMO_ora_").contains("(incident=");
            assertThat(lines.get(1)).startsWith("ORA-00600: internal error code, arguments: [");
            assertThat(lines.get(2)).startsWith("Incident details in: ");
            String firstArgument = lines.get(1).substring(lines.get(1).indexOf('[') + 1, lines.get(1).indexOf(']'));
            assertThat(firstArgument).isNotBlank();
            assertThat(new AlertLogClassifier().classify(e.text()).title()).isEqualTo("ORA-00600 [" + firstArgument + "]");
        });
        assertThat(after.lastRecordId()).isGreaterThan(before.lastRecordId());

        AlertLogBatch again = alertLog.read(1, "demo-1", after.lastRecordId(), AlertLogIgnoreList.none());
        assertThat(again.events()).as("nothing new").isEmpty();
        assertThat(again.lastRecordId()).isEqualTo(after.lastRecordId());
        assertThat(alertLog.read(2, "demo-2", 0, AlertLogIgnoreList.none()).events()).as("another target's rows").isEmpty();
    }

    @Test
    void eachKindOfDemoIncidentLandsInItsCategoryAndTheIgnoreListDropsOne() throws SQLException {
        mirror.run(DEMO, ALERT_LOG);
        long start = alertLog.read(1, "demo-1", 0, AlertLogIgnoreList.none()).lastRecordId();
        var demo = demos.running(1).orElseThrow();
        for (DemoIncident kind : DemoIncident.values()) {
            demo.inject(kind);
        }
        mirror.run(DEMO, ALERT_LOG);

        List<VigilEvent> events = alertLog.read(1, "demo-1", start, AlertLogIgnoreList.of("ORA-00060")).events();

        assertThat(events).filteredOn(e -> e.severity() == Severity.CRIT).extracting(VigilEvent::category)
                .contains("INTERNAL_ERROR", "CORRUPTION", "ARCHIVER_STUCK");
        assertThat(events).filteredOn(e -> e.category().equals("CORRUPTION")).singleElement()
                .satisfies(e -> assertThat(e.text()).contains("ORA-01578").contains("ORA-01110: data file 5"));
        assertThat(events).anySatisfy(e -> {
            assertThat(e.code()).isEqualTo("ORA-19815");
            assertThat(e.severity()).isEqualTo(Severity.WARN);
        });
        assertThat(events).as("the deadlock is on the ignore list").noneMatch(e -> e.category().equals("DEADLOCK"));
        assertThat(alertLog.read(1, "demo-1", start, AlertLogIgnoreList.none()).events()).filteredOn(e -> e.category().equals("DEADLOCK"))
                .singleElement().satisfies(e -> assertThat(e.text()).startsWith("Errors in file").contains("ORA-00060: Deadlock detected"));
    }

    @Test
    void aBoundedReadLeavesACutIncidentForTheNextAndTimesReadBackFromText() throws SQLException {
        // as a MariaDB cache may hand them back: times as text, ids as decimals
        try (Connection c = cache.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE `ora_alert_log` (`target_id` BIGINT NOT NULL, `record_id` DECIMAL(38,8), "
                    + "`originating_timestamp` VARCHAR(40), `message_level` DECIMAL(38,8), `message_text` LONGTEXT)");
            s.execute("INSERT INTO `ora_alert_log` VALUES "
                    + "(3, 1, '2026-12-05T09:14:20.000+00:00', 16, 'Thread 1 advanced to log sequence 4512 (LGWR switch)'), "
                    + "(3, 2, '2026-12-05T09:14:27.120+00:00', 16, 'Errors in file /u01/trace/ORCL_ora_1.trc  (incident=4):'), "
                    + "(3, 3, '2026-12-05T09:14:27.120+00:00', 1, 'ORA-00600: internal error code, arguments: [kdsgrp1], [], []'), "
                    + "(3, 4, '2026-12-05T09:14:27.300+00:00', 16, 'Incident details in: /u01/incident/incdir_4/ORCL_ora_1_i4.trc')");
        }
        AlertLogEvents bounded = new AlertLogEvents(cache.dataSource(), 3);

        AlertLogBatch first = bounded.read(3, "orcl", 0, AlertLogIgnoreList.none());
        assertThat(first.events()).isEmpty();
        assertThat(first.lastRecordId()).as("the incident was cut by the bound: read it again whole").isEqualTo(1);

        AlertLogBatch second = bounded.read(3, "orcl", first.lastRecordId(), AlertLogIgnoreList.none());
        assertThat(second.events()).singleElement().satisfies(e -> {
            assertThat(e.at()).isEqualTo(Instant.parse("2026-12-05T09:14:27.120Z"));
            assertThat(e.text().lines()).hasSize(3);
        });
        assertThat(second.lastRecordId()).isEqualTo(4);
    }

    @Test
    void aLeadInWithoutItsErrorWaitsForTheNextMirror() throws SQLException {
        try (Connection c = cache.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE `ora_alert_log` (`target_id` BIGINT NOT NULL, `record_id` BIGINT, `originating_timestamp` DATETIME(3), "
                    + "`message_level` BIGINT, `message_type` BIGINT, `message_text` LONGTEXT)");
            s.execute("INSERT INTO `ora_alert_log` VALUES (3, 8, '2026-12-05 09:14:27.120', 16, 1, "
                    + "'Errors in file /u01/trace/ORCL_ora_1.trc:')");
            AlertLogBatch first = alertLog.read(3, "orcl", 7, AlertLogIgnoreList.none());
            assertThat(first.lastRecordId()).isEqualTo(7);

            s.execute("INSERT INTO `ora_alert_log` VALUES (3, 9, '2026-12-05 09:14:27.200', 16, 3, "
                    + "'ORA-00060: Deadlock detected. More info in file /u01/trace/ORCL_ora_1.trc.')");
            AlertLogBatch second = alertLog.read(3, "orcl", first.lastRecordId(), AlertLogIgnoreList.none());
            assertThat(second.events()).singleElement().satisfies(e -> {
                assertThat(e.category()).isEqualTo("DEADLOCK");
                assertThat(e.text()).startsWith("Errors in file");
            });
            assertThat(second.lastRecordId()).isEqualTo(9);
        }
    }
}
