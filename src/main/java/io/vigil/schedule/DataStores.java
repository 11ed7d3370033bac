package io.vigil.schedule;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import io.vigil.config.ServerAddress;
import io.vigil.ledger.RedisLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.series.InfluxSeriesStore;
import io.vigil.series.RangeQuery;
import io.vigil.target.Failures;

/**
 * Opens the collector's cache, ledger and series store from their addresses (embedded when empty), and tries one
 * before it is saved, saying in words what answered or what did not.
 */
public final class DataStores {

    /** Which of the three stores an address is for. */
    public enum Role { CACHE, LEDGER, SERIES }

    private DataStores() {
    }

    /** The stores at the addresses; embedded ones are left null for {@link LocalCollector} to open in the data folder. */
    public static LocalCollector.Stores open(ServerAddress cache, ServerAddress ledger, ServerAddress series) {
        CacheDb c = null;
        RedisLedger l = null;
        try {
            c = cache.isEmbedded() ? null : openCache(cache);
            l = ledger.isEmbedded() ? null : openLedger(ledger);
            InfluxSeriesStore s = series.isEmbedded() ? null : openSeries(series);
            return new LocalCollector.Stores(c, l, s);
        } catch (RuntimeException e) {
            if (c != null) {
                c.close();
            }
            if (l != null) {
                l.close();
            }
            throw e;
        }
    }

    /** Checks the address's form before anything is opened; null when it is fine, else what is wrong. */
    public static String problem(Role role, ServerAddress a) {
        if (a.isEmbedded()) {
            return null;
        }
        String url = a.url();
        return switch (role) {
            case CACHE -> url.toLowerCase(Locale.ROOT).matches("jdbc:(mysql|mariadb)://[^/]+/\\w+.*") ? null
                    : "The cache must be a MySQL or MariaDB database, like jdbc:mysql://db1:3306/vigil_cache.";
            case LEDGER -> uri(url) != null && "redis".equals(uri(url).getScheme()) && uri(url).getHost() != null ? null
                    : "The ledger must be a Redis address, like redis://redis1:6379 (a path adds a key prefix: redis://redis1:6379/team).";
            case SERIES -> uri(url) != null && uri(url).getScheme() != null && uri(url).getScheme().startsWith("http")
                    && uri(url).getHost() != null && uri(url).getPath() != null && uri(url).getPath().length() > 1 ? null
                    : "The series store must be an InfluxDB 1.x database, like http://influx1:8086/vigil.";
        };
    }

    /**
     * Connects to the store once and says what answered ("MariaDB 10.11.19 answered in 4 ms"); throws
     * {@link IllegalArgumentException} with the reason in words when it does not. Blocks: call it off the FX thread.
     */
    public static String test(Role role, ServerAddress a) {
        String problem = problem(role, a);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
        if (a.isEmbedded()) {
            return "Embedded in the data folder: nothing to test.";
        }
        long t0 = System.nanoTime();
        switch (role) {
            case CACHE -> {
                try (CacheDb c = openCache(a); Connection conn = c.dataSource().getConnection(); Statement s = conn.createStatement()) {
                    s.executeQuery("SELECT 1").close();
                    String version = conn.getMetaData().getDatabaseProductName() + " " + conn.getMetaData().getDatabaseProductVersion();
                    return version + " answered in " + millis(t0) + " ms.";
                } catch (SQLException e) {
                    throw new IllegalArgumentException(Failures.classify(Failures.reachingTheCache(), a.url(), e).getMessage(), e);
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(reason(e, a.url()), e);
                }
            }
            case LEDGER -> {
                try (RedisLedger l = openLedger(a)) {
                    l.lastForTarget(0);
                    return "Redis at " + a.url() + " answered in " + millis(t0) + " ms.";
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException("Redis at " + a.url() + " did not answer: " + e.getMessage(), e);
                }
            }
            case SERIES -> {
                try (InfluxSeriesStore s = openSeries(a)) {
                    s.query(new RangeQuery("vigil.connection_test", Map.of(), Instant.now().minusSeconds(60), Instant.now(), 1));
                    return "InfluxDB at " + a.url() + " answered in " + millis(t0) + " ms.";
                } catch (RuntimeException e) {
                    throw new IllegalArgumentException(e.getMessage(), e);
                }
            }
            default -> throw new IllegalStateException(role.name());
        }
    }

    private static String reason(RuntimeException e, String url) {
        for (Throwable c = e; c != null; c = c.getCause()) {
            if (c instanceof SQLException sql) {
                return Failures.classify(Failures.reachingTheCache(), url, sql).getMessage();
            }
        }
        return "The cache at " + url + " could not be opened: " + e.getMessage();
    }

    static CacheDb openCache(ServerAddress a) {
        return CacheDb.mysql(a.url(), a.user(), a.password());
    }

    static RedisLedger openLedger(ServerAddress a) {
        URI u = uri(a.url());
        if (u == null || !"redis".equals(u.getScheme()) || u.getHost() == null) {
            throw new IllegalArgumentException(problem(Role.LEDGER, a));
        }
        String prefix = u.getPath() == null || u.getPath().length() <= 1 ? "vigil:" : u.getPath().substring(1) + ":";
        return new RedisLedger(u.getHost(), u.getPort() < 0 ? 6379 : u.getPort(), a.user(), a.password(), prefix);
    }

    static InfluxSeriesStore openSeries(ServerAddress a) {
        URI u = uri(a.url());
        if (u == null || u.getHost() == null) {
            throw new IllegalArgumentException(problem(Role.SERIES, a));
        }
        String db = u.getPath() == null || u.getPath().length() <= 1 ? "vigil" : u.getPath().substring(1);
        String base = u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        return InfluxSeriesStore.v1(base, db, a.user(), a.password());
    }

    private static URI uri(String s) {
        try {
            return new URI(s);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static long millis(long t0) {
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
