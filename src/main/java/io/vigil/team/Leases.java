package io.vigil.team;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.LongSupplier;

import io.vigil.ledger.Fence;
import redis.clients.jedis.RedisClient;

/**
 * The leases of one collector on its targets: {@code SET NX PX} on {@code <prefix>lease:<target>} with the value
 * {@code <collector>|<token>}, where the token is a per-target counter that only grows (a fencing token). A lease is
 * renewed every third of its time to live; this collector takes itself to hold a target only until the time to live,
 * less a fifth, has passed since it sent the last renewal that succeeded — measured on its own monotonic clock, so a
 * collector that was paused (a long GC, a stopped process) or cut off finds its leases lapsed before Redis lets another
 * collector take them. The shared ledger refuses a sync recorded under a lease another collector holds.
 */
public final class Leases implements Fence {

    // KEYS: lease, fence counter; ARGV: collector, ttl ms. Returns the new token, or 0 when another collector holds it.
    private static final String ACQUIRE = """
            if redis.call('EXISTS', KEYS[1]) == 1 then return 0 end
            local token = redis.call('INCR', KEYS[2])
            redis.call('SET', KEYS[1], ARGV[1] .. '|' .. token, 'PX', ARGV[2])
            return token
            """;
    // KEYS: leases; ARGV: ttl ms, then one expected value per lease. Returns 1 per lease still ours (renewed), else 0.
    private static final String RENEW = """
            local out = {}
            for i, key in ipairs(KEYS) do
              if redis.call('GET', key) == ARGV[i + 1] then
                redis.call('PEXPIRE', key, ARGV[1])
                out[i] = 1
              else
                out[i] = 0
              end
            end
            return out
            """;
    private static final String RELEASE = """
            if redis.call('GET', KEYS[1]) == ARGV[1] then return redis.call('DEL', KEYS[1]) end
            return 0
            """;

    private record Held(long token, long validUntilNanos) {
    }

    private final RedisClient redis;
    private final TeamKeys keys;
    private final String collectorId;
    private final long ttlMillis;
    private final long trustNanos;
    private final LongSupplier nanos;
    private final Map<Long, Held> held = new ConcurrentHashMap<>();

    Leases(RedisClient redis, TeamKeys keys, String collectorId, Duration ttl, LongSupplier nanos) {
        this.redis = redis;
        this.keys = keys;
        this.collectorId = collectorId;
        this.ttlMillis = ttl.toMillis();
        this.trustNanos = ttl.toNanos() - ttl.toNanos() / 5;
        this.nanos = nanos;
    }

    @Override
    public boolean holds(long targetId) {
        Held h = held.get(targetId);
        return h != null && nanos.getAsLong() - h.validUntilNanos < 0;
    }

    /** The targets this collector holds now. */
    public Set<Long> held() {
        Set<Long> out = new HashSet<>();
        held.keySet().forEach(id -> {
            if (holds(id)) {
                out.add(id);
            }
        });
        return out;
    }

    /** The fencing token of a held target, or 0. */
    public long token(long targetId) {
        Held h = held.get(targetId);
        return h == null ? 0 : h.token();
    }

    /** Takes the target's lease when no collector holds it; true when this collector holds it now. */
    public boolean acquire(long targetId) {
        long sent = nanos.getAsLong();
        Object r = redis.eval(ACQUIRE, List.of(keys.lease(targetId), keys.fence(targetId)), List.of(collectorId, String.valueOf(ttlMillis)));
        if (r instanceof Long token && token > 0) {
            held.put(targetId, new Held(token, sent + trustNanos));
            return true;
        }
        return false;
    }

    /** Renews every held lease in one round trip; returns the targets whose lease was lost (lapsed, or taken over). */
    public Set<Long> renew() {
        List<Long> ids = new ArrayList<>(held.keySet());
        Set<Long> lost = new HashSet<>();
        if (ids.isEmpty()) {
            return lost;
        }
        long sent = nanos.getAsLong();
        List<String> leaseKeys = new ArrayList<>();
        List<String> args = new ArrayList<>();
        args.add(String.valueOf(ttlMillis));
        for (Long id : ids) {
            leaseKeys.add(keys.lease(id));
            args.add(collectorId + "|" + held.get(id).token());
        }
        List<?> answer = (List<?>) redis.eval(RENEW, leaseKeys, args);
        for (int i = 0; i < ids.size(); i++) {
            long id = ids.get(i);
            Held h = held.get(id);
            if (h != null && Long.valueOf(1).equals(answer.get(i))) {
                held.put(id, new Held(h.token(), sent + trustNanos));
            } else {
                held.remove(id);
                lost.add(id);
            }
        }
        return lost;
    }

    /** Gives the target up: this collector stops holding it at once, then the lease is deleted if it is still ours. */
    public void release(long targetId) {
        Held h = held.remove(targetId);
        if (h != null) {
            redis.eval(RELEASE, List.of(keys.lease(targetId)), List.of(collectorId + "|" + h.token()));
        }
    }

    /** Gives every lease up (on a clean stop), so others take the targets over at once. */
    public void releaseAll() {
        new ArrayList<>(held.keySet()).forEach(this::release);
    }

    /** Who holds each target's lease now (collector id), for the targets that are held. */
    Map<Long, String> owners(Collection<Long> targetIds) {
        List<Long> ids = new ArrayList<>(targetIds);
        Map<Long, String> out = new HashMap<>();
        if (ids.isEmpty()) {
            return out;
        }
        List<String> values = redis.mget(ids.stream().map(keys::lease).toArray(String[]::new));
        for (int i = 0; i < ids.size(); i++) {
            String v = values.get(i);
            if (v != null) {
                int bar = v.lastIndexOf('|');
                out.put(ids.get(i), bar < 0 ? v : v.substring(0, bar));
            }
        }
        return out;
    }
}
