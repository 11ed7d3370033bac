package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.Target;
import io.vigil.series.RangeQuery;
import io.vigil.series.Series;
import io.vigil.sitepack.OpenedPack;
import io.vigil.sitepack.SitePackFixture;
import io.vigil.sitepack.SitePackReader;

import picocli.CommandLine;

class PackSiteCommandTest {

    @TempDir
    Path dir;

    private SitePackFixture site;
    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    @BeforeEach
    void seed() throws Exception {
        site = new SitePackFixture(dir);
    }

    @AfterEach
    void close() throws Exception {
        site.close();
        System.clearProperty("vigil.home");
        System.clearProperty("vigil.logs");
    }

    private int run(String... args) {
        CommandLine cl = new CommandLine(new PackSiteCommand());
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        return cl.execute(args);
    }

    @Test
    void writesTheChosenTargetsOverTheRangeWithProgress() throws Exception {
        Path file = dir.resolve("out").resolve("acme.vigil");
        int code = run("--data-dir", site.home.toString(), "--from", SitePackFixture.FROM.toString(), "--to", SitePackFixture.TO.toString(),
                "--targets", "prod,shop", "--site", "ACME", "--out", file.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).contains("[0/4]", "[4/4]", "Wrote " + file + ": 2 targets");
        try (OpenedPack pack = SitePackReader.open(file)) {
            assertThat(pack.manifest().site()).isEqualTo("ACME");
            assertThat(pack.store().targets()).extracting(Target::name).containsExactlyInAnyOrder("prod", "shop");
            List<Series> prod = pack.series().query(new RangeQuery("oracle.sessions.active", Map.of("target", "prod"),
                    SitePackFixture.FROM.minusSeconds(86_400), SitePackFixture.TO.plusSeconds(86_400), 5400)); // minute buckets
            assertThat(prod).hasSize(1);
            assertThat(prod.getFirst().size()).isPositive();
            assertThat(prod.getFirst().times()[0]).isGreaterThanOrEqualTo(SitePackFixture.FROM.toEpochMilli());
            assertThat(prod.getFirst().times()[prod.getFirst().size() - 1]).isLessThan(SitePackFixture.TO.toEpochMilli());
        }
    }

    @Test
    void wrongOptionsAreUsageErrorsAndWriteNothing() {
        Path file = dir.resolve("x.vigil");
        assertThat(run("--data-dir", site.home.toString(), "--range", "2d", "--from", "2026-03-01T00:00", "--out", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("--range");
        assertThat(run("--data-dir", site.home.toString(), "--from", "yesterday", "--out", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("“yesterday” is not a time");
        assertThat(run("--data-dir", site.home.toString(), "--targets", "nope", "--out", file.toString())).isEqualTo(2);
        assertThat(err.toString()).contains("There is no target named nope", "prod");
        assertThat(Files.exists(file)).isFalse();
    }
}
