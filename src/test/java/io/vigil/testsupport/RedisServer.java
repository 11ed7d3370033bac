package io.vigil.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import redis.clients.jedis.Jedis;
import redis.clients.jedis.params.ScanParams;
import redis.clients.jedis.resps.ScanResult;

/** Redis for tests: the one on 127.0.0.1:6379, or a private one started from the installed binary. */
public final class RedisServer {

    private static final int USUAL_PORT = 6379;

    private final int port;
    private final boolean privateServer;

    private RedisServer(int port, boolean privateServer) {
        this.port = port;
        this.privateServer = privateServer;
    }

    static RedisServer findOrStart() {
        if (!Processes.forcedPrivate("redis") && Processes.answers(USUAL_PORT)) {
            try (Jedis j = new Jedis("127.0.0.1", USUAL_PORT)) {
                if ("PONG".equals(j.ping())) {
                    return new RedisServer(USUAL_PORT, false);
                }
            } catch (RuntimeException e) {
                throw new AssertionError("Something answers on 127.0.0.1:6379 but it is not a usable Redis: " + e.getMessage(), e);
            }
        }
        Path binary = Binaries.find("redis-server", "redis-server", List.of());
        Path dir = Processes.freshDir("redis");
        int port = Processes.freePort();
        Path log = dir.resolve("redis.log");
        Process p = Processes.start(List.of(binary.toString(), "--bind", "127.0.0.1", "--port", String.valueOf(port),
                "--save", "", "--appendonly", "no", "--dir", dir.toString()), log);
        Processes.awaitReady("Redis (private, port " + port + ")", Duration.ofSeconds(30), p, log, () -> {
            try (Jedis j = new Jedis("127.0.0.1", port)) {
                return "PONG".equals(j.ping());
            } catch (RuntimeException e) {
                return false;
            }
        });
        return new RedisServer(port, true);
    }

    /**
     * A new private Redis that speaks only TLS, with this server certificate and key (clients are not asked for one);
     * it stops when the test JVM exits.
     */
    static RedisServer startPrivateTls(Path cert, Path key, Path ca) {
        Path binary = Binaries.find("redis-server", "redis-server", List.of());
        Path dir = Processes.freshDir("redis-tls");
        int port = Processes.freePort();
        Path log = dir.resolve("redis.log");
        Process p = Processes.start(List.of(binary.toString(), "--bind", "127.0.0.1", "--port", "0", "--tls-port", String.valueOf(port),
                "--tls-cert-file", cert.toString(), "--tls-key-file", key.toString(), "--tls-ca-cert-file", ca.toString(),
                "--tls-auth-clients", "no", "--save", "", "--appendonly", "no", "--dir", dir.toString()), log);
        Processes.awaitReady("Redis with TLS (private, port " + port + ")", Duration.ofSeconds(30), p, log, () -> Processes.answers(port));
        return new RedisServer(port, true);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    public boolean isPrivate() {
        return privateServer;
    }

    /** A key prefix of its own, e.g. {@code vt_ledger_1795000000_a1b2c3:}; close() deletes its keys. */
    public TestKeyspace keyspace(String prefix) {
        String p = Names.unique(prefix) + ":";
        return new TestKeyspace(p, () -> deleteKeys(p));
    }

    private void deleteKeys(String prefix) {
        try (Jedis j = new Jedis(host(), port)) {
            String cursor = ScanParams.SCAN_POINTER_START;
            ScanParams match = new ScanParams().match(prefix + "*").count(500);
            do {
                ScanResult<String> page = j.scan(cursor, match);
                if (!page.getResult().isEmpty()) {
                    j.del(page.getResult().toArray(String[]::new));
                }
                cursor = page.getCursor();
            } while (!cursor.equals(ScanParams.SCAN_POINTER_START));
        }
    }

}
