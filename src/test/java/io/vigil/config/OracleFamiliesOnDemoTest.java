package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.gather.Pick;
import io.vigil.gather.PickedValue;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;

/**
 * The Oracle pack's Data Guard, backup, account, object, job, redo, ASM, temp, undo, sysmetric, limit and multitenant
 * families, run through the real mirror job and pick on the demo Oracle playing a non-CDB and a CDB with three PDBs.
 */
class OracleFamiliesOnDemoTest {

    @TempDir
    Path folder;
    final Pack pack = Packs.shipped(TargetKind.ORACLE);
    DemoOracles demos;
    TargetConnections connections;
    CacheDb cache;

    @BeforeEach
    void open() {
        demos = new DemoOracles();
        connections = new TargetConnections(demos);
        cache = CacheDb.embedded(folder);
    }

    @AfterEach
    void close() {
        connections.close();
        demos.close();
        cache.close();
    }

    static Target demo(long id, String database) {
        return new Target(id, "demo" + id, TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, database, "", "", Secret.empty(), List.of(),
                true);
    }

    /** Every mirror the target's version runs, then every metric whose mirrors all ran: metric name → its values. */
    Map<String, List<PickedValue>> collect(Target t) throws Exception {
        int[] v = DemoOracles.version(t);
        MirrorJob mirror = new MirrorJob(connections, cache, new InMemoryLedger());
        List<String> ran = new java.util.ArrayList<>();
        for (MirrorDef m : pack.mirrorDefs()) {
            if (m.runsOn(v[0], v[1])) {
                mirror.run(t, m);
                ran.add(m.name());
            }
        }
        Map<String, List<PickedValue>> out = new LinkedHashMap<>();
        try (Connection c = cache.dataSource().getConnection()) {
            for (MetricDef m : pack.metricDefs()) {
                if (ran.containsAll(m.mirrors())) {
                    out.put(m.name(), Pick.run(c, m, t.id()));
                }
            }
        }
        return out;
    }

    static double one(Map<String, List<PickedValue>> values, String metric) {
        assertThat(values.get(metric)).as(metric).hasSize(1);
        return values.get(metric).getFirst().value();
    }

    static Map<String, Double> by(Map<String, List<PickedValue>> values, String metric, String label) {
        Map<String, Double> out = new LinkedHashMap<>();
        for (PickedValue p : values.get(metric)) {
            out.merge(p.labels().get(label), p.value(), Double::sum);
        }
        return out;
    }

    @Test
    void aNonCdbShowsEveryFamilyWithBelievableFigures() throws Exception {
        Map<String, List<PickedValue>> v = collect(demo(1, ""));

        assertThat(one(v, "oracle.dataguard.transport_lag_s")).isBetween(0.0, 3.0);
        assertThat(one(v, "oracle.dataguard.apply_lag_s")).isBetween(2.0, 15.0);
        assertThat(one(v, "oracle.dataguard.gap_logs")).isZero();
        assertThat(v.get("oracle.dataguard.role")).singleElement()
                .satisfies(p -> assertThat(p.labels()).containsEntry("database_role", "PRIMARY").containsEntry("protection_mode", "MAXIMUM PERFORMANCE"));

        // Oracle-maintained accounts (SYS, XDB, ... expired and locked as shipped) are left out
        Map<String, Double> expiry = by(v, "oracle.users.days_to_expiry", "username");
        assertThat(expiry.keySet()).containsExactlyInAnyOrder("BATCH", "REPORTING", "DBA_ANNA");
        assertThat(expiry.get("BATCH")).isCloseTo(12.2, within(0.3));
        assertThat(expiry.get("REPORTING")).isCloseTo(4.2, within(0.3));
        assertThat(one(v, "oracle.users.in_grace")).isEqualTo(1);
        assertThat(one(v, "oracle.users.locked")).isEqualTo(2);

        assertThat(one(v, "oracle.redo.switches_per_hour")).isBetween(5.0, 30.0);
        assertThat(one(v, "oracle.redo.bytes_per_s")).isPositive();
        assertThat(by(v, "oracle.asm.used_pct", "name")).containsOnlyKeys("DATA", "RECO").hasEntrySatisfying("DATA",
                d -> assertThat(d).isCloseTo(71.0, within(0.1)));
        assertThat(by(v, "oracle.asm.offline_disks", "name").values()).containsOnly(0.0);
        // the bytes the days-until-full forecast fits agree with the percentages
        assertThat(by(v, "oracle.asm.used_bytes", "name").get("DATA") / by(v, "oracle.asm.total_bytes", "name").get("DATA"))
                .isCloseTo(0.71, within(0.001));
        assertThat(100 * one(v, "oracle.fra.used_bytes") / one(v, "oracle.fra.limit_bytes")).isCloseTo(one(v, "oracle.fra.used_pct"), within(0.01));
        Map<String, Double> used = by(v, "oracle.tablespace.used_bytes", "tablespace_name");
        Map<String, Double> size = by(v, "oracle.tablespace.size_bytes", "tablespace_name");
        assertThat(used).hasSize(7).containsOnlyKeys(size.keySet());
        assertThat(100 * used.get("USERS") / size.get("USERS")).isCloseTo(by(v, "oracle.tablespace.used_pct", "tablespace_name").get("USERS"),
                within(0.1));

        assertThat(one(v, "oracle.objects.invalid_total")).isEqualTo(4);
        assertThat(v.get("oracle.objects.invalid")).anySatisfy(p -> {
            assertThat(p.labels()).containsEntry("owner", "APP").containsEntry("object_type", "PACKAGE BODY");
            assertThat(p.value()).isEqualTo(1);
        });
        assertThat(one(v, "oracle.jobs.scheduler_failed")).isEqualTo(2);
        assertThat(one(v, "oracle.jobs.broken")).isEqualTo(1);

        for (String m : List.of("active_sessions", "host_cpu_pct", "buffer_hit_pct", "sql_response_ms", "logons_per_s", "executions_per_s",
                "physical_reads_per_s")) {
            assertThat(one(v, "oracle.sysmetric." + m)).as(m).isPositive();
        }
        assertThat(one(v, "oracle.sysmetric.buffer_hit_pct")).isBetween(90.0, 100.0);
        assertThat(one(v, "oracle.db_files.used_pct")).isCloseTo(100.0 * 6 / 200, within(0.01)); // six data files, DB_FILES 200

        assertThat(one(v, "oracle.backup.full_age_hours")).isBetween(1.0, 192.0);
        assertThat(one(v, "oracle.backup.incremental_age_hours")).isBetween(0.0, 26.0);
        assertThat(one(v, "oracle.backup.archivelog_age_hours")).isBetween(0.0, 6.0);
        assertThat(one(v, "oracle.backup.last_failed")).isZero();

        assertThat(by(v, "oracle.undo.bytes", "status")).containsOnlyKeys("ACTIVE", "UNEXPIRED", "EXPIRED");
        assertThat(one(v, "oracle.temp.session_max_bytes")).isGreaterThanOrEqualTo(0);

        // a non-CDB stays as it was: its tablespaces under the tablespace metric, nothing per container
        assertThat(v.get("oracle.tablespace.used_pct")).hasSize(7);
        assertThat(v.get("oracle.pdb.tablespace_used_pct")).isEmpty();
        assertThat(v.get("oracle.pdb.sessions")).isEmpty();
        assertThat(v.get("oracle.pdb.open")).isEmpty();
    }

    @Test
    void aCdbShowsEachPdbAsALabel() throws Exception {
        Target cdb = demo(2, "CDB");
        assertThat(DemoOracles.cdb(cdb)).isTrue();
        Map<String, List<PickedValue>> v = collect(cdb);

        assertThat(by(v, "oracle.pdb.open", "pdb")).containsOnlyKeys("SALES", "HR", "CRM").values().containsOnly(1.0);
        List<PickedValue> space = v.get("oracle.pdb.tablespace_used_pct");
        assertThat(space).extracting(p -> p.labels().get("pdb")).containsOnly("SALES", "HR", "CRM");
        assertThat(space).filteredOn(p -> p.labels().get("pdb").equals("HR") && p.labels().get("tablespace_name").equals("APP_DATA"))
                .singleElement().satisfies(p -> assertThat(p.value()).isCloseTo(64.0, within(0.5)));
        assertThat(space).extracting(p -> p.labels().get("tablespace_name")).contains("SYSTEM", "SYSAUX", "UNDOTBS1", "APP_DATA");
        Map<String, Double> sessions = by(v, "oracle.pdb.sessions", "container");
        assertThat(sessions).containsKeys("CDB$ROOT", "SALES", "HR", "CRM");
        assertThat(sessions.get("SALES")).isGreaterThan(sessions.get("CRM"));
        assertThat(sessions.values().stream().mapToDouble(Double::doubleValue).sum()).isEqualTo(one(v, "oracle.sessions.total"));
        // the root's own tablespaces still come through the tablespace metric, unlabelled by container
        assertThat(v.get("oracle.tablespace.used_pct")).hasSize(7).allSatisfy(p -> assertThat(p.labels()).doesNotContainKey("pdb"));
    }

    @Test
    void anEleventhReleaseSkipsTheMultitenantMirrorsAndTellsOraclesAccountsByName() throws Exception {
        Target old = demo(3, "11.2");
        assertThat(DemoOracles.cdb(demo(4, "11.2 CDB"))).as("11g has no multitenant").isFalse();
        List<String> skipped = pack.mirrorDefs().stream().filter(m -> !m.runsOn(11, 2)).map(MirrorDef::name).toList();
        assertThat(skipped).containsExactlyInAnyOrder("alert_log", "containers", "pdb_tablespace_usage", "container_sessions");
        MirrorDef users = pack.mirrorDefs().stream().filter(m -> m.name().equals("users")).findFirst().orElseThrow();
        assertThat(users.readFor(new ServerVersion(11, 2, 0)).sql()).doesNotContain("oracle_maintained").contains("'XDB'");
        assertThat(users.readFor(new ServerVersion(19, 0, 0)).sql()).contains("oracle_maintained = 'N'");

        Map<String, List<PickedValue>> v = collect(old);
        assertThat(v).doesNotContainKeys("oracle.pdb.sessions", "oracle.pdb.tablespace_used_pct")
                .containsKeys("oracle.backup.full_age_hours", "oracle.dataguard.apply_lag_s", "oracle.redo.switches_per_hour");
        // without the column, Oracle's own accounts (XDB, OUTLN, ... locked as shipped) are still left out, by name
        assertThat(by(v, "oracle.users.days_to_expiry", "username").keySet()).containsExactlyInAnyOrder("BATCH", "REPORTING", "DBA_ANNA");
        assertThat(one(v, "oracle.users.locked")).isEqualTo(2);
        assertThat(one(v, "oracle.users.in_grace")).isEqualTo(1);
    }
}
