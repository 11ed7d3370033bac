package io.vigil.ui.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDateTime;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvExportTest {

    @TempDir
    Path folder;

    @Test
    void fieldsAreQuotedByRfc4180AndLinesEndInCrLf() throws Exception {
        Path file = folder.resolve("out.csv");
        int n = CsvExport.write(List.of("name", "note, with comma", "amount", "at"), List.of(
                MirrorRow.of(Arrays.asList("plain", "say \"hi\"", new BigDecimal("1.5"), LocalDateTime.of(2024, 1, 2, 3, 4, 5))),
                MirrorRow.of(Arrays.asList("two\nlines", null, 7L, null)),
                MirrorRow.of(Arrays.asList("中文", "a\rb", -0.5, null))), file);
        assertThat(n).isEqualTo(3);
        assertThat(Files.readString(file, StandardCharsets.UTF_8)).isEqualTo(
                "name,\"note, with comma\",amount,at\r\n"
                        + "plain,\"say \"\"hi\"\"\",1.5,2024-01-02 03:04:05\r\n"
                        + "\"two\nlines\",,7,\r\n"
                        + "中文,\"a\rb\",-0.5,\r\n");
        assertThat(Files.list(folder)).as("no temporary file left").containsExactly(file);
    }

    @Test
    void anExistingFileIsReplaced() throws Exception {
        Path file = folder.resolve("out.csv");
        Files.writeString(file, "old content that is longer than the new one\r\n".repeat(10));
        CsvExport.write(List.of("a"), List.of(MirrorRow.of(List.of("x"))), file);
        assertThat(Files.readString(file)).isEqualTo("a\r\nx\r\n");
    }
}
