package io.vigil.ledger;

import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.Secret;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisPubSub;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The ledger shared by a team's collectors: a Redis hash per target ({@code <prefix>sync:<targetId>}, field = mirror,
 * value = {@code syncedAtMillis|rows|tookMs}), and a notification on {@code <prefix>sync} for every record, so gather
 * can react without polling. The newest snapshot wins, atomically, even when two collectors record at once.
 */
public final class RedisLedger implements SyncLedger {

    private static final Logger LOG = LoggerFactory.getLogger(RedisLedger.class);

    // Refuse a writer whose lease on the target is gone to another collector; keep the newer sync; publish only what was kept.
    private static final String RECORD = """
            if ARGV[5] ~= '' then
              local lease = redis.call('GET', KEYS[3])
              if lease and string.sub(lease, 1, string.len(ARGV[5]) + 1) ~= ARGV[5] .. '|' then return -1 end
            end
            local cur = redis.call('HGET', KEYS[1], ARGV[1])
            if cur then
              local t = tonumber(string.match(cur, '^(%d+)|'))
              if t and t > tonumber(ARGV[3]) then return 0 end
            end
            redis.call('HSET', KEYS[1], ARGV[1], ARGV[2])
            redis.call('PUBLISH', KEYS[2], ARGV[4])
            return 1
            """;

    private final RedisClient redis;
    private final String prefix;
    private final String where;
    private volatile String writer = "";
    private volatile java.util.function.LongUnaryOperator tokens = id -> 0;

    /** A ledger on the Redis at {@code host:port}; {@code prefix} separates Vigil's keys (e.g. "vigil:"). */
    public RedisLedger(String host, int port, String user, Secret password, String prefix) {
        this(host, port, user, password, prefix, null);
    }

    /**
     * A ledger on the Redis at {@code host:port} over TLS ({@code rediss://}) when {@code tls} is given: the server's
     * certificate must be signed by a CA the context trusts and name {@code host}.
     */
    public RedisLedger(String host, int port, String user, Secret password, String prefix, javax.net.ssl.SSLContext tls) {
        DefaultJedisClientConfig.Builder cfg = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(3000).socketTimeoutMillis(5000).clientName("vigil");
        if (tls != null) {
            javax.net.ssl.SSLParameters params = new javax.net.ssl.SSLParameters();
            params.setEndpointIdentificationAlgorithm("HTTPS"); // the certificate must name the host
            cfg.ssl(true).sslSocketFactory(tls.getSocketFactory()).sslParameters(params);
        }
        if (!password.isEmpty()) {
            cfg.password(password.reveal());
            if (user != null && !user.isBlank()) {
                cfg.user(user);
            }
        }
        this.redis = RedisClient.builder().hostAndPort(host, port).clientConfig(cfg.build()).build();
        this.prefix = prefix;
        this.where = (tls != null ? "Redis (TLS) " : "Redis ") + host + ":" + port;
    }

    /** The key of a target's lease: {@code <collectorId>|<fencing token>} while a collector holds it. */
    public static String leaseKey(String prefix, long targetId) {
        return prefix + "lease:" + targetId;
    }

    /**
     * Records from now on as the collector {@code collectorId}: each sync carries its writer and the fencing token of its
     * lease on the target (published with the sync, so the order of a target's writers can be checked), and a record for
     * a target whose lease another collector holds is refused with {@link FencedOff}.
     */
    public void writeAs(String collectorId, java.util.function.LongUnaryOperator fencingTokens) {
        this.writer = collectorId == null ? "" : collectorId;
        this.tokens = fencingTokens;
    }

    /** The client the ledger talks through, for the team's leases and published state on the same Redis. */
    public RedisClient client() {
        return redis;
    }

    /** The key prefix, e.g. "vigil:". */
    public String prefix() {
        return prefix;
    }

    /** Which collector recorded the target's last sync of the mirror; empty when none said. */
    public Optional<String> writerOf(long targetId, String mirror) {
        String value = call(() -> redis.hget(targetKey(targetId), mirror));
        if (value == null) {
            return Optional.empty();
        }
        String[] p = value.split("\\|", -1);
        return p.length > 3 && !p[3].isEmpty() ? Optional.of(p[3]) : Optional.empty();
    }

    private String targetKey(long targetId) {
        return prefix + "sync:" + targetId;
    }

    private String channel() {
        return prefix + "sync";
    }

    @Override
    public void record(SyncRecord sync) {
        String me = writer;
        String value = sync.syncedAt().toEpochMilli() + "|" + sync.rows() + "|" + sync.tookMs() + (me.isEmpty() ? "" : "|" + me);
        Object kept = call(() -> redis.eval(RECORD, List.of(targetKey(sync.targetId()), channel(), leaseKey(prefix, sync.targetId())),
                List.of(sync.mirror(), value, String.valueOf(sync.syncedAt().toEpochMilli()),
                        sync.encode() + "|" + me + "|" + tokens.applyAsLong(sync.targetId()), me)));
        if (kept instanceof Long l && l < 0) {
            throw new FencedOff(sync.targetId());
        }
    }

    @Override
    public Optional<SyncRecord> last(long targetId, String mirror) {
        String value = call(() -> redis.hget(targetKey(targetId), mirror));
        return Optional.ofNullable(value).map(v -> parse(targetId, mirror, v));
    }

    @Override
    public Map<String, SyncRecord> lastForTarget(long targetId) {
        Map<String, String> all = call(() -> redis.hgetAll(targetKey(targetId)));
        Map<String, SyncRecord> out = new HashMap<>();
        all.forEach((mirror, v) -> out.put(mirror, parse(targetId, mirror, v)));
        return out;
    }

    private static SyncRecord parse(long targetId, String mirror, String value) {
        String[] p = value.split("\\|");
        return new SyncRecord(targetId, mirror, Instant.ofEpochMilli(Long.parseLong(p[0])), Long.parseLong(p[1]), Long.parseLong(p[2]));
    }

    @Override
    public AutoCloseable subscribe(Consumer<SyncRecord> listener) {
        return subscribe(channel(), message -> listener.accept(SyncRecord.decode(message)), "vigil-ledger-subscriber");
    }

    /**
     * Hears every message on a channel of this Redis from now on, on a thread of its own, subscribing again after a
     * broken connection (with a short pause), until closed. Waits until the first subscription is in place.
     */
    public AutoCloseable subscribe(String channel, Consumer<String> listener, String threadName) {
        CountDownLatch subscribed = new CountDownLatch(1);
        java.util.concurrent.atomic.AtomicBoolean closed = new java.util.concurrent.atomic.AtomicBoolean();
        java.util.concurrent.atomic.AtomicReference<JedisPubSub> current = new java.util.concurrent.atomic.AtomicReference<>();
        Thread thread = new Thread(() -> {
            boolean warned = false;
            while (!closed.get()) {
                JedisPubSub pubSub = new JedisPubSub() {
                    @Override
                    public void onSubscribe(String c, int count) {
                        subscribed.countDown();
                    }

                    @Override
                    public void onMessage(String c, String message) {
                        try {
                            listener.accept(message);
                        } catch (RuntimeException e) {
                            LOG.warn("A notification on {} was not handled: {}", c, e.toString());
                        }
                    }
                };
                current.set(pubSub);
                try {
                    redis.subscribe(pubSub, channel);
                    warned = false;
                } catch (JedisException e) {
                    if (!warned) {
                        LOG.warn("Notifications on {} from {} stopped, subscribing again: {}", channel, where, e.getMessage());
                        warned = true;
                    }
                    try {
                        Thread.sleep(1000);
                    } catch (InterruptedException ie) {
                        return;
                    }
                }
            }
        }, threadName);
        thread.setDaemon(true);
        thread.start();
        try {
            if (!subscribed.await(5, TimeUnit.SECONDS)) {
                closed.set(true);
                thread.interrupt();
                throw new LedgerException("Could not subscribe to notifications on " + where + " within 5 s.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return () -> {
            closed.set(true);
            JedisPubSub pubSub = current.get();
            if (pubSub != null && pubSub.isSubscribed()) {
                pubSub.unsubscribe();
            }
            thread.interrupt();
            thread.join(2000);
        };
    }

    private <T> T call(java.util.function.Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            // nothing answered: said from the error's type; otherwise Redis spoke (WRONGPASS, OOM, READONLY …): its words
            Object why = e instanceof redis.clients.jedis.exceptions.JedisConnectionException
                    ? io.vigil.config.NetworkFailures.why(e) : String.valueOf(e.getMessage()).lines().findFirst().orElse("");
            throw new LedgerException(io.vigil.i18n.Reason.of("reason.ledger.down", where, why),
                    "The sync ledger at " + where + " did not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
