package io.vigil.target.demo;

import static io.vigil.target.demo.DemoSql.insert;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import java.util.Random;

/**
 * The demo instance's alert log: numbers its lines and writes incidents the way a 19c instance does, one
 * V$DIAG_ALERT_EXT row per message, so the alert-log events have the same multi-row entries to put together.
 */
final class DemoAlertLog {

    /** On average one incident in this long. */
    static final Duration MEAN_TIME_BETWEEN_INCIDENTS = Duration.ofHours(3);
    private static final String DIAG = "/u01/app/oracle/diag/rdbms/demo/DEMO";
    private static final List<String> FIRST_ARGUMENTS = List.of("kcbz_check_objd_typ", "kdsgrp1", "qertbFetchByRowID", "kcblasm_1",
            "ktspfmdb:objdchk_kcbnew_3");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy_MM_dd").withZone(ZoneOffset.UTC);

    private record Line(String text, int level, int type, String group, String problemKey) {
        static Line normal(String text) {
            return new Line(text, 16, 1, "", null);
        }
    }

    /** Its own, so the workload's figures for a seed stay what they were before incidents existed. */
    private final Random random;
    private long record;
    private long incident = 48_213;

    DemoAlertLog(Random random, long lastRecord) {
        this.random = random;
        this.record = lastRecord;
    }

    long nextRecord() {
        return ++record;
    }

    /** Writes an incident now and then: on average one per {@link #MEAN_TIME_BETWEEN_INCIDENTS}. */
    void maybeIncident(Connection c, Instant now, double seconds) throws SQLException {
        if (random.nextDouble() < seconds / MEAN_TIME_BETWEEN_INCIDENTS.toSeconds()) {
            DemoIncident[] kinds = DemoIncident.values();
            write(c, now, kinds[random.nextInt(kinds.length)]);
        }
    }

    void write(Connection c, Instant now, DemoIncident kind) throws SQLException {
        for (Line line : lines(kind, now)) {
            insert(c, "V$DIAG_ALERT_EXT", "ORIGINATING_TIMESTAMP", Timestamp.from(now), "NORMALIZED_TIMESTAMP", Timestamp.from(now),
                    "ORGANIZATION_ID", "oracle", "COMPONENT_ID", "rdbms", "HOST_ID", "demo-db01", "MESSAGE_TYPE", line.type(),
                    "MESSAGE_LEVEL", line.level(), "MESSAGE_GROUP", line.group(), "MESSAGE_TEXT", line.text(), "RECORD_ID", nextRecord(),
                    "FILENAME", DIAG + "/alert/log.xml", "PROBLEM_KEY", line.problemKey(), "VERSION", 1, "CON_ID", 0);
        }
    }

    private List<Line> lines(DemoIncident kind, Instant now) {
        int pid = 1_000 + random.nextInt(30_000);
        long inc = ++incident;
        String trace = DIAG + "/trace/DEMO_ora_" + pid + ".trc";
        String details = "Incident details in: " + DIAG + "/incident/incdir_" + inc + "/DEMO_ora_" + pid + "_i" + inc + ".trc";
        return switch (kind) {
            case INTERNAL_ERROR -> {
                String arg = FIRST_ARGUMENTS.get(random.nextInt(FIRST_ARGUMENTS.size()));
                yield List.of(Line.normal("Errors in file " + trace + "  (incident=" + inc + "):"),
                        new Line("ORA-00600: internal error code, arguments: [" + arg + "], [0], [0], [1], [], [], [], [], [], [], [], []",
                                1, 2, "Generic Internal Error", "ORA 600 [" + arg + "]"),
                        Line.normal(details),
                        Line.normal("Use ADRCI or Support Workbench to package the incident."),
                        Line.normal("See Note 411.1 at My Oracle Support for error and packaging details."));
            }
            case BLOCK_CORRUPTION -> {
                int block = 1_000 + random.nextInt(2_000_000);
                yield List.of(Line.normal("Corrupt block relative dba: 0x%08x (file 5, block %d)".formatted((5 << 22) | block, block)),
                        Line.normal("Errors in file " + trace + "  (incident=" + inc + "):"),
                        new Line("ORA-01578: ORACLE data block corrupted (file # 5, block # " + block + ")", 1, 2, "Data Corruption", "ORA 1578"),
                        new Line("ORA-01110: data file 5: '/u02/oradata/DEMO/app_data01.dbf'", 1, 2, "Data Corruption", "ORA 1578"),
                        Line.normal(details));
            }
            case DEADLOCK -> List.of(Line.normal("Errors in file " + trace + ":"),
                    new Line("ORA-00060: Deadlock detected. See Note 60.1 at My Oracle Support for Troubleshooting ORA-60 Errors. "
                            + "More info in file " + trace + ".", 16, 3, "", null));
            case ARCHIVER_STUCK -> {
                String arc = DIAG + "/trace/DEMO_arc1_" + pid + ".trc";
                yield List.of(Line.normal("Errors in file " + arc + ":"),
                        new Line("ORA-19809: limit exceeded for recovery files", 1, 3, "", null),
                        new Line("ORA-19804: cannot reclaim 536870912 bytes disk space from " + DemoSeed.FRA_LIMIT + " bytes limit", 1, 3, "", null),
                        Line.normal("ARC1 (PID:" + pid + "): Error 19809 Creating archive log file to '/u03/fast_recovery_area/DEMO/archivelog/"
                                + DAY.format(now) + "/o1_mf_1_" + (4_000 + random.nextInt(1_000)) + "_.arc'"));
            }
            case RECOVERY_AREA_WARNING -> {
                double used = 85 + random.nextInt(1_000) / 100.0;
                long free = Math.round(DemoSeed.FRA_LIMIT * (100 - used) / 100);
                yield List.of(new Line(String.format(Locale.ROOT,
                        "ORA-19815: WARNING: db_recovery_file_dest_size of %d bytes is %.2f%% used, and has %d remaining bytes available.",
                        DemoSeed.FRA_LIMIT, used, free), 8, 4, "", null));
            }
        };
    }
}
