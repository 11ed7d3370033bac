package io.vigil.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.LoggerContext;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.classic.spi.ThrowableProxyUtil;
import ch.qos.logback.core.AppenderBase;
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
        LoggerContext ctx = (LoggerContext) LoggerFactory.getILoggerFactory();
        ch.qos.logback.classic.Logger root = ctx.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);
        Level before = root.getLevel();
        Capture capture = new Capture();
        capture.setContext(ctx);
        capture.start();
        root.addAppender(capture);
        root.setLevel(Level.DEBUG);
        for (String noisy : List.of("com.zaxxer.hikari", "org.flywaydb", "com.mysql", "io.vigil")) {
            ctx.getLogger(noisy).setLevel(Level.DEBUG);
        }
        try (TestDatabase db = RealServices.mariadb().createDatabase("leak")) {
            runFlow(db);
        } finally {
            root.detachAppender(capture);
            root.setLevel(before);
        }

        assertThat(capture.lines).as("the flow logged something, so the check below can fail").hasSizeGreaterThan(20);
        assertThat(capture.lines).as("log lines holding the password").noneMatch(line -> line.contains(CANARY));
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

    /** Keeps every event as the text a log file would hold: message, arguments and the whole stack trace. */
    private static final class Capture extends AppenderBase<ILoggingEvent> {
        final List<String> lines = new CopyOnWriteArrayList<>();

        @Override
        protected void append(ILoggingEvent e) {
            String trace = e.getThrowableProxy() == null ? "" : ThrowableProxyUtil.asString(e.getThrowableProxy());
            lines.add(e.getLoggerName() + " " + e.getFormattedMessage() + " " + trace);
        }
    }
}
