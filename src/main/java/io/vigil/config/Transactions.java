package io.vigil.config;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.vigil.i18n.Reason;

/** Runs work on the config store's database in one transaction, turning driver errors into sentences a DBA can act on. */
final class Transactions {

    private final DataSource pool;
    private final String location;

    private final java.nio.file.Path folder;
    private final EmbeddedReopen reopen;

    Transactions(DataSource pool, String location) {
        this(pool, location, null);
    }

    /** With {@code folder}, the folder of an embedded store's file, whose full disk is said as such. */
    Transactions(DataSource pool, String location, java.nio.file.Path folder) {
        this.pool = pool;
        this.location = location;
        this.folder = folder;
        this.reopen = folder != null && pool instanceof com.zaxxer.hikari.HikariDataSource h ? new EmbeddedReopen(folder, "configuration store", h) : null;
    }

    /** Runs {@code work} in one transaction; {@code action} words what it does, should it fail. */
    <T> T run(Reason action, SqlWork<T> work) {
        try (Connection c = pool.getConnection()) {
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            if (reopen != null) {
                reopen.afterFailure(e);
            }
            java.util.Optional<Reason> full = DataDisk.fullDisk(folder, e, Reason.of("disk.store.config"));
            throw full.isPresent() ? new ConfigStoreException(full.get(), e) : SqlErrors.translate(action, location, e, pool);
        }
    }

    /** Work on one connection inside the transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
