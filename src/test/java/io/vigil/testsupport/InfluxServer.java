package io.vigil.testsupport;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** An InfluxDB 1.x server for tests, reached over its HTTP API. */
public class InfluxServer {

    static final int USUAL_PORT = 8086;
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3)).build();

    private final int port;

    InfluxServer(int port) {
        this.port = port;
    }

    static InfluxServer findOrStart() {
        if (!Processes.forcedPrivate("influx") && Processes.answers(USUAL_PORT)) {
            if (!pings(USUAL_PORT)) {
                throw new AssertionError("Something answers on 127.0.0.1:8086 but InfluxDB's /ping does not: stop it or start InfluxDB 1.x there.");
            }
            return new InfluxServer(USUAL_PORT);
        }
        PrivateInflux p = new PrivateInflux();
        p.start();
        return p;
    }

    public String url() {
        return "http://127.0.0.1:" + port;
    }

    public int port() {
        return port;
    }

    /** A database of its own; close() drops it. */
    public TestInfluxDb createDatabase(String prefix) {
        String name = Names.unique(prefix);
        query("CREATE DATABASE \"" + name + "\"");
        return new TestInfluxDb(name, url(), () -> query("DROP DATABASE \"" + name + "\""));
    }

    /** Runs an InfluxQL statement through {@code POST /query}; returns the JSON body. */
    public String query(String influxql) {
        return query(null, influxql);
    }

    public String query(String database, String influxql) {
        String params = "q=" + URLEncoder.encode(influxql, StandardCharsets.UTF_8)
                + (database == null ? "" : "&db=" + URLEncoder.encode(database, StandardCharsets.UTF_8));
        HttpRequest req = HttpRequest.newBuilder(URI.create(url() + "/query?epoch=ms"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(params)).build();
        try {
            HttpResponse<String> res = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() / 100 != 2 || res.body().contains("\"error\"")) {
                throw new IllegalStateException("InfluxDB refused " + influxql + ": " + res.statusCode() + " " + res.body());
            }
            return res.body();
        } catch (IOException e) {
            throw new IllegalStateException("InfluxDB at " + url() + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    /** Writes line protocol (millisecond timestamps) through the 1.x {@code POST /write} endpoint. */
    public void write(String database, String lines) {
        HttpRequest req = HttpRequest.newBuilder(URI.create(url() + "/write?precision=ms&db="
                        + URLEncoder.encode(database, StandardCharsets.UTF_8)))
                .timeout(Duration.ofSeconds(10)).POST(HttpRequest.BodyPublishers.ofString(lines)).build();
        try {
            HttpResponse<String> res = HTTP.send(req, HttpResponse.BodyHandlers.ofString());
            if (res.statusCode() != 204) {
                throw new IllegalStateException("InfluxDB refused the write: " + res.statusCode() + " " + res.body());
            }
        } catch (IOException e) {
            throw new IllegalStateException("InfluxDB at " + url() + " did not answer: " + e.getMessage(), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        }
    }

    static boolean pings(int port) {
        HttpRequest req = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/ping"))
                .timeout(Duration.ofSeconds(2)).GET().build();
        try {
            return HTTP.send(req, HttpResponse.BodyHandlers.discarding()).statusCode() == 204;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
