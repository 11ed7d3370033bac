package io.vigil.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.gather.Spool;
import io.vigil.series.Point;
import io.vigil.testsupport.PrivateInflux;
import io.vigil.testsupport.ChildVigil;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;
import io.vigil.testsupport.TestInfluxDb;

/**
 * {@code vigil collect --config FILE} as a process of its own, writing to a private InfluxDB that is stopped: once its
 * spool holds points the process is killed with SIGKILL, a new one is started on the same data folder, InfluxDB comes
 * back, and every point that was in the spool at the kill is in InfluxDB with its tags, time and value. The target is a
 * database on the shared MariaDB with the MySQL pack's own intervals (15 s).
 */
class SpoolKillFaultIT {

    @TempDir
    Path home;
    @RegisterExtension
    final ChildVigil vigil = new ChildVigil(() -> home);

    @Test
    void pointsSpooledBeforeAKillNineArriveAfterTheNextStart() throws Exception {
        PrivateInflux influx = RealServices.privateInflux();
        try (TestDatabase db = RealServices.mariadb().createDatabase("kill")) {
            TestInfluxDb idb = influx.createDatabase("killed");
            Path pw = home.resolve("target.pw");
            Files.writeString(pw, db.password());
            Path config = home.resolve("targets.yaml");
            Files.writeString(config, """
                    targets:
                      - name: maria
                        kind: MYSQL
                        host: %s
                        port: %d
                        database: %s
                        user: %s
                        passwordFile: %s
                    """.formatted(db.host(), db.port(), db.name(), db.user(), pw), StandardCharsets.UTF_8);
            Path data = home.resolve("data");
            String series = influx.url() + "/" + idb.name();

            Process first = collect(data, config, series, "first");
            assertThat(FaultRig.await(Duration.ofSeconds(60), () -> count(influx, idb.name()) > 0))
                    .as("the collector writes to InfluxDB; its output: " + output("first")).isTrue();
            influx.stop();
            Path spool = data.resolve("spool");
            assertThat(FaultRig.await(Duration.ofSeconds(60), () -> spooled(spool) >= 3)).as("batches wait in the spool").isTrue();
            Thread.sleep(30_000); // two more of the pack's 15 s cycles
            new ProcessBuilder("kill", "-9", String.valueOf(first.pid())).start().waitFor();
            assertThat(first.waitFor(10, TimeUnit.SECONDS)).isTrue();
            assertThat(first.exitValue()).as("killed by SIGKILL").isEqualTo(137);

            List<Point> waiting = read(spool, home.resolve("spool-copy"));
            System.out.printf("[fault] vigil collect killed with SIGKILL while %d points of %d metrics in %d batches waited in its spool%n",
                    waiting.size(), waiting.stream().map(Point::metric).distinct().count(), spooled(spool));
            System.out.println("[fault] its last lines: " + output("first").lines().skip(Math.max(0, output("first").lines().count() - 4)).toList());
            assertThat(waiting).isNotEmpty();

            collect(data, config, series, "second");
            Thread.sleep(5_000);
            influx.start();
            assertThat(FaultRig.await(Duration.ofSeconds(60), () -> spooled(spool) == 0))
                    .as("the next start replays the spool once InfluxDB is back; its output: " + output("second")).isTrue();

            Set<String> stored = stored(influx, idb.name(), waiting.stream().map(Point::metric).distinct().toList());
            List<Point> missing = waiting.stream().filter(p -> !stored.contains(key(p.metric(), p.tags(), p.time().toEpochMilli(), p.value())))
                    .toList();
            System.out.printf("[fault] after the restart: %d of %d spooled points in InfluxDB%n", waiting.size() - missing.size(), waiting.size());
            assertThat(missing).as("every spooled point arrived").isEmpty();
            idb.close();
        } finally {
            influx.stop();
        }
    }

    private Process collect(Path data, Path config, String series, String name) throws IOException {
        return vigil.start(name, "collect", "--data-dir", data.toString(),
                "--config", config.toString(), "--series", series, "--every", "5");
    }

    private String output(String name) {
        return vigil.output(name);
    }

    private static long spooled(Path spool) {
        if (!Files.isDirectory(spool)) {
            return 0;
        }
        try (Stream<Path> files = Files.list(spool)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".batch")).count();
        } catch (IOException e) {
            return 0;
        }
    }

    // The spooled points, read from a copy of the folder so the next collector finds the spool as the kill left it.
    private static List<Point> read(Path spool, Path copy) throws IOException {
        Files.createDirectories(copy);
        try (Stream<Path> files = Files.list(spool)) {
            for (Path f : files.toList()) {
                Files.copy(f, copy.resolve(f.getFileName()));
            }
        }
        Spool s = new Spool(copy, Long.MAX_VALUE);
        List<Point> all = new ArrayList<>();
        for (Optional<List<Point>> batch = s.peek(); batch.isPresent(); batch = s.peek()) {
            all.addAll(batch.get());
            s.pop();
        }
        return all;
    }

    private static long count(PrivateInflux influx, String database) {
        try {
            JsonNode root = new ObjectMapper().readTree(influx.query(database, "SHOW SERIES"));
            return root.path("results").path(0).path("series").path(0).path("values").size();
        } catch (RuntimeException | IOException e) {
            return 0;
        }
    }

    private static String key(String metric, Map<String, String> tags, long time, double value) {
        return metric + " " + new TreeMap<>(tags) + " " + time + " " + value;
    }

    // Every point of the metrics in the store, as keys comparable with the spooled points'.
    private static Set<String> stored(PrivateInflux influx, String database, List<String> metrics) throws IOException {
        Set<String> out = new HashSet<>();
        for (String metric : metrics) {
            JsonNode root = new ObjectMapper().readTree(influx.query(database, "SELECT * FROM \"" + metric + "\""));
            for (JsonNode s : root.path("results").path(0).path("series")) {
                List<String> columns = new ArrayList<>();
                s.path("columns").forEach(c -> columns.add(c.asText()));
                for (JsonNode row : s.path("values")) {
                    Map<String, String> tags = new HashMap<>();
                    long time = 0;
                    double value = Double.NaN;
                    Iterator<JsonNode> cells = row.elements();
                    for (String c : columns) {
                        JsonNode cell = cells.next();
                        if (c.equals("time")) {
                            time = cell.asLong();
                        } else if (c.equals("value")) {
                            value = cell.asDouble();
                        } else if (!cell.isNull() && !cell.asText().isEmpty()) {
                            tags.put(c, cell.asText());
                        }
                    }
                    out.add(key(metric, tags, time, value));
                }
            }
        }
        return out;
    }
}
