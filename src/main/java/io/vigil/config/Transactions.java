package io.vigil.config;

import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import io.vigil.i18n.Reason;

/** Runs work on the config store's database in one transaction, turning driver errors into sentences a DBA can act on. */
final class Transactions {

    private final DataSource pool;
    private final String location;

    Transactions(DataSource pool, String location) {
        this.pool = pool;
        this.location = location;
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
            throw SqlErrors.translate(action, location, e, pool);
        }
    }

    /** Work on one connection inside the transaction. */
    @FunctionalInterface
    interface SqlWork<T> {
        T run(Connection c) throws SQLException;
    }
}
