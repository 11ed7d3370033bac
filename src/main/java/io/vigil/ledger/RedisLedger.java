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

    // Keep the newer sync; publish only what was kept.
    private static final String RECORD = """
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

    /** A ledger on the Redis at {@code host:port}; {@code prefix} separates Vigil's keys (e.g. "vigil:"). */
    public RedisLedger(String host, int port, String user, Secret password, String prefix) {
        DefaultJedisClientConfig.Builder cfg = DefaultJedisClientConfig.builder()
                .connectionTimeoutMillis(3000).socketTimeoutMillis(5000).clientName("vigil");
        if (!password.isEmpty()) {
            cfg.password(password.reveal());
            if (user != null && !user.isBlank()) {
                cfg.user(user);
            }
        }
        this.redis = RedisClient.builder().hostAndPort(host, port).clientConfig(cfg.build()).build();
        this.prefix = prefix;
        this.where = "Redis " + host + ":" + port;
    }

    private String targetKey(long targetId) {
        return prefix + "sync:" + targetId;
    }

    private String channel() {
        return prefix + "sync";
    }

    @Override
    public void record(SyncRecord sync) {
        String value = sync.syncedAt().toEpochMilli() + "|" + sync.rows() + "|" + sync.tookMs();
        call(() -> redis.eval(RECORD, List.of(targetKey(sync.targetId()), channel()),
                List.of(sync.mirror(), value, String.valueOf(sync.syncedAt().toEpochMilli()), sync.encode())));
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
        CountDownLatch subscribed = new CountDownLatch(1);
        JedisPubSub pubSub = new JedisPubSub() {
            @Override
            public void onSubscribe(String channel, int count) {
                subscribed.countDown();
            }

            @Override
            public void onMessage(String channel, String message) {
                try {
                    listener.accept(SyncRecord.decode(message));
                } catch (RuntimeException e) {
                    LOG.warn("A sync notification was not handled: {}", e.toString());
                }
            }
        };
        Thread thread = new Thread(() -> {
            try {
                redis.subscribe(pubSub, channel());
            } catch (JedisException e) {
                LOG.warn("Sync notifications from {} stopped: {}", where, e.getMessage());
            }
        }, "vigil-ledger-subscriber");
        thread.setDaemon(true);
        thread.start();
        try {
            if (!subscribed.await(5, TimeUnit.SECONDS)) {
                throw new LedgerException("Could not subscribe to sync notifications on " + where + " within 5 s.");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        return () -> {
            if (pubSub.isSubscribed()) {
                pubSub.unsubscribe();
            }
            thread.join(2000);
        };
    }

    private <T> T call(java.util.function.Supplier<T> command) {
        try {
            return command.get();
        } catch (JedisException e) {
            throw new LedgerException("The sync ledger at " + where + " did not answer: " + e.getMessage(), e);
        }
    }

    @Override
    public void close() {
        redis.close();
    }
}
