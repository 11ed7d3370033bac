package io.vigil.testsupport;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

import redis.clients.jedis.Jedis;

/**
 * A private Redis under {@code target/services}, bound to loopback, that a test may {@link #stop()} and {@link #start()}
 * again on the same port. It keeps nothing on disk, so a restart forgets every key: the harder case for its clients.
 */
public final class PrivateRedis {

    private final Path binary;
    private final Path dir;
    private final int port;
    private Process process;

    PrivateRedis() {
        this.binary = Binaries.find("redis-server", "redis-server", List.of());
        this.port = Processes.freePort();
        this.dir = Processes.freshDir("redis-" + port);
    }

    public String host() {
        return "127.0.0.1";
    }

    public int port() {
        return port;
    }

    /** Starts (or restarts) the server and waits until it answers PING. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path log = dir.resolve("redis.log");
        process = Processes.start(List.of(binary.toString(), "--bind", "127.0.0.1", "--port", String.valueOf(port), "--save", "",
                "--appendonly", "no", "--dir", dir.toString()), log);
        Processes.awaitReady("Redis (private, port " + port + ")", Duration.ofSeconds(30), process, log, () -> {
            try (Jedis j = new Jedis("127.0.0.1", port)) {
                return "PONG".equals(j.ping());
            } catch (RuntimeException e) {
                return false;
            }
        });
    }

    /** Stops the server (SIGTERM). */
    public synchronized void stop() {
        Processes.stop(process);
        process = null;
    }
}
