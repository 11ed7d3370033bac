package io.vigil.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.Secret;
import io.vigil.config.StoreKind;
import io.vigil.config.StoreLocation;

/** What the console's banner says when the settings or the config store cannot be opened: the user's language, in words. */
class ConsoleStartupWordsTest {

    @TempDir
    Path home;

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    ConsoleContext open(String language, StoreLocation where) {
        LaunchOptions options = new LaunchOptions(Optional.of(where), Optional.of(language), Optional.empty(), 0, false);
        return ConsoleStartup.open(new AppDirs(home), options);
    }

    @Test
    void aConfigStoreThatCannotBeReachedIsSaidInTheChosenLanguage() throws Exception {
        int port = closedPort();
        StoreLocation where = new StoreLocation(StoreKind.MYSQL, "jdbc:mysql://127.0.0.1:" + port + "/vigil", "vigil", Secret.of("pw"));

        ConsoleContext english = open("en", where);
        assertThat(english.store()).isNull();
        assertThat(english.storeError()).startsWith("Cannot reach the config store MySQL 127.0.0.1:" + port + "/vigil")
                .contains("the connection was refused");

        ConsoleContext chinese = open("zh-CN", where);
        assertThat(chinese.store()).isNull();
        assertThat(chinese.storeError()).startsWith("无法连接配置库 MySQL 127.0.0.1:" + port + "/vigil").contains("连接被拒绝");
        for (String text : new String[] {english.storeError(), chinese.storeError()}) {
            assertThat(text).doesNotContain("Exception").doesNotContain("Communications link failure")
                    .doesNotContain("Connection refused").doesNotContain("java.");
        }
    }

    @Test
    void aSettingsFileThatCannotBeReadIsSaidInTheChosenLanguageBesideTheStoresReason() throws Exception {
        Files.createDirectories(new AppDirs(home).settingsFile()); // a folder where the file should be
        StoreLocation where = new StoreLocation(StoreKind.MYSQL, "jdbc:oracle:thin:@db:1521/x", "vigil", Secret.empty());
        ConsoleContext chinese = open("zh-CN", where);
        assertThat(chinese.storeError()).contains("\u201cjdbc:oracle:thin:@db:1521/x\u201d不是 MySQL/MariaDB 的 JDBC 地址")
                .contains("settings.properties").containsPattern("settings.properties[^\u201c]*[\u4e00-\u9fff]")
                .doesNotContain("Exception").doesNotContain("Is a directory");
    }

    @Test
    void aCacheThatCannotBeReachedStopsTheCollectorWithItsReasonInTheChosenLanguage() throws Exception {
        int port = closedPort();
        io.vigil.config.ServerAddress dead = new io.vigil.config.ServerAddress("jdbc:mysql://127.0.0.1:" + port + "/vigil_cache",
                "vigil", Secret.of("pw"));
        for (String language : new String[] {"en", "zh-CN"}) {
            ConsoleContext plain = open(language, StoreLocation.embedded());
            try {
                assertThat(plain.store()).isNotNull();
                ConsoleContext started = ConsoleStartup.startCollecting(plain.withSettings(plain.settings()
                        .withDataStores(dead, io.vigil.config.ServerAddress.embedded(), io.vigil.config.ServerAddress.embedded())));
                assertThat(started.monitoring()).isNull();
                String why = started.storeError();
                assertThat(why).contains("127.0.0.1:" + port).doesNotContain("Exception").doesNotContain("Communications link failure")
                        .doesNotContain("HikariPool").doesNotContain("java.");
                if (language.equals("en")) {
                    assertThat(why).contains("The cache at jdbc:mysql://127.0.0.1:" + port + "/vigil_cache cannot be reached")
                            .contains("the connection was refused");
                } else {
                    assertThat(why).contains("无法连接缓存库").contains("连接被拒绝");
                }
            } finally {
                plain.store().close();
            }
        }
    }

    @Test
    void aFailureWithNoWordsOfItsOwnPointsAtTheLogNotAtItsText() {
        io.vigil.config.Settings s = io.vigil.config.Settings.defaults();
        RuntimeException odd = new IllegalStateException("java.lang.NullPointerException: Cannot invoke \"x\"");
        assertThat(ConsoleStartup.whyNotCollecting(odd, s, new io.vigil.i18n.Messages(java.util.Locale.ENGLISH)))
                .isEqualTo("The collector did not start; Vigil's log has the details.");
        assertThat(ConsoleStartup.whyNotCollecting(odd, s, new io.vigil.i18n.Messages(java.util.Locale.SIMPLIFIED_CHINESE)))
                .isEqualTo("采集器未能启动；详情见 Vigil 的日志。");
    }
}
