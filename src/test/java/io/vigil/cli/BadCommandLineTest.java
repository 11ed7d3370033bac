package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.Main;
import io.vigil.config.InputException;
import io.vigil.i18n.Messages;

import picocli.CommandLine;

/** What the {@code vigil} command says about a mistake on its command line or in a {@code --config} file, word for word. */
class BadCommandLineTest {

    @TempDir
    Path home;
    final Messages en = new Messages(Locale.ENGLISH);
    final Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);

    @AfterEach
    void forgetHome() {
        System.clearProperty("vigil.home");
    }

    record Run(int exit, String err) {
    }

    Run vigil(String... args) {
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(new StringWriter(), true));
        cl.setErr(new PrintWriter(err, true));
        return new Run(cl.execute(args), err.toString().strip());
    }

    @Test
    void anUnknownOptionIsNamedWithWhereToLook() {
        Run r = vigil("check", "--bogus");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("vigil check: \u201c--bogus\u201d is not an option or a command here; \u201cvigil check --help\u201d lists them.");
    }

    @Test
    void aValueOfTheWrongKindSaysWhatTheOptionTakes() {
        Run r = vigil("collect", "--data-dir", home.toString(), "--every", "many");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("vigil collect: --every: a whole number is needed, not \u201cmany\u201d.");
        Run d = vigil("collect", "--data-dir", home.toString(), "--duration", "soon");
        assertThat(d.err()).isEqualTo("vigil collect: --duration: a duration such as 90s, 15m, 8h or 2d is needed, not \u201csoon\u201d.");
    }

    @Test
    void aMissingValueAndAnOptionGivenTwiceAreUsageMistakes() {
        Run r = vigil("check", "--data-dir");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).startsWith("vigil check: ").contains("--data-dir").doesNotContain("Missing required");
        Run twice = vigil("check", "--data-dir", "a", "--data-dir", "b");
        assertThat(twice.exit()).isEqualTo(2);
        assertThat(twice.err()).isEqualTo("vigil check: --data-dir is given more than once.");
    }

    @Test
    void aStoreAddressOfTheWrongKindSaysWhatKindWithAnExample() {
        Run r = vigil("collect", "--data-dir", home.toString(), "--ledger", "http://redis1:6379", "--duration", "1s");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("vigil collect: --ledger: a Redis address, such as redis://redis1:6379 (a path adds a key prefix: "
                + "redis://redis1:6379/team) is needed, not \u201chttp://redis1:6379\u201d.");
    }

    @Test
    void aCommandsOwnCheckOfItsOptionsKeepsItsSentence() {
        Run r = vigil("import-tns", "--data-dir", home.toString(), "--password-env", "NOT_SET_HERE_EITHER", "tnsnames.ora");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("vigil import-tns: --user: --password-file and --password-env need --user.");
    }

    @Test
    void anExportToAFolderThatIsNotThereSaysSo() {
        Path nowhere = home.resolve("no-such-folder").resolve("vigil.yaml");
        Run r = vigil("export", "--data-dir", home.toString(), nowhere.toString());
        assertThat(r.exit()).isEqualTo(1);
        assertThat(r.err()).endsWith("vigil.yaml could not be written: its folder does not exist.");
    }

    @Test
    void theLanguageOptionWordsTheMistakeEvenWhenTheLineDoesNotParse() {
        Run r = vigil("--lang", "zh-CN", "--exit-after", "soon");
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).isEqualTo("vigil\uff1a--exit-after\uff1a\u8fd9\u91cc\u9700\u8981\u4e00\u4e2a\u6574\u6570\uff0c\u800c\u4e0d\u662f\u201csoon\u201d\u3002");
    }

    @Test
    void aCollectorFileNamesTheLineTheTargetAndTheField() throws Exception {
        Path file = home.resolve("targets.yaml");
        Files.writeString(file, "targets:\n  - name: prod\n    kind: ORACLE\n    host: db1\n    port: abc\n");
        InputException e = read(file, Map.of());
        assertThat(e.getMessage()).isEqualTo("targets.yaml: line 5, port: a whole number from 1 to 65535 is needed, not \u201cabc\u201d.");

        Files.writeString(file, "targets:\n  - name: prod\n    host: db1\n");
        assertThat(read(file, Map.of()).getMessage())
                .isEqualTo("targets.yaml: line 2, target \u201cprod\u201d, kind: one of ORACLE, MYSQL, POSTGRES, DEMO_ORACLE is needed, and none is given.");

        Files.writeString(file, "targets:\n  - name: prod\n    kind: ORACLE\n    host: db1\n    service: X\n    user: vigil\n"
                + "    passwordEnv: PROD_PW\n");
        InputException unset = read(file, Map.of());
        assertThat(unset.getMessage()).isEqualTo("targets.yaml: line 2, target \u201cprod\u201d, passwordEnv: the environment variable PROD_PW is not set.");
        assertThat(unset.describe(zh)).isEqualTo("targets.yaml\uff1a\u7b2c 2 \u884c\uff0c\u76ee\u6807\u201cprod\u201d\uff0cpasswordEnv\uff1a"
                + "\u73af\u5883\u53d8\u91cf PROD_PW \u672a\u8bbe\u7f6e\u3002");
        assertThat(CollectorFile.read(file, Map.of("PROD_PW", "tiger"), en)).hasSize(1);

        Files.write(file, new byte[] {(byte) 0xFF, (byte) 0xFE, 't', 0, 'a', 0});
        assertThat(read(file, Map.of()).getMessage())
                .isEqualTo("targets.yaml: this is not UTF-8 text: it may be a binary file or saved in another encoding; save it as UTF-8 text.");
    }

    InputException read(Path file, Map<String, String> env) {
        try {
            CollectorFile.read(file, env, en);
        } catch (InputException e) {
            return e;
        }
        throw new AssertionError("accepted: " + List.of(file));
    }
}
