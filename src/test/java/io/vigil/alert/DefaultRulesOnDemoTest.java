package io.vigil.alert;

import io.vigil.i18n.Reason;
import io.vigil.schedule.JobKey;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.Alert;
import io.vigil.config.AlertRule;
import io.vigil.config.AlertState;
import io.vigil.config.ConnectBy;
import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.Pack;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.Severity;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.gather.Archive;
import io.vigil.gather.GatherJob;
import io.vigil.gather.GatherResult;
import io.vigil.gather.Spool;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.schedule.StatusEvent;
import io.vigil.schedule.StatusEvent.Status;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Retention;
import io.vigil.target.DemoOracles;
import io.vigil.target.ProbeResult;
import io.vigil.target.TargetConnections;
import io.vigil.target.demo.DemoOracle;
import io.vigil.target.demo.DemoPressure;
import io.vigil.watch.BoardObservations;
import io.vigil.watch.JobBoard;
import io.vigil.watch.LatestValues;

/**
 * Every default rule of the Oracle pack, fired by pushing the demo Oracle across its line and resolved by letting it go:
 * the pack's own mirror and metric SQL runs through the real mirror and gather jobs into an embedded cache.
 */
class DefaultRulesOnDemoTest {

    @TempDir
    Path folder;
    final Pack pack = Packs.shipped(TargetKind.ORACLE);
    final Target demo = new Target(1, "demo", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(),
            true);
    final JobBoard board = new JobBoard();
    final LatestValues latest = new LatestValues();
    DemoOracles demos;
    TargetConnections connections;
    CacheDb cache;
    H2SeriesStore series;
    MirrorJob mirrors;
    GatherJob gather;
    RuleEngine engine;
    RulePlan plan;
    Instant now;

    @BeforeEach
    void open() {
        demos = new DemoOracles();
        connections = new TargetConnections(demos);
        cache = CacheDb.embedded(folder);
        series = new H2SeriesStore(folder, Retention.defaults(), Clock.systemUTC());
        InMemoryLedger ledger = new InMemoryLedger();
        mirrors = new MirrorJob(connections, cache, ledger);
        gather = new GatherJob(cache.dataSource(), ledger, new Archive(series, new Spool(folder.resolve("spool"), 1_000_000), latest::add),
                Clock.systemUTC());
        plan = new RulePlan(List.of(demo), pack.ruleDefs(), pack.metricDefs(), pack.mirrorDefs());
        now = Instant.now();
        engine = new RuleEngine(List.of(), now);
        connections.probe(demo); // starts the demo instance
        refreshAll();
        evaluate(Duration.ZERO);
    }

    @AfterEach
    void close() {
        connections.close();
        demos.close();
        cache.close();
        series.close();
    }

    DemoOracle instance() {
        return demos.running(demo.id()).orElseThrow();
    }

    /** Mirrors and gathers everything once, as the collector would, telling the job board how each run went. */
    void refreshAll() {
        for (MirrorDef m : pack.mirrorDefs()) {
            if (m.name().equals("alert_log")) {
                continue; // needs 12.2; the demo says 19c, but nothing here reads it
            }
            mirrors.run(demo, m);
            board.accept(event(JobKey.mirror(m.name()), Status.OK));
        }
        for (MetricDef m : pack.metricDefs()) {
            GatherResult r = gather.run(demo, m, null);
            board.accept(event(JobKey.metric(m.name()), r.outcome() == GatherResult.Outcome.PICKED ? Status.OK : Status.STALE));
        }
    }

    StatusEvent event(JobKey job, Status status) {
        return new StatusEvent(demo.id(), demo.name(), job, status, Reason.NONE, Duration.ZERO, 0, now);
    }

    List<Step> evaluate(Duration later) {
        now = now.plus(later);
        Observations seen = new BoardObservations(board, latest, Clock.fixed(now, java.time.ZoneOffset.UTC));
        return engine.evaluate(plan, seen, id -> false, now);
    }

    Optional<Alert> alert(String rule) {
        return engine.alerts().stream().filter(a -> a.key().rule().equals(rule)).findFirst();
    }

    AlertRule rule(String name) {
        return pack.ruleDefs().stream().filter(r -> r.name().equals(name)).findFirst().orElseThrow();
    }

    /** Presses the demo, lets the rule's hold pass, checks it fires; relieves it, checks it resolves. */
    void firesAndResolves(DemoPressure pressure, String ruleName, Severity expected, String series) throws Exception {
        assertThat(alert(ruleName)).as("%s before the pressure", ruleName).isEmpty();
        instance().press(pressure);
        refreshAll();
        evaluate(Duration.ofSeconds(1));
        AlertRule rule = rule(ruleName);
        if (rule.holdSeconds() > 0) {
            assertThat(alert(ruleName)).as("%s while its hold runs", ruleName).get().extracting(Alert::state).isEqualTo(AlertState.PENDING);
            refreshAll();
            evaluate(Duration.ofSeconds(rule.holdSeconds()));
        }
        assertThat(alert(ruleName)).as("%s after the pressure", ruleName).get().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            assertThat(a.severity()).isEqualTo(expected);
            assertThat(a.key().series()).contains(series);
        });
        instance().relieve(pressure);
        instance().tick();
        refreshAll();
        evaluate(Duration.ofSeconds(1));
        assertThat(alert(ruleName)).as("%s once relieved", ruleName).get().extracting(Alert::state).isEqualTo(AlertState.RESOLVED);
        evaluate(Duration.ofSeconds(1));
        assertThat(alert(ruleName)).as("%s a cycle later", ruleName).isEmpty();
    }

    @Test
    void aFullTablespaceFiresPerTablespace() throws Exception {
        firesAndResolves(DemoPressure.TABLESPACE_FULL, "oracle.tablespace.full", Severity.CRIT, "tablespace_name=USERS");
        assertThat(engine.alerts()).filteredOn(a -> a.key().rule().equals("oracle.tablespace.full")).isEmpty();
    }

    @Test
    void aFullRecoveryAreaFires() throws Exception {
        firesAndResolves(DemoPressure.FRA_FULL, "oracle.fra.full", Severity.CRIT, "");
    }

    @Test
    void anArchiveDestinationInErrorFires() throws Exception {
        firesAndResolves(DemoPressure.ARCHIVE_DEST_ERROR, "oracle.archive_dest.error", Severity.CRIT, "");
    }

    @Test
    void processesAndSessionsNearTheirLimitsFireAfterTheirHold() throws Exception {
        firesAndResolves(DemoPressure.NEAR_LIMITS, "oracle.processes.limit", Severity.CRIT, "");
        assertThat(engine.alerts()).noneMatch(a -> a.key().rule().equals("oracle.sessions.limit") && a.state() == AlertState.FIRING);
    }

    @Test
    void sessionsNearTheirLimitFire() throws Exception {
        firesAndResolves(DemoPressure.NEAR_LIMITS, "oracle.sessions.limit", Severity.CRIT, "");
    }

    @Test
    void sessionsBlockedForOverFiveMinutesFire() throws Exception {
        firesAndResolves(DemoPressure.BLOCKED_SESSIONS, "oracle.sessions.blocked_long", Severity.WARN, "");
    }

    @Test
    void anInstanceThatIsNotOpenFires() throws Exception {
        firesAndResolves(DemoPressure.INSTANCE_MOUNTED, "oracle.instance.not_open", Severity.CRIT, "");
    }

    @Test
    void noSuccessfulFullBackupForEightDaysFires() throws Exception {
        firesAndResolves(DemoPressure.BACKUPS_FAILING, "oracle.backup.full_old", Severity.CRIT, "");
    }

    @Test
    void noSuccessfulArchivedLogBackupForADayFires() throws Exception {
        firesAndResolves(DemoPressure.BACKUPS_FAILING, "oracle.backup.archivelog_old", Severity.CRIT, "");
    }

    @Test
    void aFailedBackupJobFires() throws Exception {
        firesAndResolves(DemoPressure.BACKUPS_FAILING, "oracle.backup.failed", Severity.CRIT, "");
    }

    @Test
    void aStandbyFarBehindFiresAfterItsHold() throws Exception {
        firesAndResolves(DemoPressure.STANDBY_BEHIND, "oracle.dataguard.apply_lag", Severity.CRIT, "");
    }

    @Test
    void aStandbyMissingArchivedLogsFires() throws Exception {
        firesAndResolves(DemoPressure.STANDBY_BEHIND, "oracle.dataguard.gap", Severity.CRIT, "");
    }

    @Test
    void dataThatStopsComingFiresPerMetricAndMirror() {
        evaluate(Duration.ofMinutes(4)); // 15 s metrics and mirrors have missed three periods; 5 min ones have not
        assertThat(engine.alerts()).filteredOn(a -> a.key().rule().equals("oracle.data.stale")).extracting(a -> a.key().series())
                .contains("oracle.sessions.total").doesNotContain("oracle.tablespace.used_pct");
        assertThat(engine.alerts()).filteredOn(a -> a.key().rule().equals("oracle.mirror.stale")).extracting(a -> a.key().series())
                .contains("session").doesNotContain("tablespace_usage");
        refreshAll();
        evaluate(Duration.ofSeconds(1));
        assertThat(engine.alerts()).filteredOn(a -> a.key().rule().equals("oracle.data.stale"))
                .allSatisfy(a -> assertThat(a.state()).isEqualTo(AlertState.RESOLVED));
    }

    @Test
    void aTargetThatGoesDownRaisesOneAlertAndHoldsBackTheRest() throws Exception {
        int closed;
        try (ServerSocket s = new ServerSocket(0)) {
            closed = s.getLocalPort();
        }
        Target unreachable = new Target(1, "demo", TargetKind.ORACLE, "127.0.0.1", closed, ConnectBy.SERVICE_NAME, "X", "", "vigil",
                Secret.of("pw"), List.of(), true);
        ProbeResult probe = connections.probe(unreachable);
        assertThat(probe.ok()).isFalse();
        board.accept(event(JobKey.connect(), Status.ERROR));
        evaluate(Duration.ofSeconds(1));
        assertThat(alert("oracle.target.down")).get().extracting(Alert::state).isEqualTo(AlertState.PENDING);
        evaluate(Duration.ofMinutes(10)); // far past every no-data bound
        assertThat(alert("oracle.target.down")).get().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            assertThat(a.severity()).isEqualTo(Severity.CRIT);
        });
        assertThat(engine.alerts()).as("only the outage, not its consequences").hasSize(1);

        board.accept(event(JobKey.connect(), Status.OK));
        refreshAll();
        List<Step> back = evaluate(Duration.ofSeconds(1));
        assertThat(back).extracting(Step::notice).containsExactly(Step.Notice.RESOLVED);
        assertThat(new ArrayList<>(engine.alerts())).allSatisfy(a -> assertThat(a.state()).isEqualTo(AlertState.RESOLVED));
        evaluate(Duration.ofSeconds(10)); // under three intervals of the 5 s session sampler, the pack's shortest
        assertThat(engine.alerts()).as("no-data counts from when it came back").isEmpty();
    }
}
