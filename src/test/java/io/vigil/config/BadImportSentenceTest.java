package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.i18n.Messages;

/** Each kind of mistake in an imported file, and the exact sentence it gets, in English and in Chinese. */
class BadImportSentenceTest {

    @TempDir
    Path home;
    ConfigStore store;
    final Messages en = new Messages(Locale.ENGLISH);
    final Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);

    @BeforeEach
    void open() {
        AppDirs dirs = new AppDirs(home);
        store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
    }

    @AfterEach
    void close() {
        store.close();
    }

    InputException refused(String yaml) {
        InputException e = catchThrowableOfType(InputException.class, () -> ConfigYaml.importInto(store, yaml, "team.yaml", en));
        assertThat(e).as("refused: %s", yaml).isNotNull();
        assertThat(store.targets()).isEmpty();
        return e;
    }

    @Test
    void aPortThatIsNotANumberNamesItsLineAndWhatWouldBeRight() {
        InputException e = refused("targets:\n  - name: shop\n    kind: MYSQL\n    port: abc\n");
        assertThat(e.getMessage()).isEqualTo("team.yaml: line 4, port: a whole number from 1 to 65535 is needed, not \u201cabc\u201d.");
        assertThat(e.describe(zh)).isEqualTo("team.yaml\uff1a\u7b2c 4 \u884c\uff0cport\uff1a\u8fd9\u91cc\u9700\u89811 \u5230 65535 "
                + "\u4e4b\u95f4\u7684\u6574\u6570\uff0c\u800c\u4e0d\u662f\u201cabc\u201d\u3002");
    }

    @Test
    void aFractionIsNotAWholeNumberAndAHugeOneIsQuoted() {
        assertThat(refused("mirrors:\n  - name: m\n    kind: ORACLE\n    interval: 1.5\n").getMessage())
                .isEqualTo("team.yaml: line 4, interval: a whole number is needed, not \u201c1.5\u201d.");
        assertThat(refused("targets:\n  - name: shop\n    kind: MYSQL\n    port: 99999999999999999\n").getMessage())
                .isEqualTo("team.yaml: line 4, port: a whole number from 1 to 65535 is needed, not \u201c99999999999999999\u201d.");
    }

    @Test
    void wrongShapesAreNamedInWords() {
        assertThat(refused("targets:\n  - name: [a, b]\n").getMessage())
                .isEqualTo("team.yaml: line 2, name: a text is needed, not a list.");
        assertThat(refused("targets: 5\n").getMessage())
                .isEqualTo("team.yaml: line 1, targets: a list, such as [a, b] is needed, not \u201c5\u201d.");
        assertThat(refused("targets:\n  - name: a\n    enabled: maybe\n").getMessage())
                .isEqualTo("team.yaml: line 3, enabled: true or false is needed, not \u201cmaybe\u201d.");
        assertThat(refused("targets:\n  - name: a\n    kind: SYBASE\n").getMessage())
                .isEqualTo("team.yaml: line 3, kind: one of ORACLE, MYSQL, POSTGRES, DEMO_ORACLE is needed, not \u201cSYBASE\u201d.");
    }

    @Test
    void aBrokenRuleIsWordedInTheLanguageItIsToldIn() {
        InputException e = refused("targets:\n  - name: shop\n    kind: MYSQL\n    host: db1\n    user: monitor\n    port: 99999\n");
        assertThat(e.getMessage()).isEqualTo("team.yaml: line 2, target \u201cshop\u201d: port: The port must be between 1 and 65535 (it is 99999).");
        assertThat(e.describe(zh)).isEqualTo("team.yaml\uff1a\u7b2c 2 \u884c\uff0c\u76ee\u6807\u201cshop\u201d\uff1aport\uff1a"
                + zh.get("problem.port.range", 99999));
    }

    @Test
    void anEmptyItemInAListIsAMistakeNotACrash() {
        assertThat(refused("targets:\n  - name: a\n    kind: DEMO_ORACLE\n    tags: [prod, ~]\n").getMessage())
                .isEqualTo("team.yaml: line 4, tags: a text is needed, not nothing.");
        assertThat(refused("targets:\n  - name: a\n    kind: 0\n").getMessage())
                .isEqualTo("team.yaml: line 3, kind: one of ORACLE, MYSQL, POSTGRES, DEMO_ORACLE is needed, not \u201c0\u201d.");
        assertThat(refused("targets:\n  - name: a\n    kind: DEMO_ORACLE\n    enabled: 2\n").getMessage())
                .isEqualTo("team.yaml: line 4, enabled: true or false is needed, not \u201c2\u201d.");
    }

    @Test
    void aTruncatedFileAndAMisplacedMarkAreToldApart() {
        assertThat(refused("targets:\n  - name: \"shop\n").getMessage())
                .isEqualTo("team.yaml: line 3: the file ends in the middle of a value: it may have been cut short, or a quote or a bracket is never closed.");
        assertThat(refused("targets:\n  - name: a\n    kind: ORACLE\n   host: x\n").getMessage())
                .startsWith("team.yaml: line 4: this is not valid YAML here:");
        assertThat(refused("targets:\n  - name: a\n    kind: ORACLE\n   host: x\n").describe(zh))
                .startsWith("team.yaml\uff1a\u7b2c 4 \u884c\uff1a\u6b64\u5904\u4e0d\u662f\u6709\u6548\u7684 YAML");
    }

    @Test
    void anUnknownFieldListsTheKnownOnesOnItsOwnLine() {
        assertThat(refused("targets:\n  - name: a\n    colour: red\n    kind: ORACLE\n").getMessage())
                .startsWith("team.yaml: line 3: \u201ccolour\u201d is not a field Vigil knows here; known fields: connectBy, database, enabled,");
    }

    @Test
    void aMissingFieldAndANullEntrySayWhatIsNeeded() {
        assertThat(refused("targets:\n  - name: a\n    host: x\n").getMessage())
                .isEqualTo("team.yaml: line 2, target \u201ca\u201d, kind: one of ORACLE, MYSQL, POSTGRES, DEMO_ORACLE is needed, and none is given.");
        assertThat(refused("targets:\n  -\n").getMessage()).startsWith("team.yaml: ").contains("is needed");
    }

    @Test
    void aLongValueIsCutToSixtyCharacters() {
        String huge = "x".repeat(5000);
        String msg = refused("targets:\n  - name: " + huge + "\n    kind: SYBASE" + huge + "\n").getMessage();
        assertThat(msg).contains("\u201c" + "SYBASE" + "x".repeat(54) + "\u2026\u201d").hasSizeLessThan(300);
        String named = refused("targets:\n  - name: " + huge + "\n").getMessage();
        assertThat(named).contains("target \u201c" + "x".repeat(60) + "\u2026\u201d").hasSizeLessThan(300);
    }

    @Test
    void aBinaryFileIsToldItIsNotText() throws Exception {
        Path bin = home.resolve("photo.yaml");
        Files.write(bin, new byte[] {(byte) 0x89, 'P', 'N', 'G', 0, 1, (byte) 0xFF, (byte) 0xFE});
        InputProblem p = InputErrors.of(catchThrowableOfType(java.io.IOException.class, () -> Files.readString(bin, StandardCharsets.UTF_8)), null);
        assertThat(p.describe("photo.yaml", en))
                .isEqualTo("photo.yaml: this is not UTF-8 text: it may be a binary file or saved in another encoding; save it as UTF-8 text.");
        assertThat(p.describe("photo.yaml", zh)).startsWith("photo.yaml\uff1a\u8fd9\u4e0d\u662f UTF-8 \u6587\u672c");
    }

    @Test
    void controlCharactersInAQuotedValueShowAsQuestionMarks() {
        assertThat(InputProblem.cut("a\u0000b\tc\n\nd")).isEqualTo("a?b c d");
        assertThat(InputProblem.cut("\ud83d\ude00".repeat(40))).hasSize(61).endsWith("\u2026");
    }
}
