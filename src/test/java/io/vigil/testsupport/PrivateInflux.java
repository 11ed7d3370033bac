package io.vigil.testsupport;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A private InfluxDB 1.x under {@code target/services}, bound to loopback, that a test may {@link #stop()} and
 * {@link #start()} again on the same port with the same data (for outage tests).
 */
public final class PrivateInflux extends InfluxServer {

    private final Path binary;
    private final Path dir;
    private final Path config;
    private final TestCertificates tls;
    private Process process;

    PrivateInflux() {
        this(null);
    }

    /** A private InfluxDB that answers only https:// with the test certificates' server certificate, when {@code tls} is given. */
    PrivateInflux(TestCertificates tls) {
        super(Processes.freePort());
        this.tls = tls;
        this.binary = Binaries.find("influxd", "influxdb", List.of());
        this.dir = Processes.freshDir("influx-" + port());
        this.config = dir.resolve("influxdb.conf");
        writeConfig(Processes.freePort());
    }

    private void writeConfig(int rpcPort) {
        String conf = """
                reporting-disabled = true
                bind-address = "127.0.0.1:%d"
                [meta]
                  dir = "%s"
                [data]
                  dir = "%s"
                  wal-dir = "%s"
                  query-log-enabled = false
                [monitor]
                  store-enabled = false
                [http]
                  bind-address = "127.0.0.1:%d"
                  log-enabled = false
                """.formatted(rpcPort, dir.resolve("meta"), dir.resolve("data"), dir.resolve("wal"), port())
                + (tls == null ? "" : """
                  https-enabled = true
                  https-certificate = "%s"
                  https-private-key = "%s"
                """.formatted(tls.serverCert(), tls.serverKey()));
        try {
            Files.writeString(config, conf, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + config, e);
        }
    }

    /** Starts (or restarts) the server and waits until it answers /ping. */
    public synchronized void start() {
        if (process != null && process.isAlive()) {
            return;
        }
        Path log = dir.resolve("influxd.log");
        process = Processes.start(List.of(binary.toString(), "-config", config.toString()), log);
        Processes.awaitReady("InfluxDB (private, port " + port() + ")", Duration.ofSeconds(60), process, log, 
                () -> tls == null ? pings(port()) : Processes.answers(port()));
    }

    /** Stops the server; its data stays for the next {@link #start()}. */
    public synchronized void stop() {
        Processes.stop(process);
        process = null;
    }

    public boolean isRunning() {
        return process != null && process.isAlive();
    }
}
