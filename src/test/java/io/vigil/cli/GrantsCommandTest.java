package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.FirstStart;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;

import picocli.CommandLine;

/** {@code vigil grants} on a fresh data folder, whose demo Oracle plays the releases and kinds of database asked of it. */
class GrantsCommandTest {

    @TempDir
    Path home;

    @AfterEach
    void forgetHome() {
        System.clearProperty("vigil.home");
    }

    record Run(int exit, String out) {
    }

    private Run grants(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = new CommandLine(new GrantsCommand());
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        int exit = cl.execute(all);
        return new Run(exit, out.toString());
    }

    private void demoPlays(String database) {
        AppDirs dirs = new AppDirs(home);
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            FirstStart.prepare(store);
            Target demo = store.targets().getFirst();
            store.saveTarget(new Target(demo.id(), demo.name(), demo.kind(), "", 0, ConnectBy.SERVICE_NAME, database, "", "vigil",
                    Secret.empty(), demo.tags(), true));
        }
    }

    @Test
    void isACommandOfVigil() {
        assertThat(new CommandLine(new io.vigil.Main()).getSubcommands()).containsKey("grants");
    }

    @Test
    void printsTheScriptForTheReleaseTheDemoPlaysAndChecksEveryMirror() {
        demoPlays("11.2");
        Run printed = grants("demo");
        assertThat(printed.exit()).as(printed.out()).isZero();
        assertThat(printed.out()).contains("Oracle 11g, written for release 11.2").contains("CREATE USER vigil IDENTIFIED BY \"<choose a password>\";")
                .contains("GRANT SELECT ON sys.v_$session TO vigil;").doesNotContain("diag_alert_ext TO").doesNotContain("CONTAINER");

        Run checked = grants("demo", "--check");
        assertThat(checked.exit()).as(checked.out()).isZero();
        assertThat(checked.out()).contains("-- session: OK").contains("-- alert_log: NOT AVAILABLE needs release 12.2 or later; the server is 11.2.")
                .contains("-- ash: NOT AVAILABLE reads views of the Diagnostics Pack")
                .endsWith("-- Every mirror reads with this account." + System.lineSeparator());
    }

    @Test
    void aContainerDatabaseGetsTheCommonUserAndAWarning() {
        demoPlays("19 CDB");
        Run r = grants("demo", "--check");
        assertThat(r.exit()).as(r.out()).isZero();
        assertThat(r.out()).contains("CREATE USER C##VIGIL IDENTIFIED BY \"<choose a password>\" CONTAINER=ALL;")
                .contains("ALTER USER C##VIGIL SET CONTAINER_DATA=ALL CONTAINER=CURRENT;")
                .contains("GRANT SELECT ON sys.v_$containers TO C##VIGIL CONTAINER=ALL;")
                .contains("WARNING: the target user vigil has no C## prefix").contains("-- container_sessions: OK");
    }

    @Test
    void rolesFlavourAndLanguageAreOptionsAndBadOnesAreUsageErrors() {
        demoPlays("");
        Run roles = grants("demo", "--flavour", "oracle12", "--roles", "--lang", "zh-CN");
        assertThat(roles.exit()).as(roles.out()).isZero();
        assertThat(roles.out()).contains("GRANT SELECT_CATALOG_ROLE TO vigil;").contains("从不执行").doesNotContain("GRANT SELECT ON");

        Run bad = grants("demo", "--flavour", "db2");
        assertThat(bad.exit()).isEqualTo(2);
        assertThat(bad.out()).contains("Unknown flavour db2: use one of oracle11, oracle12, oracle-cdb, mysql, postgres, postgres96.");
        Run wrongKind = grants("demo", "--flavour", "mysql");
        assertThat(wrongKind.exit()).isEqualTo(2);
        assertThat(wrongKind.out()).contains("The flavour mysql does not fit demo");
        Run missing = grants("nowhere");
        assertThat(missing.exit()).isEqualTo(2);
        assertThat(missing.out()).contains("No target is named nowhere. Targets: demo");
    }
}
