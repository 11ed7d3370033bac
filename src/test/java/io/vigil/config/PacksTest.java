package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class PacksTest {

    @ParameterizedTest
    @EnumSource(value = TargetKind.class, names = {"ORACLE", "MYSQL", "POSTGRES"})
    void everyShippedDefinitionPassesValidation(TargetKind kind) {
        Pack pack = Packs.shipped(kind);
        assertThat(pack.kind()).isEqualTo(kind);
        List<MirrorDef> mirrors = pack.mirrorDefs();
        assertThat(mirrors).isNotEmpty();
        for (MirrorDef m : mirrors) {
            assertThat(Validation.mirror(m, List.of())).as(m.name()).isEmpty();
        }
        for (MetricDef m : pack.metricDefs()) {
            assertThat(Validation.metric(m, List.of(), mirrors)).as(m.name()).isEmpty();
            assertThat(m.sql()).as(m.name() + " is bound to its target").contains("target_id = ?");
        }
        assertThat(pack.instanceStart()).contains("?");
    }

    @ParameterizedTest
    @EnumSource(value = TargetKind.class, names = {"ORACLE", "MYSQL", "POSTGRES"})
    void everyShippedRulePassesValidationAndThresholdsReadAMetricOfTheirPack(TargetKind kind) {
        Pack pack = Packs.shipped(kind);
        for (AlertRule r : pack.ruleDefs()) {
            assertThat(Validation.rule(r, List.of(), pack.metricDefs(), pack.mirrorDefs())).as(r.name()).isEmpty();
            if (r.type() == RuleType.THRESHOLD) {
                MetricDef subject = pack.metricDefs().stream().filter(m -> m.name().equals(r.subject())).findFirst().orElseThrow();
                assertThat(subject.labelColumns()).as(r.name() + " filters on labels its metric has").containsAll(r.labels().keySet());
            }
        }
    }

    @Test
    void everyShippedMetricHasATitleAndEveryMirrorAndPackADescriptionInEnglishAndChinese() {
        for (java.util.Locale locale : io.vigil.i18n.Messages.SUPPORTED) {
            io.vigil.i18n.Messages messages = new io.vigil.i18n.Messages(locale);
            for (TargetKind kind : Packs.SHIPPED) {
                Pack pack = Packs.shipped(kind);
                String k = kind.name().toLowerCase(java.util.Locale.ROOT);
                assertThat(messages.has("pack.description." + k)).as(locale + " pack " + k).isTrue();
                for (MetricDef m : pack.metricDefs()) {
                    assertThat(messages.metricTitle(m.name())).as(locale + " title of " + m.name()).isNotEqualTo(m.name()).isNotBlank();
                }
                for (MirrorDef m : pack.mirrorDefs()) {
                    assertThat(messages.has("mirror.description." + k + "." + m.name())).as(locale + " description of mirror " + m.name()).isTrue();
                }
            }
        }
        // the English text is the pack's own, so an unedited shipped mirror shows the translation and an edited one its own words
        io.vigil.i18n.Messages zh = new io.vigil.i18n.Messages(java.util.Locale.SIMPLIFIED_CHINESE);
        MirrorDef session = Packs.shipped(TargetKind.ORACLE).mirrorDefs().stream().filter(m -> m.name().equals("session")).findFirst().orElseThrow();
        assertThat(zh.mirrorDescription("oracle", "session", session.description())).isNotEqualTo(session.description());
        assertThat(zh.mirrorDescription("oracle", "session", "Our own words")).isEqualTo("Our own words");
        assertThat(zh.metricTitle("site.own.metric")).isEqualTo("site.own.metric");
    }

    @Test
    void noMirrorReadsAViewOfALicensedOptionPackUnlessItSaysSoAndSoStaysOffByDefault() {
        // Diagnostics Pack: ASH and the AWR (DBA_HIST_*); Tuning Pack: SQL Monitor, the SQL Tuning Advisor and profiles
        java.util.regex.Pattern licensed = java.util.regex.Pattern.compile(
                "(?i)\\b(g?v\\$active_session_history|dba_hist_\\w+|cdb_hist_\\w+|g?v\\$sql_monitor|g?v\\$sql_plan_monitor|dba_advisor_\\w+"
                        + "|dba_sqltune_\\w+|dba_sql_profiles|v\\$ash_info)\\b");
        for (TargetKind kind : Packs.SHIPPED) {
            for (MirrorDef m : Packs.shipped(kind).mirrorDefs()) {
                List<String> reads = new java.util.ArrayList<>(List.of(m.sql()));
                m.variants().forEach(v -> reads.add(v.sql()));
                boolean touches = reads.stream().anyMatch(sql -> licensed.matcher(sql).find());
                if (touches) {
                    assertThat(m.licence()).as(m.name() + " reads licensed views").isNotNull();
                    assertThat(m.allowedWith(java.util.Set.of())).as(m.name() + " on a target with no licence").isFalse();
                }
            }
        }
    }

    @Test
    void oracleMirrorSqlStaysValidOn11g() {
        for (MirrorDef m : Packs.shipped(TargetKind.ORACLE).mirrorDefs()) {
            if (!m.runsOn(11, 2)) {
                continue; // skipped on 11g: multitenant views and columns may be read
            }
            String sql = m.sql().toUpperCase();
            assertThat(sql).as(m.name()).doesNotContain("CON_ID").doesNotContain("FETCH FIRST").doesNotContain("OFFSET ");
        }
    }

    @Test
    void everyHeadlineReadsAMetricOfItsOwnPackAndGaugesArePercentages() {
        for (TargetKind kind : new TargetKind[] {TargetKind.ORACLE, TargetKind.MYSQL, TargetKind.POSTGRES}) {
            Pack pack = Packs.shipped(kind);
            assertThat(pack.headlines()).as(kind + " headlines").hasSizeGreaterThanOrEqualTo(5);
            for (Headline h : pack.headlines()) {
                MetricDef m = pack.metricDefs().stream().filter(x -> x.name().equals(h.metric())).findFirst()
                        .orElseThrow(() -> new AssertionError(kind + " headline " + h.key() + " reads a metric the pack has not: " + h.metric()));
                if (h.gauge()) {
                    assertThat(m.unit()).as(h.key()).isEqualTo("%");
                }
            }
        }
    }

    @Test
    void metricsCarryTheGrantsTheirMirrorsNeed() {
        MetricDef tbs = Packs.shipped(TargetKind.ORACLE).metricDefs().stream()
                .filter(m -> m.name().equals("oracle.tablespace.used_pct")).findFirst().orElseThrow();
        assertThat(tbs.privileges()).contains("dba_tablespace_usage_metrics").contains("dba_tablespaces");
    }

    @Test
    void packsInstallOnceIntoAnEmptyStoreAndLeaveAnEditedKindAlone(@TempDir Path home) {
        AppDirs dirs = new AppDirs(home);
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            assertThat(Packs.installMissing(store)).containsExactly(TargetKind.ORACLE, TargetKind.MYSQL, TargetKind.POSTGRES);
            int mirrors = store.mirrors().size();
            int metrics = store.metrics().size();
            assertThat(mirrors).isGreaterThan(35);
            assertThat(metrics).isGreaterThan(85);
            assertThat(Packs.installMissing(store)).isEmpty();
            assertThat(store.mirrors()).hasSize(mirrors);
            assertThat(store.metrics()).hasSize(metrics);
        }
    }

    @Test
    void aStoreFromBeforeForecastsGetsTheSpaceMetricsAndTheForecastRuleAndKeepsItsEdits(@TempDir Path home) {
        AppDirs dirs = new AppDirs(home);
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            Packs.installMissing(store);
            java.util.Set<String> spaceMetrics = java.util.Set.of("oracle.tablespace.used_bytes", "oracle.tablespace.size_bytes",
                    "oracle.fra.used_bytes", "oracle.fra.limit_bytes", "oracle.asm.used_bytes", "oracle.asm.total_bytes");
            store.rules().stream().filter(r -> r.type() == RuleType.FORECAST).forEach(r -> store.deleteRule(r.id()));
            store.metrics().stream().filter(m -> spaceMetrics.contains(m.name())).forEach(m -> store.deleteMetric(m.id()));
            AlertRule edited = store.rules().stream().filter(r -> r.name().equals("oracle.tablespace.full")).findFirst().orElseThrow();
            store.saveRule(new AlertRule(edited.id(), edited.name(), edited.kind(), edited.type(), edited.subject(), edited.labels(),
                    edited.direction(), 80.0, 90.0, edited.holdSeconds(), edited.recovery(), edited.missed(), true, edited.description()));
            int metrics = store.metrics().size();

            assertThat(Packs.installMissing(store)).isEmpty();
            assertThat(store.metrics()).hasSize(metrics + spaceMetrics.size());
            assertThat(store.rules()).filteredOn(r -> r.type() == RuleType.FORECAST).extracting(AlertRule::name)
                    .containsExactly("oracle.tablespace.full_soon");
            assertThat(store.rules()).filteredOn(r -> r.name().equals("oracle.tablespace.full")).singleElement()
                    .satisfies(r -> assertThat(r.warn()).isEqualTo(80.0));

            // one of them dropped on purpose afterwards stays dropped
            store.metrics().stream().filter(m -> m.name().equals("oracle.asm.total_bytes")).forEach(m -> store.deleteMetric(m.id()));
            Packs.installMissing(store);
            assertThat(store.metrics()).hasSize(metrics + spaceMetrics.size() - 1);
        }
    }

    @Test
    void aKindWhoseOnlyMirrorIsAnAdminsOwnStartsWithoutThePacksSpaceMetrics(@TempDir Path home) {
        AppDirs dirs = new AppDirs(home);
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            store.saveMirror(new MirrorDef(0, "own_clock", TargetKind.MYSQL, "SELECT NOW() AS v", "own_clock", 15, 30, MirrorMode.REPLACE, "",
                    true, ""));
            // before, the MySQL pack's space metrics were saved without their mirrors and the store refused them: no collector
            assertThat(Packs.installMissing(store)).containsExactly(TargetKind.ORACLE, TargetKind.POSTGRES);
            assertThat(store.mirrors()).filteredOn(m -> m.kind() == TargetKind.MYSQL).extracting(MirrorDef::name).containsExactly("own_clock");
            assertThat(store.metrics()).filteredOn(m -> m.kind() == TargetKind.MYSQL).isEmpty();
        }
    }

    @Test
    void aPackThatDoesNotParseIsRefusedWithItsLine() {
        String broken = "kind: ORACLE\nmirrors:\n  - name: x\n    interval: soon\n";
        assertThatThrownBy(() -> Packs.parse(new ByteArrayInputStream(broken.getBytes(StandardCharsets.UTF_8)), "my-pack.yaml"))
                .isInstanceOf(ConfigStoreException.class)
                .hasMessage("my-pack.yaml: line 4, interval: a whole number is needed, not \u201csoon\u201d.");
    }
}
