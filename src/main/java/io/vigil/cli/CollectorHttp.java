package io.vigil.cli;

import java.io.IOException;
import java.io.OutputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryUsage;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Supplier;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import io.vigil.i18n.Messages;
import io.vigil.schedule.CollectorFigures;

import picocli.CommandLine.ITypeConverter;
import picocli.CommandLine.TypeConversionException;

/**
 * What {@code vigil collect --http} serves, so operations can watch the collector: {@code GET /health} (JSON, 200 when
 * ok, 503 when degraded, with the reasons in words) and {@code GET /metrics} (Prometheus text format 0.0.4).
 */
final class CollectorHttp implements AutoCloseable {

    /** No job finished for this long while there are targets: the collector is stuck or every target is down. */
    static final Duration QUIET_LIMIT = Duration.ofMinutes(2);
    /** The spool this full: the series store has been away long enough that points will soon be dropped. */
    static final double SPOOL_LIMIT = 0.8;
    /** Jobs start this late (99th percentile): the collector cannot keep up with its schedule. */
    static final long LAG_LIMIT_MILLIS = 10_000;

    /** Where to listen: "9464", "127.0.0.1:9464", "0.0.0.0:9464" or "[::1]:9464"; the address defaults to loopback. */
    record Listen(String host, int port) {

        static Listen parse(String text) {
            String t = text.strip();
            int colon = t.lastIndexOf(':');
            String host = colon < 0 ? "127.0.0.1" : t.substring(0, colon);
            String port = colon < 0 ? t : t.substring(colon + 1);
            if (host.startsWith("[") && host.endsWith("]")) {
                host = host.substring(1, host.length() - 1);
            }
            try {
                int p = Integer.parseInt(port);
                if (p < 0 || p > 65535 || host.isBlank()) {
                    throw new NumberFormatException();
                }
                return new Listen(host, p);
            } catch (NumberFormatException e) {
                throw new TypeConversionException(new Messages(Messages.localeFor("")).get("collect.http.badAddress", text));
            }
        }
    }

    /** Lets picocli report a bad address as a usage error. */
    static final class ListenConverter implements ITypeConverter<Listen> {
        @Override
        public Listen convert(String value) {
            return Listen.parse(value);
        }
    }

    private final HttpServer server;
    private final ExecutorService executor;
    private final Supplier<CollectorFigures.Snapshot> figures;

    /** Binds the address now (so a port in use is found before collecting starts); serves once {@link #start()} is called. */
    CollectorHttp(Listen listen, Supplier<CollectorFigures.Snapshot> figures) throws IOException {
        this.figures = figures;
        this.server = HttpServer.create(new InetSocketAddress(listen.host(), listen.port()), 8);
        this.executor = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "vigil-collector-http");
            t.setDaemon(true);
            return t;
        });
        server.setExecutor(executor);
        server.createContext("/", this::handle);
    }

    void start() {
        server.start();
    }

    /** The port listened on (the one asked for, or the one picked for port 0). */
    int port() {
        return server.getAddress().getPort();
    }

    String url() {
        InetSocketAddress a = server.getAddress();
        String host = a.getAddress().getHostAddress();
        return "http://" + (host.contains(":") ? "[" + host + "]" : host) + ":" + a.getPort();
    }

    private void handle(HttpExchange ex) throws IOException {
        try (ex) {
            String path = ex.getRequestURI().getPath();
            boolean known = path.equals("/health") || path.equals("/metrics");
            if (!known) {
                send(ex, 404, "text/plain; charset=utf-8", messagesFor(ex).get("collect.http.notFound", path) + "\n");
                return;
            }
            if (!ex.getRequestMethod().equals("GET") && !ex.getRequestMethod().equals("HEAD")) {
                ex.getResponseHeaders().set("Allow", "GET, HEAD");
                send(ex, 405, "text/plain; charset=utf-8", messagesFor(ex).get("collect.http.onlyGet") + "\n");
                return;
            }
            CollectorFigures.Snapshot s = figures.get();
            if (path.equals("/health")) {
                List<String> reasons = reasons(s, messagesFor(ex));
                send(ex, reasons.isEmpty() ? 200 : 503, "application/json; charset=utf-8", health(s, reasons));
            } else {
                send(ex, 200, "text/plain; version=0.0.4; charset=utf-8", metrics(s));
            }
        } catch (RuntimeException e) {
            // the figures are read from memory: nothing here should fail, but a failure must not kill the server thread
            org.slf4j.LoggerFactory.getLogger(CollectorHttp.class).warn("A health request failed: {}", e.toString());
        }
    }

    private static void send(HttpExchange ex, int status, String type, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().set("Content-Type", type);
        ex.getResponseHeaders().set("Cache-Control", "no-store");
        boolean head = ex.getRequestMethod().equals("HEAD");
        ex.sendResponseHeaders(status, head ? -1 : bytes.length);
        if (!head) {
            try (OutputStream out = ex.getResponseBody()) {
                out.write(bytes);
            }
        }
    }

    /** Chinese for a client that asks for it first, else the collector's own language. */
    private static Messages messagesFor(HttpExchange ex) {
        String accept = ex.getRequestHeaders().getFirst("Accept-Language");
        String first = accept == null ? "" : accept.split(",")[0].split(";")[0].strip();
        return new Messages(Messages.localeFor(first));
    }

    /** Why the collector is degraded, in words; empty when it is fine. */
    static List<String> reasons(CollectorFigures.Snapshot s, Messages m) {
        List<String> reasons = new ArrayList<>();
        Instant lastOrStart = s.lastJobAt() != null ? s.lastJobAt() : s.startedAt();
        if (s.targets() > 0 && Duration.between(lastOrStart, s.at()).compareTo(QUIET_LIMIT) > 0) {
            reasons.add(s.lastJobAt() == null
                    ? m.get("collect.health.noJobYet", QUIET_LIMIT.toMinutes(), s.targets())
                    : m.get("collect.health.noJobLately", QUIET_LIMIT.toMinutes(), Duration.between(lastOrStart, s.at()).toSeconds()));
        }
        if (s.spoolLimitBytes() > 0 && s.spoolBytes() > SPOOL_LIMIT * s.spoolLimitBytes()) {
            reasons.add(m.get("collect.health.spoolFull", Math.round(100.0 * s.spoolBytes() / s.spoolLimitBytes()),
                    Math.round(SPOOL_LIMIT * 100)));
        }
        if (s.lagP99Millis() > LAG_LIMIT_MILLIS) {
            reasons.add(m.get("collect.health.lagging", s.lagP99Millis() / 1000.0, LAG_LIMIT_MILLIS / 1000));
        }
        return reasons;
    }

    static String health(CollectorFigures.Snapshot s, List<String> reasons) {
        StringBuilder b = new StringBuilder("{");
        b.append("\"status\":\"").append(reasons.isEmpty() ? "ok" : "degraded").append("\",\"reasons\":[");
        for (int i = 0; i < reasons.size(); i++) {
            b.append(i > 0 ? "," : "").append(json(reasons.get(i)));
        }
        b.append("],\"targets\":").append(s.targets())
                .append(",\"jobsPerSecond\":").append(String.format(Locale.ROOT, "%.3f", s.jobsPerSecond()))
                .append(",\"jobRunsTotal\":").append(s.jobRunsTotal())
                .append(",\"lagP50Ms\":").append(s.lagP50Millis())
                .append(",\"lagP99Ms\":").append(s.lagP99Millis())
                .append(",\"spoolBytes\":").append(s.spoolBytes())
                .append(",\"spoolLimitBytes\":").append(s.spoolLimitBytes())
                .append(",\"errorsTotal\":").append(s.errorsTotal())
                .append(",\"errorsLastMinute\":").append(s.errorsLastMinute())
                .append(",\"lastJobAt\":").append(s.lastJobAt() == null ? "null" : json(s.lastJobAt().toString()))
                .append(",\"startedAt\":").append(json(s.startedAt().toString()))
                .append("}\n");
        return b.toString();
    }

    private static String json(String text) {
        StringBuilder b = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.append('"').toString();
    }

    static String metrics(CollectorFigures.Snapshot s) {
        StringBuilder b = new StringBuilder();
        metric(b, "vigil_collector_up", "gauge", "1 while the collector runs.", "", 1);
        metric(b, "vigil_collector_start_timestamp_seconds", "gauge", "When the collector started, in seconds since the epoch.", "",
                s.startedAt().toEpochMilli() / 1000.0);
        metric(b, "vigil_collector_targets", "gauge", "Enabled targets the collector collects from.", "", s.targets());
        header(b, "vigil_collector_job_runs_total", "counter", "Job runs (mirrors, metrics, connects) since the start, by how they ended.");
        for (Map.Entry<String, Long> e : s.runsByStatus().entrySet()) {
            sample(b, "vigil_collector_job_runs_total", "{status=\"" + e.getKey() + "\"}", e.getValue());
        }
        metric(b, "vigil_collector_jobs_per_second", "gauge", "Job runs per second over the last minute.", "", s.jobsPerSecond());
        metric(b, "vigil_collector_errors_total", "counter", "Job runs that ended in an error since the start.", "", s.errorsTotal());
        metric(b, "vigil_collector_errors_last_minute", "gauge", "Job runs that ended in an error in the last minute.", "",
                s.errorsLastMinute());
        header(b, "vigil_collector_schedule_lag_seconds", "gauge", "How late jobs start against their schedule (the last 10000 runs).");
        sample(b, "vigil_collector_schedule_lag_seconds", "{quantile=\"0.5\"}", s.lagP50Millis() / 1000.0);
        sample(b, "vigil_collector_schedule_lag_seconds", "{quantile=\"0.99\"}", s.lagP99Millis() / 1000.0);
        metric(b, "vigil_collector_spool_bytes", "gauge", "Bytes of points waiting on disk for the series store.", "", s.spoolBytes());
        metric(b, "vigil_collector_spool_limit_bytes", "gauge", "The most the spool holds before it drops points.", "",
                s.spoolLimitBytes());
        metric(b, "vigil_collector_last_job_timestamp_seconds", "gauge", "When the last job finished, in seconds since the epoch (0: none yet).",
                "", s.lastJobAt() == null ? 0 : s.lastJobAt().toEpochMilli() / 1000.0);
        MemoryUsage heap = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage();
        metric(b, "vigil_jvm_heap_used_bytes", "gauge", "Java heap in use.", "", heap.getUsed());
        metric(b, "vigil_jvm_heap_committed_bytes", "gauge", "Java heap the JVM holds from the system.", "", heap.getCommitted());
        if (heap.getMax() > 0) {
            metric(b, "vigil_jvm_heap_max_bytes", "gauge", "The most Java heap the JVM may use.", "", heap.getMax());
        }
        long rss = residentBytes();
        if (rss > 0) {
            metric(b, "vigil_process_resident_memory_bytes", "gauge", "Resident memory of the collector's process.", "", rss);
        }
        return b.toString();
    }

    /** VmRSS of this process from /proc (Linux); 0 elsewhere. */
    static long residentBytes() {
        try {
            for (String line : Files.readAllLines(Path.of("/proc/self/status"))) {
                if (line.startsWith("VmRSS:")) {
                    return Long.parseLong(line.replaceAll("[^0-9]", "")) * 1024;
                }
            }
        } catch (IOException | RuntimeException e) {
            // not Linux
        }
        return 0;
    }

    private static void metric(StringBuilder b, String name, String type, String help, String labels, double value) {
        header(b, name, type, help);
        sample(b, name, labels, value);
    }

    private static void header(StringBuilder b, String name, String type, String help) {
        b.append("# HELP ").append(name).append(' ').append(help).append('\n');
        b.append("# TYPE ").append(name).append(' ').append(type).append('\n');
    }

    private static void sample(StringBuilder b, String name, String labels, double value) {
        b.append(name).append(labels).append(' ');
        if (value == Math.rint(value) && Math.abs(value) < 1e15) {
            b.append((long) value);
        } else {
            b.append(String.format(Locale.ROOT, "%.6f", value));
        }
        b.append('\n');
    }

    @Override
    public void close() {
        server.stop(0);
        executor.shutdownNow();
    }
}
