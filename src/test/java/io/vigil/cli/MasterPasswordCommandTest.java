package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.Main;

import picocli.CommandLine;

/** {@code vigil master-password}: set, used by every command through VIGIL_MASTER_PASSWORD, refused when wrong, removed. */
class MasterPasswordCommandTest {

    @TempDir
    Path home;
    private final Map<String, String> env = new HashMap<>();
    private Locale before;

    @BeforeEach
    void aFolderWithATargetAndItsPassword() throws Exception {
        before = Locale.getDefault();
        Locale.setDefault(Locale.ENGLISH);
        MasterPasswordPrompt.env = env::get;
        Path yaml = home.resolve("targets.yaml");
        Files.writeString(yaml, """
                targets:
                  - {name: shop, kind: MYSQL, host: db.example.com, port: 3306, user: vigil, password: Shop-Pw-9911}
                """);
        Run imported = vigil("import", yaml.toString());
        assertThat(imported.exit()).as(imported.out()).isZero();
    }

    @AfterEach
    void restore() {
        MasterPasswordPrompt.env = System::getenv;
        Locale.setDefault(before);
        System.clearProperty("vigil.home");
    }

    record Run(int exit, String out) {
    }

    private Run vigil(String... args) {
        StringWriter out = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(out));
        String[] all = new String[args.length + 2];
        all[0] = "--data-dir";
        all[1] = home.toString();
        System.arraycopy(args, 0, all, 2, args.length);
        return new Run(cl.execute(all), out.toString());
    }

    @Test
    void onceSetEveryCommandNeedsItAndAWrongOneIsRefused() {
        env.put(MasterPasswordPrompt.NEW_ENV, "correct horse");
        Run set = vigil("master-password", "set");
        assertThat(set.exit()).as(set.out()).isZero();
        assertThat(set.out()).contains("A master password now protects the stored passwords");
        env.clear();

        Run none = vigil("export", "--with-passwords");
        assertThat(none.exit()).isNotZero();
        assertThat(none.out()).contains("VIGIL_MASTER_PASSWORD").doesNotContain("Shop-Pw-9911", "Exception");

        env.put(MasterPasswordPrompt.ENV, "battery staple");
        Run wrong = vigil("export", "--with-passwords");
        assertThat(wrong.exit()).isNotZero();
        assertThat(wrong.out()).contains("The master password is wrong.").doesNotContain("Shop-Pw-9911");

        env.put(MasterPasswordPrompt.ENV, "correct horse");
        Run right = vigil("export", "--with-passwords");
        assertThat(right.exit()).as(right.out()).isZero();
        assertThat(right.out()).contains("Shop-Pw-9911");
    }

    @Test
    void changedThenRemovedTheStoredPasswordsStayReadable() {
        env.put(MasterPasswordPrompt.NEW_ENV, "first");
        assertThat(vigil("master-password", "set").exit()).isZero();
        env.put(MasterPasswordPrompt.ENV, "first");
        env.put(MasterPasswordPrompt.NEW_ENV, "second");
        Run changed = vigil("master-password", "set");
        assertThat(changed.exit()).as(changed.out()).isZero();
        assertThat(changed.out()).contains("The master password was changed");
        env.remove(MasterPasswordPrompt.NEW_ENV);

        Run old = vigil("export", "--with-passwords");
        assertThat(old.out()).contains("The master password is wrong.");
        env.put(MasterPasswordPrompt.ENV, "second");
        Run removed = vigil("master-password", "remove");
        assertThat(removed.exit()).as(removed.out()).isZero();
        assertThat(removed.out()).contains("the key file protects the stored passwords again");
        env.clear();
        Run after = vigil("export", "--with-passwords");
        assertThat(after.exit()).as(after.out()).isZero();
        assertThat(after.out()).contains("Shop-Pw-9911");
    }

    @Test
    void withoutATerminalOrTheVariableNoNewPasswordIsSet() {
        Run set = vigil("master-password", "set");
        assertThat(set.exit()).isEqualTo(2);
        assertThat(set.out()).contains("VIGIL_NEW_MASTER_PASSWORD");
        assertThat(home.resolve("master.properties")).doesNotExist();
    }
}
