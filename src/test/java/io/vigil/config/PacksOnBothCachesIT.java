package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.gather.InstanceStart;
import io.vigil.gather.Pick;
import io.vigil.gather.PickedValue;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/**
 * Every shipped mirror runs on a real source of its kind (the demo Oracle, MariaDB, PostgreSQL), and every shipped
 * metric then runs on both caches: embedded H2 and a real MariaDB. Metric SQL must be valid on both.
 */
class PacksOnBothCachesIT {

    @TempDir
    Path folder;

    private static io.vigil.config.ServerVersion sourceMeta(TargetConnections connections, Target source) throws java.sql.SQLException {
        try (Connection c = connections.pool(source).getConnection()) {
            return connections.release(source, c.getMetaData());
        }
    }

    @Test
    void everyPackMirrorAndMetricRunsOnBothCaches() throws Exception {
        try (TestDatabase mysqlSource = RealServices.mariadb().createDatabase("packsrc");
             TestDatabase pgSource = RealServices.postgres().createDatabase("packsrc");
             TestDatabase cacheDb = RealServices.mariadb().createDatabase("packcache");
             TargetConnections connections = new TargetConnections(new DemoOracles());
             CacheDb h2 = CacheDb.embedded(folder);
             CacheDb mariadb = CacheDb.mysql(cacheDb.jdbcUrl(), cacheDb.user(), Secret.of(cacheDb.password()))) {
            List<Target> sources = List.of(
                    new Target(1, "demo", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(), true),
                    new Target(4, "demo-cdb", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "CDB", "", "", Secret.empty(), List.of(), true),
                    new Target(2, "maria", TargetKind.MYSQL, mysqlSource.host(), mysqlSource.port(), ConnectBy.DATABASE, mysqlSource.name(), "",
                            mysqlSource.user(), Secret.of(mysqlSource.password()), List.of(), true),
                    new Target(3, "pg", TargetKind.POSTGRES, pgSource.host(), pgSource.port(), ConnectBy.DATABASE, pgSource.name(), "",
                            pgSource.user(), Secret.of(pgSource.password()), List.of(), true));
            int metricsRun = 0;
            List<String> empty = new ArrayList<>();
            java.util.Map<String, java.util.Set<String>> oracleWithValues = new java.util.HashMap<>();
            for (CacheDb cache : List.of(h2, mariadb)) {
                MirrorJob mirror = new MirrorJob(connections, cache, new InMemoryLedger());
                for (Target source : sources) {
                    Pack pack = Packs.shipped(source.kind().packKind());
                    for (MirrorDef m : pack.mirrorDefs()) {
                        mirror.run(source, m); // throws, naming the mirror and the side that failed
                    }
                    try (Connection c = cache.dataSource().getConnection()) {
                        for (MetricDef m : pack.metricDefs()) {
                            List<PickedValue> values = Pick.run(c, m, source.id()); // throws on SQL that one cache refuses
                            metricsRun++;
                            if (values.isEmpty()) {
                                empty.add(cache.location() + " " + source.name() + " " + m.name());
                            } else if (m.kind() == TargetKind.ORACLE) {
                                oracleWithValues.computeIfAbsent(cache.location(), k -> new java.util.TreeSet<>()).add(m.name());
                            }
                        }
                        if (source.kind() == TargetKind.DEMO_ORACLE) { // the dashboard's DBA checks read this cache too
                            io.vigil.gather.OracleChecks.Report r = io.vigil.gather.OracleChecks.read(cache, source.id(), java.time.Instant.now());
                            assertThat(r.role()).as(cache.location()).isEqualTo("PRIMARY");
                            assertThat(r.started()).isNotNull();
                            assertThat(r.applyLag()).isNotNull();
                            assertThat(r.gapLogs()).isZero();
                            assertThat(r.backups()).hasSize(3).allSatisfy(b -> assertThat(b.ageHours()).isNotNull());
                            assertThat(r.accountsRead()).isTrue();
                            assertThat(r.expiring()).extracting(io.vigil.gather.OracleChecks.Account::username)
                                    .containsExactly("REPORTING", "BATCH", "DBA_ANNA");
                            assertThat(r.locked()).containsExactly("AUDITOR", "ETL_OLD");
                        }
                        if (source.kind() == TargetKind.MYSQL) {
                            // MariaDB 10.11 reads SHOW REPLICA STATUS (its variant from 10.5.1) into the columns every server fills
                            MirrorDef replica = pack.mirrorDefs().stream().filter(m -> m.name().equals("replica")).findFirst().orElseThrow();
                            assertThat(replica.readFor(sourceMeta(connections, source)).sql()).isEqualTo("SHOW REPLICA STATUS");
                            List<String> columns = new ArrayList<>();
                            try (var rs = c.getMetaData().getColumns(c.getCatalog(), c.getSchema(), "my_replica", "%")) {
                                while (rs.next()) {
                                    columns.add(rs.getString("COLUMN_NAME").toLowerCase(java.util.Locale.ROOT));
                                }
                            }
                            List<String> kept = new ArrayList<>(List.of("target_id"));
                            kept.addAll(replica.columns());
                            assertThat(columns).as("my_replica on " + cache.location()).containsExactlyElementsOf(kept);
                        }
                        assertThat(InstanceStart.read(c, pack.instanceStart(), source.id(), java.time.Instant.now()))
                                .as(source.kind() + " instance start on " + cache.location())
                                .hasValueSatisfying(t -> assertThat(t).isBefore(java.time.Instant.now().plusSeconds(5)));
                    }
                }
            }
            int perCache = sources.stream().mapToInt(t -> Packs.shipped(t.kind().packKind()).metrics().size()).sum();
            assertThat(metricsRun).isEqualTo(2 * perCache);
            // every Oracle metric has figures on the demo, playing a non-CDB or a CDB (the per-PDB ones only there), on both caches
            List<String> oracleMetrics = Packs.shipped(TargetKind.ORACLE).metricDefs().stream().map(MetricDef::name).toList();
            assertThat(oracleWithValues).hasSize(2);
            oracleWithValues.forEach((cache, names) -> assertThat(names).as(cache).containsAll(oracleMetrics));
            // a primary has no replication lag, a quiet test server no long queries: some metrics rightly have no rows
            assertThat(empty.size()).as("metrics with no rows: " + empty).isLessThan(perCache / 2);
        }
    }
}
