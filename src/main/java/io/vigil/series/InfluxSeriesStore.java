package io.vigil.series;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.influxdb.client.InfluxDBClient;
import com.influxdb.client.InfluxDBClientFactory;
import com.influxdb.client.domain.WritePrecision;
import com.influxdb.exceptions.InfluxException;

import io.vigil.config.Secret;

/**
 * The series store for a team: InfluxDB. Version 1.x gets line protocol on {@code POST /write}; 2.x/3.x get it
 * through the official client's blocking write API (never the async one, which drops failures into a log line).
 * Reads are InfluxQL on {@code /query} for every version (2.x/3.x answer it through their DBRP mapping).
 */
public final class InfluxSeriesStore implements SeriesStore {

    /** Which write API the server has. */
    public enum Version { V1, V2 }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final String url;
    private final String database;
    private final Version version;
    private final String authHeader;
    private final HttpClient http;
    private final InfluxDBClient v2;
    private final String org;

    private InfluxSeriesStore(String url, String database, Version version, String authHeader, InfluxDBClient v2, String org) {
        this(url, database, version, authHeader, v2, org, null);
    }

    private InfluxSeriesStore(String url, String database, Version version, String authHeader, InfluxDBClient v2, String org,
                              javax.net.ssl.SSLContext tls) {
        HttpClient.Builder b = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(3));
        if (tls != null) {
            b.sslContext(tls); // https:// checks the certificate's host name by itself
        }
        this.http = b.build();
        this.url = url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
        this.database = database;
        this.version = version;
        this.authHeader = authHeader;
        this.v2 = v2;
        this.org = org;
    }

    /** InfluxDB 1.x: a database, optionally with a user (auth may be off). */
    public static InfluxSeriesStore v1(String url, String database, String user, Secret password) {
        String auth = user == null || user.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
        return new InfluxSeriesStore(url, database, Version.V1, auth, null, null);
    }

    /** InfluxDB 1.x over {@code https://}, trusting the CAs of {@code tls} (the Java runtime's when null). */
    public static InfluxSeriesStore v1(String url, String database, String user, Secret password, javax.net.ssl.SSLContext tls) {
        String auth = user == null || user.isBlank() ? null
                : "Basic " + Base64.getEncoder().encodeToString((user + ":" + password.reveal()).getBytes(StandardCharsets.UTF_8));
        return new InfluxSeriesStore(url, database, Version.V1, auth, null, null, tls);
    }

    /** InfluxDB 2.x/3.x: an organisation and bucket with a token; {@code database} is the bucket's DBRP name for InfluxQL. */
    public static InfluxSeriesStore v2(String url, String org, String bucket, Secret token) {
        InfluxDBClient client = InfluxDBClientFactory.create(url, token.reveal().toCharArray(), org, bucket);
        return new InfluxSeriesStore(url, bucket, Version.V2, "Token " + token.reveal(), client, org);
    }

    @Override
    public void write(List<Point> points) {
        String lines = LineProtocol.format(points);
        if (lines.isEmpty()) {
            return;
        }
        if (version == Version.V2) {
            try {
                v2.getWriteApiBlocking().writeRecord(database, org, WritePrecision.MS, lines);
                return;
            } catch (InfluxException e) {
                throw new SeriesStoreException("InfluxDB at " + url + " refused " + points.size() + " points: " + e.getMessage(), e);
            }
        }
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url + "/write?precision=ms&db=" + enc(database)))
                .timeout(Duration.ofSeconds(15)).POST(HttpRequest.BodyPublishers.ofString(lines));
        HttpResponse<String> res = send(req, "write " + points.size() + " points to");
        if (res.statusCode() != 204) {
            throw new SeriesStoreException("InfluxDB at " + url + " refused " + points.size() + " points (HTTP " + res.statusCode()
                    + "): " + res.body().strip(), res.statusCode(), res.body());
        }
    }

    @Override
    public List<Series> query(RangeQuery q) {
        long b = q.bucketMillis();
        long from = q.from().toEpochMilli();
        StringBuilder influxql = new StringBuilder("SELECT mean(\"value\") FROM ").append(identifier(q.metric()))
                .append(" WHERE time >= ").append(from).append("ms AND time < ").append(q.to().toEpochMilli()).append("ms");
        for (Map.Entry<String, String> f : new TreeMap<>(q.tagFilter()).entrySet()) {
            influxql.append(" AND ").append(identifier(f.getKey())).append(" = ").append(literal(f.getValue()));
        }
        influxql.append(" GROUP BY time(").append(b).append("ms, ").append(Math.floorMod(from, b)).append("ms), * fill(none)");
        HttpRequest.Builder req = HttpRequest.newBuilder(URI.create(url + "/query?epoch=ms&db=" + enc(database)))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("q=" + enc(influxql.toString())));
        HttpResponse<String> res = send(req, "read " + q.metric() + " from");
        try {
            JsonNode root = JSON.readTree(res.body());
            JsonNode result = root.path("results").path(0);
            if (res.statusCode() != 200 || result.has("error") || root.has("error")) {
                String error = result.has("error") ? result.get("error").asText() : root.path("error").asText(res.body());
                throw new SeriesStoreException(io.vigil.i18n.Reason.of("reason.series.influxError", url, q.metric(), error),
                        "InfluxDB at " + url + " could not answer for " + q.metric() + ": " + error, res.statusCode(), error);
            }
            List<Series> out = new ArrayList<>();
            for (JsonNode s : result.path("series")) {
                TreeMap<String, String> tags = new TreeMap<>();
                for (Map.Entry<String, JsonNode> e : s.path("tags").properties()) {
                    if (!e.getValue().asText().isEmpty()) {
                        tags.put(e.getKey(), e.getValue().asText());
                    }
                }
                JsonNode values = s.path("values");
                long[] t = new long[values.size()];
                double[] v = new double[values.size()];
                for (int i = 0; i < values.size(); i++) {
                    t[i] = values.get(i).get(0).asLong();
                    v[i] = values.get(i).get(1).asDouble();
                }
                out.add(new Series(new SeriesKey(q.metric(), tags), t, v));
            }
            out.sort(java.util.Comparator.comparing(x -> x.key().canonicalTags()));
            return out;
        } catch (IOException e) {
            throw new SeriesStoreException(io.vigil.i18n.Reason.of("reason.series.notJson", url),
                    "InfluxDB at " + url + " sent an answer that is not JSON: " + e.getMessage(), e);
        }
    }

    private HttpResponse<String> send(HttpRequest.Builder req, String what) {
        if (authHeader != null) {
            req.header("Authorization", authHeader);
        }
        try {
            return http.send(req.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new SeriesStoreException(io.vigil.i18n.Reason.of("reason.series.unreachable", url, io.vigil.config.NetworkFailures.why(e)),
                    "Could not " + what + " InfluxDB at " + url + ": " + (e.getMessage() == null
                    ? e.getClass().getSimpleName() : e.getMessage()) + ". Check that it is running and reachable.", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new SeriesStoreException("Interrupted while talking to InfluxDB at " + url, e);
        }
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    static String identifier(String name) {
        return "\"" + name.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
    }

    static String literal(String value) {
        return "'" + value.replace("\\", "\\\\").replace("'", "\\'") + "'";
    }

    @Override
    public String location() {
        return "InfluxDB " + url + " (" + database + ")";
    }

    @Override
    public void close() {
        if (v2 != null) {
            v2.close();
        }
    }
}
