package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsFileTest {

    @TempDir
    Path home;
    AppDirs dirs;
    SettingsFile file;

    @BeforeEach
    void open() {
        dirs = new AppDirs(home);
        file = new SettingsFile(dirs, SecretBox.fromKeyFile(dirs));
    }

    @Test
    void noFileMeansDefaults() {
        assertThat(file.load()).isEqualTo(Settings.defaults());
    }

    @Test
    void roundTripsEverySettingAndEncryptsThePassword() throws Exception {
        Settings s = new Settings("zh-CN", Theme.DARK,
                new StoreLocation(StoreKind.MYSQL, "jdbc:mysql://db1:3306/vigil", "vigil", Secret.of("Tr0ub4dor&3")))
                .withDataStores(new ServerAddress("jdbc:mysql://db2:3306/vigil_cache", "collector", Secret.of("cache-Pa55")),
                        new ServerAddress("redis://redis1:6379/team", "", Secret.of("redis-Pa55")),
                        new ServerAddress("http://influx1:8086/vigil", "writer", Secret.of("influx-Pa55")));
        file.save(s);
        assertThat(file.load()).isEqualTo(s);
        String text = Files.readString(dirs.settingsFile(), StandardCharsets.UTF_8);
        assertThat(text).doesNotContain("Tr0ub4dor").contains("configStore.password=v1\\:")
                .doesNotContain("cache-Pa55").doesNotContain("redis-Pa55").doesNotContain("influx-Pa55").contains("series.password=v1\\:");
        try (var tmp = Files.list(home)) {
            assertThat(tmp.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void anUnknownThemeIsReportedWithKeyAndValueAndTheFileIsKept() throws Exception {
        String text = "theme=PURPLE\nlanguage=en\n";
        Files.writeString(dirs.settingsFile(), text);
        assertThatThrownBy(file::load).isInstanceOf(ConfigStoreException.class)
                .hasMessageContaining(dirs.settingsFile().toString())
                .hasMessageContaining("theme").hasMessageContaining("PURPLE").hasMessageContaining("LIGHT");
        assertThat(Files.readString(dirs.settingsFile())).isEqualTo(text);
    }

    @Test
    void anUnknownStoreKindIsReported() throws Exception {
        Files.writeString(dirs.settingsFile(), "configStore.kind=ORACLE\n");
        assertThatThrownBy(file::load).hasMessageContaining("configStore.kind").hasMessageContaining("ORACLE");
    }

    @Test
    void aMalformedEscapeIsReported() throws Exception {
        Files.writeString(dirs.settingsFile(), "language=\\uZZZZ\n");
        assertThatThrownBy(file::load).isInstanceOf(ConfigStoreException.class).hasMessageContaining("\\uXXXX").hasMessageContaining("fix or delete it");
    }

    @Test
    void textThatIsNotUtf8IsReported() throws Exception {
        Files.write(dirs.settingsFile(), new byte[] {'l', '=', (byte) 0xC3, (byte) 0x28});
        assertThatThrownBy(file::load).isInstanceOf(ConfigStoreException.class).hasMessageContaining("UTF-8");
    }

    @Test
    void aPasswordEncryptedWithAnotherKeyIsReportedNotReturnedAsGarbage(@TempDir Path other) throws Exception {
        AppDirs otherDirs = new AppDirs(other);
        new SettingsFile(otherDirs, SecretBox.fromKeyFile(otherDirs)).save(Settings.defaults()
                .withConfigStore(new StoreLocation(StoreKind.MYSQL, "jdbc:mysql://x/y", "u", Secret.of("pw"))));
        Files.copy(otherDirs.settingsFile(), dirs.settingsFile());
        assertThatThrownBy(file::load).isInstanceOf(ConfigStoreException.class).hasMessageContaining("could not be decrypted");
    }
}
