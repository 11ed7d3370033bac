package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.testsupport.LogCapture;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/** A whole flow with a known password, logged at DEBUG (pool and migrations included): the password appears nowhere. */
class SecretsNeverLoggedIT {

    private static final String CANARY = "Canary-7f3a9c-Pw";
    private static final Logger LOG = LoggerFactory.getLogger(SecretsNeverLoggedIT.class);

    @TempDir
    Path home;

    @Test
    void aPasswordNeverReachesTheLog() {
        LogCapture capture = LogCapture.atDebug("com.zaxxer.hikari", "org.flywaydb", "com.mysql", "io.vigil");
        try (capture; TestDatabase db = RealServices.mariadb().createDatabase("leak")) {
            runFlow(db);
        }

        assertThat(capture.lines()).as("the flow logged something, so the check below can fail").hasSizeGreaterThan(20);
        assertThat(capture.lines()).as("log lines holding the password").noneMatch(line -> line.contains(CANARY));
    }

    private void runFlow(TestDatabase db) {
        AppDirs dirs = new AppDirs(home);
        SecretBox box = SecretBox.fromKeyFile(dirs);

        // a target with the password, saved and read back from the embedded store
        try (ConfigStore h2 = ConfigStores.open(StoreLocation.embedded(), dirs, box)) {
            Target t = h2.saveTarget(new Target(0, "leaky", TargetKind.ORACLE, "db1", 1521, ConnectBy.SERVICE_NAME, "ORCL", "", "vigil",
                    Secret.of(CANARY), List.of("prod"), true));
            LOG.info("saved {}", t);
            LOG.debug("reloaded {}", h2.targets());
        }

        // settings naming a server config store with the password
        SettingsFile settings = new SettingsFile(dirs, box);
        settings.save(Settings.defaults().withConfigStore(new StoreLocation(StoreKind.MYSQL, db.jdbcUrl(), "nobody", Secret.of(CANARY))));
        LOG.info("settings {}", settings.load());

        // the password offered to a real server that refuses it, for an unknown and a known user
        for (String user : List.of("nobody_" + db.name(), db.user())) {
            StoreLocation refused = new StoreLocation(StoreKind.MYSQL, db.jdbcUrl(), user, Secret.of(CANARY));
            assertThatThrownBy(() -> ConfigStores.open(refused, dirs, box))
                    .isInstanceOf(ConfigStoreException.class)
                    .satisfies(e -> LOG.warn("opening failed: {}", e.getMessage(), e));
        }

        // a server store that opens, holding a target with the password
        StoreLocation ok = new StoreLocation(StoreKind.MYSQL, db.jdbcUrl(), db.user(), Secret.of(db.password()));
        try (ConfigStore mysql = ConfigStores.open(ok, dirs, box)) {
            mysql.saveTarget(new Target(0, "leaky", TargetKind.MYSQL, "127.0.0.1", 3306, ConnectBy.DATABASE, "", "", "vigil",
                    Secret.of(CANARY), List.of(), true));
            LOG.info("server store holds {}", mysql.targets());
        }
    }
}
