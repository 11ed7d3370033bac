package io.vigil.gather;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.ConnectBy;
import io.vigil.config.MetricDef;
import io.vigil.config.MetricType;
import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.gather.MetricPreview.Outcome;
import io.vigil.gather.MetricPreview.Result;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;

/** Previews on the embedded cache, filled by mirroring the demo Oracle. */
class MetricPreviewTest {

    @TempDir
    Path folder;
    TargetConnections connections;
    CacheDb cache;
    InMemoryLedger ledger;
    MirrorJob mirror;
    MetricPreview preview;

    static final Target DEMO = new Target(1, "demo", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(),
            List.of(), true);
    static final MirrorDef SYSSTAT = new MirrorDef(1, "sysstat", TargetKind.ORACLE, "SELECT name, value FROM v$sysstat", "ora_sysstat",
            15, 1000, MirrorMode.REPLACE, "", true, "");

    @BeforeEach
    void open() {
        connections = new TargetConnections(new DemoOracles());
        cache = CacheDb.embedded(folder);
        ledger = new InMemoryLedger();
        mirror = new MirrorJob(connections, cache, ledger);
        preview = new MetricPreview(cache, ledger, Clock.systemUTC());
    }

    @AfterEach
    void close() {
        connections.close();
        cache.close();
    }

    static MetricDef metric(String sql, MetricType type, List<String> labels) {
        return new MetricDef(0, "test.metric", TargetKind.ORACLE, sql, List.of("sysstat"), 60, type, "/s", labels, 15, null, null, "",
                true, "");
    }

    /** What the cache holds for the demo, read straight from the table: the values a preview must show. */
    Map<String, Double> cached() throws Exception {
        Map<String, Double> values = new HashMap<>();
        try (Connection c = cache.dataSource().getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT name, value FROM ora_sysstat WHERE target_id = ?")) {
            ps.setLong(1, DEMO.id());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    values.put(rs.getString(1), rs.getDouble(2));
                }
            }
        }
        return values;
    }

    @Test
    void aMirrorThatHasNotSyncedIsNamedAndTheSqlIsNotRun() {
        Result r = preview.run(metric("SELECT value FROM ora_sysstat WHERE target_id = ?", MetricType.GAUGE, List.of()), DEMO);
        assertThat(r.outcome()).isEqualTo(Outcome.MIRROR_MISSING);
        assertThat(r.missing()).containsExactly("sysstat");
        assertThat(r.rows()).isEmpty();
    }

    @Test
    void labelColumnsBecomeTagsNextToTheTargetsName() throws Exception {
        mirror.run(DEMO, SYSSTAT);
        Result r = preview.run(metric("SELECT name, value FROM ora_sysstat WHERE target_id = ? AND name IN ('execute count', 'user calls')",
                MetricType.GAUGE, List.of("name")), DEMO);
        assertThat(r.outcome()).isEqualTo(Outcome.VALUES);
        assertThat(r.archivesRate()).isFalse();
        assertThat(r.snapshotTime()).isEqualTo(ledger.last(DEMO.id(), "sysstat").orElseThrow().syncedAt());
        assertThat(r.stale()).isFalse();
        Map<String, Double> cached = cached();
        assertThat(r.rows()).hasSize(2).allSatisfy(row -> {
            assertThat(row.tags()).containsOnlyKeys("name", "target").containsEntry("target", "demo");
            assertThat(row.value()).isEqualTo(cached.get(row.tags().get("name")));
            assertThat(row.archived()).isTrue();
        });
    }

    @Test
    void aCounterShowsItsRawReadingsAndSaysARateIsArchived() throws Exception {
        mirror.run(DEMO, SYSSTAT);
        Result r = preview.run(metric("SELECT value FROM ora_sysstat WHERE target_id = ? AND name = 'user commits'", MetricType.COUNTER,
                List.of()), DEMO);
        assertThat(r.outcome()).isEqualTo(Outcome.VALUES);
        assertThat(r.archivesRate()).isTrue();
        assertThat(r.unit()).isEqualTo("/s");
        assertThat(r.rows()).singleElement().satisfies(row -> assertThat(row.value()).as("the raw counter, not a rate")
                .isEqualTo(cached().get("user commits")).isPositive());
    }

    @Test
    void badSqlFailsWithTheDatabasesOwnWords() {
        mirror.run(DEMO, SYSSTAT);
        Result r = preview.run(metric("SELECT no_such_column FROM ora_sysstat WHERE target_id = ?", MetricType.GAUGE, List.of()), DEMO);
        assertThat(r.outcome()).isEqualTo(Outcome.SQL_FAILED);
        assertThat(r.detail()).containsIgnoringCase("no_such_column").doesNotContain("SQL statement").doesNotContain("Exception");
    }

    @Test
    void textInsteadOfANumberIsRefusedSayingWhichColumnHoldsWhat() {
        mirror.run(DEMO, SYSSTAT);
        Result r = preview.run(metric("SELECT name AS value FROM ora_sysstat WHERE target_id = ? AND name = 'user commits'",
                MetricType.GAUGE, List.of()), DEMO);
        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.detail()).isEqualTo("column value holds \u201cuser commits\u201d, which is not a number");
    }

    @Test
    void missingLabelColumnsAreRefused() {
        mirror.run(DEMO, SYSSTAT);
        Result r = preview.run(metric("SELECT value FROM ora_sysstat WHERE target_id = ?", MetricType.GAUGE, List.of("name")), DEMO);
        assertThat(r.outcome()).isEqualTo(Outcome.REFUSED);
        assertThat(r.detail()).contains("label columns [name]");
    }

    @Test
    void noRowsIsItsOwnOutcomeAndNullValuesAreMarkedSkipped() {
        mirror.run(DEMO, SYSSTAT);
        Result none = preview.run(metric("SELECT value FROM ora_sysstat WHERE target_id = ? AND name = 'no such statistic'",
                MetricType.GAUGE, List.of()), DEMO);
        assertThat(none.outcome()).isEqualTo(Outcome.NO_ROWS);
        Result nulls = preview.run(metric("SELECT CAST(NULL AS DOUBLE) AS value FROM ora_sysstat WHERE target_id = ? AND name = 'user commits'",
                MetricType.GAUGE, List.of()), DEMO);
        assertThat(nulls.rows()).singleElement().satisfies(row -> assertThat(row.archived()).isFalse());
    }

    @Test
    void anotherTargetsRowsAreNotRead() {
        mirror.run(DEMO, SYSSTAT);
        Target other = new Target(2, "other", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(), true);
        Result r = preview.run(metric("SELECT value FROM ora_sysstat WHERE target_id = ?", MetricType.GAUGE, List.of()), other);
        assertThat(r.outcome()).as("the other target never synced").isEqualTo(Outcome.MIRROR_MISSING);
    }

    @Test
    void aSnapshotOlderThanTheFreshnessBoundIsFlaggedStale() {
        mirror.run(DEMO, SYSSTAT);
        MetricPreview later = new MetricPreview(cache, ledger, Clock.offset(Clock.systemUTC(), Duration.ofMinutes(5)));
        Result r = later.run(metric("SELECT value FROM ora_sysstat WHERE target_id = ? AND name = 'user commits'", MetricType.GAUGE,
                List.of()), DEMO);
        assertThat(r.outcome()).isEqualTo(Outcome.VALUES);
        assertThat(r.stale()).as("60 s bound, 5 min old").isTrue();
    }
}
