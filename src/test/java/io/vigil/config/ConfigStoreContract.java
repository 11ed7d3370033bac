package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every config store must do; run on embedded H2 and on a real MariaDB. */
abstract class ConfigStoreContract {

    protected ConfigStore store;

    /** A fresh, empty store. */
    protected abstract ConfigStore openStore();

    /** The same store opened again, as after a restart. */
    protected abstract ConfigStore reopen();

    /** The raw {@code password_enc} column of a target, read past the store. */
    protected abstract String rawPassword(long targetId) throws Exception;

    @BeforeEach
    void open() {
        store = openStore();
    }

    @AfterEach
    void closeStore() {
        if (store != null) {
            store.close();
        }
    }

    static Target target(String name, String... tags) {
        return new Target(0, name, TargetKind.ORACLE, "db1.example.com", 1521, ConnectBy.SERVICE_NAME, "ORCLPDB1", "", "vigil",
                Secret.of("s3cret-" + name), List.of(tags), true);
    }

    static MirrorDef mirror(String name) {
        return new MirrorDef(0, name, TargetKind.ORACLE, "SELECT name, value FROM v$sysstat", "ora_" + name, 15, 5000,
                MirrorMode.REPLACE, "", true, "statistics");
    }

    @Test
    void saveAllWritesEverythingInOneTransactionOrNothing() {
        Target broken = new Target(0, "broken", TargetKind.MYSQL, "db2.example.com", 3306, ConnectBy.DATABASE, "shop", "", "", Secret.empty(),
                List.of(), true); // no user: refused
        assertThatThrownBy(() -> store.saveAll(List.of(target("first"), broken), List.of(mirror("sysstat")), List.of()))
                .isInstanceOf(InvalidConfigException.class);
        assertThat(store.targets()).isEmpty();
        assertThat(store.mirrors()).isEmpty();

        Target first = store.saveTarget(target("first"));
        store.saveAll(List.of(new Target(first.id(), "first", TargetKind.ORACLE, "db9.example.com", 1521, ConnectBy.SERVICE_NAME, "ORCLPDB1",
                "", "vigil", first.password(), List.of("moved"), true), target("second")), List.of(mirror("sysstat")), List.of());
        assertThat(store.targets()).extracting(Target::name).containsExactlyInAnyOrder("first", "second");
        assertThat(store.targets()).filteredOn(t -> t.name().equals("first")).extracting(Target::host).containsExactly("db9.example.com");
        assertThat(store.mirrors()).extracting(MirrorDef::name).containsExactly("sysstat");
    }

    @Test
    void startsEmpty() {
        assertThat(store.targets()).isEmpty();
        assertThat(store.mirrors()).isEmpty();
        assertThat(store.metrics()).isEmpty();
        assertThat(store.location()).isNotBlank();
    }

    @Test
    void savesReadsUpdatesAndDeletesTargetsWithTags() {
        Target saved = store.saveTarget(target("prod-db", "prod", "billing", "生产"));
        assertThat(saved.id()).isPositive();
        assertThat(store.targets()).containsExactly(saved);
        assertThat(store.target(saved.id())).contains(saved);

        Target changed = new Target(saved.id(), "prod-db", TargetKind.ORACLE, "db2", 1522, ConnectBy.SID, "PROD", "", "monitor",
                Secret.of("new"), List.of("billing"), false);
        assertThat(store.saveTarget(changed)).isEqualTo(changed);
        assertThat(store.targets()).containsExactly(changed);

        store.deleteTarget(saved.id());
        assertThat(store.targets()).isEmpty();
    }

    @Test
    void aDuplicateNameIsRefusedIgnoringCaseAndNothingIsWritten() {
        store.saveTarget(target("prod-db"));
        assertThatThrownBy(() -> store.saveTarget(target("PROD-DB", "x")))
                .isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertThat(((InvalidConfigException) e).problems())
                        .extracting(Problem::key).containsExactly("problem.name.taken.target"));
        assertThat(store.targets()).hasSize(1).allSatisfy(t -> assertThat(t.tags()).isEmpty());
    }

    @Test
    void anInvalidTargetWritesNothing() {
        Target bad = new Target(0, "x", TargetKind.MYSQL, "", 70_000, ConnectBy.DATABASE, "", "", "", Secret.empty(), List.of(), true);
        assertThatThrownBy(() -> store.saveTarget(bad)).isInstanceOf(InvalidConfigException.class);
        assertThat(store.targets()).isEmpty();
    }

    @Test
    void passwordsAreStoredEncryptedAndComeBackIntact() throws Exception {
        Target saved = store.saveTarget(target("enc"));
        String raw = rawPassword(saved.id());
        assertThat(raw).startsWith("v1:").doesNotContain("s3cret");
        assertThat(store.targets().getFirst().password().reveal()).isEqualTo("s3cret-enc");
    }

    @Test
    void savesMirrorsAndMetricsWithTheirLists() {
        MirrorDef sysstat = store.saveMirror(mirror("sysstat"));
        MirrorDef tbs = store.saveMirror(new MirrorDef(0, "tablespaces", TargetKind.ORACLE, "SELECT * FROM dba_tablespace_usage_metrics",
                "ora_tbs", 300, 10_000, MirrorMode.REPLACE, "", true, ""));
        MirrorDef alert = store.saveMirror(new MirrorDef(0, "alert", TargetKind.ORACLE, "SELECT * FROM v$diag_alert_ext", "ora_alert",
                60, 1000, MirrorMode.APPEND, "RECORD_ID", true, ""));
        assertThat(store.mirrors()).containsExactlyInAnyOrder(sysstat, tbs, alert);

        MetricDef used = store.saveMetric(new MetricDef(0, "oracle.tablespace.used_pct", TargetKind.ORACLE,
                "SELECT tablespace_name, used_percent FROM ora_tbs WHERE target_id = ?", List.of("tablespaces", "sysstat"), 900,
                MetricType.GAUGE, "%", List.of("TABLESPACE_NAME"), 300, 85.0, 95.0, "GRANT SELECT_CATALOG_ROLE TO vigil", true, "used"));
        MetricDef commits = store.saveMetric(new MetricDef(0, "oracle.user_commits", TargetKind.ORACLE,
                "SELECT value FROM ora_sysstat WHERE name = 'user commits'", List.of("sysstat"), 60, MetricType.COUNTER, "/s",
                List.of(), 15, null, null, "", true, ""));
        assertThat(store.metrics()).containsExactlyInAnyOrder(used, commits);
        assertThat(store.metrics()).filteredOn(m -> m.name().equals("oracle.user_commits"))
                .singleElement().satisfies(m -> assertThat(m.warn()).isNull());

        MetricDef edited = new MetricDef(used.id(), used.name(), used.kind(), used.sql(), List.of("tablespaces"), 600, MetricType.GAUGE,
                "%", List.of("TABLESPACE_NAME", "CONTENTS"), 60, null, 99.0, "", false, "");
        store.saveMetric(edited);
        assertThat(store.metrics()).contains(edited);

        store.deleteMetric(commits.id());
        store.deleteMirror(alert.id());
        assertThat(store.metrics()).containsExactly(edited);
        assertThat(store.mirrors()).containsExactlyInAnyOrder(sysstat, tbs);
    }

    @Test
    void versionVariantsKeptColumnsAndLicencesSurviveAReopen() {
        MirrorDef replica = store.saveMirror(new MirrorDef(0, "replica", TargetKind.MYSQL, "SHOW SLAVE STATUS", "my_replica", 30, 10,
                MirrorMode.REPLACE, "", true, "", "5.6", List.of(new MirrorVariant("10.5.1", "", "SHOW REPLICA STATUS", java.util.Map.of()),
                new MirrorVariant("8.0.22", "", "SHOW REPLICA STATUS", java.util.Map.of("replica_io_running", "slave_io_running",
                        "seconds_behind_source", "seconds_behind_master"))), List.of("slave_io_running", "seconds_behind_master"), null));
        MirrorDef ash = store.saveMirror(new MirrorDef(0, "ash", TargetKind.ORACLE, "SELECT sample_id FROM v$active_session_history", "ora_ash",
                60, 10, MirrorMode.REPLACE, "", true, "").withReads(List.of(), List.of(), LicensedPack.DIAGNOSTICS));
        Target licensed = store.saveTarget(target("licensed").withLicensed(java.util.Set.of(LicensedPack.DIAGNOSTICS, LicensedPack.TUNING)));
        store = reopen();
        assertThat(store.mirrors()).contains(replica, ash);
        assertThat(store.targets()).contains(licensed);
        // an edit that drops a variant writes the list anew
        MirrorDef fewer = store.saveMirror(replica.withReads(replica.variants().subList(1, 2), List.of(), null));
        assertThat(store.mirrors()).contains(fewer).doesNotContain(replica);
        assertThat(fewer.variants()).hasSize(1);
        store.saveTarget(licensed.withLicensed(java.util.Set.of()));
        assertThat(store.targets()).filteredOn(t -> t.name().equals("licensed")).singleElement()
                .satisfies(t -> assertThat(t.licensed()).isEmpty());
    }

    @Test
    void renamingAMirrorTakesTheMetricsThatReadItAlong() {
        MirrorDef sysstat = store.saveMirror(mirror("sysstat"));
        MirrorDef other = store.saveMirror(mirror("other"));
        MetricDef commits = store.saveMetric(new MetricDef(0, "oracle.user_commits", TargetKind.ORACLE,
                "SELECT value FROM ora_sysstat WHERE name = 'user commits'", List.of("other", "sysstat"), 60, MetricType.COUNTER, "/s",
                List.of(), 15, null, null, "", true, ""));
        MetricDef unrelated = store.saveMetric(new MetricDef(0, "oracle.other", TargetKind.ORACLE, "SELECT 1 AS v FROM ora_other",
                List.of("other"), 60, MetricType.GAUGE, "", List.of(), 15, null, null, "", true, ""));

        store.saveMirror(new MirrorDef(sysstat.id(), "sysstat_all", sysstat.kind(), sysstat.sql(), sysstat.cacheTable(), 30, sysstat.rowCap(),
                sysstat.mode(), "", true, ""));

        assertThat(store.mirrors()).extracting(MirrorDef::name).containsExactlyInAnyOrder("sysstat_all", "other");
        assertThat(store.metrics()).filteredOn(m -> m.id() == commits.id()).singleElement()
                .satisfies(m -> assertThat(m.mirrors()).containsExactly("other", "sysstat_all"));
        assertThat(store.metrics()).filteredOn(m -> m.id() == unrelated.id()).singleElement().isEqualTo(unrelated);
        assertThat(other.name()).isEqualTo("other");
    }

    @Test
    void aMetricNamingAnUnknownMirrorIsRefused() {
        MetricDef m = new MetricDef(0, "oracle.x", TargetKind.ORACLE, "SELECT 1 FROM dual", List.of("nope"), 60, MetricType.GAUGE, "",
                List.of(), 15, null, null, "", true, "");
        assertThatThrownBy(() -> store.saveMetric(m)).isInstanceOf(InvalidConfigException.class);
        assertThat(store.metrics()).isEmpty();
    }

    @Test
    void dataSurvivesAReopenAndMigrationsRunOnlyOnce() {
        Target saved = store.saveTarget(target("kept", "prod"));
        MirrorDef m = store.saveMirror(mirror("sysstat"));
        store.close();
        store = reopen();
        assertThat(store.targets()).containsExactly(saved);
        assertThat(store.mirrors()).containsExactly(m);
    }

    @Test
    void updatingADeletedTargetSaysSoAndCreatesNothing() {
        Target saved = store.saveTarget(target("gone"));
        store.deleteTarget(saved.id());
        assertThatThrownBy(() -> store.saveTarget(saved)).isInstanceOf(ConfigStoreException.class).hasMessageContaining("deleted");
        assertThat(store.targets()).isEmpty();
    }

    static MetricDef metric(String name, String mirror) {
        return new MetricDef(0, name, TargetKind.ORACLE, "SELECT value FROM ora_" + mirror + " WHERE target_id = ?", List.of(mirror), 60,
                MetricType.GAUGE, "%", List.of("tablespace_name"), 60, null, null, "", true, "");
    }

    @Test
    void alertRulesAreKeptAndValidated() {
        store.saveMirror(mirror("usage"));
        store.saveMetric(metric("oracle.space", "usage"));
        AlertRule rule = new AlertRule(0, "space.full", TargetKind.ORACLE, RuleType.THRESHOLD, "oracle.space",
                java.util.Map.of("tablespace_name", "USERS"), Direction.ABOVE, 85.0, 95.0, 300, 2, 0, true, "why");
        AlertRule saved = store.saveRule(rule);
        assertThat(store.rules()).containsExactly(saved);
        assertThat(saved.labels()).containsEntry("tablespace_name", "USERS");

        AlertRule inverted = new AlertRule(0, "space.inverted", TargetKind.ORACLE, RuleType.THRESHOLD, "oracle.space", null,
                Direction.ABOVE, 95.0, 85.0, 0, 0, 0, true, "");
        assertThatThrownBy(() -> store.saveRule(inverted)).isInstanceOf(InvalidConfigException.class)
                .satisfies(e -> assertThat(((InvalidConfigException) e).problems()).extracting(Problem::key).contains("problem.rule.crit.above"));
        AlertRule unknown = new AlertRule(0, "nothing", TargetKind.ORACLE, RuleType.THRESHOLD, "no.such.metric", null, Direction.ABOVE,
                1.0, null, 0, 0, 0, true, "");
        assertThatThrownBy(() -> store.saveRule(unknown)).isInstanceOf(InvalidConfigException.class);
        store.deleteRule(saved.id());
        assertThat(store.rules()).isEmpty();
    }

    @Test
    void channelSecretsAreSealedAndMuteWindowsEnd() {
        ChannelDef mail = new ChannelDef(0, "on-call", ChannelType.EMAIL, "smtp.example.com:587", "vigil", Secret.of("mail-pw"),
                "vigil@example.com", List.of("dba@example.com", "ops@example.com"), Severity.CRIT, 30, true, true);
        ChannelDef saved = store.saveChannel(mail);
        assertThat(store.channels()).containsExactly(saved);
        assertThat(store.channels().getFirst().secret().reveal()).isEqualTo("mail-pw");
        assertThatThrownBy(() -> store.saveChannel(new ChannelDef(0, "hook", ChannelType.SLACK, "not a url", "", null, "", List.of(),
                null, 0, true, true))).isInstanceOf(InvalidConfigException.class);

        java.time.Instant now = java.time.Instant.parse("2026-12-05T10:00:00Z");
        store.saveMute(new MuteWindow(0, "billing-prod", "", now.minusSeconds(60), now.plusSeconds(3600), "patching", "dba"));
        store.saveMute(new MuteWindow(0, "", "", now.minusSeconds(7200), now.minusSeconds(3600), "old", "dba"));
        assertThat(store.mutes(now)).singleElement().satisfies(m -> {
            assertThat(m.mutes("BILLING-PROD", "any.rule", now)).isTrue();
            assertThat(m.mutes("other", "any.rule", now)).isFalse();
        });
    }

    @Test
    void alertStatesSurviveAReopenWithTheirHistory() {
        java.time.Instant t0 = java.time.Instant.parse("2026-12-05T10:00:00Z");
        AlertKey key = new AlertKey("space.full", 7, "tablespace_name=USERS");
        Alert firing = new Alert(key, "prod", AlertState.FIRING, Severity.CRIT, 96.5, t0, t0.plusSeconds(300), t0.plusSeconds(300), null,
                "", "", null, "");
        store.alerts().apply(List.of(firing), List.of(), List.of(new AlertChange(0, key, "prod", AlertState.PENDING, AlertState.FIRING,
                Severity.CRIT, 96.5, t0.plusSeconds(300), "")));
        assertThat(store.alerts().acknowledge(key, "li.wei", "adding a datafile", t0.plusSeconds(400))).isTrue();
        store.close();
        store = reopen();
        assertThat(store.alerts().open()).singleElement().satisfies(a -> {
            assertThat(a.state()).isEqualTo(AlertState.FIRING);
            assertThat(a.value()).isEqualTo(96.5);
            assertThat(a.firedAt()).isEqualTo(t0.plusSeconds(300));
            assertThat(a.ackBy()).isEqualTo("li.wei");
        });
        assertThat(store.alerts().history(t0, t0.plusSeconds(3600), "prod", Severity.WARN, 10)).singleElement()
                .satisfies(c -> assertThat(c.to()).isEqualTo(AlertState.FIRING));
        assertThat(store.alerts().history(t0, t0.plusSeconds(3600), "other", Severity.WARN, 10)).isEmpty();
        store.alerts().apply(List.of(), List.of(key), List.of());
        assertThat(store.alerts().open()).isEmpty();

        store.alerts().addEvents(List.of(new VigilEvent(0, 7, "prod", t0, EventType.ALERT_LOG, "INTERNAL_ERROR", Severity.CRIT, "ORA-00600",
                "ORA-00600: internal error code, arguments: [kcbz_check_objd_typ]\nIncident details in: /u01/trace")));
        assertThat(store.alerts().events("prod", t0.minusSeconds(1), t0.plusSeconds(1), 10)).singleElement()
                .satisfies(e -> assertThat(e.text()).contains("\nIncident details"));

        store.alerts().addEvents(List.of(
                new VigilEvent(0, 7, "prod", t0.plusSeconds(60), EventType.RESTART, "RESTART", Severity.WARN, "", "restarted"),
                new VigilEvent(0, 7, "prod", t0.plusSeconds(120), EventType.ALERT, "space.full", Severity.CRIT, "", "fired"),
                new VigilEvent(0, 8, "test", t0.plusSeconds(180), EventType.RESTART, "RESTART", Severity.WARN, "", "other target")));
        assertThat(store.alerts().recentEvents("prod", t0, t0.plusSeconds(3600), 2)).as("the newest two, newest first")
                .extracting(VigilEvent::text).containsExactly("fired", "restarted");
        assertThat(store.alerts().recentEvents("", t0, t0.plusSeconds(3600), 10)).hasSize(4);
        assertThat(store.alerts().lastEvent(7, EventType.RESTART)).hasValueSatisfying(e -> assertThat(e.at()).isEqualTo(t0.plusSeconds(60)));
        assertThat(store.alerts().lastEvent(7, EventType.ALERT_LOG)).hasValueSatisfying(e -> assertThat(e.code()).isEqualTo("ORA-00600"));
        assertThat(store.alerts().lastEvent(9, EventType.RESTART)).isEmpty();

        assertThat(store.alerts().instanceStart(7)).isEmpty();
        store.alerts().instanceStarted(7, t0.plusMillis(123), t0.plusSeconds(5));
        store.alerts().instanceStarted(7, t0.plusSeconds(600), t0.plusSeconds(700));
        store.alerts().instanceStarted(8, t0, t0);
        assertThat(store.alerts().instanceStart(7)).contains(t0.plusSeconds(600));
        assertThat(store.alerts().instanceStart(8)).contains(t0);
    }
}
