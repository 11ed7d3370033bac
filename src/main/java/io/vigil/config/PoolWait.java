package io.vigil.config;

import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.Optional;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariDataSource;

import io.vigil.i18n.Reason;

/**
 * A connection pool that handed out no connection within its time-out. HikariCP says so with a
 * {@link SQLTransientConnectionException} of the JDK's own class (drivers throw subclasses of it), and attaches the
 * driver's error of its last attempt to connect, when there was one: that error is then the real reason.
 */
public final class PoolWait {

    private PoolWait() {
    }

    /** Whether {@code e} is a pool's time-out rather than an error of the driver or the server. */
    public static boolean is(SQLException e) {
        return e != null && e.getClass() == SQLTransientConnectionException.class;
    }

    /** The driver's error behind a pool's time-out (its last attempt to connect failed with it), if there is one. */
    public static Optional<SQLException> cause(SQLException e) {
        return is(e) && e.getCause() instanceof SQLException sql && sql != e ? Optional.of(sql) : Optional.empty();
    }

    /** The error to word: behind a pool's time-out, the driver's error that caused it; otherwise {@code e} itself. */
    public static SQLException real(SQLException e) {
        SQLException at = e;
        for (int depth = 0; depth < 5; depth++) {
            Optional<SQLException> behind = cause(at);
            if (behind.isEmpty()) {
                return at;
            }
            at = behind.get();
        }
        return at;
    }

    /** How long a pool waits for a connection, and how many it holds at most. */
    public record Limits(long seconds, int size) {

        /** The limits of {@code pool} when it is a HikariCP pool. */
        public static Optional<Limits> of(DataSource pool) {
            return pool instanceof HikariDataSource h
                    ? Optional.of(new Limits(Math.max(1, Math.round(h.getConnectionTimeout() / 1000.0)), h.getMaximumPoolSize()))
                    : Optional.empty();
        }
    }

    /**
     * "no connection to {@code what} was free within 10 s (all 2 were in use, or the server did not answer)": a time-out
     * with no error behind it, with the pool's wait and size when {@code pool} is a HikariCP pool.
     *
     * @param what the store or target waited for: its name or address, or a reason naming it
     */
    public static Reason reason(Object what, DataSource pool) {
        return Limits.of(pool).map(l -> Reason.of("pool.wait", what, l.seconds(), l.size()))
                .orElseGet(() -> Reason.of("pool.wait.unsized", what));
    }

    /**
     * The words for an error on a connection from {@code pool}: its time-out as {@link #reason}, or the error behind it;
     * any other error as the first line of what the driver or server said.
     */
    public static Reason detail(SQLException thrown, Object what, DataSource pool) {
        SQLException e = real(thrown);
        if (is(e)) {
            return reason(what, pool);
        }
        String m = String.valueOf(e.getMessage());
        return Reason.of("reason.text", m.lines().findFirst().orElse(m).strip());
    }
}
