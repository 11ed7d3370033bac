package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.testsupport.ChildVigil;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/**
 * The environment variables {@code vigil} reads, set wrong, as a user's shell or a service unit would: each run ends with
 * the right exit code and one sentence in the language asked for (English, and Chinese with {@code --lang zh-CN}), never a
 * stack trace, a class name or a library's own status lines. Run as processes of their own, since the environment of
 * this JVM cannot be changed.
 */
class BadEnvironmentIT {

    @TempDir
    Path home;
    @RegisterExtension
    final ChildVigil vigil = new ChildVigil(() -> home);

    /** One run: its exit code and what it printed. */
    record Run(int exit, String output) {
    }

    Run run(String name, Map<String, String> env, String... args) throws Exception {
        Process p = vigil.start(name, env, args);
        assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("vigil " + String.join(" ", args) + " ended").isTrue();
        return new Run(p.exitValue(), vigil.output(name).strip());
    }

    static void plain(Run r) {
        assertThat(r.output()).as("one plain sentence, not a trace").isNotBlank().doesNotContain("Exception", "\tat ", "java.", "org.", "com.",
                "|-INFO", "|-ERROR", "logback");
        assertThat(r.output().lines().count()).as(r.output()).isLessThanOrEqualTo(2);
    }

    @Test
    void aDataFolderThatIsAFileIsSaidAsSuch() throws Exception {
        Path file = Files.writeString(home.resolve("not-a-folder"), "x");
        for (String lang : List.of("en", "zh-CN")) {
            Run r = run("home-" + lang, Map.of("VIGIL_HOME", file.toString()), "--lang", lang, "export");
            System.out.printf("[env] VIGIL_HOME=a file (%s): exit %d, \"%s\"%n", lang, r.exit(), r.output());
            assertThat(r.exit()).isEqualTo(1);
            plain(r);
            assertThat(r.output()).contains(file.toString());
            assertThat(r.output().codePoints().anyMatch(c -> Character.UnicodeScript.of(c) == Character.UnicodeScript.HAN))
                    .as("in the language asked for").isEqualTo(lang.equals("zh-CN"));
        }
    }

    @Test
    void aWrongMasterPasswordInTheEnvironmentIsRefusedAndChangesNothing() throws Exception {
        Path data = home.resolve("data");
        Run set = run("set", Map.of("VIGIL_NEW_MASTER_PASSWORD", "right horse battery", "VIGIL_MASTER_PASSWORD", ""), "--data-dir",
                data.toString(), "master-password", "set");
        assertThat(set.exit()).as(set.output()).isZero();
        byte[] before = Files.readAllBytes(data.resolve("config").resolve("vigil.mv.db"));
        for (String lang : List.of("en", "zh-CN")) {
            Run r = run("wrong-" + lang, Map.of("VIGIL_MASTER_PASSWORD", "wrong staple"), "--lang", lang, "--data-dir", data.toString(), "export");
            System.out.printf("[env] VIGIL_MASTER_PASSWORD wrong (%s): exit %d, \"%s\"%n", lang, r.exit(), r.output());
            assertThat(r.exit()).isNotZero();
            plain(r);
        }
        Run unset = run("unset", Map.of("VIGIL_MASTER_PASSWORD", ""), "--data-dir", data.toString(), "export");
        System.out.printf("[env] VIGIL_MASTER_PASSWORD missing, no terminal: exit %d, \"%s\"%n", unset.exit(), unset.output());
        assertThat(unset.exit()).isNotZero();
        plain(unset);
        assertThat(Files.readAllBytes(data.resolve("config").resolve("vigil.mv.db"))).as("the store unchanged").isEqualTo(before);
        assertThat(run("right", Map.of("VIGIL_MASTER_PASSWORD", "right horse battery"), "--data-dir", data.toString(), "export").exit())
                .as("the right one works").isZero();
    }

    @Test
    void aWrongConfigStorePasswordInTheEnvironmentIsALoginRefused() throws Exception {
        try (TestDatabase db = RealServices.mariadb().createDatabase("envstore")) {
            for (String lang : List.of("en", "zh-CN")) {
                Run r = run("store-" + lang, Map.of("VIGIL_CONFIG_STORE_PASSWORD", "not-" + db.password()), "--lang", lang, "--data-dir",
                        home.resolve("data").toString(), "--config-store", db.jdbcUrl(), "--config-store-user", db.user(), "export");
                System.out.printf("[env] VIGIL_CONFIG_STORE_PASSWORD wrong (%s): exit %d, \"%s\"%n", lang, r.exit(), r.output());
                assertThat(r.exit()).isEqualTo(1);
                plain(r);
                assertThat(r.output()).doesNotContain("not-" + db.password());
            }
        }
    }
}
