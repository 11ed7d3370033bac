package io.vigil.mirror;

import java.nio.file.Path;
import java.util.Locale;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.vigil.config.Secret;

/**
 * The database mirrored tables are cached in: an embedded H2 file (in MySQL mode, so cache SQL is written once) or a
 * MySQL/MariaDB database a team's collectors share. Identifiers are back-quoted and lower-case in both; {@code value}
 * (a column of many V$ views) is an ordinary name in both, as it is in MySQL.
 */
public final class CacheDb implements AutoCloseable {

    /**
     * H2's page cache, in KB. Left alone, H2 sizes it from the heap's limit (64 MB per GB of -Xmx) for each database,
     * which with the config store, the cache and the series store is a third of the console's heap; pages it misses
     * come from the operating system's file cache.
     */
    static final int CACHE_KB = 8 * 1024;

    /** The longest a statement on a shared cache waits for a metadata lock (a table being created or indexed). */
    static final int LOCK_WAIT_SECONDS = 120;

    private final HikariDataSource pool;
    private final HikariDataSource readPool;
    private final String location;
    private final Path folder;
    private final io.vigil.config.EmbeddedReopen reopen;

    private CacheDb(HikariConfig cfg, String location, Path folder) {
        cfg.setMaximumPoolSize(Math.max(cfg.getMaximumPoolSize(), 4));
        cfg.setInitializationFailTimeout(1);
        HikariConfig read = new HikariConfig();
        cfg.copyStateTo(read);
        this.pool = new HikariDataSource(cfg);
        read.setPoolName(cfg.getPoolName() + "-read");
        read.setReadOnly(true);
        read.setMinimumIdle(1);
        this.readPool = new HikariDataSource(read);
        this.location = location;
        this.folder = folder;
        this.reopen = folder == null ? null : new io.vigil.config.EmbeddedReopen(folder, "embedded cache", pool, readPool);
    }

    /** The cache for one workstation, in {@code folder}. */
    public static CacheDb embedded(Path folder) {
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("vigil-cache");
        cfg.setJdbcUrl("jdbc:h2:file:" + folder.resolve("cache").toAbsolutePath()
                + ";MODE=MySQL;DATABASE_TO_LOWER=TRUE;IGNORECASE=TRUE;AUTO_SERVER=TRUE;NON_KEYWORDS=VALUE;CACHE_SIZE=" + CACHE_KB);
        cfg.setUsername("vigil");
        cfg.setPassword("");
        cfg.setMaximumPoolSize(8);
        return io.vigil.config.DamagedStores.open(io.vigil.config.DamagedStores.Store.CACHE, folder.resolve("cache"),
                () -> new CacheDb(cfg, "H2 " + folder.toAbsolutePath(), folder));
    }

    /** A shared cache on MySQL/MariaDB; batch inserts are rewritten into multi-row statements (ten times faster there). */
    public static CacheDb mysql(String address, String user, Secret password) {
        io.vigil.tls.StoreTls tls = io.vigil.tls.StoreTls.split(address);
        String url = tls.url();
        String jdbc = url.toLowerCase(Locale.ROOT).startsWith("jdbc:mariadb:") ? "jdbc:mysql:" + url.substring("jdbc:mariadb:".length()) : url;
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("vigil-cache");
        cfg.setJdbcUrl(jdbc);
        cfg.setUsername(user);
        cfg.setPassword(password.reveal());
        cfg.addDataSourceProperty("rewriteBatchedStatements", "true");
        cfg.addDataSourceProperty("connectTimeout", "5000");
        cfg.addDataSourceProperty("socketTimeout", "120000");
        cfg.addDataSourceProperty("characterEncoding", "UTF-8");
        cfg.addDataSourceProperty("connectionAttributes", "program_name:Vigil");
        java.util.Properties trust = new java.util.Properties();
        tls.mysqlProperties(trust); // a tlsCaFile= in the address: its CA, as a trust store
        trust.forEach((k, v) -> cfg.addDataSourceProperty((String) k, v));
        // autocommit and read-only are set on every job's connection: sent only when they change, not asked again
        cfg.addDataSourceProperty("useLocalSessionState", "true");
        // Under REPEATABLE READ, InnoDB's gap locks made two targets' snapshot swaps of one table deadlock each other
        // (each deletes its own rows by target_id); READ COMMITTED locks only the rows, and each swap is still atomic.
        cfg.setTransactionIsolation("TRANSACTION_READ_COMMITTED");
        cfg.setMaximumPoolSize(16); // a busy collector's mirrors each hold one while they write
        // A table's first snapshot creates it and its index (DDL), which waits for a metadata lock behind any open
        // transaction on that table, and the other collectors' writes queue behind the DDL. MariaDB waits a day by
        // default: two minutes (the longest a mirror may run) and the run fails, to be tried again at its next interval.
        cfg.addDataSourceProperty("sessionVariables", "lock_wait_timeout=" + LOCK_WAIT_SECONDS);
        String rest = jdbc.substring(jdbc.indexOf("//") + 2);
        return new CacheDb(cfg, "MySQL " + (rest.contains("?") ? rest.substring(0, rest.indexOf('?')) : rest), null);
    }

    public DataSource dataSource() {
        return pool;
    }

    /**
     * Connections that are read-only from the start, for metric SQL: setting read-only on each borrowed connection and
     * back costs MySQL two round trips per metric run.
     */
    public DataSource readOnlyDataSource() {
        return readPool;
    }

    public String location() {
        return location;
    }

    /**
     * The reason for a write the cache refused because the disk under an embedded cache is full, or empty when the
     * failure is something else (or the cache is a server).
     */
    public java.util.Optional<io.vigil.i18n.Reason> fullDisk(Throwable failure) {
        return folder == null ? java.util.Optional.empty() : io.vigil.config.DataDisk.fullDisk(folder, failure, io.vigil.i18n.Reason.of("disk.store.cache"));
    }

    /**
     * The reason an embedded cache cannot take a snapshot now because its disk is full, or empty when there is room (or
     * the cache is a server). Asked before a mirror borrows a connection: while the disk is full the embedded database
     * cannot even open again, and each run would otherwise wait out the pool's time-out for a connection.
     */
    public java.util.Optional<io.vigil.i18n.Reason> noRoom() {
        return folder == null ? java.util.Optional.empty() : io.vigil.config.DataDisk.noRoom(folder, io.vigil.i18n.Reason.of("disk.store.cache"));
    }

    /**
     * Looks at a failure of the cache: when an embedded cache's disk refused a write, the cache is opened again from its
     * file (see {@link io.vigil.config.EmbeddedReopen}); then the reason is a full disk when it is one.
     */
    public java.util.Optional<io.vigil.i18n.Reason> refused(Throwable failure) {
        if (reopen != null) {
            reopen.afterFailure(failure);
        }
        return fullDisk(failure);
    }

    static String quote(String identifier) {
        return "`" + identifier.replace("`", "``") + "`";
    }

    @Override
    public void close() {
        readPool.close();
        pool.close();
    }
}
