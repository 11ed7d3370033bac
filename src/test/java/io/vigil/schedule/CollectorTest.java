package io.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;

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
import io.vigil.gather.Archive;
import io.vigil.gather.GatherJob;
import io.vigil.gather.Spool;
import io.vigil.i18n.Messages;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.schedule.StatusEvent.Status;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Retention;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;

/** The executor with a live demo target next to one that refuses connections. */
class CollectorTest {

    @TempDir
    Path folder;
    TargetConnections connections;
    CacheDb cache;
    H2SeriesStore series;
    Collector collector;
    final List<StatusEvent> events = new CopyOnWriteArrayList<>();
    static final Messages EN = new Messages(java.util.Locale.ENGLISH);

    static final MirrorDef SESSIONS = new MirrorDef(1, "session", TargetKind.ORACLE, "SELECT sid, status, type FROM v$session", "ora_session",
            1, 10_000, MirrorMode.REPLACE, "", true, "");
    static final MetricDef ACTIVE = new MetricDef(1, "oracle.sessions.active", TargetKind.ORACLE,
            "SELECT COUNT(*) AS value FROM ora_session WHERE target_id = ? AND status = 'ACTIVE'", List.of("session"), 30, MetricType.GAUGE,
            "", List.of(), 1, null, null, "", true, "");

    @BeforeEach
    void open() {
        connections = new TargetConnections(new DemoOracles());
        cache = CacheDb.embedded(folder);
        series = new H2SeriesStore(folder, Retention.defaults(), Clock.systemUTC());
    }

    @AfterEach
    void close() {
        if (collector != null) {
            collector.close();
        }
        connections.close();
        cache.close();
        series.close();
    }

    @Test
    void aMirrorRunThatKeptOddValuesSaysHowManyInBothLanguages() {
        Instant now = Instant.now();
        Messages zh = new Messages(java.util.Locale.SIMPLIFIED_CHINESE);
        assertThat(Collector.okReason(new io.vigil.mirror.MirrorResult(5, false, now, Duration.ZERO, 0, 0), SESSIONS))
                .isEqualTo(io.vigil.i18n.Reason.NONE);
        io.vigil.i18n.Reason mended = Collector.okReason(new io.vigil.mirror.MirrorResult(5, false, now, Duration.ZERO, 2, 1), SESSIONS);
        assertThat(EN.render(mended)).startsWith("3 odd values kept").contains("not UTF-8");
        assertThat(zh.render(mended)).startsWith("\u5df2\u4fdd\u7559 3 \u4e2a\u5f02\u5e38\u503c");
        io.vigil.i18n.Reason both = Collector.okReason(new io.vigil.mirror.MirrorResult(10_000, true, now, Duration.ZERO, 1, 0), SESSIONS);
        assertThat(EN.render(both)).startsWith("capped at 10000 rows; 1 odd value kept:");
    }

    @Test
    void aDeadTargetBacksOffWhileTheLiveOneKeepsItsSchedule() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Target demo = new Target(1, "demo", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(), true);
        Target dead = new Target(2, "dead", TargetKind.ORACLE, "127.0.0.1", closed, ConnectBy.SERVICE_NAME, "X", "", "vigil", Secret.of("pw"),
                List.of(), true);
        InMemoryLedger ledger = new InMemoryLedger();
        collector = new Collector(new Collector.Plan(List.of(demo, dead), List.of(SESSIONS), List.of(ACTIVE), Map.of()), connections,
                new MirrorJob(connections, cache, ledger),
                new GatherJob(cache.dataSource(), ledger, new Archive(series, new Spool(folder.resolve("spool"), 1_000_000)), Clock.systemUTC()),
                cache.dataSource(), Clock.systemUTC(), 16, events::add);
        collector.start();
        Thread.sleep(8_000);

        List<StatusEvent> demoMirrors = events.stream().filter(e -> e.targetId() == 1 && e.job().equals(JobKey.mirror("session"))).toList();
        assertThat(demoMirrors).as("a 1 s mirror over 8 s").hasSizeGreaterThanOrEqualTo(5).allSatisfy(e -> assertThat(e.status()).isEqualTo(Status.OK));
        assertThat(events).filteredOn(e -> e.targetId() == 1 && e.job().kind() == JobKey.JobKind.METRIC).extracting(StatusEvent::status)
                .contains(Status.OK).doesNotContain(Status.ERROR);

        List<StatusEvent> deadEvents = events.stream().filter(e -> e.targetId() == 2).toList();
        assertThat(deadEvents).filteredOn(e -> e.status() == Status.ERROR).as("one failed connect, then back off").hasSize(1)
                .first().satisfies(e -> {
                    assertThat(EN.render(e.reason())).contains("Nothing answered there").contains("Next try in 15 s");
                    assertThat(new Messages(java.util.Locale.SIMPLIFIED_CHINESE).render(e.reason())).as("in Chinese, with the address kept")
                            .contains("127.0.0.1:" + closed).contains("15 秒后重试").doesNotContain("Nothing answered");
                });
        assertThat(deadEvents).filteredOn(e -> e.status() == Status.BACKOFF).isNotEmpty();
        assertThat(collector.lag().percentile(99)).as("p99 schedule lag, ms").isLessThan(1_000);
    }

    @Test
    void aMirrorOfAnUnlicensedPackIsNeverRunAndSaysWhyWhileTheLicensedTargetRunsIt() throws Exception {
        Target plain = new Target(1, "plain", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(), true);
        Target licensed = new Target(2, "licensed", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(),
                true, java.util.Set.of(io.vigil.config.LicensedPack.DIAGNOSTICS));
        // a read that works on the demo, so the only thing keeping it off the first target is the licence
        MirrorDef diag = new MirrorDef(1, "diag", TargetKind.ORACLE, "SELECT sid, status FROM v$session", "ora_diag", 1, 10_000,
                MirrorMode.REPLACE, "", true, "").withReads(List.of(), List.of(), io.vigil.config.LicensedPack.DIAGNOSTICS);
        InMemoryLedger ledger = new InMemoryLedger();
        collector = new Collector(new Collector.Plan(List.of(plain, licensed), List.of(diag), List.of(), Map.of()), connections,
                new MirrorJob(connections, cache, ledger),
                new GatherJob(cache.dataSource(), ledger, new Archive(series, new Spool(folder.resolve("spool"), 1_000_000)), Clock.systemUTC()),
                cache.dataSource(), Clock.systemUTC(), 16, events::add);
        collector.start();
        Thread.sleep(4_000);
        assertThat(events).filteredOn(e -> e.targetId() == 1 && e.job().equals(JobKey.mirror("diag"))).extracting(StatusEvent::status)
                .as("said once, never run").containsExactly(Status.SKIPPED);
        assertThat(events).filteredOn(e -> e.targetId() == 2 && e.job().equals(JobKey.mirror("diag"))).extracting(StatusEvent::status)
                .contains(Status.OK).doesNotContain(Status.SKIPPED);
        assertThat(ledger.last(1, "diag")).isEmpty();
    }

    @Test
    void aSlowMetricWhoseMirrorHasNotSyncedAtStartTriesAgainSoonInsteadOfAWholeIntervalLater() throws Exception {
        Target demo = new Target(1, "demo", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(), true);
        // the mirror's first run comes 4 s after the metric's, so the metric's first pick finds nothing
        MirrorDef lateMirror = new MirrorDef(1, "session", TargetKind.ORACLE, "SELECT sid, status, type FROM v$session", "ora_session",
                4, 10_000, MirrorMode.REPLACE, "", true, "");
        MetricDef hourly = new MetricDef(1, "oracle.sessions.active", TargetKind.ORACLE, ACTIVE.sql(), List.of("session"), 60,
                MetricType.GAUGE, "", List.of(), 300, null, null, "", true, "");
        InMemoryLedger ledger = new InMemoryLedger();
        collector = new Collector(new Collector.Plan(List.of(demo), List.of(lateMirror), List.of(hourly), Map.of()), connections,
                new MirrorJob(connections, cache, ledger),
                new GatherJob(cache.dataSource(), ledger, new Archive(series, new Spool(folder.resolve("spool"), 1_000_000)), Clock.systemUTC()),
                cache.dataSource(), Clock.systemUTC(), 16, events::add);
        collector.start();
        long deadline = System.currentTimeMillis() + 20_000;
        while (System.currentTimeMillis() < deadline && events.stream().noneMatch(e -> e.job().kind() == JobKey.JobKind.METRIC && e.status() == Status.OK)) {
            Thread.sleep(200);
        }
        List<StatusEvent> metric = events.stream().filter(e -> e.job().kind() == JobKey.JobKind.METRIC).toList();
        assertThat(metric).extracting(StatusEvent::status).as("a 300 s metric within 20 s of start").contains(Status.OK);
        if (metric.getFirst().status() == Status.STALE) {
            assertThat(EN.render(metric.getFirst().reason())).endsWith("has not synced yet");
        }
    }

    @Test
    void aMetricRunsRightAfterItsMirrorSyncsAndNotTwiceAnInterval() throws Exception {
        Target demo = new Target(1, "demo", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(), true);
        MirrorDef every6 = new MirrorDef(1, "session", TargetKind.ORACLE, "SELECT sid, status, type FROM v$session", "ora_session",
                6, 10_000, MirrorMode.REPLACE, "", true, "");
        MetricDef alsoEvery6 = new MetricDef(1, "oracle.sessions.active", TargetKind.ORACLE, ACTIVE.sql(), List.of("session"), 30,
                MetricType.GAUGE, "", List.of(), 6, null, null, "", true, "");
        InMemoryLedger ledger = new InMemoryLedger();
        collector = new Collector(new Collector.Plan(List.of(demo), List.of(every6), List.of(alsoEvery6), Map.of()), connections,
                new MirrorJob(connections, cache, ledger),
                new GatherJob(cache.dataSource(), ledger, new Archive(series, new Spool(folder.resolve("spool"), 1_000_000)), Clock.systemUTC()),
                cache.dataSource(), Clock.systemUTC(), 16, events::add);
        collector.start();
        long deadline = System.currentTimeMillis() + 30_000;
        while (System.currentTimeMillis() < deadline && events.stream().filter(e -> e.job().equals(JobKey.mirror("session"))).count() < 4) {
            Thread.sleep(100);
        }
        Thread.sleep(1_000);
        List<Instant> syncs = events.stream().filter(e -> e.job().equals(JobKey.mirror("session")) && e.status() == Status.OK).map(StatusEvent::at).toList();
        List<Instant> picks = events.stream().filter(e -> e.job().kind() == JobKey.JobKind.METRIC && e.status() == Status.OK).map(StatusEvent::at).toList();
        assertThat(syncs).hasSizeGreaterThanOrEqualTo(4);
        // after the first sync, every pick comes within moments of a sync: the figure is as fresh as the snapshot
        List<Instant> later = picks.stream().filter(p -> p.isAfter(syncs.get(1))).toList();
        assertThat(later).as("picks after the second sync").hasSizeGreaterThanOrEqualTo(2).allSatisfy(p -> {
            // the ledger's notice starts the pick as the sync is recorded, so the pick may finish before the mirror's own status event
            Instant nearest = syncs.stream().min(java.util.Comparator.comparingLong(x -> Math.abs(java.time.Duration.between(x, p).toMillis())))
                    .orElseThrow();
            assertThat(Math.abs(java.time.Duration.between(nearest, p).toMillis())).as("pick at %s, nearest sync at %s", p, nearest)
                    .isLessThan(1_000);
        });
        assertThat(picks.size()).as("one pick per sync, not one per sync and one per timer tick").isLessThanOrEqualTo(syncs.size() + 1);
    }

    @Test
    void aMirrorNewerThanTheServerIsSkippedOnceWithTheReason() throws Exception {
        Target demo = new Target(1, "demo", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(), true);
        MirrorDef future = new MirrorDef(2, "future", TargetKind.ORACLE, "SELECT 1 AS x FROM dual", "ora_future", 1, 10, MirrorMode.REPLACE, "",
                true, "", "20");
        InMemoryLedger ledger = new InMemoryLedger();
        collector = new Collector(new Collector.Plan(List.of(demo), List.of(SESSIONS, future), List.of(), Map.of()), connections,
                new MirrorJob(connections, cache, ledger),
                new GatherJob(cache.dataSource(), ledger, new Archive(series, new Spool(folder.resolve("spool"), 1_000_000)), Clock.systemUTC()),
                cache.dataSource(), Clock.systemUTC(), 16, events::add);
        collector.start();
        Thread.sleep(4_000);
        assertThat(events).filteredOn(e -> e.job().equals(JobKey.mirror("future"))).singleElement().satisfies(e -> {
            assertThat(e.status()).isEqualTo(Status.SKIPPED);
            assertThat(EN.render(e.reason())).isEqualTo("needs version 20 or later; this server is 19.0");
        });
        assertThat(events).filteredOn(e -> e.job().equals(JobKey.mirror("session"))).isNotEmpty().allSatisfy(e -> assertThat(e.status()).isEqualTo(Status.OK));
    }

    @Test
    void aMirrorWhoseSqlIsRefusedIsQuarantinedForGrowingIntervalsAndOneSuccessEndsIt() throws Exception {
        Target demo = new Target(1, "demo", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(), true);
        MirrorDef later = new MirrorDef(1, "later", TargetKind.ORACLE, "SELECT sid FROM vigil_later", "ora_later", 1, 10_000,
                MirrorMode.REPLACE, "", true, "");
        InMemoryLedger ledger = new InMemoryLedger();
        collector = new Collector(new Collector.Plan(List.of(demo), List.of(later, SESSIONS), List.of(), Map.of()), connections,
                new MirrorJob(connections, cache, ledger),
                new GatherJob(cache.dataSource(), ledger, new Archive(series, new Spool(folder.resolve("spool"), 1_000_000)), Clock.systemUTC()),
                cache.dataSource(), Clock.systemUTC(), 16, events::add);
        collector.start();
        JobKey job = JobKey.mirror("later");

        List<StatusEvent> held = waitFor(job, Status.QUARANTINED, 2, 20_000);
        StatusEvent first = held.getFirst();
        assertThat(EN.render(first.reason())).startsWith("quarantined until ").contains("vigil_later".toUpperCase(java.util.Locale.ROOT));
        assertThat(new Messages(java.util.Locale.SIMPLIFIED_CHINESE).render(first.reason())).startsWith("隔离至");
        long firstGap = Duration.between(held.get(0).at(), held.get(1).at()).toMillis();
        assertThat(firstGap).as("retried after twice its 1 s interval").isBetween(1_400L, 3_500L);

        try (java.sql.Connection c = connections.pool(demo).getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("CREATE TABLE vigil_later (sid NUMBER)");
        }
        StatusEvent ok = waitFor(job, Status.OK, 1, 20_000).getFirst();
        long secondGap = Duration.between(held.get(1).at(), ok.at()).toMillis();
        assertThat(secondGap).as("then after four times its interval").isBetween(3_400L, 6_500L).isGreaterThan(firstGap);

        try (java.sql.Connection c = connections.pool(demo).getConnection(); java.sql.Statement st = c.createStatement()) {
            st.execute("DROP TABLE vigil_later");
        }
        List<StatusEvent> again = waitFor(job, Status.QUARANTINED, held.size() + 2, 20_000);
        List<StatusEvent> afterOk = again.stream().filter(e -> e.at().isAfter(ok.at())).toList();
        assertThat(afterOk).hasSizeGreaterThanOrEqualTo(2);
        long resetGap = Duration.between(afterOk.get(0).at(), afterOk.get(1).at()).toMillis();
        assertThat(resetGap).as("the success started it over: twice its interval again").isBetween(1_400L, 3_500L);

        assertThat(events).filteredOn(e -> e.job().equals(job)).extracting(StatusEvent::status).as("never a plain error")
                .doesNotContain(Status.ERROR);
        assertThat(events).as("the target itself is fine").noneMatch(e -> e.status() == Status.BACKOFF)
                .filteredOn(e -> e.job().isConnect()).extracting(StatusEvent::status).containsOnly(Status.OK);
        assertThat(events).filteredOn(e -> e.job().equals(JobKey.mirror("session"))).extracting(StatusEvent::status).contains(Status.OK)
                .doesNotContain(Status.ERROR, Status.QUARANTINED);
    }

    private List<StatusEvent> waitFor(JobKey job, Status status, int count, long millis) throws InterruptedException {
        long deadline = System.currentTimeMillis() + millis;
        while (true) {
            List<StatusEvent> seen = events.stream().filter(e -> e.job().equals(job) && e.status() == status).toList();
            if (seen.size() >= count || System.currentTimeMillis() > deadline) {
                assertThat(seen).as("%s %s runs of %s", count, status, job).hasSizeGreaterThanOrEqualTo(count);
                return seen;
            }
            Thread.sleep(50);
        }
    }
}
