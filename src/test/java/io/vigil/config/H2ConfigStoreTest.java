package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class H2ConfigStoreTest extends ConfigStoreContract {

    @TempDir
    Path home;

    private AppDirs dirs() {
        return new AppDirs(home);
    }

    @Override
    protected ConfigStore openStore() {
        return ConfigStores.open(StoreLocation.embedded(), dirs(), SecretBox.fromKeyFile(dirs()));
    }

    @Override
    protected ConfigStore reopen() {
        return openStore();
    }

    @Override
    protected String rawPassword(long targetId) throws Exception {
        String url = "jdbc:h2:file:" + dirs().configDb().resolve("vigil") + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;IGNORECASE=TRUE;AUTO_SERVER=TRUE";
        try (Connection c = DriverManager.getConnection(url, "vigil", "");
             PreparedStatement ps = c.prepareStatement("SELECT password_enc FROM target WHERE id = ?")) {
            ps.setLong(1, targetId);
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getString(1);
            }
        }
    }

    @Test
    void livesInTheAppDataFolder() {
        assertThat(store.location()).contains(home.toString());
        assertThat(Files.exists(dirs().configDb().resolve("vigil.mv.db"))).isTrue();
    }

    @Test
    void aSecondStoreOnTheSameFileSeesTheSameData() {
        store.saveTarget(target("shared"));
        try (ConfigStore second = openStore()) {
            assertThat(second.targets()).extracting(Target::name).containsExactly("shared");
        }
    }

    @Test
    void aNonMysqlServerUrlIsRefusedPlainly() {
        StoreLocation pg = new StoreLocation(StoreKind.MYSQL, "jdbc:postgresql://db/x", "u", Secret.of("p"));
        assertThatThrownBy(() -> ConfigStores.open(pg, dirs(), SecretBox.fromKeyFile(dirs())))
                .isInstanceOf(ConfigStoreException.class).hasMessageContaining("not a MySQL/MariaDB JDBC URL");
    }
}
