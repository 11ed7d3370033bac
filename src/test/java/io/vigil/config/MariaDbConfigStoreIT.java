package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/** The config-store contract on a real MariaDB, plus the messages a user sees when the server is wrong. */
class MariaDbConfigStoreIT extends ConfigStoreContract {

    @TempDir
    Path home;
    private TestDatabase db;

    private AppDirs dirs() {
        return new AppDirs(home);
    }

    private StoreLocation location(String user, String password) {
        return new StoreLocation(StoreKind.MYSQL, db.jdbcUrl(), user, Secret.of(password));
    }

    @Override
    protected ConfigStore openStore() {
        db = RealServices.mariadb().createDatabase("cfg");
        return reopen();
    }

    @Override
    protected ConfigStore reopen() {
        return ConfigStores.open(location(db.user(), db.password()), dirs(), SecretBox.fromKeyFile(dirs()));
    }

    @Override
    protected String rawPassword(long targetId) throws Exception {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password());
             PreparedStatement ps = c.prepareStatement("SELECT password_enc FROM target WHERE id = ?")) {
            ps.setLong(1, targetId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @AfterEach
    void drop() {
        if (store != null) {
            store.close();
            store = null;
        }
        db.close();
    }

    @Test
    void aMariadbUrlIsAcceptedAndTheLocationNamesServerAndUser() {
        StoreLocation mariadbUrl = new StoreLocation(StoreKind.MYSQL, db.jdbcUrl().replace("jdbc:mysql:", "jdbc:mariadb:"), db.user(),
                Secret.of(db.password()));
        try (ConfigStore second = ConfigStores.open(mariadbUrl, dirs(), SecretBox.fromKeyFile(dirs()))) {
            assertThat(second.location()).isEqualTo("MySQL 127.0.0.1:" + db.port() + "/" + db.name() + " (" + db.user() + ")");
        }
    }

    @Test
    void aWrongPasswordIsReportedAsARefusedLogin() {
        assertThatThrownBy(() -> ConfigStores.open(location(db.user(), "wrong-password"), dirs(), SecretBox.fromKeyFile(dirs())))
                .isInstanceOf(ConfigStoreException.class)
                .hasMessageContaining("refused the login")
                .hasMessageContaining("Access denied for user '" + db.user() + "'")
                .hasMessageContaining("Check the user name and password")
                .hasMessageNotContaining("wrong-password");
        // the server's sentence is quoted in the Chinese one too, and nothing of the driver's
        ConfigStoreException e = (ConfigStoreException) org.assertj.core.api.Assertions.catchThrowable(
                () -> ConfigStores.open(location(db.user(), "wrong-password"), dirs(), SecretBox.fromKeyFile(dirs())));
        String chinese = e.describe(new io.vigil.i18n.Messages(java.util.Locale.SIMPLIFIED_CHINESE));
        assertThat(chinese).startsWith("配置库 MySQL 127.0.0.1:" + db.port()).contains("拒绝了登录")
                .contains("Access denied for user '" + db.user() + "'").contains("请检查用户名和密码")
                .doesNotContain("Exception").doesNotContain("java.").doesNotContain("wrong-password");
    }

    @Test
    void anUnknownDatabaseIsReportedWithTheFix() {
        StoreLocation missing = new StoreLocation(StoreKind.MYSQL, "jdbc:mysql://127.0.0.1:" + db.port() + "/no_such_db_here",
                db.user(), Secret.of(db.password()));
        assertThatThrownBy(() -> ConfigStores.open(missing, dirs(), SecretBox.fromKeyFile(dirs())))
                .isInstanceOf(ConfigStoreException.class)
                .hasMessageContaining("not use the database")
                .hasMessageContaining("no_such_db_here")
                .hasMessageContaining("Check that the database exists");
    }

    @Test
    void aPortNobodyListensOnIsReportedQuickly() {
        int unused = unusedPort();
        StoreLocation nowhere = new StoreLocation(StoreKind.MYSQL, "jdbc:mysql://127.0.0.1:" + unused + "/vigil", "vigil", Secret.of("x"));
        long start = System.nanoTime();
        assertThatThrownBy(() -> ConfigStores.open(nowhere, dirs(), SecretBox.fromKeyFile(dirs())))
                .isInstanceOf(ConfigStoreException.class)
                .hasMessageContaining("Cannot reach the config store MySQL 127.0.0.1:" + unused + "/vigil")
                .hasMessageContaining("Check the host, the port");
        assertThat(Duration.ofNanos(System.nanoTime() - start)).isLessThan(Duration.ofSeconds(15));
    }

    private static int unusedPort() {
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            return s.getLocalPort();
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
