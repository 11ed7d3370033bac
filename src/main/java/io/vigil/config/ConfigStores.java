package io.vigil.config;

import java.io.IOException;
import java.nio.file.Files;
import java.sql.SQLException;
import java.util.Locale;

import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.exception.FlywayValidateException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.vigil.i18n.Reason;

/** Opens the config store a {@link StoreLocation} names, bringing its schema up to date. */
public final class ConfigStores {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigStores.class);
    static final String HISTORY_TABLE = "vigil_schema_history";

    private ConfigStores() {
    }

    /** Opens (and migrates) the store; failures are {@link ConfigStoreException}s with a message fit for the user. */
    public static ConfigStore open(StoreLocation where, AppDirs dirs, SecretBox box) {
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("vigil-config");
        cfg.setMaximumPoolSize(3);
        cfg.setMinimumIdle(1);
        cfg.setConnectionTimeout(10_000);
        cfg.setInitializationFailTimeout(1); // fail on open with the driver's reason, not on first use
        String location = switch (where.kind()) {
            case EMBEDDED -> embedded(cfg, dirs);
            case MYSQL -> server(cfg, where);
        };
        // an embedded file damaged on disk is kept aside and a new store started; DamagedStores tells the user so
        JdbcConfigStore store = where.kind() == StoreKind.EMBEDDED
                ? DamagedStores.open(DamagedStores.Store.CONFIG, dirs.configDb().resolve("vigil"), () -> openPool(cfg, where, location, box, dirs.configDb()))
                : openPool(cfg, where, location, box, null);
        LOG.info("Config store open: {}", location);
        return store;
    }

    private static JdbcConfigStore openPool(HikariConfig cfg, StoreLocation where, String location, SecretBox box, java.nio.file.Path folder) {
        HikariDataSource pool;
        try {
            pool = new HikariDataSource(cfg);
        } catch (RuntimeException e) {
            if (where.kind() == StoreKind.MYSQL) {
                // a refused TLS connection is said from what the server presented, not in the driver's words
                java.util.Optional<io.vigil.i18n.Reason> tls = io.vigil.tls.StoreTls.split(where.url()).diagnose(java.time.Duration.ofSeconds(5));
                if (tls.isPresent()) {
                    throw new ConfigStoreException(Reason.of("configStore.notOpened.tls", location, tls.get()), e);
                }
            }
            throw explain(location, e); // a full disk under an embedded store is said by DamagedStores, around this
        }
        try {
            Flyway.configure().dataSource(pool).locations("classpath:db/config").table(HISTORY_TABLE)
                    .failOnMissingLocations(true).load().migrate();
        } catch (FlywayException e) {
            LOG.warn("Migrating the config store {} failed: {}", location, e.toString());
            ConfigStoreException why = notMigrated(location, e, pool);
            pool.close();
            throw why;
        }
        return new JdbcConfigStore(pool, pool, box, location, folder);
    }

    private static String embedded(HikariConfig cfg, AppDirs dirs) {
        try {
            Files.createDirectories(dirs.configDb());
        } catch (IOException e) {
            throw new ConfigStoreException(Reason.of("configStore.folder", dirs.configDb().toString(), FileFailures.why(dirs.configDb(), e)), e);
        }
        // MySQL mode + IGNORECASE: the one migration script runs here and on MariaDB, with the same name rules.
        // AUTO_SERVER lets a console and a headless collector on this machine share the file. WRITE_DELAY=0: an edit is on
        // disk when its save returns, and a save the disk refuses fails in words rather than being lost later.
        cfg.setJdbcUrl("jdbc:h2:file:" + dirs.configDb().resolve("vigil").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;IGNORECASE=TRUE;AUTO_SERVER=TRUE;WRITE_DELAY=0;CACHE_SIZE=2048");
        cfg.setUsername("vigil");
        cfg.setPassword("");
        return "H2 " + dirs.configDb().toAbsolutePath();
    }

    private static String server(HikariConfig cfg, StoreLocation where) {
        io.vigil.tls.StoreTls tls = io.vigil.tls.StoreTls.split(where.url());
        String url = tls.url();
        if (url.toLowerCase(Locale.ROOT).startsWith("jdbc:mariadb:")) {
            url = "jdbc:mysql:" + url.substring("jdbc:mariadb:".length()); // MariaDB speaks the MySQL protocol
        }
        if (!url.toLowerCase(Locale.ROOT).startsWith("jdbc:mysql://")) {
            throw new ConfigStoreException(Reason.of("configStore.notMysqlUrl", where.url()));
        }
        cfg.setJdbcUrl(url);
        // Credentials as properties, never in the URL, so no pool or driver message can print them.
        cfg.setUsername(where.user());
        cfg.setPassword(where.password().reveal());
        cfg.addDataSourceProperty("connectTimeout", "5000");
        cfg.addDataSourceProperty("socketTimeout", "30000");
        cfg.addDataSourceProperty("characterEncoding", "UTF-8");
        cfg.addDataSourceProperty("connectionAttributes", "program_name:Vigil");
        java.util.Properties trust = new java.util.Properties();
        try {
            tls.mysqlProperties(trust); // a tlsCaFile= in the address: its CA, as a trust store
        } catch (io.vigil.tls.TlsRefused e) {
            throw new ConfigStoreException(e.reason(), e);
        }
        trust.forEach((k, v) -> cfg.addDataSourceProperty((String) k, v));
        // the login in parentheses: the address is shown inside sentences of either language
        return "MySQL " + describe(url) + (where.user().isEmpty() ? "" : " (" + where.user() + ")");
    }

    /** host:port/database from a JDBC URL, without its parameters. */
    static String describe(String url) {
        String rest = url.substring(url.indexOf("//") + 2);
        int q = rest.indexOf('?');
        return q < 0 ? rest : rest.substring(0, q);
    }

    private static ConfigStoreException explain(String location, RuntimeException e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return SqlErrors.translate(Reason.of("configStore.action.opening"), location, sql, null);
            }
        }
        LOG.warn("The config store {} could not be opened", location, e);
        return new ConfigStoreException(Reason.of("configStore.notOpened", location), e);
    }

    /**
     * Why the schema could not be brought up to date: the database's error when there is one; a history that does not
     * match this version's migrations (a newer Vigil, or one changed by hand); otherwise the log has Flyway's words.
     */
    private static ConfigStoreException notMigrated(String location, FlywayException e, javax.sql.DataSource pool) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof SQLException sql) {
                return SqlErrors.translate(Reason.of("configStore.action.migrating"), location, sql, pool);
            }
        }
        if (e instanceof FlywayValidateException) {
            return new ConfigStoreException(Reason.of("configStore.notMigrated.history", location), e);
        }
        return new ConfigStoreException(Reason.of("configStore.notMigrated", location), e);
    }
}
