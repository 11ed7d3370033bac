package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;

import picocli.CommandLine;

/** {@code vigil import-tns} as a consultant runs it, against a fresh embedded config store. */
class ImportTnsCommandTest {

    @TempDir
    Path home;

    private Locale before;

    @BeforeEach
    void english() {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
    }

    @AfterEach
    void restore() {
        Locale.setDefault(before);
        System.clearProperty("vigil.home");
    }

    record Run(int exit, String out) {
    }

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = vigil();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        int exit = cl.execute(args);
        return new Run(exit, out.toString());
    }

    // through the real `vigil` command line, so the subcommand's registration is tested too
    private static CommandLine vigil() {
        return new CommandLine(new io.vigil.Main());
    }

    private static String site() {
        try {
            return Path.of(ImportTnsCommandTest.class.getResource("/tns/site/tnsnames.ora").toURI()).toString();
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    private List<Target> stored() {
        AppDirs dirs = new AppDirs(home);
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            return store.targets().stream().filter(t -> t.kind() == TargetKind.ORACLE).toList();
        }
    }

    @Test
    void aDryRunListsWhatItWouldAddAndWhatItCouldNotReadAndChangesNothing() {
        Run r = run("import-tns", "--data-dir", home.toString(), "--dry-run", site());
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("Would add HR: alias HR, hr-a.example.com:1522 service hr, 3 addresses")
                .contains("Would add SECURE: alias SECURE, secure.example.com:2484 service secure, TCPS")
                .contains("Would add legacy: alias legacy, 10.1.2.3:1526 SID LEG8")
                .contains("Could not read tnsnames.ora line 28: BROKEN: a \u201c)\u201d is missing")
                .contains("Could not read includes/extra.ora line 9: IFILE ../tnsnames.ora leads back")
                .contains("Dry run: 9 would be added, 0 already present, 6 could not be read. Nothing was changed.");
        assertThat(stored()).isEmpty();
    }

    @Test
    void importAddsEveryReadableAliasWithTheLoginAndTagsAndASecondRunSkipsThemAll() throws Exception {
        Path pw = home.resolve("pw");
        Files.writeString(pw, "s3cret\n");
        Run r = run("import-tns", "--data-dir", home.toString(), "--user", "dbsnmp", "--password-file", pw.toString(), "--tag", "acme",
                "--tag", "prod", site());
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("Added PROD.EXAMPLE.COM: alias PROD.EXAMPLE.COM").contains("9 added, 0 already present, 6 could not be read.")
                .doesNotContain("s3cret").doesNotContain("switched off");
        List<Target> targets = stored();
        assertThat(targets).extracting(Target::name).containsExactlyInAnyOrder("PROD.EXAMPLE.COM", "legacy", "HR", "HR_RO", "AFTER_BROKEN", "SECURE",
                "DG", "REPORTING", "LAST");
        Path folder = Path.of(site()).getParent();
        assertThat(targets).allSatisfy(t -> {
            assertThat(t.connectBy()).isEqualTo(ConnectBy.TNS_ALIAS);
            assertThat(t.tnsAdmin()).isEqualTo(folder.toString());
            assertThat(t.user()).isEqualTo("dbsnmp");
            assertThat(t.password().reveal()).isEqualTo("s3cret");
            assertThat(t.tags()).containsExactly("acme", "prod");
            assertThat(t.enabled()).isTrue();
        });
        assertThat(targets).filteredOn(t -> t.name().equals("DG")).extracting(Target::database, Target::host, Target::port)
                .containsExactly(tuple("DG", "dg-primary.example.com", 1521));

        Run again = run("import-tns", "--data-dir", home.toString(), site());
        assertThat(again.out()).contains("Skipped HR: already present as target \u201cHR\u201d")
                .contains("0 added, 9 already present, 6 could not be read.");
        assertThat(stored()).hasSize(9);
    }

    @Test
    void aCleanFileExitsZeroAndTargetsWithoutAUserWaitSwitchedOff() throws Exception {
        Path dir = Files.createDirectories(home.resolve("customer"));
        Path file = dir.resolve("tnsnames.ora");
        Files.writeString(file, """
                A = (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = a.example.com)(PORT = 1521))(CONNECT_DATA = (SERVICE_NAME = a)))
                B = (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = b.example.com)(PORT = 1521))(CONNECT_DATA = (SID = B1)))
                C = (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = c.example.com)(PORT = 1521))(CONNECT_DATA = (SID = C1)))
                """);
        Run r = run("import-tns", "--data-dir", home.toString(), "--only", "a,b", file.toString());
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("2 added, 0 already present, 0 could not be read.").contains("stay switched off");
        assertThat(stored()).extracting(Target::name, Target::enabled, Target::user).containsExactlyInAnyOrder(tuple("A", false, ""), tuple("B", false, ""));
    }

    @Test
    void anAliasAskedForThatTheFileLacksAndAFileNotCalledTnsnamesAreSaid() throws Exception {
        Path file = home.resolve("customer.ora");
        Files.writeString(file, "A = (DESCRIPTION = (ADDRESS = (PROTOCOL = TCP)(HOST = a)(PORT = 1521))(CONNECT_DATA = (SERVICE_NAME = a)))\n");
        Run r = run("import-tns", "--data-dir", home.toString(), "--only", "A,ZZZ", file.toString());
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("Could not find ZZZ: customer.ora does not define it").contains("copy or rename customer.ora to tnsnames.ora");
        assertThat(stored()).extracting(Target::name).containsExactly("A");
    }

    @Test
    void aMissingFileIsExitOneAndUsageMistakesAreExitTwo() throws Exception {
        Run missing = run("import-tns", "--data-dir", home.toString(), home.resolve("nope.ora").toString());
        assertThat(missing.exit()).isEqualTo(1);
        assertThat(missing.out()).contains("nope.ora does not exist.");

        Path pw = home.resolve("pw");
        Files.writeString(pw, "x");
        assertThat(run("import-tns", "--data-dir", home.toString(), "--password-file", pw.toString(), site()).exit()).isEqualTo(2);
        assertThat(run("import-tns", "--data-dir", home.toString(), "--user", "u", "--password-file", pw.toString(), "--password-env", "X", site())
                .exit()).isEqualTo(2);
        assertThat(run("import-tns", "--data-dir", home.toString()).exit()).isEqualTo(2);
        assertThat(run("import-tns", "--data-dir", home.toString(), "--user", "u", "--password-env", "VIGIL_SURELY_UNSET_VARIABLE", site())
                .out()).contains("VIGIL_SURELY_UNSET_VARIABLE is not set");
        assertThat(stored()).isEmpty();
    }

    @Test
    void aChineseSystemReadsTheListInChinese() {
        Locale.setDefault(Locale.SIMPLIFIED_CHINESE);
        Run r = run("import-tns", "--data-dir", home.toString(), "--dry-run", site());
        assertThat(r.out()).contains("将添加 HR：别名 HR，hr-a.example.com:1522 服务名 hr，共 3 个地址")
                .contains("无法读取 tnsnames.ora 第 28 行：BROKEN：缺少“)”")
                .contains("试运行：将添加 9 个，已存在 0 个，无法读取 6 个。");
    }

    @Test
    void withOnlyTheBrokenEntriesOfOtherAliasesAreNotListedButTheAskedOnesAndTheIncludesAre() {
        Run r = run("import-tns", "--data-dir", home.toString(), "--only", "quick,last", site());
        assertThat(r.exit()).as(r.out()).isEqualTo(1);
        assertThat(r.out()).contains("Added LAST").contains("line 68: QUICK = quick-db.example.com:1521/quick is an EZConnect address")
                .contains("includes/extra.ora line 9").contains("line 76: IFILE nowhere/missing.ora does not exist.")
                .doesNotContain("BROKEN").doesNotContain("LOCAL_ONLY").doesNotContain("Could not find")
                .contains("1 added, 0 already present, 3 could not be read.");
    }
}
