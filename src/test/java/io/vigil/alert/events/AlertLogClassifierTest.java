package io.vigil.alert.events;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

import io.vigil.config.Severity;

class AlertLogClassifierTest {

    final AlertLogClassifier classifier = new AlertLogClassifier();

    void assertClass(String text, AlertLogCategory category, Severity severity, String code) {
        AlertLogClass k = classifier.classify(text);
        assertThat(k.category()).as(text).isEqualTo(category);
        assertThat(k.severity()).as(text).isEqualTo(severity);
        assertThat(k.code()).as(text).isEqualTo(code);
    }

    @Test
    void anInternalErrorKeepsItsFirstArgumentInTheTitle() {
        AlertLogClass k = classifier.classify("""
                Errors in file /u01/app/oracle/diag/rdbms/orcl/ORCL/trace/ORCL_ora_23817.trc  (incident=48021):
                ORA-00600: internal error code, arguments: [kcbz_check_objd_typ], [0], [0], [1], [], [], [], [], [], [], [], []
                Incident details in: /u01/app/oracle/diag/rdbms/orcl/ORCL/incident/incdir_48021/ORCL_ora_23817_i48021.trc""");
        assertThat(k).isEqualTo(new AlertLogClass(AlertLogCategory.INTERNAL_ERROR, Severity.CRIT, "ORA-00600", "ORA-00600 [kcbz_check_objd_typ]"));
        assertThat(classifier.classify("ORA-07445: exception encountered: core dump [kghfrempty()+123] [SIGSEGV] [ADDR:0x8] [PC:0x12A4] []")
                .title()).isEqualTo("ORA-07445 [kghfrempty()+123]");
    }

    @Test
    void aCorruptBlockAndItsDataFileAreOneCorruption() {
        AlertLogClass k = classifier.classify("""
                Errors in file /u01/app/oracle/diag/rdbms/orcl/ORCL/trace/ORCL_ora_30211.trc  (incident=48022):
                ORA-01578: ORACLE data block corrupted (file # 7, block # 1234)
                ORA-01110: data file 7: '/u01/oradata/ORCL/users01.dbf'""");
        assertThat(k.category()).isEqualTo(AlertLogCategory.CORRUPTION);
        assertThat(k.severity()).isEqualTo(Severity.CRIT);
        assertThat(k.code()).isEqualTo("ORA-01578");
        assertThat(k.title()).isEqualTo("ORA-01578: ORACLE data block corrupted (file # 7, block # 1234)");
        assertClass("Corrupt block relative dba: 0x01c004d2 (file 7, block 1234)", AlertLogCategory.CORRUPTION, Severity.CRIT, "");
    }

    @Test
    void theArchiverIsStuckButAFillingRecoveryAreaIsOnlyAWarning() {
        assertClass("ORA-00257: Archiver error. Connect AS SYSDBA only until resolved.", AlertLogCategory.ARCHIVER_STUCK, Severity.CRIT, "ORA-00257");
        assertClass("ORA-16038: log 2 sequence# 4511 cannot be archived", AlertLogCategory.ARCHIVER_STUCK, Severity.CRIT, "ORA-16038");
        String warning = "ORA-19815: WARNING: db_recovery_file_dest_size of 214748364800 bytes is 87.43% used, and has 27011256320 remaining bytes available.";
        assertClass(warning, AlertLogCategory.ARCHIVER_STUCK, Severity.WARN, "ORA-19815");
        assertClass(warning + "\nORA-19809: limit exceeded for recovery files", AlertLogCategory.ARCHIVER_STUCK, Severity.CRIT, "ORA-19809");
    }

    @Test
    void memorySnapshotDeadlockAndSpace() {
        assertClass("ORA-04031: unable to allocate 4160 bytes of shared memory (\"shared pool\",\"unknown object\",\"sga heap(1,0)\",\"kglsim object batch\")",
                AlertLogCategory.MEMORY, Severity.CRIT, "ORA-04031");
        assertClass("ORA-01555 caused by SQL statement below (SQL ID: 9babjv8yq8ru3, Query Duration=1804 sec, SCN: 0x0000.0b8a4c21):",
                AlertLogCategory.SNAPSHOT_TOO_OLD, Severity.WARN, "ORA-01555");
        assertClass("""
                Errors in file /u01/app/oracle/diag/rdbms/orcl/ORCL/trace/ORCL_ora_4411.trc:
                ORA-00060: Deadlock detected. See Note 60.1 at My Oracle Support for Troubleshooting ORA-60 Errors.""",
                AlertLogCategory.DEADLOCK, Severity.WARN, "ORA-00060");
        assertClass("Global Enqueue Services Deadlock detected (DID = 25_1_0). More information in file ORCL1_lmd0_2232.trc",
                AlertLogCategory.DEADLOCK, Severity.WARN, "");
        // space errors are logged without the leading zero
        assertClass("ORA-1653: unable to extend table APP.ORDER_LINES by 8192 in                 tablespace APP_DATA",
                AlertLogCategory.SPACE, Severity.WARN, "ORA-01653");
        assertClass("ORA-30036: unable to extend segment by 8 in undo tablespace 'UNDOTBS1'", AlertLogCategory.SPACE, Severity.WARN, "ORA-30036");
    }

    @Test
    void startupsAndShutdownsAreInformationUnlessAborted() {
        assertClass("Starting ORACLE instance (normal) (OS id: 4242)", AlertLogCategory.STARTUP, Severity.INFO, "");
        assertClass("Completed: ALTER DATABASE OPEN", AlertLogCategory.STARTUP, Severity.INFO, "");
        assertClass("Shutting down ORACLE instance (immediate) (OS id: 5120)", AlertLogCategory.SHUTDOWN, Severity.INFO, "");
        assertClass("Instance shutdown complete (OS id: 5120)", AlertLogCategory.SHUTDOWN, Severity.INFO, "");
        assertClass("Shutting down instance (abort)", AlertLogCategory.SHUTDOWN, Severity.WARN, "");
        assertClass("PMON (ospid: 2162): terminating the instance due to error 472", AlertLogCategory.SHUTDOWN, Severity.CRIT, "");
    }

    @Test
    void routineLinesAreNoEventsAndUnknownCodesAreOtherErrors() {
        AlertLogClass logSwitch = classifier.classify("Thread 1 advanced to log sequence 4512 (LGWR switch)\n  Current log# 2 seq# 4512 mem# 0: /u01/oradata/ORCL/redo02.log");
        assertThat(logSwitch.category()).isEqualTo(AlertLogCategory.ROUTINE);
        assertThat(logSwitch.isEvent()).isFalse();
        assertThat(classifier.classify("Archived Log entry 4480 added for thread 1 sequence 4511 ID 0x5b2c1d7e dest 1:").isEvent()).isFalse();
        assertClass("ORA-00020: maximum number of processes (300) exceeded", AlertLogCategory.OTHER_ERROR, Severity.WARN, "ORA-00020");
        assertClass("WARNING: inbound connection timed out (ORA-3136)", AlertLogCategory.OTHER_ERROR, Severity.WARN, "ORA-03136");
    }

    @Test
    void theMostSevereCodeDecidesNotTheFirst() {
        assertClass("ORA-00604: error occurred at recursive SQL level 1\nORA-04031: unable to allocate 32 bytes of shared memory",
                AlertLogCategory.MEMORY, Severity.CRIT, "ORA-04031");
        assertClass("ORA-01555 caused by SQL statement below\nORA-00600: internal error code, arguments: [kdsgrp1], [], []",
                AlertLogCategory.INTERNAL_ERROR, Severity.CRIT, "ORA-00600");
        assertThat(AlertLogClassifier.codes("ORA-00060: Deadlock detected. See Note 60.1 for Troubleshooting ORA-60 Errors. ORA-1555"))
                .containsExactly("ORA-00060", "ORA-01555");
    }

    @Test
    void everyCategoryHasATitleKey() {
        assertThat(AlertLogCategory.INTERNAL_ERROR.messageKey()).isEqualTo("event.category.INTERNAL_ERROR");
        io.vigil.i18n.Messages en = new io.vigil.i18n.Messages(java.util.Locale.ENGLISH);
        for (AlertLogCategory c : AlertLogCategory.values()) {
            assertThat(en.get(c.messageKey())).as(c.name()).isNotEqualTo(c.messageKey());
        }
        assertThat(en.get(AlertLogCategory.ARCHIVER_STUCK.messageKey())).isEqualTo("Archiver stuck");
    }
}
