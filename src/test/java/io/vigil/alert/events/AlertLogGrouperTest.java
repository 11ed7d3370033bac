package io.vigil.alert.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.config.Severity;
import io.vigil.config.VigilEvent;

class AlertLogGrouperTest {

    static final Instant T = Instant.parse("2026-12-05T09:14:27.120Z");
    static final String TRACE = "/u01/app/oracle/diag/rdbms/orcl/ORCL/trace/ORCL_ora_23817.trc";
    final AlertLogGrouper grouper = new AlertLogGrouper(new AlertLogClassifier());
    final List<AlertLogRow> rows = new ArrayList<>();

    void row(double secondsAfterT, String text) {
        rows.add(new AlertLogRow(rows.size() + 1L, T.plusMillis(Math.round(secondsAfterT * 1000)), 16, 1, text));
    }

    @Test
    void theRowsOfOneIncidentBecomeOneEntryAndARoutineLineBeforeItStaysApart() {
        row(0, "Thread 1 advanced to log sequence 4512 (LGWR switch)");
        row(0.1, "Errors in file " + TRACE + "  (incident=48021):");
        row(0.1, "ORA-00600: internal error code, arguments: [kcbz_check_objd_typ], [0], [0], [1], [], [], [], [], [], [], [], []");
        row(0.3, "Incident details in: /u01/app/oracle/diag/rdbms/orcl/ORCL/incident/incdir_48021/ORCL_ora_23817_i48021.trc");
        row(0.3, "Use ADRCI or Support Workbench to package the incident.");
        row(0.3, "See Note 411.1 at My Oracle Support for error and packaging details.");
        row(4, "Archived Log entry 4480 added for thread 1 sequence 4511 ID 0x5b2c1d7e dest 1:");

        List<AlertLogEntry> entries = grouper.group(rows);

        assertThat(entries).extracting(AlertLogEntry::firstRecordId, AlertLogEntry::lastRecordId)
                .containsExactly(tuple(1L, 1L), tuple(2L, 6L),
                        tuple(7L, 7L));
        AlertLogEntry incident = entries.get(1);
        assertThat(incident.at()).isEqualTo(T.plusMillis(100));
        assertThat(incident.lines()).hasSize(5);
        assertThat(incident.text()).startsWith("Errors in file " + TRACE).contains("\nORA-00600: internal error code")
                .endsWith("packaging details.");
    }

    @Test
    void continuationLinesWrittenLaterStartAnEntryOfTheirOwn() {
        row(0, "ORA-01578: ORACLE data block corrupted (file # 7, block # 1234)");
        row(5, "ORA-01110: data file 7: '/u01/oradata/ORCL/users01.dbf'");
        assertThat(grouper.group(rows)).hasSize(2);
    }

    @Test
    void aCorruptionPreambleJoinsItsErrorsButTwoIncidentsInOneSecondStayTwo() {
        row(0, "Corrupt block relative dba: 0x01c004d2 (file 7, block 1234)");
        row(0, "Errors in file " + TRACE + "  (incident=48022):");
        row(0, "ORA-01578: ORACLE data block corrupted (file # 7, block # 1234)");
        row(0, "ORA-01110: data file 7: '/u01/oradata/ORCL/users01.dbf'");
        row(0.2, "Errors in file /u01/app/oracle/diag/rdbms/orcl/ORCL/trace/ORCL_ora_4411.trc:");
        row(0.2, "ORA-00060: Deadlock detected. See Note 60.1 at My Oracle Support for Troubleshooting ORA-60 Errors.");

        List<AlertLogEntry> entries = grouper.group(rows);

        assertThat(entries).hasSize(2);
        assertThat(entries.get(0).lines()).hasSize(4).first().asString().startsWith("Corrupt block");
        assertThat(entries.get(1).lines()).hasSize(2).last().asString().startsWith("ORA-00060");
    }

    @Test
    void aMultiLineRowAsLogXmlWritesItGroupsWithItsDetails() {
        row(0, "Errors in file " + TRACE + "  (incident=48021):\nORA-00600: internal error code, arguments: [kdsgrp1], [], []\n");
        row(0.5, "Incident details in: /u01/app/oracle/diag/rdbms/orcl/ORCL/incident/incdir_48021/ORCL_ora_23817_i48021.trc");
        List<AlertLogEntry> entries = grouper.group(rows);
        assertThat(entries).hasSize(1);
        assertThat(grouper.awaitsMore(entries.getFirst())).isFalse();
    }

    @Test
    void aLeadInWithoutItsErrorYetAwaitsMore() {
        row(0, "ORA-01555 caused by SQL statement below (SQL ID: 9babjv8yq8ru3, Query Duration=1804 sec, SCN: 0x0000.0b8a4c21):");
        row(30, "Errors in file " + TRACE + ":");
        List<AlertLogEntry> entries = grouper.group(rows);
        assertThat(entries).hasSize(2);
        assertThat(grouper.awaitsMore(entries.get(0))).isFalse();
        assertThat(grouper.awaitsMore(entries.get(1))).isTrue();
    }

    @Test
    void aPlainTextAlertLogReadsIntoTheSameEntries() throws IOException {
        List<AlertLogEntry> entries;
        try (Reader in = new InputStreamReader(getClass().getResourceAsStream("alert_ORCL.log"), StandardCharsets.UTF_8)) {
            entries = AlertLogFile.entries(in, ZoneOffset.UTC, grouper);
        }
        assertThat(entries).hasSize(11);
        assertThat(entries.getFirst().lines()).containsExactly("Thread 1 advanced to log sequence 4512 (LGWR switch)",
                "  Current log# 2 seq# 4512 mem# 0: /u01/oradata/ORCL/redo02.log");
        assertThat(entries.getFirst().at()).isEqualTo(Instant.parse("2026-12-05T02:00:11Z"));

        List<VigilEvent> events = AlertLogEvents.events(7, "ORCL", entries, AlertLogIgnoreList.of("ORA-03136"));

        assertThat(events).extracting(VigilEvent::category).containsExactly("INTERNAL_ERROR", "SPACE", "CORRUPTION", "DEADLOCK", "SHUTDOWN",
                "SHUTDOWN");
        VigilEvent internal = events.getFirst();
        assertThat(internal.severity()).isEqualTo(Severity.CRIT);
        assertThat(internal.at()).isEqualTo(Instant.parse("2026-12-05T09:14:27Z"));
        assertThat(internal.text().lines()).hasSize(5);
        VigilEvent corruption = events.get(2);
        assertThat(corruption.code()).isEqualTo("ORA-01578");
        assertThat(corruption.text()).startsWith("Corrupt block relative dba").contains("ORA-01110: data file 7");
        VigilEvent deadlock = events.get(3);
        assertThat(deadlock.at()).as("12.2's ISO timestamps carry their offset").isEqualTo(Instant.parse("2026-12-05T14:20:41.337104Z"));
        assertThat(deadlock.text()).startsWith("Errors in file").contains("ORA-00060");
        assertThat(events).allSatisfy(e -> assertThat(e.targetId()).isEqualTo(7));
        assertThat(AlertLogEvents.events(7, "ORCL", entries, AlertLogIgnoreList.none())).extracting(VigilEvent::code).contains("ORA-03136");
    }

    @Test
    void linesBeforeTheFirstTimestampHaveNoTimeAndAreLeftOut() throws IOException {
        List<AlertLogRow> read = AlertLogFile.rows(new java.io.StringReader("""
                ORA-01110: data file 7: '/u01/oradata/ORCL/users01.dbf'
                Sat Dec  5 14:01:02 2026
                Completed: ALTER DATABASE OPEN
                """), ZoneOffset.ofHours(8));
        assertThat(read).singleElement().satisfies(r -> {
            assertThat(r.text()).isEqualTo("Completed: ALTER DATABASE OPEN");
            assertThat(r.at()).isEqualTo(Instant.parse("2026-12-05T06:01:02Z"));
            assertThat(r.recordId()).isEqualTo(3);
        });
    }
}
