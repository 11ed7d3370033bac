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
import io.vigil.tls.CaTrust;
import io.vigil.tls.StoreTls;
import io.vigil.tls.TlsRefused;

/**
 * Opens the collector's cache, ledger and series store from their addresses (embedded when empty), and tries one
 * before it is saved, saying in words what answered or what did not.
 */
public final class DataStores {

    /** Which of the three stores an address is for. */
    public enum Role { CACHE, LEDGER, SERIES }

    private DataStores() {
    }

    /**
     * A store that refused a TLS connection (or whose CA file cannot be read), with the reason in words for every
     * language; its message is the English form.
     */
    public static final class TlsRefusedStore extends IllegalArgumentException {
        private final io.vigil.i18n.Reason reason;

        TlsRefusedStore(io.vigil.i18n.Reason reason, Throwable cause) {
            super(ENGLISH.render(reason), cause);
            this.reason = reason;
        }

        /** What was refused and why, for {@code Messages.render}. */
        public io.vigil.i18n.Reason reason() {
            return reason;
        }
    }

    private static IllegalArgumentException refusal(ServerAddress a, String plain, Throwable cause) {
        return tlsReason(a).<IllegalArgumentException>map(r -> new TlsRefusedStore(r, cause)).orElseGet(() -> new IllegalArgumentException(plain, cause));
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
        StoreTls tls = StoreTls.split(a.url());
        String url = tls.url();
        if (tls.caFile() != null && (role == Role.LEDGER && url.startsWith("redis:") || role == Role.SERIES && url.startsWith("http:"))) {
            return "A CA file is for a TLS address: write " + (role == Role.LEDGER ? "rediss://" : "https://") + " to use it.";
        }
        return switch (role) {
            case CACHE -> url.toLowerCase(Locale.ROOT).matches("jdbc:(mysql|mariadb)://[^/]+/\\w+.*") ? null
                    : "The cache must be a MySQL or MariaDB database, like jdbc:mysql://db1:3306/vigil_cache.";
            case LEDGER -> uri(url) != null && isRedis(uri(url).getScheme()) && uri(url).getHost() != null ? null
                    : "The ledger must be a Redis address, like redis://redis1:6379 (a path adds a key prefix: redis://redis1:6379/team; "
                    + "rediss:// for TLS).";
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
                    throw refusal(a, Failures.classify(Failures.reachingTheCache(), a.url(), e).getMessage(), e);
                } catch (TlsRefused e) {
                    throw new TlsRefusedStore(e.reason(), e);
                } catch (RuntimeException e) {
                    throw refusal(a, reason(e, a.url()), e);
                }
            }
            case LEDGER -> {
                try (RedisLedger l = openLedger(a)) {
                    l.lastForTarget(0);
                    return "Redis at " + a.url() + " answered in " + millis(t0) + " ms.";
                } catch (TlsRefused e) {
                    throw new TlsRefusedStore(e.reason(), e);
                } catch (RuntimeException e) {
                    throw refusal(a, "Redis at " + a.url() + " did not answer: " + e.getMessage(), e);
                }
            }
            case SERIES -> {
                try (InfluxSeriesStore s = openSeries(a)) {
                    s.query(new RangeQuery("vigil.connection_test", Map.of(), Instant.now().minusSeconds(60), Instant.now(), 1));
                    return "InfluxDB at " + a.url() + " answered in " + millis(t0) + " ms.";
                } catch (TlsRefused e) {
                    throw new TlsRefusedStore(e.reason(), e);
                } catch (RuntimeException e) {
                    throw refusal(a, e.getMessage(), e);
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

    /** Redis at {@code redis://} or, over TLS, {@code rediss://} (the CA file from {@code tlsCaFile=}). */
    public static RedisLedger openLedger(ServerAddress a) {
        StoreTls tls = StoreTls.split(a.url());
        URI u = uri(tls.url());
        if (u == null || !isRedis(u.getScheme()) || u.getHost() == null) {
            throw new IllegalArgumentException(problem(Role.LEDGER, a));
        }
        String prefix = u.getPath() == null || u.getPath().length() <= 1 ? "vigil:" : u.getPath().substring(1) + ":";
        boolean secure = "rediss".equals(u.getScheme());
        return new RedisLedger(u.getHost(), u.getPort() < 0 ? 6379 : u.getPort(), a.user(), a.password(), prefix,
                secure ? CaTrust.context(tls.caFile()) : null);
    }

    /** InfluxDB 1.x at {@code http://} or {@code https://} (the CA file from {@code tlsCaFile=}). */
    public static InfluxSeriesStore openSeries(ServerAddress a) {
        StoreTls tls = StoreTls.split(a.url());
        URI u = uri(tls.url());
        if (u == null || u.getHost() == null) {
            throw new IllegalArgumentException(problem(Role.SERIES, a));
        }
        String db = u.getPath() == null || u.getPath().length() <= 1 ? "vigil" : u.getPath().substring(1);
        String base = u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        return "https".equals(u.getScheme()) ? InfluxSeriesStore.v1(base, db, a.user(), a.password(), CaTrust.context(tls.caFile()))
                : InfluxSeriesStore.v1(base, db, a.user(), a.password());
    }

    private static boolean isRedis(String scheme) {
        return "redis".equals(scheme) || "rediss".equals(scheme);
    }

    private static final io.vigil.i18n.Messages ENGLISH = new io.vigil.i18n.Messages(Locale.ENGLISH);

    /**
     * When a store's address asks for TLS and the connection failed, what its server presents, judged: no TLS there, a
     * certificate not signed by the CA file, or one for another host.
     */
    public static java.util.Optional<io.vigil.i18n.Reason> tlsReason(ServerAddress a) {
        return StoreTls.split(a.url()).diagnose(java.time.Duration.ofSeconds(5));
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
