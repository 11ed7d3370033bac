package io.vigil.schedule;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.ServerAddress;
import io.vigil.i18n.Messages;
import io.vigil.i18n.Reason;
import io.vigil.ledger.RedisLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.series.InfluxSeriesStore;
import io.vigil.series.RangeQuery;
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

    private static final Logger LOG = LoggerFactory.getLogger(DataStores.class);
    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);

    private DataStores() {
    }

    /**
     * A store that could not be opened or did not answer, or whose address is not of its kind, with the reason in words
     * for every language; its message is the English form, for logs.
     */
    public static class Refused extends IllegalArgumentException {
        private final transient Reason reason;

        Refused(Reason reason, Throwable cause) {
            super(ENGLISH.render(reason), cause);
            this.reason = reason;
        }

        /** What was refused and why, for {@code Messages.render}. */
        public Reason reason() {
            return reason;
        }
    }

    /** A store that refused a TLS connection (or whose CA file cannot be read). */
    public static final class TlsRefusedStore extends Refused {
        TlsRefusedStore(Reason reason, Throwable cause) {
            super(reason, cause);
        }
    }

    /**
     * The failure {@code e} of the store at {@code a}, in words: when the address asks for TLS and the connection
     * failed, what its server presents, judged ({@link #tlsReason}); otherwise by the failure's type and codes.
     */
    public static Refused failure(Role role, ServerAddress a, RuntimeException e) {
        if (e instanceof Refused done) {
            return done;
        }
        if (e instanceof TlsRefused tls) {
            return new TlsRefusedStore(Reason.of("dataStore.tls", StoreFailures.name(role), StoreFailures.shown(a.url()), tls.reason()), e);
        }
        LOG.debug("{} at {} failed", role, StoreFailures.shown(a.url()), e);
        Optional<Reason> tls = tlsReason(a);
        if (tls.isPresent()) {
            return new TlsRefusedStore(Reason.of("dataStore.tls", StoreFailures.name(role), StoreFailures.shown(a.url()), tls.get()), e);
        }
        return new Refused(StoreFailures.reason(role, a.url(), e), e);
    }

    /**
     * The stores at the addresses; embedded ones are left null for {@link LocalCollector} to open in the data folder.
     * Throws {@link Refused} with the reason in words when an address is not of its kind or a store cannot be opened.
     */
    public static LocalCollector.Stores open(ServerAddress cache, ServerAddress ledger, ServerAddress series) {
        for (Role role : Role.values()) {
            Reason problem = problem(role, role == Role.CACHE ? cache : role == Role.LEDGER ? ledger : series);
            if (!problem.isEmpty()) {
                throw new Refused(problem, null);
            }
        }
        CacheDb c = null;
        RedisLedger l = null;
        Role opening = Role.CACHE;
        try {
            c = cache.isEmbedded() ? null : openCache(cache);
            opening = Role.LEDGER;
            l = ledger.isEmbedded() ? null : openLedger(ledger);
            opening = Role.SERIES;
            InfluxSeriesStore s = series.isEmbedded() ? null : openSeries(series);
            return new LocalCollector.Stores(c, l, s);
        } catch (RuntimeException e) {
            if (c != null) {
                c.close();
            }
            if (l != null) {
                l.close();
            }
            throw failure(opening, opening == Role.CACHE ? cache : opening == Role.LEDGER ? ledger : series, e);
        }
    }

    /** Checks the address's form before anything is opened; {@link Reason#NONE} when it is fine, else what is wrong. */
    public static Reason problem(Role role, ServerAddress a) {
        if (a.isEmbedded()) {
            return Reason.NONE;
        }
        StoreTls tls = StoreTls.split(a.url());
        String url = tls.url();
        if (tls.caFile() != null && (role == Role.LEDGER && url.startsWith("redis:") || role == Role.SERIES && url.startsWith("http:"))) {
            return Reason.of("dataStore.problem.caNeedsTls", role == Role.LEDGER ? "rediss://" : "https://");
        }
        boolean fine = switch (role) {
            case CACHE -> url.toLowerCase(Locale.ROOT).matches("jdbc:(mysql|mariadb)://[^/]+/\\w+.*");
            case LEDGER -> uri(url) != null && isRedis(uri(url).getScheme()) && uri(url).getHost() != null;
            case SERIES -> uri(url) != null && uri(url).getScheme() != null && uri(url).getScheme().startsWith("http")
                    && uri(url).getHost() != null && uri(url).getPath() != null && uri(url).getPath().length() > 1;
        };
        return fine ? Reason.NONE : Reason.of("dataStore.problem." + role.name());
    }

    /**
     * Connects to the store once and says what answered ("MariaDB 10.11.19 answered in 4 ms"); throws {@link Refused}
     * with the reason in words when it does not. Blocks: call it off the FX thread.
     */
    public static Reason test(Role role, ServerAddress a) {
        Reason problem = problem(role, a);
        if (!problem.isEmpty()) {
            throw new Refused(problem, null);
        }
        if (a.isEmbedded()) {
            return Reason.of("dataStore.embedded");
        }
        long t0 = System.nanoTime();
        String at = StoreFailures.shown(a.url());
        try {
            return switch (role) {
                case CACHE -> {
                    try (CacheDb c = openCache(a); Connection conn = c.dataSource().getConnection(); Statement s = conn.createStatement()) {
                        s.executeQuery("SELECT 1").close();
                        String version = conn.getMetaData().getDatabaseProductName() + " " + conn.getMetaData().getDatabaseProductVersion();
                        yield Reason.of("dataStore.answered", version, millis(t0));
                    } catch (SQLException e) {
                        throw new IllegalStateException(e);
                    }
                }
                case LEDGER -> {
                    try (RedisLedger l = openLedger(a)) {
                        l.lastForTarget(0);
                        yield Reason.of("dataStore.answered.ledger", at, millis(t0));
                    }
                }
                case SERIES -> {
                    try (InfluxSeriesStore s = openSeries(a)) {
                        s.query(new RangeQuery("vigil.connection_test", Map.of(), Instant.now().minusSeconds(60), Instant.now(), 1));
                        yield Reason.of("dataStore.answered.series", at, millis(t0));
                    }
                }
            };
        } catch (RuntimeException e) {
            throw failure(role, a, e);
        }
    }

    static CacheDb openCache(ServerAddress a) {
        return CacheDb.mysql(a.url(), a.user(), a.password());
    }

    /** Redis at {@code redis://} or, over TLS, {@code rediss://} (the CA file from {@code tlsCaFile=}). */
    public static RedisLedger openLedger(ServerAddress a) {
        StoreTls tls = StoreTls.split(a.url());
        URI u = uri(tls.url());
        if (u == null || !isRedis(u.getScheme()) || u.getHost() == null) {
            throw new Refused(problem(Role.LEDGER, a), null);
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
            throw new Refused(problem(Role.SERIES, a), null);
        }
        String db = u.getPath() == null || u.getPath().length() <= 1 ? "vigil" : u.getPath().substring(1);
        String base = u.getScheme() + "://" + u.getHost() + (u.getPort() < 0 ? "" : ":" + u.getPort());
        return "https".equals(u.getScheme()) ? InfluxSeriesStore.v1(base, db, a.user(), a.password(), CaTrust.context(tls.caFile()))
                : InfluxSeriesStore.v1(base, db, a.user(), a.password());
    }

    private static boolean isRedis(String scheme) {
        return "redis".equals(scheme) || "rediss".equals(scheme);
    }


    /**
     * When a store's address asks for TLS and the connection failed, what its server presents, judged: no TLS there, a
     * certificate not signed by the CA file, or one for another host.
     */
    public static Optional<Reason> tlsReason(ServerAddress a) {
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

    /**
     * The reason a collector could not start when it is a data store's on a server: a failure of the ledger, series store
     * or cache is worded as that store's; empty for anything else.
     */
    public static java.util.Optional<io.vigil.i18n.Reason> startFailure(RuntimeException e, io.vigil.config.Settings s) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if ((t instanceof io.vigil.ledger.LedgerException || t instanceof redis.clients.jedis.exceptions.JedisException)
                    && !s.ledger().isEmbedded()) {
                return java.util.Optional.of(failure(Role.LEDGER, s.ledger(), e).reason());
            }
            if (t instanceof io.vigil.series.SeriesStoreException && !s.series().isEmbedded()) {
                return java.util.Optional.of(failure(Role.SERIES, s.series(), e).reason());
            }
            if ((t instanceof io.vigil.mirror.CacheException || t instanceof java.sql.SQLException) && !s.cache().isEmbedded()) {
                return java.util.Optional.of(failure(Role.CACHE, s.cache(), e).reason());
            }
            if (t.getCause() == t) {
                break;
            }
        }
        return java.util.Optional.empty();
    }
}
