package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.URI;
import java.nio.file.FileSystem;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermission;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.i18n.Messages;

import picocli.CommandLine;

/**
 * {@code vigil export --with-passwords}: the file is made readable by its owner alone, and where its file system has
 * no POSIX permissions that is said in a sentence in both languages, never as the runtime's exception.
 */
class ExportWordsTest {

    @TempDir
    Path home;

    @Test
    void aFileWithPasswordsIsMadeOwnerOnlyAndTheWriteIsSaidInWords() throws Exception {
        Path file = home.resolve("vigil.yaml");
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = CliErrors.install(new CommandLine(new ConfigCommands.Export()));
        cl.setOut(new PrintWriter(out));
        cl.setErr(new PrintWriter(err));
        int exit = cl.execute("--data-dir", home.resolve("data").toString(), "--with-passwords", file.toString());
        assertThat(exit).as(err.toString()).isZero();
        assertThat(Files.getPosixFilePermissions(file)).containsExactlyInAnyOrder(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE);
        assertThat(out.toString().strip()).isEqualTo(new Messages(Messages.localeFor("")).get("cli.export.wrote", file.toString()));
    }

    @Test
    void aFileSystemWithoutPosixPermissionsIsToldInBothLanguages() throws Exception {
        Path zip = home.resolve("export.zip");
        try (FileSystem fs = FileSystems.newFileSystem(URI.create("jar:" + zip.toUri()), Map.of("create", "true"))) {
            Path inside = fs.getPath("/vigil.yaml");
            Files.writeString(inside, "targets: []\n");
            assertThat(ConfigCommands.Export.ownerOnly(inside)).isFalse();
        }
        assertThat(ConfigCommands.Export.ownerOnly(Files.writeString(home.resolve("plain.yaml"), "x"))).isTrue();
        String english = new Messages(Locale.ENGLISH).get("cli.export.notPrivate", "D:\\vigil.yaml");
        String chinese = new Messages(Locale.SIMPLIFIED_CHINESE).get("cli.export.notPrivate", "D:\\vigil.yaml");
        assertThat(english).startsWith("Wrote D:\\vigil.yaml, but it holds passwords").contains("--with-passwords");
        assertThat(chinese).startsWith("已写入 D:\\vigil.yaml").contains("密码").contains("--with-passwords");
        for (String text : new String[] {english, chinese}) {
            assertThat(text).doesNotContain("Exception").doesNotContain("UnsupportedOperation").doesNotContain("{");
        }
    }
}
