package io.vigil.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import io.vigil.config.AlertChange;
import io.vigil.config.AlertKey;
import io.vigil.config.AlertState;
import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.EventType;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.Severity;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;
import io.vigil.report.HealthReport.Finding;
import io.vigil.report.HealthReport.Section;
import io.vigil.report.HealthReport.Table;
import io.vigil.report.HealthReport.Text;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Retention;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class HealthReportTest {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    static final Instant FROM = NOW.minus(Duration.ofDays(7));
    static final String PASSWORD = "Tr0ub4dor-s3cret";
    static final Target PROD = new Target(7, "prod", TargetKind.ORACLE, "db1.example.com", 1521, ConnectBy.SERVICE_NAME, "ORCLPDB1", "",
            "vigil", Secret.of(PASSWORD), List.of("prod"), true);
    static final String LONG_SQL = "SELECT /* " + ReportSeed.HOSTILE + " */ " + "col, ".repeat(80) + "x FROM big_table";

    @TempDir
    static Path folder;

    static H2SeriesStore series;
    static ConfigStore store;

    @BeforeAll
    static void seed() {
        series = new H2SeriesStore(folder.resolve("series"), Retention.defaults(), Clock.fixed(NOW, ZoneOffset.UTC));
        // one second past the last point, so the range [from, to) holds it
        new ReportSeed(series, "prod", NOW.minusSeconds(1), Duration.ofDays(7)).oracleWeek(Duration.ofMinutes(5));
        AppDirs dirs = new AppDirs(folder.resolve("home"));
        store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
        var alerts = store.alerts();
        alerts.instanceStarted(7, NOW.minus(Duration.ofDays(2)), NOW.minus(Duration.ofDays(2)));
        alerts.addEvents(List.of(
                new VigilEvent(0, 7, "prod", NOW.minus(Duration.ofDays(2)), EventType.RESTART, "RESTART", Severity.WARN, "", "restarted"),
                new VigilEvent(0, 7, "prod", NOW.minus(Duration.ofDays(3)), EventType.ALERT_LOG, "INTERNAL_ERROR", Severity.CRIT, "ORA-00600",
                        "ORA-00600: internal error code, arguments: [kcbz]"),
                new VigilEvent(0, 7, "prod", NOW.minus(Duration.ofDays(1)), EventType.ALERT_LOG, "INTERNAL_ERROR", Severity.CRIT, "ORA-00600",
                        "ORA-00600: internal error code, arguments: [kdsgrp1]"),
                new VigilEvent(0, 7, "prod", NOW.minus(Duration.ofHours(5)), EventType.ALERT_LOG, "OTHER", Severity.INFO, "",
                        "Thread 1 advanced to log sequence 42 " + ReportSeed.HOSTILE),
                // another target's restart and one before the range stay out
                new VigilEvent(0, 8, "test", NOW.minus(Duration.ofDays(1)), EventType.RESTART, "RESTART", Severity.WARN, "", ""),
                new VigilEvent(0, 7, "prod", NOW.minus(Duration.ofDays(9)), EventType.RESTART, "RESTART", Severity.WARN, "", "")));
        AlertKey full = new AlertKey("oracle.tablespace.full", 7, "tablespace_name=APP_DATA");
        AlertKey down = new AlertKey("oracle.target.down", 7, "");
        alerts.apply(List.of(), List.of(), List.of(
                new AlertChange(0, full, "prod", AlertState.PENDING, AlertState.FIRING, Severity.CRIT, 91.0, NOW.minus(Duration.ofDays(1)), ""),
                new AlertChange(0, down, "prod", AlertState.PENDING, AlertState.FIRING, Severity.CRIT, null, NOW.minus(Duration.ofDays(4)), ""),
                new AlertChange(0, down, "prod", AlertState.FIRING, AlertState.RESOLVED, Severity.CRIT, null,
                        NOW.minus(Duration.ofDays(4)).plus(Duration.ofMinutes(90)), "")));
    }

    @AfterAll
    static void close() {
        series.close();
        store.close();
    }

    private static HealthReport report(Locale locale) {
        Snapshots snapshots = new Snapshots() {
            @Override
            public Optional<String> version(long targetId) {
                return Optional.of("19.0.0.0.0");
            }

            @Override
            public List<TopSql> topSql(long targetId, int limit) {
                return List.of(new TopSql("9babjv8yq8ru3", 1200, 3456.7, 1200.5, 987654, LONG_SQL));
            }
        };
        return new ReportBuilder(series, store.alerts(), snapshots, Clock.fixed(NOW, ZoneOffset.UTC), "1.2.3", ZoneOffset.UTC)
                .build(PROD, FROM, NOW, new Messages(locale));
    }

    @Test
    void theFindingsSayWhatAConsultantReportsMostSevereFirstWithTheRightNumbers() {
        HealthReport r = report(Locale.ENGLISH);
        List<String> texts = r.findings().stream().map(Finding::text).toList();

        String app = texts.stream().filter(t -> t.startsWith("Tablespace APP_DATA")).findFirst().orElseThrow();
        Matcher m = Pattern.compile("Tablespace APP_DATA is (\\d+) % full and grows ([\\d.]+) GB/day: full in about (\\d+) days \\((\\d+)\u2013(\\d+)\\)\\.")
                .matcher(app);
        assertThat(m.matches()).as(app).isTrue();
        assertThat(Integer.parseInt(m.group(1))).isEqualTo(91);
        assertThat(Double.parseDouble(m.group(2))).isCloseTo(1.2, within(0.05));
        assertThat(Integer.parseInt(m.group(3))).isBetween(5, 7);
        assertThat(Integer.parseInt(m.group(4))).isLessThanOrEqualTo(Integer.parseInt(m.group(3)));
        assertThat(Integer.parseInt(m.group(5))).isGreaterThanOrEqualTo(Integer.parseInt(m.group(3)));
        assertThat(r.findings().stream().filter(f -> f.text().equals(app)).findFirst().orElseThrow().severity()).isEqualTo(Severity.CRIT);

        assertThat(texts).contains("The instance restarted once in the range, the last at 2026-11-18 12:00.",
                "The target was unreachable once, 1.5 h in all.",
                "The last successful Full backup is 12 days old.",
                "2 alert-log entries of class Internal error (ORA-00600), the last at 2026-11-19 12:00.",
                "One account password expires within 30 days; the first is APP_USER, in 3 days.",
                "3 invalid objects remain.");
        assertThat(texts).anyMatch(t -> t.startsWith("Apply lag reached 20 min"));
        assertThat(texts).noneMatch(t -> t.contains("USERS")); // flat and 16 % full: nothing to say
        // most severe first
        List<Severity> order = r.findings().stream().map(Finding::severity).toList();
        assertThat(order).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    @Test
    void everySectionIsThereAndTheFlatTablespaceIsNotGrowing() {
        HealthReport r = report(Locale.ENGLISH);
        assertThat(r.sections()).extracting(Section::id).containsExactly("instance", "availability", "load", "topsql", "space", "alertlog",
                "backups", "replication", "passwords", "invalid", "alerts");
        Table space = (Table) section(r, "space").blocks().getFirst();
        List<String> users = space.rows().stream().filter(row -> row.get(1).equals("USERS")).findFirst().orElseThrow();
        assertThat(users.get(5)).isEqualTo("not growing");
        assertThat(users.get(6)).isEqualTo("not growing");
        assertThat(users.get(4)).isEqualTo("16 %");
        List<String> fra = space.rows().stream().filter(row -> row.get(0).equals("Recovery area")).findFirst().orElseThrow();
        assertThat(fra.get(4)).isEqualTo("20 %");
        Table alerts = (Table) section(r, "alerts").blocks().get(1);
        assertThat(alerts.rows()).extracting(row -> row.get(2)).containsExactlyInAnyOrder("oracle.tablespace.full", "oracle.target.down");
        Table load = (Table) section(r, "load").blocks().getFirst();
        List<String> aas = load.rows().stream().filter(row -> row.getFirst().equals("Average active sessions")).findFirst().orElseThrow();
        assertThat(Double.parseDouble(aas.get(1))).isCloseTo(4.0, within(0.1));
        assertThat(section(r, "instance").blocks().getFirst()).isInstanceOfSatisfying(Table.class,
                t -> assertThat(t.rows()).contains(List.of("Version", "19.0.0.0.0"), List.of("Open during the range", "100 %")));
    }

    @Test
    void theHtmlStandsAloneEscapesHostileTextCutsLongSqlAndHoldsNoPassword() throws Exception {
        Path file = folder.resolve("out/report.html");
        HtmlReport.write(report(Locale.ENGLISH), file);
        String html = Files.readString(file);
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "@media print", "@page")
                .doesNotContainIgnoringCase("<script").doesNotContain("http://", "https://", "src=", "@import", "url(")
                .doesNotContain(PASSWORD)
                .contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;")
                .contains("Tablespace APP_DATA is 91 % full")
                .contains("db1.example.com:1521/ORCLPDB1", "1.2.3");
        assertThat(html).doesNotContain("col, ".repeat(40)).contains("\u2026");
    }

    @Test
    void inChineseTheSameReportIsWordedInChinese() {
        HealthReport r = report(Locale.SIMPLIFIED_CHINESE);
        assertThat(r.findings()).extracting(Finding::text).anyMatch(t -> t.startsWith("表空间 APP_DATA 已用 91 %，每天增长 1.2 GB"));
        assertThat(section(r, "space").heading()).isEqualTo("空间与写满天数");
        assertThat(HtmlReport.render(r)).contains("lang=\"zh-CN\"", "发现");
    }

    @Test
    void aMySqlTargetSaysInOneLineWhatItHasNot() {
        Target shop = new Target(9, "shop", TargetKind.MYSQL, "db2", 3306, ConnectBy.DATABASE, "shop", "", "vigil", Secret.of(PASSWORD), List.of(),
                true);
        series.write(List.of(io.vigil.series.Point.of("mysql.connections", java.util.Map.of("target", "shop"), NOW.minusSeconds(60), 12)));
        ReportBuilder builder = new ReportBuilder(series, store.alerts(), Snapshots.NONE, Clock.fixed(NOW, ZoneOffset.UTC), "1.2.3", ZoneOffset.UTC);
        assertThat(builder.hasData(shop, FROM, NOW)).isTrue();
        assertThat(builder.hasData(shop, FROM, NOW.minus(Duration.ofDays(1)))).isFalse();
        HealthReport r = builder.build(shop, FROM, NOW, new Messages(Locale.ENGLISH));
        assertThat(section(r, "space").blocks()).singleElement().isEqualTo(
                new Text("No database sizes were collected in this range (MySQL / MariaDB targets have no tablespaces).", true));
        assertThat(section(r, "backups").blocks()).singleElement().isEqualTo(new Text("RMAN backups are not tracked for MySQL / MariaDB targets.", true));
        assertThat(HtmlReport.render(r)).doesNotContain(PASSWORD);
    }

    private static Section section(HealthReport r, String id) {
        return r.sections().stream().filter(s -> s.id().equals(id)).findFirst().orElseThrow();
    }
}
