package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.i18n.Messages;

class ConfigYamlTest {

    @TempDir
    Path home;
    @TempDir
    Path other;
    ConfigStore store;
    final Messages messages = new Messages(Locale.ENGLISH);

    @BeforeEach
    void open() {
        store = open(home);
        FirstStart.prepare(store);
        store.saveTarget(new Target(0, "prod-db", TargetKind.ORACLE, "db1.example.com", 1521, ConnectBy.SERVICE_NAME, "ORCLPDB1", "",
                "vigil", Secret.of("tiger"), List.of("prod", "billing"), true).withLicensed(java.util.Set.of(LicensedPack.DIAGNOSTICS)));
        store.saveTarget(new Target(0, "shop", TargetKind.MYSQL, "10.0.0.7", 3306, ConnectBy.DATABASE, "shop", "", "monitor",
                Secret.of("s3cret"), List.of(), false));
    }

    @AfterEach
    void close() {
        store.close();
    }

    static ConfigStore open(Path dir) {
        AppDirs dirs = new AppDirs(dir);
        return ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
    }

    String export(boolean withPasswords) {
        return ConfigYaml.export(store.targets(), store.mirrors(), store.metrics(), store.rules(), withPasswords, Instant.parse("2026-11-25T10:00:00Z"));
    }

    @Test
    void anExportLeavesPasswordsOutUnlessAskedAndReadsBackIntoAnEmptyStoreTheSame() {
        String yaml = export(false);
        assertThat(yaml).contains("prod-db").contains("oracle.sessions.active").doesNotContain("tiger").doesNotContain("s3cret")
                .contains("Passwords are left out").contains("licensed:").contains("SHOW REPLICA STATUS").contains("seconds_behind_source");
        assertThat(export(true)).contains("password: tiger").contains("plain text");

        try (ConfigStore empty = open(other)) {
            ConfigYaml.ImportResult r = ConfigYaml.importInto(empty, export(true), "vigil.yaml", messages);
            assertThat(r.targetsAdded()).isEqualTo(store.targets().size());
            assertThat(r.mirrorsAdded()).isEqualTo(store.mirrors().size());
            assertThat(r.metricsAdded()).isEqualTo(store.metrics().size());
            assertThat(empty.targets()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                    .containsExactlyInAnyOrderElementsOf(store.targets());
            assertThat(empty.metrics()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                    .containsExactlyInAnyOrderElementsOf(store.metrics());
            assertThat(empty.mirrors()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                    .containsExactlyInAnyOrderElementsOf(store.mirrors());
            assertThat(store.rules()).as("the packs' alert rules").isNotEmpty();
            assertThat(empty.rules()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                    .containsExactlyInAnyOrderElementsOf(store.rules());
        }
    }

    @Test
    void aForecastRuleGoesOutAndComesBackWithItsDaysAndItsTablespace() {
        String yaml = """
                rules:
                  - name: site.app_data.full_soon
                    kind: ORACLE
                    type: FORECAST
                    subject: oracle.tablespace.used_bytes
                    labels: {tablespace_name: APP_DATA}
                    warn: 30
                    crit: 7
                    recovery: 2
                    description: The application's tablespace, ordered storage takes a month here.
                """;
        ConfigYaml.importInto(store, yaml, "rules.yaml", messages);
        AlertRule imported = store.rules().stream().filter(r -> r.name().equals("site.app_data.full_soon")).findFirst().orElseThrow();
        assertThat(imported.type()).isEqualTo(RuleType.FORECAST);
        assertThat(imported.direction()).isEqualTo(Direction.BELOW);
        assertThat(imported.labels()).containsEntry("tablespace_name", "APP_DATA");
        assertThat(imported.warn()).isEqualTo(30.0);
        assertThat(imported.crit()).isEqualTo(7.0);
        assertThat(imported.recovery()).isEqualTo(2.0);

        String out = export(false);
        assertThat(out).contains("type: FORECAST").contains("site.app_data.full_soon").contains("oracle.tablespace.full_soon");
        try (ConfigStore empty = open(other)) {
            ConfigYaml.importInto(empty, out, "vigil.yaml", messages);
            assertThat(empty.rules()).filteredOn(r -> r.type() == RuleType.FORECAST)
                    .usingRecursiveFieldByFieldElementComparatorIgnoringFields("id")
                    .containsExactlyInAnyOrderElementsOf(store.rules().stream().filter(r -> r.type() == RuleType.FORECAST).toList())
                    .hasSize(2);
        }

        String wrong = yaml.replace("site.app_data.full_soon", "site.sessions.full_soon").replace("oracle.tablespace.used_bytes", "oracle.sessions.total")
                .replace("crit: 7", "crit: 40");
        assertThatThrownBy(() -> ConfigYaml.importInto(store, wrong, "rules.yaml", messages)).isInstanceOf(ConfigStoreException.class)
                .hasMessageContaining("not one with a known size").hasMessageContaining("critical level must be at or below");
    }

    @Test
    void anImportUpdatesByNameKeepsTheStoredPasswordAndTouchesNothingElse() {
        String yaml = """
                vigil: 1
                targets:
                  - name: prod-db
                    kind: ORACLE
                    host: db2.example.com
                    database: ORCLPDB1
                    user: vigil
                    tags: [prod]
                  - name: reporting
                    kind: POSTGRES
                    host: 10.0.0.9
                    database: reports
                    user: monitor
                """;
        ConfigYaml.ImportResult r = ConfigYaml.importInto(store, yaml, "team.yaml", messages);
        assertThat(r.targetsUpdated()).isEqualTo(1);
        assertThat(r.targetsAdded()).isEqualTo(1);
        Target prod = store.targets().stream().filter(t -> t.name().equals("prod-db")).findFirst().orElseThrow(() -> new AssertionError(store.targets()));
        assertThat(prod.host()).isEqualTo("db2.example.com");
        assertThat(prod.password().reveal()).isEqualTo("tiger");
        assertThat(prod.port()).isEqualTo(1521);
        assertThat(store.targets()).extracting(Target::name).containsExactlyInAnyOrder("demo", "prod-db", "shop", "reporting");
        assertThat(store.targets().stream().filter(t -> t.name().equals("reporting")).findFirst().orElseThrow().port()).isEqualTo(5432);
    }

    @Test
    void aFileThatDoesNotParseIsRefusedWithItsLineAndChangesNothing() {
        List<Target> before = store.targets();
        String yaml = "targets:\n  - name: a\n    kind: ORACLE\n   host: x\n";
        assertThatThrownBy(() -> ConfigYaml.importInto(store, yaml, "bad.yaml", messages))
                .isInstanceOf(ConfigStoreException.class).hasMessageStartingWith("bad.yaml: line 4:");
        assertThatThrownBy(() -> ConfigYaml.importInto(store, "targets:\n  - name: a\n    colour: red\n", "bad.yaml", messages))
                .hasMessageContaining("line 3").hasMessageContaining("colour");
        assertThat(store.targets()).isEqualTo(before);
    }

    @Test
    void oneBrokenEntryRefusesTheWholeFileNamingItsLineAndRule() {
        List<Target> before = store.targets();
        List<MetricDef> metricsBefore = store.metrics();
        String yaml = """
                targets:
                  - name: fine
                    kind: DEMO_ORACLE
                  - name: broken
                    kind: MYSQL
                    host: 10.0.0.8
                    port: 99999
                    database: shop
                    user: monitor
                metrics:
                  - name: custom.sessions
                    kind: ORACLE
                    type: GAUGE
                    interval: 15
                    freshness: 60
                    mirrors: [session]
                    sql: SELECT COUNT(*) AS value FROM ora_session WHERE target_id = ?
                """;
        assertThatThrownBy(() -> ConfigYaml.importInto(store, yaml, "team.yaml", messages))
                .isInstanceOf(ConfigStoreException.class)
                .hasMessageStartingWith("team.yaml: line 4, target \u201cbroken\u201d: port:");
        assertThat(store.targets()).isEqualTo(before);
        assertThat(store.metrics()).isEqualTo(metricsBefore);

        String unknownMirror = yaml.replace("port: 99999", "port: 3306").replace("mirrors: [session]", "mirrors: [sessions_typo]");
        assertThatThrownBy(() -> ConfigYaml.importInto(store, unknownMirror, "team.yaml", messages))
                .hasMessageStartingWith("team.yaml: line 11, metric \u201ccustom.sessions\u201d: mirrors:").hasMessageContaining("sessions_typo");
        assertThat(store.targets()).isEqualTo(before);

        String twice = unknownMirror.replace("mirrors: [sessions_typo]", "mirrors: [session]").replace("name: fine", "name: broken");
        assertThatThrownBy(() -> ConfigYaml.importInto(store, twice, "team.yaml", messages))
                .hasMessageContaining("line 4").hasMessageContaining("appears twice").hasMessageContaining("first at line 2");

        String good = twice.replace("name: broken\n    kind: DEMO_ORACLE", "name: fine\n    kind: DEMO_ORACLE");
        ConfigYaml.importInto(store, good, "team.yaml", messages);
        assertThat(store.metrics()).extracting(MetricDef::name).contains("custom.sessions");
    }

    @Test
    void aFileFromANewerVigilIsRefused() {
        assertThatThrownBy(() -> ConfigYaml.importInto(store, "vigil: 7\ntargets: []\n", "new.yaml", messages))
                .hasMessageContaining("newer Vigil");
    }

    @Test
    void aTargetsTlsGoesOutAndComesBackAndAcceptsEachKindsOwnWords() {
        Target prod = store.targets().stream().filter(t -> t.name().equals("prod-db")).findFirst().orElseThrow();
        store.saveTarget(prod.withTls(Tls.of(TlsMode.VERIFY_FULL, "/etc/vigil/db-ca.pem")));
        String yaml = export(false);
        assertThat(yaml).contains("  tls: VERIFY_FULL\n").contains("  tlsCaFile: /etc/vigil/db-ca.pem\n");
        assertThat(yaml).as("a target without TLS writes no TLS keys").containsOnlyOnce("  tls:");
        try (ConfigStore fresh = open(other)) {
            ConfigYaml.importInto(fresh, yaml, "export.yaml", messages);
            assertThat(fresh.targets().stream().filter(t -> t.name().equals("prod-db")).findFirst().orElseThrow().tls())
                    .isEqualTo(Tls.of(TlsMode.VERIFY_FULL, "/etc/vigil/db-ca.pem"));
            assertThat(fresh.targets().stream().filter(t -> t.name().equals("shop")).findFirst().orElseThrow().tls()).isEqualTo(Tls.off());
        }
        String words = """
                vigil: 1
                targets:
                  - name: shop
                    kind: MYSQL
                    host: 10.0.0.7
                    database: shop
                    user: monitor
                    tls: VERIFY_IDENTITY
                  - name: reporting
                    kind: POSTGRES
                    host: 10.0.0.9
                    database: reports
                    user: monitor
                    tls: verify-ca
                    tlsCaFile: /etc/vigil/pg-ca.pem
                """;
        ConfigYaml.importInto(store, words, "team.yaml", messages);
        assertThat(store.targets()).filteredOn(t -> t.name().equals("shop")).singleElement().extracting(Target::tls)
                .isEqualTo(Tls.of(TlsMode.VERIFY_FULL, ""));
        assertThat(store.targets()).filteredOn(t -> t.name().equals("reporting")).singleElement().extracting(Target::tls)
                .isEqualTo(Tls.of(TlsMode.VERIFY_CA, "/etc/vigil/pg-ca.pem"));
        List<Target> before = store.targets();
        assertThatThrownBy(() -> ConfigYaml.importInto(store, words.replace("verify-ca", "strict"), "team.yaml", messages))
                .hasMessageContaining("line 9, target \u201creporting\u201d").hasMessageContaining("tls: one of OFF, REQUIRE, VERIFY_CA, VERIFY_FULL is needed, not \u201cstrict\u201d.");
        assertThat(store.targets()).isEqualTo(before);
    }
}
