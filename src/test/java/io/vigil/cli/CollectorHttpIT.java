package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import picocli.CommandLine;

/** {@code vigil collect --http}: the collector's health and metrics over HTTP, while it collects from the demo target. */
class CollectorHttpIT {

    private static final Pattern SAMPLE = Pattern.compile("([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\"(,[a-zA-Z_][a-zA-Z0-9_]*=\"[^\"]*\")*})? (-?[0-9.eE+-]+|NaN|[+-]Inf)");
    private static final Pattern TYPE = Pattern.compile("# TYPE ([a-zA-Z_:][a-zA-Z0-9_:]*) (counter|gauge|summary|histogram|untyped)");

    @TempDir
    Path home;

    private final HttpClient client = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    @AfterEach
    void forgetHome() {
        System.clearProperty("vigil.home");
    }

    record Run(int exit, String out) {
    }

    private CompletableFuture<Run> collect(String... args) {
        return CompletableFuture.supplyAsync(() -> {
            StringWriter out = new StringWriter();
            CommandLine cl = new CommandLine(new CollectCommand());
            cl.setOut(new PrintWriter(out, true));
            cl.setErr(new PrintWriter(out, true));
            int exit = cl.execute(args);
            return new Run(exit, out.toString());
        });
    }

    private HttpResponse<String> get(int port, String path) throws Exception {
        return client.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).timeout(Duration.ofSeconds(10)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static long number(String json, String field) {
        Matcher m = Pattern.compile("\"" + field + "\":(-?[0-9]+)").matcher(json);
        assertThat(m.find()).as("%s in %s", field, json).isTrue();
        return Long.parseLong(m.group(1));
    }

    /** Every sample of a Prometheus text exposition, by name and labels; fails on a line that is not the format. */
    private static Map<String, Double> parsePrometheus(String text) {
        Set<String> typed = new HashSet<>();
        Map<String, Double> samples = new HashMap<>();
        for (String line : text.split("\n")) {
            if (line.startsWith("# TYPE ")) {
                Matcher t = TYPE.matcher(line);
                assertThat(t.matches()).as("a TYPE line: %s", line).isTrue();
                typed.add(t.group(1));
            } else if (line.startsWith("# HELP ")) {
                assertThat(line.split(" ", 4)).as("a HELP line: %s", line).hasSize(4);
            } else if (!line.isEmpty()) {
                Matcher s = SAMPLE.matcher(line);
                assertThat(s.matches()).as("a sample line: %s", line).isTrue();
                assertThat(typed).as("a TYPE line before %s", line).contains(s.group(1));
                samples.put(s.group(1) + (s.group(2) == null ? "" : s.group(2)), Double.parseDouble(s.group(4)));
            }
        }
        return samples;
    }

    @Test
    void healthAndMetricsFollowTheCollector() throws Exception {
        int port = freePort();
        CompletableFuture<Run> run = collect("--data-dir", home.toString(), "--duration", "50s", "--every", "10", "--http", "127.0.0.1:" + port);

        // the first demo jobs run a few seconds after the start
        String first = null;
        Instant until = Instant.now().plusSeconds(40);
        while (Instant.now().isBefore(until) && !run.isDone()) {
            try {
                HttpResponse<String> r = get(port, "/health");
                if (number(r.body(), "jobRunsTotal") > 0) {
                    assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
                    first = r.body();
                    break;
                }
            } catch (java.net.ConnectException e) {
                // not listening yet: the config store is still opening
            }
            Thread.sleep(500);
        }
        assertThat(first).as("no job ran within 40 s; collect printed:%n%s", run.isDone() ? run.get().out() : "(still running)").isNotNull();
        assertThat(first).startsWith("{\"status\":\"ok\",\"reasons\":[]").contains("\"targets\":1").contains("\"spoolLimitBytes\":268435456")
                .containsPattern("\"lastJobAt\":\"20[0-9-]+T[0-9:.]+Z\"").containsPattern("\"startedAt\":\"20[0-9-]+T");

        HttpResponse<String> metrics = get(port, "/metrics");
        assertThat(metrics.statusCode()).isEqualTo(200);
        assertThat(metrics.headers().firstValue("Content-Type")).hasValueSatisfying(t -> assertThat(t).startsWith("text/plain; version=0.0.4"));
        Map<String, Double> before = parsePrometheus(metrics.body());
        assertThat(before).containsEntry("vigil_collector_up", 1.0).containsEntry("vigil_collector_targets", 1.0)
                .containsEntry("vigil_collector_spool_limit_bytes", 268435456.0)
                .containsKeys("vigil_collector_schedule_lag_seconds{quantile=\"0.5\"}", "vigil_collector_schedule_lag_seconds{quantile=\"0.99\"}",
                        "vigil_collector_errors_total", "vigil_collector_spool_bytes", "vigil_collector_job_runs_total{status=\"error\"}");
        assertThat(before.get("vigil_jvm_heap_used_bytes")).isPositive();
        assertThat(before.get("vigil_collector_last_job_timestamp_seconds")).isGreaterThan(Instant.now().minusSeconds(60).getEpochSecond());

        Thread.sleep(8_000);
        String second = get(port, "/health").body();
        assertThat(number(second, "jobRunsTotal")).as("runs between two reads:%n%s%n%s", first, second).isGreaterThan(number(first, "jobRunsTotal"));
        Map<String, Double> after = parsePrometheus(get(port, "/metrics").body());
        assertThat(after.get("vigil_collector_job_runs_total{status=\"ok\"}")).isGreaterThan(before.get("vigil_collector_job_runs_total{status=\"ok\"}"));
        assertThat(after.get("vigil_collector_jobs_per_second")).isPositive();

        HttpResponse<String> missing = get(port, "/nothing");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("/health").contains("/metrics");

        Run done = run.get(90, TimeUnit.SECONDS);
        assertThat(done.exit()).as(done.out()).isZero();
        assertThat(done.out()).contains("Serving http://127.0.0.1:" + port + "/health and http://127.0.0.1:" + port + "/metrics");
        try (ServerSocket again = new ServerSocket(port, 1, InetAddress.getLoopbackAddress())) {
            assertThat(again.getLocalPort()).as("the port is free again after the collector stopped").isEqualTo(port);
        }
    }

    @Test
    void aPortInUseIsSaidInWordsAndExitsWithTwo() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            Run r = collect("--data-dir", home.toString(), "--duration", "5s", "--http", "127.0.0.1:" + taken.getLocalPort())
                    .get(60, TimeUnit.SECONDS);
            assertThat(r.exit()).as(r.out()).isEqualTo(2);
            assertThat(r.out()).contains("port " + taken.getLocalPort() + " on 127.0.0.1 is already in use")
                    .doesNotContain("Exception").doesNotContain("\tat ").doesNotContain("Collecting from");
        }
    }

    @Test
    void aBadAddressIsAUsageError() throws Exception {
        Run r = collect("--data-dir", home.toString(), "--http", "localhost:http").get(60, TimeUnit.SECONDS);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.out()).contains("“localhost:http” is not an address to listen on").doesNotContain("Exception");
    }

    @Test
    void anAddressNotOfThisMachineIsSaidInWords() throws Exception {
        Run r = collect("--data-dir", home.toString(), "--duration", "5s", "--http", "203.0.113.7:9464").get(60, TimeUnit.SECONDS);
        assertThat(r.exit()).as(r.out()).isEqualTo(2);
        assertThat(r.out()).contains("Cannot serve /health and /metrics on 203.0.113.7 port 9464: the address is not one of this machine's")
                .doesNotContain("Exception").doesNotContain("Cannot assign requested address");
    }
}
