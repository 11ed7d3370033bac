package io.vigil.bench;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

import io.vigil.config.ConnectBy;
import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.Pack;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.gather.Archive;
import io.vigil.gather.GatherJob;
import io.vigil.gather.Spool;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.schedule.Collector;
import io.vigil.schedule.StatusEvent;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Retention;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.testsupport.JdbcServer;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/**
 * How many real targets one collector holds with every mirror and metric of the MySQL or PostgreSQL pack at 15 s,
 * keeping the p99 schedule lag under 1 s. Sources that burn no collector CPU: a private MariaDB and a private
 * PostgreSQL (started with room for the connections), one database per logical target. Each round runs its collector
 * in a fresh JVM (so CPU and heap are the collector's own): 15 s warm-up, then the measured window. Prints, per round,
 * targets, job runs per minute, p99 lag, the collector process's CPU, heap after GC, errors and the load average, and
 * where the time went (waiting for the target's slot or the global bound, running; pull, cache, ledger, pick,
 * archive; pool waits). Then one collector against two, each with half of the targets, in separate JVMs.
 *
 * <pre>
 * run.sh capacity                                   every source and cache at 40, 80, 160, 300; split at 160
 * run.sh capacity mysql:mariadb:80,160,300 ...      chosen rounds: source:cache:counts
 * run.sh capacity split mysql:mariadb:160           only one collector against two at that count
 * </pre>
 */
public final class CapacityBenchmark {

    static final int WARMUP_SECONDS = Integer.getInteger("vigil.capacity.warmup", 15);
    static final int MEASURE_SECONDS = Integer.getInteger("vigil.capacity.measure", 60);
    static final String USER = "vcap";
    static final String PASSWORD = "vcap-Bench-1";

    private CapacityBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length > 0 && args[0].equals("child")) {
            child(args);
            System.exit(0);
        }
        List<String> rounds = new ArrayList<>();
        String split = null;
        for (int i = 0; i < args.length; i++) {
            if (args[i].equals("split")) {
                split = args[++i];
            } else {
                rounds.add(args[i]);
            }
        }
        if (rounds.isEmpty() && split == null) {
            rounds = List.of("mysql:mariadb:40,80,160,300", "mysql:h2:40,80,160,300", "postgres:mariadb:40,80,160,300",
                    "postgres:h2:40,80,160,300");
            split = "mysql:mariadb:160";
        }
        run(rounds, split);
        System.exit(0);
    }

    static void run(List<String> rounds, String split) throws Exception {
        Map<String, Sources> sources = new LinkedHashMap<>();
        System.out.printf("collector capacity: real targets (one database each), every job of the pack at 15 s, %d s warm-up + %d s measured,"
                + " %d cores%n", WARMUP_SECONDS, MEASURE_SECONDS, Runtime.getRuntime().availableProcessors());
        try {
            for (String round : rounds) {
                String[] p = round.split(":");
                int max = java.util.Arrays.stream(p[2].split(",")).mapToInt(Integer::parseInt).max().orElseThrow();
                Sources s = sources.computeIfAbsent(p[0], k -> new Sources(k));
                s.ensure(max);
                for (String n : p[2].split(",")) {
                    Result r = round(s, p[1], 1, Integer.parseInt(n), 1, "");
                    if (r.p99() >= 1000) {
                        System.out.println("  (over 1 s: larger counts of this kind skipped)");
                        break;
                    }
                }
            }
            if (split != null) {
                String[] p = split.split(":");
                int n = Integer.parseInt(p[2]);
                Sources s = sources.computeIfAbsent(p[0], k -> new Sources(k));
                s.ensure(n);
                System.out.printf("one collector against two (separate JVMs, half of the %d targets each), %s source, %s cache%n", n, p[0], p[1]);
                Result one = round(s, p[1], 1, n, 1, "");
                Result[] two = round2(s, p[1], n);
                boolean oneHolds = one.p99() < 1000;
                boolean twoHold = two[0].p99() < 1000 && two[1].p99() < 1000;
                System.out.printf("  one collector: %d targets, p99 %d ms, %,d runs/min%n", n, one.p99(), one.runsPerMinute());
                System.out.printf("  two collectors: %d + %d targets, p99 %d / %d ms, %,d runs/min together%n", n / 2, n - n / 2, two[0].p99(), two[1].p99(),
                        two[0].runsPerMinute() + two[1].runsPerMinute());
                System.out.printf("  job runs ratio two/one %.2f; targets held at p99 < 1 s: one %d, two %d%n",
                        (two[0].runsPerMinute() + two[1].runsPerMinute()) / (double) Math.max(1, one.runsPerMinute()), oneHolds ? n : 0,
                        twoHold ? n : 0);
            }
        } finally {
            sources.values().forEach(Sources::close);
        }
    }

    /** The private servers and the per-target databases of one source kind. */
    static final class Sources implements AutoCloseable {
        final String kind;
        final JdbcServer server;
        final JdbcServer cacheServer;
        TestDatabase cacheDb;
        int made;

        Sources(String kind) {
            this.kind = kind;
            try {
                if (kind.equals("mysql")) {
                    server = maria();
                } else {
                    server = RealServices.privatePostgres("max_connections=1200", "shared_buffers=64MB");
                    try (Connection c = server.adminConnection(); Statement s = c.createStatement()) {
                        s.execute("CREATE ROLE " + USER + " LOGIN PASSWORD '" + PASSWORD + "' IN ROLE pg_monitor");
                    }
                }
                cacheServer = maria();
            } catch (java.sql.SQLException e) {
                throw new IllegalStateException(e);
            }
        }

        // One private MariaDB per benchmark JVM: the MySQL sources and every MariaDB cache. (A second one would be
        // started in the same folder, named by the process id, and wipe the first one's files.)
        private static JdbcServer maria;

        static synchronized JdbcServer maria() throws java.sql.SQLException {
            if (maria == null) {
                maria = RealServices.privateMariadb();
                try (Connection c = maria.adminConnection(); Statement s = c.createStatement()) {
                    s.execute("SET GLOBAL max_connections = 2000");
                    for (String host : List.of("localhost", "127.0.0.1")) {
                        s.execute("CREATE USER '" + USER + "'@'" + host + "' IDENTIFIED BY '" + PASSWORD + "'");
                        s.execute("GRANT SELECT, PROCESS, REPLICATION CLIENT, SLAVE MONITOR ON *.* TO '" + USER + "'@'" + host + "'");
                    }
                }
            }
            return maria;
        }

        void ensure(int n) throws Exception {
            try (Connection c = server.adminConnection(); Statement s = c.createStatement()) {
                for (int i = made + 1; i <= n; i++) {
                    if (kind.equals("mysql")) {
                        s.execute("CREATE DATABASE cap" + i);
                        s.execute("CREATE TABLE cap" + i + ".t (id INT PRIMARY KEY, v VARCHAR(20))");
                    } else {
                        s.execute("CREATE DATABASE cap" + i + " OWNER " + USER);
                    }
                }
            }
            made = Math.max(made, n);
        }

        /** A fresh cache database for the next round(s): every round starts with an empty cache. */
        void freshCache() {
            if (cacheDb != null) {
                cacheDb.close();
            }
            cacheDb = cacheServer.createDatabase("vcache");
        }

        @Override
        public void close() {
            if (cacheDb != null) {
                cacheDb.close();
            }
        }
    }

    record Result(int targets, long runsPerMinute, long p99, String line) {
    }

    /** One collector over targets first..last in a fresh JVM; prints its report and returns the figures. */
    static Result round(Sources s, String cache, int first, int last, int collectors, String label) throws Exception {
        s.freshCache();
        Process p = child(s, cache, first, last);
        return collect(p, label, true);
    }

    static Result[] round2(Sources s, String cache, int n) throws Exception {
        s.freshCache();
        Process a = child(s, cache, 1, n / 2);
        Process b = child(s, cache, n / 2 + 1, n);
        Result ra = collect(a, "  [collector A] ", false);
        Result rb = collect(b, "  [collector B] ", false);
        System.out.print(ra.line().replaceAll("(?m)^", "  A "));
        System.out.print(rb.line().replaceAll("(?m)^", "  B "));
        return new Result[] {ra, rb};
    }

    static Process child(Sources s, String cache, int first, int last) throws Exception {
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        List<String> cmd = new ArrayList<>(List.of(java, "-Xmx1g", "-XX:+UseG1GC", "-cp", System.getProperty("java.class.path")));
        for (String prop : List.of("vigil.capacity.warmup", "vigil.capacity.measure", "vigil.collector.bound", "vigil.capacity.series")) {
            if (System.getProperty(prop) != null) {
                cmd.add("-D" + prop + "=" + System.getProperty(prop));
            }
        }
        cmd.addAll(List.of(CapacityBenchmark.class.getName(), "child", s.kind, s.server.host(), String.valueOf(s.server.port()),
                String.valueOf(first), String.valueOf(last), cache, s.cacheDb.jdbcUrl(), s.cacheDb.user(), s.cacheDb.password()));
        return new ProcessBuilder(cmd).redirectErrorStream(true).start();
    }

    static Result collect(Process p, String label, boolean echo) throws Exception {
        StringBuilder out = new StringBuilder();
        Result r = null;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.startsWith("RESULT ")) {
                    String[] f = line.split(" ");
                    r = new Result(Integer.parseInt(f[1]), Long.parseLong(f[2]), Long.parseLong(f[3]), "");
                } else if (line.startsWith("  ") || line.startsWith("round")) {
                    out.append(line).append('\n');
                    if (echo) {
                        System.out.println(label + line);
                    }
                }
            }
        }
        p.waitFor();
        if (r == null) {
            System.out.println(label + "the collector JVM ended without a result:\n" + out);
            return new Result(0, 0, Long.MAX_VALUE, out.toString());
        }
        return new Result(r.targets(), r.runsPerMinute(), r.p99(), out.toString());
    }

    // ---- the collector JVM ----

    static void child(String[] a) throws Exception {
        String kind = a[1];
        String host = a[2];
        int port = Integer.parseInt(a[3]);
        int first = Integer.parseInt(a[4]);
        int last = Integer.parseInt(a[5]);
        String cacheKind = a[6];
        TargetKind tk = kind.equals("mysql") ? TargetKind.MYSQL : TargetKind.POSTGRES;
        Pack pack = Packs.shipped(tk);
        List<MirrorDef> mirrors = pack.mirrorDefs().stream().map(m -> new MirrorDef(m.id(), m.name(), m.kind(), m.sql(), m.cacheTable(), 15,
                m.rowCap(), m.mode(), m.watermarkColumn(), true, "", m.minVersion(), m.variants(), m.columns(), m.licence())).toList();
        List<MetricDef> metrics = pack.metricDefs().stream().map(m -> new MetricDef(m.id(), m.name(), m.kind(), m.sql(), m.mirrors(),
                Math.max(60, m.freshnessSeconds()), m.type(), m.unit(), m.labelColumns(), 15, m.warn(), m.crit(), "", true, "")).toList();
        List<Target> targets = new ArrayList<>();
        for (int i = first; i <= last; i++) {
            targets.add(new Target(i, "cap" + i, tk, host, port, ConnectBy.DATABASE, "cap" + i, "", USER, Secret.of(PASSWORD), List.of(), true));
        }
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        Path folder = Files.createTempDirectory("vigil-capacity");
        AtomicLong errors = new AtomicLong();
        AtomicReference<String> firstError = new AtomicReference<>();
        int bound = Integer.getInteger("vigil.collector.bound", 0);
        try (TargetConnections connections = new TargetConnections(new DemoOracles());
             CacheDb cache = cacheKind.equals("h2") ? CacheDb.embedded(folder) : CacheDb.mysql(a[7], a[8], Secret.of(a[9]));
             H2SeriesStore series = new H2SeriesStore(folder, Retention.defaults(), Clock.systemUTC())) {
            InMemoryLedger ledger = new InMemoryLedger();
            MirrorJob mirrorJob = new MirrorJob(connections, cache, ledger);
            io.vigil.config.PhaseTimes storeTimes = new io.vigil.config.PhaseTimes();
            AtomicLong points = new AtomicLong();
            boolean noSeries = "none".equals(System.getProperty("vigil.capacity.series"));
            io.vigil.series.SeriesStore timed = new io.vigil.series.SeriesStore() {
                @Override
                public void write(List<io.vigil.series.Point> batch) {
                    long t = System.nanoTime();
                    if (!noSeries) {
                        series.write(batch);
                    }
                    storeTimes.since("series store: write (in the archive's lock)", t);
                    points.addAndGet(batch.size());
                }

                @Override
                public List<io.vigil.series.Series> query(io.vigil.series.RangeQuery query) {
                    return series.query(query);
                }

                @Override
                public String location() {
                    return series.location();
                }

                @Override
                public void close() {
                }
            };
            GatherJob gatherJob = new GatherJob(cache.readOnlyDataSource(), ledger, Archive.queued(timed, new Spool(folder.resolve("spool"), 1L << 28),
                    points2 -> { }), Clock.systemUTC());
            Collector collector = new Collector(new Collector.Plan(targets, mirrors, metrics, Map.of(tk, pack.instanceStart())), connections,
                    mirrorJob, gatherJob, cache.dataSource(), Clock.systemUTC(), bound > 0 ? bound : Collector.defaultBound(), e -> {
                        if (e.status() == StatusEvent.Status.ERROR) {
                            errors.incrementAndGet();
                            firstError.compareAndSet(null, e.job() + ": " + e.reason());
                        }
                    });
            collector.start();
            Thread.sleep(WARMUP_SECONDS * 1000L);
            collector.times().reset();
            mirrorJob.times().reset();
            gatherJob.times().reset();
            storeTimes.reset();
            long points0 = points.get();
            long errors0 = errors.get();
            long cpu0 = os.getProcessCpuTime();
            long wall0 = System.nanoTime();
            int runs0 = collector.lag().count();
            long[] lag0 = collector.lag().mark();
            Thread.sleep(MEASURE_SECONDS * 1000L);
            long wallNanos = System.nanoTime() - wall0;
            double cpu = (os.getProcessCpuTime() - cpu0) / (double) wallNanos * 100;
            long runs = collector.lag().count() - runs0;
            long p99 = collector.lag().percentileSince(99, lag0);
            long p50 = collector.lag().percentileSince(50, lag0);
            long errs = errors.get() - errors0;
            System.gc();
            long heap = (Runtime.getRuntime().totalMemory() - Runtime.getRuntime().freeMemory()) / (1024 * 1024);
            double load = os.getSystemLoadAverage();
            long perMinute = Math.round(runs * 60e9 / wallNanos);
            int n = last - first + 1;
            System.out.printf(Locale.ROOT, "round %s source, %s cache, %d targets: %,d runs/min, p50 lag %d ms, p99 lag %d ms, CPU %.0f %% of one core,"
                    + " heap after GC %d MB, errors %d, load %.2f%n", kind, cacheKind, n, perMinute, p50, p99, cpu, heap, errs, load);
            if (firstError.get() != null) {
                System.out.println("  first error: " + firstError.get().lines().findFirst().orElse(""));
            }
            System.out.println("  where the time went (summed over jobs; ms per run, share of the measured wall time x cores):");
            double budget = wallNanos / 1e6 * Runtime.getRuntime().availableProcessors();
            System.out.printf(Locale.ROOT, "  points archived: %,d per minute%s%n", Math.round((points.get() - points0) * 60e9 / wallNanos),
                    noSeries ? " (series store left out: -Dvigil.capacity.series=none)" : "");
            for (var times : List.of(collector.times().snapshot(), mirrorJob.times().snapshot(), gatherJob.times().snapshot(), storeTimes.snapshot())) {
                times.forEach((phase, v) -> System.out.printf(Locale.ROOT, "    %-46s %9d ms over %7d = %7.2f ms each, %5.1f %%%n", phase, v[0], v[1],
                        v[1] == 0 ? 0.0 : v[0] / (double) v[1], v[0] / budget * 100));
            }
            System.out.printf("RESULT %d %d %d%n", n, perMinute, p99);
            collector.close();
        }
    }
}
