package io.vigil.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.MirrorDef;
import io.vigil.config.Packs;
import io.vigil.config.TargetKind;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheBrowser.ColumnKind;
import io.vigil.mirror.CacheBrowser.Page;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;

/** Reading the demo Oracle's mirrored snapshots back out of the embedded cache. */
class CacheBrowserTest {

    @TempDir
    Path folder;
    TargetConnections connections;
    CacheDb cache;
    InMemoryLedger ledger;
    MirrorJob job;
    CacheBrowser browser;

    static final Map<String, MirrorDef> ORACLE = Packs.shipped(TargetKind.ORACLE).mirrorDefs().stream()
            .collect(Collectors.toMap(MirrorDef::name, m -> m));

    @BeforeEach
    void open() {
        connections = new TargetConnections(new DemoOracles());
        cache = CacheDb.embedded(folder);
        ledger = new InMemoryLedger();
        job = new MirrorJob(connections, cache, ledger);
        browser = new CacheBrowser(cache, ledger);
    }

    @AfterEach
    void close() {
        connections.close();
        cache.close();
    }

    @Test
    void aMirrorNotCachedYetGivesNothing() {
        assertThat(browser.read(1, ORACLE.get("session"), 100)).as("no table yet").isEmpty();
        job.run(MirrorJobTest.demo(2), ORACLE.get("session"));
        assertThat(browser.read(1, ORACLE.get("session"), 100)).as("the table exists, but only for another target").isEmpty();
    }

    @Test
    void sessionsComeBackWithTheirCacheColumnsAsJavaValuesAndTheSourceTime() {
        MirrorResult mirrored = job.run(MirrorJobTest.demo(1), ORACLE.get("session"));
        Page page = browser.read(1, ORACLE.get("session"), CacheBrowser.DEFAULT_LIMIT).orElseThrow();

        assertThat(page.columns()).extracting(CacheBrowser.Column::name).containsExactly("sid", "serial_no", "username", "status", "type",
                "program", "machine", "osuser", "module", "event", "wait_class", "state", "sql_id", "blocking_session", "seconds_in_wait",
                "last_call_et", "logon_time");
        assertThat(page.rows()).hasSize((int) mirrored.rows()).allSatisfy(r -> assertThat(r).hasSize(17));
        assertThat(page.total()).isEqualTo(mirrored.rows());
        assertThat(page.cut()).isFalse();
        assertThat(page.syncedAt()).contains(mirrored.sourceTime());

        int sid = 0;
        int logon = 16;
        assertThat(page.columns().get(sid).kind()).isEqualTo(ColumnKind.NUMBER);
        assertThat(page.columns().get(logon).kind()).isEqualTo(ColumnKind.TIME);
        assertThat(page.columns().get(3).kind()).isEqualTo(ColumnKind.TEXT);
        assertThat(page.rows()).allSatisfy(r -> {
            assertThat(r.get(sid)).isInstanceOf(Number.class);
            assertThat(r.get(logon)).isInstanceOf(LocalDateTime.class);
        });
        assertThat(page.rows()).extracting(r -> r.get(3)).contains("ACTIVE");
    }

    @Test
    void decimalsLoseTheirTrailingZeros() {
        job.run(MirrorJobTest.demo(1), ORACLE.get("tablespace_usage"));
        Page page = browser.read(1, ORACLE.get("tablespace_usage"), 100).orElseThrow();
        List<Object> values = page.rows().stream().flatMap(List::stream).filter(v -> v instanceof BigDecimal).toList();
        assertThat(values).isNotEmpty().allSatisfy(v -> {
            BigDecimal d = (BigDecimal) v;
            assertThat(d.scale()).as(d.toPlainString()).isEqualTo(Math.max(0, d.stripTrailingZeros().scale()));
        });
    }

    @Test
    void onlyTheTargetsRowsAreShown() {
        MirrorResult one = job.run(MirrorJobTest.demo(1), ORACLE.get("sysstat"));
        job.run(MirrorJobTest.demo(2), ORACLE.get("sysstat"));
        job.run(MirrorJobTest.demo(2), ORACLE.get("sysstat"));
        assertThat(browser.read(1, ORACLE.get("sysstat"), 10_000).orElseThrow().rows()).hasSize((int) one.rows());
    }

    @Test
    void theLimitCutsAndSaysHowManyThereAre() {
        MirrorResult all = job.run(MirrorJobTest.demo(1), ORACLE.get("sysstat"));
        Page page = browser.read(1, ORACLE.get("sysstat"), 5).orElseThrow();
        assertThat(page.rows()).hasSize(5);
        assertThat(page.total()).isEqualTo(all.rows()).isGreaterThan(5);
        assertThat(page.cut()).isTrue();
    }

    @Test
    void aCutAppendTableShowsItsNewestRows() {
        MirrorDef alert = ORACLE.get("alert_log");
        job.run(MirrorJobTest.demo(1), alert);
        Page all = browser.read(1, alert, 10_000).orElseThrow();
        int recordId = all.columns().stream().map(CacheBrowser.Column::name).toList().indexOf("record_id");
        long newest = all.rows().stream().mapToLong(r -> ((Number) r.get(recordId)).longValue()).max().orElseThrow();
        Page two = browser.read(1, alert, 2).orElseThrow();
        assertThat(((Number) two.rows().getFirst().get(recordId)).longValue()).isEqualTo(newest);
        assertThat(two.total()).isEqualTo(all.rows().size());
    }

    @Test
    void theSyncTimeIsTheLedgersNewest() {
        job.run(MirrorJobTest.demo(1), ORACLE.get("sysstat"));
        MirrorResult second = job.run(MirrorJobTest.demo(1), ORACLE.get("sysstat"));
        assertThat(browser.syncedAt(1, "sysstat")).contains(second.sourceTime());
        assertThat(browser.syncedAt(1, "session")).isEmpty();
    }
}
