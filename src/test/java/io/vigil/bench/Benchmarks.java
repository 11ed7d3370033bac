package io.vigil.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Properties;

import javax.sql.DataSource;

import io.vigil.config.ConnectBy;
import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.gather.Archive;
import io.vigil.gather.Spool;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.series.InfluxSeriesStore;
import io.vigil.series.LineProtocol;
import io.vigil.series.Point;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.testsupport.InfluxServer;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;
import io.vigil.testsupport.TestInfluxDb;

/**
 * Speed as ratios against a reference run in the same process: the mirror against a plain JDBC streaming read and
 * batch insert of the same rows, and archive against a plain line-protocol POST of the same points. Each case runs once
 * to warm up and then {@value #RUNS} times; the median is reported. Run with docs/benchmarks/run.sh.
 */
public final class Benchmarks {

    static final int RUNS = 5;
    static final int ROWS = 200_000;
    static final int POINTS = 100_000;

    public static void main(String[] args) throws Exception {
        System.out.printf("Vigil benchmarks, %s, Java %s, %d cores%n", Instant.now(), Runtime.version(), Runtime.getRuntime().availableProcessors());
        List<String> only = List.of(args);
        if (only.isEmpty() || only.contains("mirror")) {
            mirror();
        }
        if (only.isEmpty() || only.contains("archive")) {
            archive();
        }
        if (only.isEmpty() || only.contains("range")) {
            range();
        }
        if (only.isEmpty() || only.contains("series-write")) {
            seriesWrite();
        }
        if (only.contains("capacity-demo")) {
            capacity();
        }
        if (only.isEmpty() || only.contains("alerting")) {
            AlertingBenchmark.run();
        }
        System.exit(0);
    }

    static void mirror() throws Exception {
        try (TestDatabase source = RealServices.mariadb().createDatabase("bsrc");
             TestDatabase cacheDb = RealServices.mariadb().createDatabase("bcache");
             TargetConnections connections = new TargetConnections(new DemoOracles())) {
            try (Connection c = DriverManager.getConnection(source.jdbcUrl(), source.user(), source.password()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE rows8 (id BIGINT PRIMARY KEY, n INT, big BIGINT, d DOUBLE, amount DECIMAL(12,2), name VARCHAR(32), "
                        + "seen DATETIME(3), flag BOOLEAN)");
                s.execute("INSERT INTO rows8 SELECT seq, seq % 1000, seq * 7, seq / 3, seq / 100, CONCAT('name-', seq), NOW(3), seq % 2 = 0 "
                        + "FROM seq_1_to_" + ROWS);
            }
            Target target = new Target(1, "src", TargetKind.MYSQL, source.host(), source.port(), ConnectBy.DATABASE, source.name(), "",
                    source.user(), Secret.of(source.password()), List.of(), true);
            MirrorDef def = new MirrorDef(1, "rows8", TargetKind.MYSQL, "SELECT id, n, big, d, amount, name, seen, flag FROM rows8", "bench_rows8",
                    60, ROWS + 1, MirrorMode.REPLACE, "", true, "");
            Path h2Folder = Files.createTempDirectory("vigil-bench");
            try (CacheDb maria = CacheDb.mysql(cacheDb.jdbcUrl(), cacheDb.user(), Secret.of(cacheDb.password()));
                 CacheDb h2 = CacheDb.embedded(h2Folder)) {
                for (CacheDb cache : List.of(maria, h2)) {
                    MirrorJob job = new MirrorJob(connections, cache, new InMemoryLedger());
                    job.run(target, def); // creates the cache table and warms up
                    plainCopy(source, cache.dataSource()); // warm-up
                    double[] plain = new double[RUNS];
                    double[] vigil = new double[RUNS];
                    for (int i = 0; i < RUNS; i++) {
                        plain[i] = plainCopy(source, cache.dataSource());
                        long t0 = System.nanoTime();
                        long rows = job.run(target, def).rows();
                        vigil[i] = rows / ((System.nanoTime() - t0) / 1e9);
                    }
                    report("mirror, MariaDB -> " + cache.location().split(" ")[0] + " cache, " + ROWS + " rows x 8 columns", "rows/s", vigil, plain);
                }
            }
        }
    }

    /** The reference: stream the same rows and batch-insert them, deleting the old ones, in one transaction. */
    static double plainCopy(TestDatabase source, DataSource cache) throws Exception {
        long t0 = System.nanoTime();
        Properties p = new Properties();
        p.setProperty("user", source.user());
        p.setProperty("password", source.password());
        long rows = 0;
        try (Connection src = DriverManager.getConnection(source.jdbcUrl(), p); Connection dst = cache.getConnection()) {
            dst.setAutoCommit(false);
            try (Statement del = dst.createStatement()) {
                del.executeUpdate("DELETE FROM bench_rows8 WHERE target_id = 2");
            }
            try (Statement s = src.createStatement(ResultSet.TYPE_FORWARD_ONLY, ResultSet.CONCUR_READ_ONLY)) {
                s.setFetchSize(Integer.MIN_VALUE);
                try (ResultSet rs = s.executeQuery("SELECT id, n, big, d, amount, name, seen, flag FROM rows8");
                     PreparedStatement ins = dst.prepareStatement("INSERT INTO bench_rows8 (target_id, id, n, big, d, amount, name, seen, flag) "
                             + "VALUES (2, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                    while (rs.next()) {
                        ins.setLong(1, rs.getLong(1));
                        ins.setLong(2, rs.getLong(2));
                        ins.setLong(3, rs.getLong(3));
                        ins.setDouble(4, rs.getDouble(4));
                        ins.setBigDecimal(5, rs.getBigDecimal(5));
                        ins.setString(6, rs.getString(6));
                        ins.setTimestamp(7, rs.getTimestamp(7));
                        ins.setBoolean(8, rs.getBoolean(8));
                        ins.addBatch();
                        if (++rows % 1000 == 0) {
                            ins.executeBatch();
                        }
                    }
                    ins.executeBatch();
                }
            }
            dst.commit();
        }
        return rows / ((System.nanoTime() - t0) / 1e9);
    }

    static void archive() throws Exception {
        InfluxServer influx = RealServices.influx();
        try (TestInfluxDb db = influx.createDatabase("bench")) {
            HttpClient http = HttpClient.newHttpClient();
            Path spool = Files.createTempDirectory("vigil-bench-spool");
            try (InfluxSeriesStore store = InfluxSeriesStore.v1(influx.url(), db.name(), "", Secret.empty())) {
                Archive archive = new Archive(store, new Spool(spool, 1L << 30));
                long base = System.currentTimeMillis() - 3_600_000;
                double[] plain = new double[RUNS];
                double[] vigil = new double[RUNS];
                for (int i = -1; i < RUNS; i++) {
                    // alternate which goes first, so neither always writes into a server still busy with the other's batch
                    List<List<Point>> first = points(base + (i + 1) * 1000L);
                    List<List<Point>> second = points(base + (i + 1) * 1000L + 500);
                    boolean plainFirst = i % 2 == 0;
                    double a = plainFirst ? plainWrite(http, influx, db, first) : archiveWrite(archive, first);
                    double b = plainFirst ? archiveWrite(archive, second) : plainWrite(http, influx, db, second);
                    if (i >= 0) {
                        plain[i] = plainFirst ? a : b;
                        vigil[i] = plainFirst ? b : a;
                    }
                }
                report("archive to InfluxDB 1.x, " + POINTS + " points in batches of 5,000, 500 series", "points/s", vigil, plain);
            }
        }
    }

    static double plainWrite(HttpClient http, InfluxServer influx, TestInfluxDb db, List<List<Point>> batches) throws Exception {
        long t0 = System.nanoTime();
        for (List<Point> b : batches) {
            HttpResponse<Void> r = http.send(HttpRequest.newBuilder(URI.create(influx.url() + "/write?precision=ms&db=" + db.name()))
                    .POST(HttpRequest.BodyPublishers.ofString(LineProtocol.format(b))).build(), HttpResponse.BodyHandlers.discarding());
            if (r.statusCode() != 204) {
                throw new IllegalStateException("plain write refused: " + r.statusCode());
            }
        }
        return POINTS / ((System.nanoTime() - t0) / 1e9);
    }

    static double archiveWrite(Archive archive, List<List<Point>> batches) {
        long t0 = System.nanoTime();
        for (List<Point> b : batches) {
            if (!archive.archive(b)) {
                throw new IllegalStateException("archive spooled during the benchmark");
            }
        }
        return POINTS / ((System.nanoTime() - t0) / 1e9);
    }

    /** Points shaped like Vigil's: 500 series (10 targets x 50 statistics), batches of 5,000. */
    static List<List<Point>> points(long start) {
        List<List<Point>> batches = new ArrayList<>();
        List<Point> batch = new ArrayList<>();
        for (int i = 0; i < POINTS; i++) {
            batch.add(Point.of("oracle.sysstat.rate", Map.of("target", "db" + (i % 10), "name", "stat " + (i / 10 % 50)),
                    Instant.ofEpochMilli(start + i / 500 * 15_000L), i * 0.5));
            if (batch.size() == 5_000) {
                batches.add(batch);
                batch = new ArrayList<>();
            }
        }
        return batches;
    }

    /**
     * Range queries on the embedded series store holding 30 days of 5 series at 15 s (864,000 points), each asking for
     * at most 1,000 points per series, against the reference a chart without rollups would need: a plain read of every
     * raw point in the range from an indexed H2 table holding all 30 days.
     */
    static void range() throws Exception {
        int series = 5;
        long step = 15_000;
        long now = System.currentTimeMillis() / step * step;
        long start = now - 30L * 86_400_000;
        Path folder = Files.createTempDirectory("vigil-range");
        try (io.vigil.series.H2SeriesStore store = new io.vigil.series.H2SeriesStore(folder, io.vigil.series.Retention.defaults(),
                java.time.Clock.systemUTC());
             Connection plain = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("plain").toAbsolutePath(), "sa", "")) {
            try (Statement s = plain.createStatement()) {
                s.execute("CREATE TABLE p (series_id INT, ts BIGINT, v DOUBLE, PRIMARY KEY (series_id, ts))");
            }
            long t0 = System.nanoTime();
            int written = 0;
            try (PreparedStatement ins = plain.prepareStatement("INSERT INTO p VALUES (?, ?, ?)")) {
                for (long day = start; day < now; day += 86_400_000) {
                    List<Point> batch = new ArrayList<>();
                    for (long ts = day; ts < Math.min(day + 86_400_000, now); ts += step) {
                        for (int i = 0; i < series; i++) {
                            double v = 50 + 40 * Math.sin(ts / 3_600_000.0 + i) + (ts / step % 7);
                            batch.add(Point.of("bench.load", Map.of("target", "db" + i), Instant.ofEpochMilli(ts), v));
                            ins.setInt(1, i);
                            ins.setLong(2, ts);
                            ins.setDouble(3, v);
                            ins.addBatch();
                        }
                    }
                    store.write(batch);
                    ins.executeBatch();
                    written += batch.size();
                }
            }
            System.out.printf("range queries on the embedded series store: %,d points (%d series, 30 days at 15 s) written in %.0f s%n",
                    written, series, (System.nanoTime() - t0) / 1e9);
            for (String[] range : new String[][] {{"15 min", "900"}, {"1 h", "3600"}, {"6 h", "21600"}, {"24 h", "86400"}, {"7 d", "604800"},
                    {"30 d", "2592000"}}) {
                long from = now - Long.parseLong(range[1]) * 1000;
                io.vigil.series.RangeQuery q = new io.vigil.series.RangeQuery("bench.load", Map.of(), Instant.ofEpochMilli(from),
                        Instant.ofEpochMilli(now), 1000);
                double[] vigil = new double[RUNS];
                double[] reference = new double[RUNS];
                int vigilPoints = 0;
                int rawPoints = 0;
                for (int i = -1; i < RUNS; i++) {
                    long a = System.nanoTime();
                    vigilPoints = store.query(q).stream().mapToInt(x -> x.times().length).sum();
                    long b = System.nanoTime();
                    rawPoints = readAll(plain, from, now);
                    long c = System.nanoTime();
                    if (i >= 0) {
                        vigil[i] = (b - a) / 1e6;
                        reference[i] = (c - b) / 1e6;
                    }
                }
                System.out.printf("  %-6s Vigil %,7.1f ms for %,6d points, reference %,8.1f ms for %,7d raw points, Vigil takes %.3f of the time%n",
                        range[0], median(vigil), vigilPoints, median(reference), rawPoints, median(vigil) / median(reference));
            }
        }
    }

    /**
     * The collector's writes into the embedded series store: 200 targets with 30 series each, one write of a target's 30
     * points every 15 s, for 15 minutes of data (12,000 writes, 360,000 points), timed to the store's close, which
     * finishes the minute and hour rollups. The reference is the raw points alone: the same batches merged by plain
     * JDBC into an H2 table with the same key, one transaction each, in the same process.
     */
    static void seriesWrite() throws Exception {
        int targets = 200;
        int perTarget = 30;
        int rounds = 60;
        long step = 15_000;
        long start = System.currentTimeMillis() / 60_000 * 60_000 - rounds * step;
        double[] vigil = new double[3];
        double[] reference = new double[3];
        for (int run = -1; run < vigil.length; run++) {
            Path folder = Files.createTempDirectory("vigil-series-write");
            long a = System.nanoTime();
            try (io.vigil.series.H2SeriesStore store = new io.vigil.series.H2SeriesStore(folder, io.vigil.series.Retention.defaults(),
                    java.time.Clock.systemUTC())) {
                for (int r = 0; r < rounds; r++) {
                    Instant at = Instant.ofEpochMilli(start + r * step);
                    for (int t = 0; t < targets; t++) {
                        List<Point> batch = new ArrayList<>(perTarget);
                        for (int i = 0; i < perTarget; i++) {
                            batch.add(Point.of("bench.m" + i, Map.of("target", "db" + t), at, r * 10.0 + i));
                        }
                        store.write(batch);
                    }
                }
            }
            long b = System.nanoTime();
            try (Connection plain = DriverManager.getConnection("jdbc:h2:file:" + folder.resolve("plain").toAbsolutePath(), "sa", "")) {
                try (Statement st = plain.createStatement()) {
                    st.execute("CREATE TABLE p (series_id INT, ts BIGINT, v DOUBLE, PRIMARY KEY (series_id, ts))");
                }
                plain.setAutoCommit(false);
                try (PreparedStatement merge = plain.prepareStatement("MERGE INTO p KEY (series_id, ts) VALUES (?, ?, ?)")) {
                    for (int r = 0; r < rounds; r++) {
                        for (int t = 0; t < targets; t++) {
                            for (int i = 0; i < perTarget; i++) {
                                merge.setInt(1, t * perTarget + i);
                                merge.setLong(2, start + r * step);
                                merge.setDouble(3, r * 10.0 + i);
                                merge.addBatch();
                            }
                            merge.executeBatch();
                            plain.commit();
                        }
                    }
                }
            }
            long c = System.nanoTime();
            if (run >= 0) {
                vigil[run] = (b - a) / 1e6;
                reference[run] = (c - b) / 1e6;
            }
        }
        report(String.format("series store writes: %d targets x %d series, one write per target every 15 s, %d rounds (%,d points)",
                targets, perTarget, rounds, targets * perTarget * rounds), "ms", vigil, reference);
    }

    static int readAll(Connection c, long from, long to) throws Exception {
        int n = 0;
        try (PreparedStatement ps = c.prepareStatement("SELECT series_id, ts, v FROM p WHERE series_id IN (0, 1, 2, 3, 4) AND ts >= ? AND ts < ? "
                + "ORDER BY series_id, ts")) {
            ps.setLong(1, from);
            ps.setLong(2, to);
            try (ResultSet rs = ps.executeQuery()) {
                long[] t = new long[1 << 20];
                double[] v = new double[1 << 20];
                while (rs.next()) {
                    rs.getInt(1);
                    t[n] = rs.getLong(2);
                    v[n] = rs.getDouble(3);
                    n++;
                }
            }
        }
        return n;
    }

    /**
     * How many demo targets one collector holds with every mirror and metric of the Oracle pack at 15 s: more targets
     * each round until the p99 schedule lag passes 1 s. Each demo target is a whole simulated instance (its own
     * in-memory database and a workload ticking every second) in the same JVM, so this is a lower bound.
     */
    static void capacity() throws Exception {
        io.vigil.config.Pack pack = io.vigil.config.Packs.shipped(TargetKind.ORACLE);
        List<MirrorDef> mirrors = pack.mirrorDefs().stream().map(m -> new MirrorDef(m.id(), m.name(), m.kind(), m.sql(), m.cacheTable(), 15,
                m.rowCap(), m.mode(), m.watermarkColumn(), true, "", m.minVersion())).toList();
        List<io.vigil.config.MetricDef> metrics = pack.metricDefs().stream().map(m -> new io.vigil.config.MetricDef(m.id(), m.name(), m.kind(),
                m.sql(), m.mirrors(), 60, m.type(), m.unit(), m.labelColumns(), 15, m.warn(), m.crit(), "", true, "")).toList();
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        System.out.println("collector capacity (demo): demo targets, every job of the Oracle pack at 15 s, 75 s per round");
        for (int n : new int[] {5, 10, 20, 40, 80}) {
            Path folder = Files.createTempDirectory("vigil-capacity");
            List<Target> targets = new ArrayList<>();
            for (int i = 1; i <= n; i++) {
                targets.add(new Target(i, "demo" + i, TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(), true));
            }
            java.util.concurrent.atomic.AtomicLong errors = new java.util.concurrent.atomic.AtomicLong();
            try (TargetConnections connections = new TargetConnections(new DemoOracles());
                 CacheDb cache = CacheDb.embedded(folder);
                 io.vigil.series.H2SeriesStore series = new io.vigil.series.H2SeriesStore(folder, io.vigil.series.Retention.defaults(),
                         java.time.Clock.systemUTC())) {
                InMemoryLedger ledger = new InMemoryLedger();
                io.vigil.schedule.Collector collector = new io.vigil.schedule.Collector(
                        new io.vigil.schedule.Collector.Plan(targets, mirrors, metrics, Map.of(TargetKind.ORACLE, pack.instanceStart())), connections,
                        new MirrorJob(connections, cache, ledger),
                        new io.vigil.gather.GatherJob(cache.readOnlyDataSource(), ledger,
                                Archive.queued(series, new Spool(folder.resolve("spool"), 1L << 28), points -> { }), java.time.Clock.systemUTC()),
                        cache.dataSource(), java.time.Clock.systemUTC(), io.vigil.schedule.Collector.defaultBound(), e -> {
                            if (e.status() == io.vigil.schedule.StatusEvent.Status.ERROR) {
                                errors.incrementAndGet();
                            }
                        });
                collector.start();
                Thread.sleep(15_000); // first runs, pools and demo instances start
                long cpu0 = os.getProcessCpuTime();
                long wall0 = System.nanoTime();
                int runs0 = collector.lag().count();
                Thread.sleep(60_000);
                double cpu = (os.getProcessCpuTime() - cpu0) / (double) (System.nanoTime() - wall0) * 100;
                System.gc();
                long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
                long p99 = collector.lag().percentile(99);
                System.out.printf("  %3d targets: %5d runs/min, p99 lag %5d ms, CPU %4.0f %% of one core, heap after GC %4d MB, errors %d%n", n,
                        collector.lag().count() - runs0, p99, cpu, heap, errors.get());
                collector.close();
                if (p99 >= 1000) {
                    break;
                }
            }
        }
    }

    static void report(String what, String unit, double[] vigil, double[] reference) {
        double v = median(vigil);
        double r = median(reference);
        System.out.printf("%s%n  Vigil %,.0f %s (runs %s), reference %,.0f %s (runs %s), ratio %.2f%n", what, v, unit, fmt(vigil), r, unit,
                fmt(reference), v / r);
    }

    static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s[s.length / 2];
    }

    static String fmt(double[] xs) {
        return Arrays.stream(xs).mapToObj(x -> String.format("%,.0f", x)).toList().toString();
    }
}
