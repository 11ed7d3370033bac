package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.io.IOException;
import java.io.InputStream;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.vigil.i18n.Messages;
import io.vigil.i18n.Reason;

/**
 * Every failure of the config store, the settings file, the key file and the packs is told in English and Chinese,
 * chosen by the error's type, code or SQLState, and never holds a class name, a driver's or a parser's own words.
 */
class ConfigStoreWordsTest {

    static final List<String> FORBIDDEN = List.of("java.", "Exception", "io.vigil", "org.h2", "com.mysql", "com.zaxxer",
            "\tat ", "null", "Communications link failure", "Connection refused", "Connection is not available", "total=",
            "Syntax error", "Not a directory", "File exists", "[42", "{0", "{1");

    @TempDir
    Path home;

    final Messages en = new Messages(Locale.ENGLISH);
    final Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);

    /** Both languages, clean; the Chinese one is Chinese. Returns the English text. */
    String cleanInBothLanguages(ConfigStoreException e) {
        assertThat(e.reason()).as("a reason to render").isNotNull();
        String english = e.describe(en);
        String chinese = e.describe(zh);
        assertThat(english).isEqualTo(e.getMessage());
        for (String text : List.of(english, chinese)) {
            assertThat(text).isNotBlank().hasSizeLessThan(700);
            for (String word : FORBIDDEN) {
                assertThat(text).doesNotContain(word);
            }
        }
        assertThat(chinese).isNotEqualTo(english).containsPattern("[\u4e00-\u9fff]");
        return english;
    }

    static ConfigStoreException refusal(Runnable r) {
        Throwable t = catchThrowable(r::run);
        assertThat(t).isInstanceOf(ConfigStoreException.class);
        return (ConfigStoreException) t;
    }

    static int closedPort() throws IOException {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    @Test
    void aServerStoreThatRefusesTheConnectionIsUnreachableSaidByTheRefusal() throws Exception {
        int port = closedPort();
        AppDirs dirs = new AppDirs(home);
        StoreLocation where = new StoreLocation(StoreKind.MYSQL, "jdbc:mysql://127.0.0.1:" + port + "/vigil", "vigil", Secret.of("pw"));
        ConfigStoreException e = refusal(() -> ConfigStores.open(where, dirs, SecretBox.fromKeyFile(dirs)));
        assertThat(cleanInBothLanguages(e)).isEqualTo("Cannot reach the config store MySQL 127.0.0.1:" + port + "/vigil (vigil): "
                + "nothing listens at that host and port (the connection was refused). Check the host, the port and that the server is running.");
        assertThat(e.describe(zh)).startsWith("无法连接配置库 MySQL 127.0.0.1:" + port);
    }

    @Test
    void anAddressThatIsNotMysqlIsRefusedInWords() {
        AppDirs dirs = new AppDirs(home);
        StoreLocation where = new StoreLocation(StoreKind.MYSQL, "jdbc:oracle:thin:@db:1521/x", "vigil", Secret.empty());
        assertThat(cleanInBothLanguages(refusal(() -> ConfigStores.open(where, dirs, SecretBox.fromKeyFile(dirs)))))
                .isEqualTo("\u201cjdbc:oracle:thin:@db:1521/x\u201d is not a MySQL/MariaDB JDBC URL. Write it as jdbc:mysql://host:3306/database.");
    }

    @Test
    void aDataFolderThatIsAFileStopsTheKeyFileTheSettingsAndTheEmbeddedStoreInWords() throws Exception {
        Path blocked = Files.writeString(home.resolve("not-a-folder"), "x");
        AppDirs dirs = new AppDirs(blocked);
        assertThat(cleanInBothLanguages(refusal(() -> SecretBox.fromKeyFile(dirs))))
                .isEqualTo("The key file " + dirs.keyFile() + " could not be read or created: a file of that name is in the way.");

        SecretBox box = SecretBox.fromKeyFile(new AppDirs(home));
        assertThat(cleanInBothLanguages(refusal(() -> new SettingsFile(dirs, box).save(Settings.defaults()))))
                .isEqualTo("The settings could not be saved to " + dirs.settingsFile() + ": a file of that name is in the way.");

        assertThat(cleanInBothLanguages(refusal(() -> ConfigStores.open(StoreLocation.embedded(), dirs, box))))
                .isEqualTo("The folder " + dirs.configDb() + " could not be created: a file of that name is in the way.");
    }

    @Test
    void aDamagedKeyFileAndAPasswordThatDoesNotDecryptAreSaidWithoutTheCiphersWords() throws Exception {
        AppDirs dirs = new AppDirs(home);
        Files.write(dirs.keyFile(), new byte[5]);
        assertThat(cleanInBothLanguages(refusal(() -> SecretBox.fromKeyFile(dirs)))).contains("is damaged (5 bytes instead of 32)");
        Files.delete(dirs.keyFile());
        SecretBox box = SecretBox.fromKeyFile(dirs);
        assertThat(cleanInBothLanguages(refusal(() -> box.decrypt("v1:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA"))))
                .startsWith("A stored password could not be decrypted").doesNotContain("BadTag").doesNotContain("AEAD");
    }

    @Test
    void anEmbeddedStoresErrorIsToldByItsCodeNotItsText() throws Exception {
        SQLException h2;
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:words-" + System.nanoTime())) {
            h2 = (SQLException) catchThrowable(() -> c.createStatement().executeQuery("SELEC nothing FROM nowhere"));
        }
        assertThat(h2.getMessage()).contains("Syntax error");
        String english = cleanInBothLanguages(SqlErrors.translate(Reason.of("configStore.action.savingTarget", "prod"), "H2 /data/config", h2, null));
        assertThat(english).isEqualTo("The config store H2 /data/config failed while saving target \u201cprod\u201d: error "
                + h2.getErrorCode() + ", SQLSTATE " + h2.getSQLState() + "; Vigil's log has the details.");
    }

    @Test
    void aConfigPoolWithNoFreeConnectionSaysHowLongItWaited() throws Exception {
        HikariConfig cfg = new HikariConfig();
        cfg.setJdbcUrl("jdbc:h2:mem:words-pool-" + System.nanoTime());
        cfg.setPoolName("vigil-config");
        cfg.setMaximumPoolSize(1);
        cfg.setConnectionTimeout(1_000);
        try (HikariDataSource pool = new HikariDataSource(cfg); Connection held = pool.getConnection()) {
            assertThat(held.isValid(1)).isTrue();
            Transactions tx = new Transactions(pool, "H2 /data/config");
            ConfigStoreException e = refusal(() -> tx.run(Reason.of("configStore.action.readingTargets"), c -> 1));
            assertThat(cleanInBothLanguages(e)).isEqualTo("The config store H2 /data/config failed while reading targets: no connection to"
                    + " H2 /data/config was free within 1 s (all 1 were in use, or the server did not answer).");
        }
    }

    @Test
    void everyConfigStoreSentenceHasBothLanguagesAndFillsItsPlaces() throws IOException {
        Properties keys = new Properties();
        try (InputStream in = Messages.class.getResourceAsStream("/io/vigil/i18n/messages.properties")) {
            keys.load(in);
        }
        List<String> ours = keys.stringPropertyNames().stream()
                .filter(k -> k.startsWith("configStore.") || k.startsWith("keyfile.") || k.startsWith("packs.")
                        || k.startsWith("settingsFile.") || k.startsWith("secrets.") || k.startsWith("file.why.") || k.startsWith("pool."))
                .sorted().toList();
        assertThat(ours).hasSizeGreaterThan(60);
        for (String key : ours) {
            ConfigStoreException e = new ConfigStoreException(Reason.of(key, 7, 8, 9));
            assertThat(e.describe(zh)).as(key).doesNotContain(key);
            cleanInBothLanguages(e);
        }
        assertThat(new ConfigStoreException(Reason.of("packs.missing", Reason.of("kind.ORACLE"), "/io/vigil/packs/oracle.yaml"))
                .describe(zh)).isEqualTo("此版本中缺少 Oracle 定义包 /io/vigil/packs/oracle.yaml。");
    }
}
