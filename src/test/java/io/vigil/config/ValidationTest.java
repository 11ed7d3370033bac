package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import io.vigil.i18n.Messages;

class ValidationTest {

    static Target oracle() {
        return new Target(0, "prod-db", TargetKind.ORACLE, "db1.example.com", 1521, ConnectBy.SERVICE_NAME, "ORCLPDB1", "",
                "vigil", Secret.of("pw"), List.of("prod"), true);
    }

    static Target mysql() {
        return new Target(0, "shop", TargetKind.MYSQL, "10.0.0.5", 3306, ConnectBy.DATABASE, "", "", "vigil", Secret.empty(), List.of(), true);
    }

    static MirrorDef mirror() {
        return new MirrorDef(0, "sysstat", TargetKind.ORACLE, "SELECT name, value FROM v$sysstat", "ora_sysstat", 15, 5000,
                MirrorMode.REPLACE, "", true, "");
    }

    static MetricDef metric() {
        return new MetricDef(0, "oracle.user_commits", TargetKind.ORACLE, "SELECT value FROM ora_sysstat WHERE name = 'user commits'",
                List.of("sysstat"), 60, MetricType.COUNTER, "/s", List.of(), 15, null, null, "", true, "");
    }

    static List<String> fields(List<Problem> problems) {
        return problems.stream().map(Problem::field).toList();
    }

    @Nested
    class Targets {

        @Test
        void aCompleteTargetHasNoProblems() {
            assertThat(Validation.target(oracle(), List.of())).isEmpty();
            assertThat(Validation.target(mysql(), List.of())).isEmpty();
        }

        @Test
        void nameIsRequiredAndBounded() {
            assertThat(fields(Validation.target(withName(""), List.of()))).containsExactly("name");
            assertThat(fields(Validation.target(withName("x".repeat(64)), List.of()))).isEmpty();
            assertThat(Validation.target(withName("x".repeat(65)), List.of()))
                    .extracting(Problem::key).containsExactly("problem.name.tooLong");
        }

        @Test
        void nameIsUniqueIgnoringCaseButATargetMayKeepItsOwnName() {
            Target saved = oracle().withId(7);
            assertThat(Validation.target(withName("PROD-DB"), List.of(saved)))
                    .extracting(Problem::key).containsExactly("problem.name.taken.target");
            assertThat(Validation.target(saved, List.of(saved))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(ints = {0, -1, 65_536, 100_000})
        void portOutsideTheTcpRangeIsRefused(int port) {
            assertThat(fields(Validation.target(withPort(port), List.of()))).containsExactly("port");
        }

        @ParameterizedTest
        @ValueSource(ints = {1, 1521, 65_535})
        void portInsideTheTcpRangeIsAccepted(int port) {
            assertThat(Validation.target(withPort(port), List.of())).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"db1", "db1.example.com", "10.1.2.3", "::1", "fe80::1", "[2001:db8::7]", "my-host-01"})
        void plausibleHostsAreAccepted(String host) {
            assertThat(Validation.target(withHost(host), List.of())).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"db 1", "-db", "db_1!", "http://db1"})
        void implausibleHostsAreRefused(String host) {
            assertThat(Validation.target(withHost(host), List.of())).extracting(Problem::key).containsExactly("problem.host.invalid");
        }

        @Test
        void emptyHostIsRefused() {
            assertThat(Validation.target(withHost(""), List.of())).extracting(Problem::key).containsExactly("problem.host.required");
        }

        @Test
        void userIsRequiredForNetworkedKinds() {
            Target t = oracle();
            Target noUser = new Target(0, t.name(), t.kind(), t.host(), t.port(), t.connectBy(), t.database(), "", "", t.password(), t.tags(), true);
            assertThat(fields(Validation.target(noUser, List.of()))).containsExactly("user");
        }

        @Test
        void aSwitchedOffTargetMayWaitForItsUser() {
            Target t = oracle();
            Target noUser = new Target(0, t.name(), t.kind(), t.host(), t.port(), t.connectBy(), t.database(), "", "", t.password(), t.tags(), false);
            assertThat(Validation.target(noUser, List.of())).isEmpty();
            assertThat(fields(Validation.target(noUser.withEnabled(true), List.of()))).containsExactly("user");
        }

        @ParameterizedTest
        @CsvSource({"SERVICE_NAME,problem.service.required", "SID,problem.sid.required", "TNS_ALIAS,problem.alias.required"})
        void oracleNeedsWhatItsConnectModeNames(ConnectBy by, String key) {
            Target t = new Target(0, "o", TargetKind.ORACLE, "db1", 1521, by, "", "/etc/tns", "vigil", Secret.empty(), List.of(), true);
            assertThat(Validation.target(t, List.of())).extracting(Problem::key).containsExactly(key);
        }

        @Test
        void tnsAliasNeedsTnsAdminButNoHostOrPort() {
            Target alias = new Target(0, "o", TargetKind.ORACLE, "", 0, ConnectBy.TNS_ALIAS, "PRODDB", "/opt/oracle/network/admin",
                    "vigil", Secret.empty(), List.of(), true);
            assertThat(Validation.target(alias, List.of())).isEmpty();
            Target noFolder = new Target(0, "o", TargetKind.ORACLE, "", 0, ConnectBy.TNS_ALIAS, "PRODDB", "", "vigil",
                    Secret.empty(), List.of(), true);
            assertThat(fields(Validation.target(noFolder, List.of()))).containsExactly("tnsAdmin");
        }

        @Test
        void oracleCannotConnectByDatabaseNameAndMysqlCannotBySid() {
            Target t = oracle();
            Target byDb = new Target(0, t.name(), t.kind(), t.host(), t.port(), ConnectBy.DATABASE, "X", "", "u", t.password(), t.tags(), true);
            assertThat(fields(Validation.target(byDb, List.of()))).containsExactly("connectBy");
            Target m = mysql();
            Target bySid = new Target(0, m.name(), m.kind(), m.host(), m.port(), ConnectBy.SID, "X", "", "u", m.password(), m.tags(), true);
            assertThat(fields(Validation.target(bySid, List.of()))).containsExactly("connectBy");
        }

        @Test
        void postgresNeedsADatabaseMysqlDoesNot() {
            Target pg = new Target(0, "pg", TargetKind.POSTGRES, "db2", 5432, ConnectBy.DATABASE, "", "", "vigil", Secret.empty(), List.of(), true);
            assertThat(fields(Validation.target(pg, List.of()))).containsExactly("database");
            assertThat(Validation.target(mysql(), List.of())).isEmpty();
        }

        @Test
        void demoNeedsOnlyAName() {
            Target demo = new Target(0, "demo", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(), true);
            assertThat(Validation.target(demo, List.of())).isEmpty();
        }

        @Test
        void tagsAreBounded() {
            Target t = oracle();
            Target longTag = new Target(0, t.name(), t.kind(), t.host(), t.port(), t.connectBy(), t.database(), "", t.user(), t.password(),
                    List.of("x".repeat(33)), true);
            assertThat(Validation.target(longTag, List.of())).extracting(Problem::key).containsExactly("problem.tag.tooLong");
            Target comma = new Target(0, t.name(), t.kind(), t.host(), t.port(), t.connectBy(), t.database(), "", t.user(), t.password(),
                    List.of("a,b"), true);
            assertThat(Validation.target(comma, List.of())).extracting(Problem::key).containsExactly("problem.tag.comma");
        }

        @Test
        void everyProblemReadsAsASentenceInBothLanguages() {
            Target bad = new Target(0, "", TargetKind.ORACLE, "bad host", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of("a,b"), true);
            List<Problem> problems = Validation.target(bad, List.of());
            assertThat(problems).hasSize(6);
            for (Locale locale : Messages.SUPPORTED) {
                Messages m = new Messages(locale);
                assertThat(problems).allSatisfy(p -> assertThat(p.describe(m)).isNotEqualTo(p.key()).doesNotContain("{"));
            }
            assertThat(problems.stream().filter(p -> p.field().equals("port")).findFirst().orElseThrow().describe(new Messages(Locale.ENGLISH)))
                    .isEqualTo("The port must be between 1 and 65535 (it is 0).");
        }

        private Target withName(String name) {
            Target t = oracle();
            return new Target(t.id(), name, t.kind(), t.host(), t.port(), t.connectBy(), t.database(), t.tnsAdmin(), t.user(), t.password(), t.tags(), true);
        }

        private Target withPort(int port) {
            Target t = oracle();
            return new Target(t.id(), t.name(), t.kind(), t.host(), port, t.connectBy(), t.database(), t.tnsAdmin(), t.user(), t.password(), t.tags(), true);
        }

        private Target withHost(String host) {
            Target t = oracle();
            return new Target(t.id(), t.name(), t.kind(), host, t.port(), t.connectBy(), t.database(), t.tnsAdmin(), t.user(), t.password(), t.tags(), true);
        }
    }

    @Nested
    class Mirrors {

        @Test
        void aCompleteMirrorHasNoProblems() {
            assertThat(Validation.mirror(mirror(), List.of())).isEmpty();
        }

        @ParameterizedTest
        @CsvSource(delimiter = '|', value = {
                "''|problem.sql.required",
                "'-- only a comment'|problem.sql.required",
                "DELETE FROM v$session|problem.sql.readOnly",
                "SELECT 1 FROM dual; DROP TABLE t|problem.sql.single",
                "'/* hi */ UPDATE t SET a = 1'|problem.sql.readOnly"})
        void sqlMustBeOneRead(String sql, String key) {
            assertThat(Validation.mirror(withSql(sql), List.of())).extracting(Problem::key).containsExactly(key);
        }

        @ParameterizedTest
        @ValueSource(strings = {
                "SELECT name, value FROM v$sysstat;",
                "  with x as (select 1 a from dual) select a from x",
                "/* leading */ SELECT ';' AS semi FROM dual",
                "SELECT /*+ RULE */ sid FROM v$session -- trailing; comment"})
        void readsWithCommentsHintsAndQuotedSemicolonsAreAccepted(String sql) {
            assertThat(Validation.mirror(withSql(sql), List.of())).isEmpty();
        }

        @Test
        void aMirrorMayShowButAMetricMayNot() {
            assertThat(Validation.mirror(withSql("SHOW GLOBAL STATUS"), List.of())).isEmpty();
            MetricDef m = metric();
            MetricDef show = new MetricDef(0, m.name(), m.kind(), "SHOW GLOBAL STATUS", m.mirrors(), 60, m.type(), "", List.of(), 15,
                    null, null, "", true, "");
            assertThat(Validation.metric(show, List.of(), List.of(mirror()))).extracting(Problem::key).containsExactly("problem.sql.readOnly");
        }

        @Test
        void nameAndCacheTableAreUniqueWithinAKindOnly() {
            MirrorDef saved = mirror().withId(3);
            assertThat(Validation.mirror(mirror(), List.of(saved))).extracting(Problem::key)
                    .containsExactly("problem.name.taken.mirror", "problem.cacheTable.taken");
            MirrorDef otherKind = new MirrorDef(4, "sysstat", TargetKind.MYSQL, "SELECT 1", "ora_sysstat", 15, 10, MirrorMode.REPLACE, "", true, "");
            assertThat(Validation.mirror(mirror(), List.of(otherKind))).isEmpty();
        }

        @ParameterizedTest
        @ValueSource(strings = {"1abc", "has space", "semi;colon", "v$table"})
        void mirrorNamesAreIdentifiers(String name) {
            MirrorDef m = mirror();
            MirrorDef bad = new MirrorDef(0, name, m.kind(), m.sql(), m.cacheTable(), 15, 10, MirrorMode.REPLACE, "", true, "");
            assertThat(fields(Validation.mirror(bad, List.of()))).containsExactly("name");
        }

        @ParameterizedTest
        @ValueSource(strings = {"", "1t", "t t", "t;drop", "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx"})
        void cacheTablesAreBoundedIdentifiers(String table) {
            MirrorDef m = mirror();
            MirrorDef bad = new MirrorDef(0, m.name(), m.kind(), m.sql(), table, 15, 10, MirrorMode.REPLACE, "", true, "");
            assertThat(fields(Validation.mirror(bad, List.of()))).containsExactly("cacheTable");
        }

        @Test
        void intervalAndRowCapAreBounded() {
            MirrorDef m = mirror();
            MirrorDef bad = new MirrorDef(0, m.name(), m.kind(), m.sql(), m.cacheTable(), 0, 0, MirrorMode.REPLACE, "", true, "");
            assertThat(fields(Validation.mirror(bad, List.of()))).containsExactly("intervalSeconds", "rowCap");
            MirrorDef huge = new MirrorDef(0, m.name(), m.kind(), m.sql(), m.cacheTable(), 1, 10_000_001, MirrorMode.REPLACE, "", true, "");
            assertThat(fields(Validation.mirror(huge, List.of()))).containsExactly("rowCap");
            MirrorDef edge = new MirrorDef(0, m.name(), m.kind(), m.sql(), m.cacheTable(), 1, 10_000_000, MirrorMode.REPLACE, "", true, "");
            assertThat(Validation.mirror(edge, List.of())).isEmpty();
        }

        @Test
        void appendNeedsAValidWatermarkColumn() {
            MirrorDef m = mirror();
            MirrorDef none = new MirrorDef(0, m.name(), m.kind(), m.sql(), m.cacheTable(), 15, 10, MirrorMode.APPEND, "", true, "");
            assertThat(Validation.mirror(none, List.of())).extracting(Problem::key).containsExactly("problem.watermark.required");
            MirrorDef bad = new MirrorDef(0, m.name(), m.kind(), m.sql(), m.cacheTable(), 15, 10, MirrorMode.APPEND, "ORIG TS", true, "");
            assertThat(Validation.mirror(bad, List.of())).extracting(Problem::key).containsExactly("problem.column.invalid");
            MirrorDef ok = new MirrorDef(0, m.name(), m.kind(), m.sql(), m.cacheTable(), 15, 10, MirrorMode.APPEND, "RECORD_ID", true, "");
            assertThat(Validation.mirror(ok, List.of())).isEmpty();
        }

        @Test
        void descriptionFitsTheStoresColumn() {
            MirrorDef m = mirror();
            MirrorDef fits = new MirrorDef(0, m.name(), m.kind(), m.sql(), m.cacheTable(), 15, 10, MirrorMode.REPLACE, "", true, "d".repeat(1000));
            assertThat(Validation.mirror(fits, List.of())).isEmpty();
            MirrorDef tooLong = new MirrorDef(0, m.name(), m.kind(), m.sql(), m.cacheTable(), 15, 10, MirrorMode.REPLACE, "", true, "d".repeat(1001));
            assertThat(Validation.mirror(tooLong, List.of())).singleElement().satisfies(p -> {
                assertThat(p.field()).isEqualTo("description");
                assertThat(p.describe(new Messages(Locale.ENGLISH))).isEqualTo("A description can have at most 1000 characters (this one has 1001).");
            });
        }

        private MirrorDef withSql(String sql) {
            MirrorDef m = mirror();
            return new MirrorDef(0, m.name(), m.kind(), sql, m.cacheTable(), 15, 10, MirrorMode.REPLACE, "", true, "");
        }
    }

    @Nested
    class Metrics {

        @Test
        void aCompleteMetricHasNoProblems() {
            assertThat(Validation.metric(metric(), List.of(), List.of(mirror()))).isEmpty();
        }

        @Test
        void referencedMirrorsMustExistForTheSameKind() {
            MirrorDef mysqlMirror = new MirrorDef(1, "sysstat", TargetKind.MYSQL, "SELECT 1", "t", 15, 10, MirrorMode.REPLACE, "", true, "");
            assertThat(Validation.metric(metric(), List.of(), List.of(mysqlMirror))).extracting(Problem::key)
                    .containsExactly("problem.mirror.unknown");
            MetricDef m = metric();
            MetricDef none = new MetricDef(0, m.name(), m.kind(), m.sql(), List.of(), 60, m.type(), "", List.of(), 15, null, null, "", true, "");
            assertThat(Validation.metric(none, List.of(), List.of(mirror()))).extracting(Problem::key).containsExactly("problem.mirrors.required");
        }

        @ParameterizedTest
        @ValueSource(strings = {"Upper", "1abc", "has space", "a-b"})
        void metricNamesAreLowerCaseDottedIdentifiers(String name) {
            MetricDef m = metric();
            MetricDef bad = new MetricDef(0, name, m.kind(), m.sql(), m.mirrors(), 60, m.type(), "", List.of(), 15, null, null, "", true, "");
            assertThat(fields(Validation.metric(bad, List.of(), List.of(mirror())))).containsExactly("name");
        }

        @Test
        void nameIsUniqueWithinAKind() {
            assertThat(Validation.metric(metric(), List.of(metric().withId(9)), List.of(mirror()))).extracting(Problem::key)
                    .containsExactly("problem.name.taken.metric");
        }

        @Test
        void unitAndDescriptionFitTheStoresColumns() {
            MetricDef m = metric();
            MetricDef fits = new MetricDef(0, m.name(), m.kind(), m.sql(), m.mirrors(), 60, m.type(), "u".repeat(32), List.of(), 15, null, null,
                    "", true, "d".repeat(1000));
            assertThat(Validation.metric(fits, List.of(), List.of(mirror()))).isEmpty();
            MetricDef tooLong = new MetricDef(0, m.name(), m.kind(), m.sql(), m.mirrors(), 60, m.type(), "u".repeat(33), List.of(), 15, null,
                    null, "", true, "d".repeat(1001));
            assertThat(Validation.metric(tooLong, List.of(), List.of(mirror())))
                    .extracting(Problem::field, Problem::key)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("unit", "problem.unit.tooLong"),
                            org.assertj.core.groups.Tuple.tuple("description", "problem.description.tooLong"));
        }

        @Test
        void boundsThresholdsAndLabelColumns() {
            MetricDef m = metric();
            MetricDef bad = new MetricDef(0, m.name(), m.kind(), "UPDATE x SET y = 1", m.mirrors(), 0, m.type(), "", List.of("TABLESPACE NAME"), 0,
                    Double.NaN, Double.POSITIVE_INFINITY, "", true, "");
            assertThat(fields(Validation.metric(bad, List.of(), List.of(mirror()))))
                    .containsExactly("sql", "freshnessSeconds", "intervalSeconds", "warn", "crit", "labelColumns");
            MetricDef ok = new MetricDef(0, m.name(), m.kind(), m.sql(), m.mirrors(), 1, m.type(), "%", List.of("TABLESPACE_NAME"), 1,
                    80.0, 95.0, "", true, "");
            assertThat(Validation.metric(ok, List.of(), List.of(mirror()))).isEmpty();
        }
    }
}
