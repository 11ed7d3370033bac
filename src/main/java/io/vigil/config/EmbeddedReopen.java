package io.vigil.config;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.zaxxer.hikari.HikariDataSource;

/**
 * Opens an embedded H2 store again from its file after its disk refused a write (full, or failing). H2 reports such a
 * failure once and then goes on taking writes into memory that it never writes again, not even once the disk has room:
 * all of it would vanish at the next start, silently. So on the first failure with the file system's error beneath it,
 * the database is shut down without writing and the pool's connections are dropped; the next connection opens the file
 * at its last sound state. What was committed in the second or so before the failing write is lost with it, as after a
 * power cut; nothing after it is taken in and then lost.
 */
public final class EmbeddedReopen {

    private static final Logger LOG = LoggerFactory.getLogger(EmbeddedReopen.class);
    private final java.util.List<HikariDataSource> pools;
    private final Path folder;
    private final String what;
    private static final long WARN_EVERY_NANOS = 60_000_000_000L;
    private long lastWarned = System.nanoTime() - WARN_EVERY_NANOS;
    private int reopened;

    /**
     * @param folder the folder of the store's file
     * @param what   which store, for the log
     * @param pools  the store's pools, on one {@code jdbc:h2:file:} URL
     */
    public EmbeddedReopen(Path folder, String what, HikariDataSource... pools) {
        this.pools = java.util.List.of(pools);
        this.folder = folder;
        this.what = what;
    }

    /**
     * Looks at a failure of the store: when the file system refused a write beneath it, shuts the database down and
     * drops the pool's connections so the next use opens the file again. Returns whether it did.
     */
    public boolean afterFailure(Throwable failure) {
        if (!DataDisk.hasIoCause(failure)) {
            return false;
        }
        HikariDataSource pool = pools.get(0);
        try (Connection c = DriverManager.getConnection(pool.getJdbcUrl(), pool.getUsername(), pool.getPassword());
             Statement s = c.createStatement()) {
            s.execute("SHUTDOWN IMMEDIATELY");
        } catch (SQLException e) {
            LOG.debug("The {} at {} was already closed: {}", what, folder, e.toString());
        }
        for (HikariDataSource p : pools) {
            if (p.getHikariPoolMXBean() != null) {
                p.getHikariPoolMXBean().softEvictConnections();
            }
        }
        int since;
        synchronized (this) {
            reopened++;
            long now = System.nanoTime();
            if (now - lastWarned < WARN_EVERY_NANOS) {
                return true; // while the disk stays full every write fails: one line a minute says it
            }
            lastWarned = now;
            since = reopened;
            reopened = 0;
        }
        DataDisk.State disk = DataDisk.sample(folder);
        LOG.warn("The {} at {} could not write to its disk ({}, {} free); it is opened again from its file's last sound state"
                + " ({} time(s) since the last such line)", what, folder, disk.level(), DataDisk.bytes(disk.free()), since);
        return true;
    }
}
