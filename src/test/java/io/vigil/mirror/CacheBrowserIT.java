package io.vigil.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.TargetKind;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheBrowser.ColumnKind;
import io.vigil.mirror.CacheBrowser.Page;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/** The browser on a team's MariaDB cache reads what the embedded one reads, with the same Java values. */
class CacheBrowserIT {

    static final Map<String, MirrorDef> ORACLE = Packs.shipped(TargetKind.ORACLE).mirrorDefs().stream()
            .collect(Collectors.toMap(MirrorDef::name, m -> m));

    @Test
    void theDemosSnapshotsReadBackFromAMariadbCache() {
        InMemoryLedger ledger = new InMemoryLedger();
        try (TestDatabase cacheDb = RealServices.mariadb().createDatabase("brcache");
             CacheDb cache = CacheDb.mysql(cacheDb.jdbcUrl(), cacheDb.user(), Secret.of(cacheDb.password()));
             TargetConnections connections = new TargetConnections(new DemoOracles())) {
            CacheBrowser browser = new CacheBrowser(cache, ledger);
            MirrorJob job = new MirrorJob(connections, cache, ledger);
            assertThat(browser.read(1, ORACLE.get("session"), 100)).as("not mirrored yet").isEmpty();

            MirrorResult sessions = job.run(MirrorJobTest.demo(1), ORACLE.get("session"));
            job.run(MirrorJobTest.demo(2), ORACLE.get("session"));
            Page page = browser.read(1, ORACLE.get("session"), CacheBrowser.DEFAULT_LIMIT).orElseThrow();
            assertThat(page.columns()).hasSize(17).extracting(CacheBrowser.Column::name).startsWith("sid", "serial_no").endsWith("logon_time")
                    .doesNotContain("target_id");
            assertThat(page.rows()).hasSize((int) sessions.rows());
            assertThat(page.syncedAt()).contains(sessions.sourceTime());
            assertThat(page.columns().getFirst().kind()).isEqualTo(ColumnKind.NUMBER);
            assertThat(page.columns().getLast().kind()).isEqualTo(ColumnKind.TIME);
            assertThat(page.rows()).allSatisfy(r -> {
                assertThat(r.getFirst()).isInstanceOf(Number.class);
                assertThat(r.getLast()).isInstanceOf(LocalDateTime.class);
            });
            assertThat(browser.read(3, ORACLE.get("session"), 100)).as("the table exists, but not for this target").isEmpty();

            Page cut = browser.read(1, ORACLE.get("session"), 3).orElseThrow();
            assertThat(cut.rows()).hasSize(3);
            assertThat(cut.total()).isEqualTo(sessions.rows());

            job.run(MirrorJobTest.demo(1), ORACLE.get("tablespace_usage"));
            List<Object> decimals = browser.read(1, ORACLE.get("tablespace_usage"), 100).orElseThrow().rows().stream()
                    .flatMap(List::stream).filter(v -> v instanceof BigDecimal).toList();
            assertThat(decimals).isNotEmpty().allSatisfy(v -> assertThat(((BigDecimal) v).scale())
                    .isEqualTo(Math.max(0, ((BigDecimal) v).stripTrailingZeros().scale())));
        }
    }

    @Test
    void booleansTimesAndNullsFromAMariadbTargetKeepTheirTypes() throws Exception {
        InMemoryLedger ledger = new InMemoryLedger();
        try (TestDatabase source = RealServices.mariadb().createDatabase("brsrc");
             TestDatabase cacheDb = RealServices.mariadb().createDatabase("brcache");
             CacheDb cache = CacheDb.mysql(cacheDb.jdbcUrl(), cacheDb.user(), Secret.of(cacheDb.password()));
             TargetConnections connections = new TargetConnections(new DemoOracles())) {
            try (Connection c = DriverManager.getConnection(source.jdbcUrl(), source.user(), source.password()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (id BIGINT, name VARCHAR(20), amount DECIMAL(12,2), ratio DOUBLE, seen DATETIME(3), flag BOOLEAN)");
                s.execute("INSERT INTO t VALUES (1, 'a', 10.50, 0.25, '2024-03-01 10:15:30', TRUE), (2, NULL, NULL, NULL, NULL, NULL)");
            }
            MirrorDef def = new MirrorDef(1, "t", TargetKind.MYSQL, "SELECT id, name, amount, ratio, seen, flag FROM t ORDER BY id", "my_t", 15,
                    100, MirrorMode.REPLACE, "", true, "");
            new MirrorJob(connections, cache, ledger).run(MirrorJobIT.target(1, TargetKind.MYSQL, source), def);
            Page page = new CacheBrowser(cache, ledger).read(1, def, 100).orElseThrow();
            assertThat(page.columns()).extracting(CacheBrowser.Column::kind).containsExactly(ColumnKind.NUMBER, ColumnKind.TEXT,
                    ColumnKind.NUMBER, ColumnKind.NUMBER, ColumnKind.TIME, ColumnKind.BOOLEAN);
            List<Object> first = page.rows().stream().filter(r -> Long.valueOf(1).equals(r.getFirst())).findFirst().orElseThrow();
            assertThat(first).containsExactly(1L, "a", new BigDecimal("10.5"), 0.25, LocalDateTime.of(2024, 3, 1, 10, 15, 30), true);
            List<Object> second = page.rows().stream().filter(r -> Long.valueOf(2).equals(r.getFirst())).findFirst().orElseThrow();
            assertThat(second).containsExactly(2L, null, null, null, null, null);
        }
    }
}
