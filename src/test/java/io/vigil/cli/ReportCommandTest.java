package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.FirstStart;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.mirror.CacheDb;
import io.vigil.report.ReportSeed;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Retention;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** {@code vigil report} on a fresh data folder whose demo Oracle has a seeded week in the series store. */
class ReportCommandTest {

    static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");

    @TempDir
    Path home;

    String demo;

    @BeforeEach
    void seed() throws Exception {
        AppDirs dirs = new AppDirs(home);
        Target target;
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            FirstStart.prepare(store);
            target = store.targets().getFirst();
        }
        demo = target.name();
        try (H2SeriesStore series = new H2SeriesStore(home.resolve("series"), Retention.defaults(), Clock.fixed(NOW, ZoneOffset.UTC))) {
            new ReportSeed(series, demo, NOW.minusSeconds(1), Duration.ofDays(7)).oracleWeek(Duration.ofMinutes(5));
        }
        try (CacheDb cache = CacheDb.embedded(home.resolve("cache")); Connection c = cache.dataSource().getConnection();
             Statement s = c.createStatement()) {
            s.execute("CREATE TABLE ora_instance (target_id BIGINT, version VARCHAR(40))");
            s.execute("INSERT INTO ora_instance VALUES (" + target.id() + ", '19.21.0.0.0')");
        }
    }

    @AfterEach
    void forgetHome() {
        System.clearProperty("vigil.home");
    }

    record Run(int exit, String out) {
    }

    private Run report(String... args) {
        StringWriter out = new StringWriter();
        ReportCommand command = new ReportCommand();
        command.clock = Clock.fixed(NOW, ZoneOffset.UTC);
        CommandLine cl = new CommandLine(command);
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return new Run(cl.execute(all), out.toString());
    }

    @Test
    void isACommandOfVigil() {
        assertThat(new CommandLine(new io.vigil.Main()).getSubcommands()).containsKey("report");
    }

    @Test
    void writesTheDemoTargetsReportOfTheLastWeek() throws Exception {
        Path file = home.resolve("reports/demo.html");
        Run run = report(demo, "--range", "7d", "--out", file.toString(), "--lang", "en");
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("Report written to " + file.toAbsolutePath());
        String html = Files.readString(file);
        assertThat(html).contains("Health report: " + demo, "Tablespace APP_DATA is 91 % full", "19.21.0.0.0", "<svg")
                .doesNotContain("http://", "https://", "<script");
    }

    @Test
    void writesItInChineseBetweenTwoDates() throws Exception {
        Path file = home.resolve("zh.html");
        Run run = report(demo, "--from", "2026-11-15", "--to", "2026-11-20T12:00:00Z", "--out", file.toString(), "--lang", "zh-CN");
        assertThat(run.exit()).as(run.out()).isZero();
        assertThat(run.out()).contains("报告已写入");
        assertThat(Files.readString(file)).contains("健康报告", "表空间 APP_DATA");
    }

    @Test
    void anUnknownTargetAnEmptyRangeAndABadTimeAreSaidPlainly() {
        Path file = home.resolve("none.html");
        Run unknown = report("nosuch", "--out", file.toString(), "--lang", "en");
        assertThat(unknown.exit()).isEqualTo(2);
        assertThat(unknown.out()).contains("No target is named nosuch. Targets: " + demo).doesNotContain("Exception");

        Run empty = report(demo, "--from", "2020-01-01", "--to", "2020-01-08", "--out", file.toString(), "--lang", "en");
        assertThat(empty.exit()).isEqualTo(1);
        assertThat(empty.out()).contains("The series store holds nothing of " + demo).doesNotContain("Exception");

        Run bad = report(demo, "--from", "last tuesday", "--out", file.toString(), "--lang", "en");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.out()).contains("\"last tuesday\" is not a time");
        assertThat(file).doesNotExist();
    }
}
