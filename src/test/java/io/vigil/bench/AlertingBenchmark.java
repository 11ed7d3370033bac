package io.vigil.bench;

import io.vigil.schedule.JobKey;
import java.io.IOException;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.sun.net.httpserver.HttpServer;

import io.vigil.alert.AlertLogSource;
import io.vigil.alert.Alerting;
import io.vigil.alert.Observations;
import io.vigil.alert.RuleEngine;
import io.vigil.alert.RulePlan;
import io.vigil.config.AlertRule;
import io.vigil.config.AppDirs;
import io.vigil.config.ChannelDef;
import io.vigil.config.ChannelType;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.FirstStart;
import io.vigil.config.MetricDef;
import io.vigil.config.RuleType;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.Severity;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.schedule.LocalCollector;
import io.vigil.schedule.StatusEvent;
import io.vigil.series.Point;
import io.vigil.target.demo.DemoOracle;
import io.vigil.target.demo.DemoPressure;
import io.vigil.watch.BoardObservations;
import io.vigil.watch.JobBoard;
import io.vigil.watch.LatestValues;

/**
 * What alerting costs and how fast it tells, on a collector with 40 demo Oracle targets, every job of the Oracle pack at
 * its own interval and every default rule, wired as the console wires it ({@link io.vigil.watch.Monitoring}):
 * <ol>
 * <li>the alerting cycle's time (every {@value Alerting#PERIOD_SECONDS} s on its own thread) against the cycle period and
 * against the time the collector's mirror and metric jobs took over the same period; the rules alone, evaluated over the
 * same observations, per rule and series;</li>
 * <li>from pressing a demo instance across a rule's line to the webhook receiving the notification, against one metric
 * interval plus the rule's hold time.</li>
 * </ol>
 * Run with docs/benchmarks/run.sh alerting.
 */
final class AlertingBenchmark {

    static final int TARGETS = 40;
    static final int CYCLES = 24;
    static final int WARM_CYCLES = 6;
    static final int EVALUATIONS = 20;
    /** The hold of oracle.processes.limit during the latency runs, shortened from the pack's 120 s to keep the run short. */
    static final int SHORT_HOLD = 30;

    private AlertingBenchmark() {
    }

    /** One latency run: press a target, wait for the webhook to say the rule fires. */
    record Probe(String target, DemoPressure pressure, String rule, String metric, double level, long delayMillis) {
    }

    record Sample(Probe probe, double archivedSeconds, double notifiedSeconds) {
    }

    static void run() throws Exception {
        Path home = Files.createTempDirectory("vigil-alerting");
        AppDirs dirs = new AppDirs(home);
        Receiver receiver = new Receiver();
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            FirstStart.prepare(store); // the shipped packs with every default rule, and the first demo target
            for (int i = 2; i <= TARGETS; i++) {
                store.saveTarget(new Target(0, "demo" + i, TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(),
                        List.of(), true));
            }
            store.saveChannel(new ChannelDef(0, "receiver", ChannelType.WEBHOOK, receiver.url(), "", null, "", List.of(), Severity.WARN, 0,
                    false, true));

            // As Monitoring.start wires it, with the status events and archived points also seen here.
            JobBoard board = new JobBoard();
            LatestValues latest = new LatestValues();
            JobTime jobTime = new JobTime();
            Crossings crossings = new Crossings();
            Clock clock = Clock.systemUTC();
            LocalCollector collector = LocalCollector.start(dirs, store, LocalCollector.Stores.embedded(), clock, e -> {
                board.accept(e);
                jobTime.accept(e);
            }, points -> {
                latest.add(points);
                crossings.accept(points);
            });
            Alerting alerting = Alerting.forCollector(store, collector, new BoardObservations(board, latest, clock), clock, n -> { });
            try {
                List<Target> targets = store.targets();
                List<MetricDef> metrics = alerting.plan().metricsOf(TargetKind.DEMO_ORACLE);
                List<AlertRule> rules = alerting.plan().rulesOf(TargetKind.DEMO_ORACLE);
                System.out.printf("alerting: %d demo targets, %d mirrors and %d metrics of the Oracle pack at their own intervals, %d rules, "
                        + "a cycle every %d s%n", targets.size(), alerting.plan().mirrorsOf(TargetKind.DEMO_ORACLE).size(), metrics.size(),
                        rules.size(), Alerting.PERIOD_SECONDS);
                long t0 = System.nanoTime();
                waitForEveryMetric(board, targets, metrics, Duration.ofSeconds(180));
                System.out.printf("  every metric of every target gathered once after %.0f s%n", (System.nanoTime() - t0) / 1e9);
                cost(store, alerting, collector, board, latest, jobTime, clock);
                latency(store, alerting, collector, crossings, receiver);
            } finally {
                alerting.close();
                collector.close();
            }
        } finally {
            receiver.close();
        }
    }

    // -------------------------------------------------------------------------------------------------------------- cost

    static void cost(ConfigStore store, Alerting alerting, LocalCollector collector, JobBoard board, LatestValues latest, JobTime jobTime, Clock clock)
            throws Exception {
        ThreadMXBean threads = ManagementFactory.getThreadMXBean();
        var os = (com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean();
        long alertingThread = Thread.getAllStackTraces().keySet().stream().filter(t -> t.getName().equals("vigil-alerting")).findFirst()
                .orElseThrow().threadId();

        // The real cycles on the alerting thread: each one sets lastCycle() when it ends.
        CycleWatch watch = new CycleWatch(alerting);
        watch.next(WARM_CYCLES, Duration.ofSeconds(60));
        long jobNanos0 = jobTime.nanos.get();
        long jobRuns0 = jobTime.runs.get();
        long cpu0 = os.getProcessCpuTime();
        long alertingCpu0 = threads.getThreadCpuTime(alertingThread);
        long wall0 = System.nanoTime();
        double[] cycles = watch.next(CYCLES, Duration.ofSeconds(CYCLES * Alerting.PERIOD_SECONDS * 3L));
        double wall = (System.nanoTime() - wall0) / 1e9;
        double jobSeconds = (jobTime.nanos.get() - jobNanos0) / 1e9;
        long jobRuns = jobTime.runs.get() - jobRuns0;
        double processCpu = (os.getProcessCpuTime() - cpu0) / 1e9;
        double alertingCpu = (threads.getThreadCpuTime(alertingThread) - alertingCpu0) / 1e9;
        double jobPerCycle = jobSeconds * 1000 / (wall / Alerting.PERIOD_SECONDS);
        double cycle = Benchmarks.median(cycles);

        // The same rules over the same observations, alone: no alert-log reads, no store writes, no channels.
        RulePlan plan = alerting.plan();
        Counting seen = new Counting(new BoardObservations(board, latest, clock), plan);
        RuleEngine engine = new RuleEngine(List.of(), clock.instant());
        engine.evaluate(plan, seen, id -> false, clock.instant());
        seen.reset();
        engine.evaluate(plan, seen, id -> false, clock.instant());
        long series = seen.series();
        double[] rules = new double[Benchmarks.RUNS];
        for (int run = -1; run < Benchmarks.RUNS; run++) {
            long a = System.nanoTime();
            for (int i = 0; i < (run < 0 ? 5 * EVALUATIONS : EVALUATIONS); i++) { // a longer warm-up, for the JIT
                engine.evaluate(plan, seen, id -> false, clock.instant());
            }
            if (run >= 0) {
                rules[run] = (System.nanoTime() - a) / 1e6 / EVALUATIONS;
            }
        }
        double rulesMs = Benchmarks.median(rules);

        // The alert log's events, read from the cache as each cycle does.
        AlertLogSource source = new AlertLogSource(collector.cache().dataSource(), store, clock.instant());
        source.poll(plan, clock.instant());
        double[] polls = new double[Benchmarks.RUNS];
        for (int run = -1; run < Benchmarks.RUNS; run++) {
            long a = System.nanoTime();
            source.poll(plan, clock.instant());
            if (run >= 0) {
                polls[run] = (System.nanoTime() - a) / 1e6;
            }
        }
        double pollMs = Benchmarks.median(polls);

        System.out.printf("  %d cycles measured over %.0f s; %d alerts open at the end%n", cycles.length, wall, alerting.open().size());
        System.out.printf("  rule evaluation %.1f ms per cycle, %.2f %% of the %d s cycle and %.1f %% of the collector's job time "
                        + "(%.0f ms of mirror and metric runs per %d s, %d runs)%n", cycle, cycle / (Alerting.PERIOD_SECONDS * 10.0),
                Alerting.PERIOD_SECONDS, cycle / jobPerCycle * 100, jobPerCycle, Alerting.PERIOD_SECONDS, jobRuns);
        System.out.printf("    cycles (ms): median %.1f, p90 %.1f, longest %.1f; all %s%n", cycle, percentile(cycles, 90),
                Arrays.stream(cycles).max().orElse(0), fmt1(cycles));
        System.out.printf("    CPU: the alerting thread %.2f s of the process's %.1f s (%.2f %%)%n", alertingCpu, processCpu,
                alertingCpu / processCpu * 100);
        System.out.printf("  of which the rules alone %.2f ms for %,d series (%d targets x %d rules; %.2f us per rule and series; "
                + "runs %s), the alert log's events %.1f ms (%d targets), the rest (alert store, channels) about %.1f ms%n", rulesMs, series,
                plan.targets().size(), plan.rulesOf(TargetKind.DEMO_ORACLE).size(), rulesMs * 1000 / series, fmt2(rules), pollMs,
                plan.targets().size(), Math.max(0, cycle - rulesMs - pollMs));
    }

    // ----------------------------------------------------------------------------------------------------------- latency

    static void latency(ConfigStore store, Alerting alerting, LocalCollector collector, Crossings crossings, Receiver receiver)
            throws Exception {
        AlertRule processes = store.rules().stream().filter(r -> r.name().equals("oracle.processes.limit")).findFirst().orElseThrow();
        store.saveRule(new AlertRule(processes.id(), processes.name(), processes.kind(), processes.type(), processes.subject(),
                processes.labels(), processes.direction(), processes.warn(), processes.crit(), SHORT_HOLD, processes.recovery(),
                processes.missed(), processes.enabled(), processes.description()));
        alerting.reload();
        RulePlan plan = alerting.plan();

        List<Probe> probes = new ArrayList<>();
        ThreadLocalRandom random = ThreadLocalRandom.current();
        // Each press on its own target, a few seconds apart plus up to 5 s, so each meets the jobs and the cycle at another moment.
        for (int i = 0; i < 10; i++) {
            probes.add(new Probe("demo" + (2 + i), DemoPressure.BLOCKED_SESSIONS, "oracle.sessions.blocked_long",
                    "oracle.sessions.blocked_longest_s", 300, i * 7000L + random.nextLong(5000)));
        }
        for (int i = 0; i < 5; i++) {
            probes.add(new Probe("demo" + (20 + i), DemoPressure.NEAR_LIMITS, "oracle.processes.limit", "oracle.processes.used_pct", 80,
                    i * 11000L + random.nextLong(5000)));
        }
        System.out.printf("crossing to notification: a webhook receiver in this process, %d presses of demo instances while the collector "
                + "runs; oracle.processes.limit held %d s instead of %d s%n", probes.size(), SHORT_HOLD, processes.holdSeconds());
        List<Thread> running = new ArrayList<>();
        List<Sample> samples = java.util.Collections.synchronizedList(new ArrayList<>());
        for (Probe p : probes) {
            Target target = store.targets().stream().filter(t -> t.name().equals(p.target())).findFirst().orElseThrow();
            DemoOracle demo = collector.connections().demos().running(target.id()).orElseThrow();
            AlertRule rule = plan.rules().stream().filter(r -> r.name().equals(p.rule())).findFirst().orElseThrow();
            MetricDef metric = plan.metrics().stream().filter(m -> m.name().equals(p.metric())).findFirst().orElseThrow();
            double aim = plan.periodOf(metric) + rule.holdSeconds();
            running.add(Thread.ofVirtual().start(() -> {
                try {
                    Thread.sleep(p.delayMillis());
                    crossings.arm(p.target(), p.metric(), p.level());
                    long t0 = System.nanoTime();
                    demo.press(p.pressure());
                    Optional<Long> told = receiver.await(p.target(), p.rule(), Duration.ofSeconds((long) (aim * 4)));
                    demo.relieve(p.pressure());
                    double archived = crossings.first(p.target(), p.metric()).map(n -> (n - t0) / 1e9).orElse(Double.NaN);
                    double notified = told.map(n -> (n - t0) / 1e9).orElse(Double.NaN);
                    samples.add(new Sample(p, archived, notified));
                } catch (Exception e) {
                    System.out.printf("  %s: %s%n", p.target(), e);
                }
            }));
        }
        for (Thread t : running) {
            t.join();
        }
        for (String ruleName : new String[] {"oracle.sessions.blocked_long", "oracle.processes.limit"}) {
            AlertRule rule = plan.rules().stream().filter(r -> r.name().equals(ruleName)).findFirst().orElseThrow();
            MetricDef metric = plan.metrics().stream().filter(m -> m.name().equals(rule.subject())).findFirst().orElseThrow();
            int period = plan.periodOf(metric);
            double aim = period + rule.holdSeconds();
            List<Sample> mine = samples.stream().filter(s -> s.probe().rule().equals(ruleName))
                    .sorted(java.util.Comparator.comparing(s -> s.probe().target())).toList();
            double[] told = mine.stream().mapToDouble(Sample::notifiedSeconds).toArray();
            double[] archived = mine.stream().mapToDouble(Sample::archivedSeconds).toArray();
            double[] after = mine.stream().mapToDouble(s -> s.notifiedSeconds() - s.archivedSeconds()).toArray();
            System.out.printf("  %s (%s over %s, metric every %d s, hold %d s): median %.1f s from the press to the notification, aim %.0f s, "
                            + "ratio %.2f%n", ruleName, metric.name(), metric.mirrors(), period, rule.holdSeconds(), Benchmarks.median(told), aim,
                    Benchmarks.median(told) / aim);
            System.out.printf("    press to crossing value archived (mirror, then metric): median %.1f s, runs %s%n", Benchmarks.median(archived),
                    fmt1(archived));
            System.out.printf("    archived to notification received (hold, cycle, delivery): median %.1f s, runs %s%n", Benchmarks.median(after),
                    fmt1(after));
            System.out.printf("    press to notification: runs %s%n", fmt1(told));
        }
    }

    // ------------------------------------------------------------------------------------------------------------- parts

    static void waitForEveryMetric(JobBoard board, List<Target> targets, List<MetricDef> metrics, Duration limit) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (true) {
            long missing = 0;
            for (Target t : targets) {
                for (MetricDef m : metrics) {
                    if (board.job(t.id(), JobKey.metric(m.name())).map(j -> j.lastOk() == null).orElse(true)) {
                        missing++;
                    }
                }
            }
            if (missing == 0) {
                return;
            }
            if (System.nanoTime() > end) {
                System.out.printf("  still %d metric runs without a value after %d s; measuring anyway%n", missing, limit.toSeconds());
                return;
            }
            Thread.sleep(1000);
        }
    }

    /** The time the collector's mirror and metric runs took, summed (they overlap: up to 32 run at once). */
    static final class JobTime implements Consumer<StatusEvent> {
        final AtomicLong nanos = new AtomicLong();
        final AtomicLong runs = new AtomicLong();

        @Override
        public void accept(StatusEvent e) {
            if (!e.job().isConnect()) {
                nanos.addAndGet(e.took().toNanos());
                runs.incrementAndGet();
            }
        }
    }

    /** Each real cycle's time, read from {@link Alerting#lastCycle()} when it changes. */
    static final class CycleWatch {
        private final Alerting alerting;
        private Duration last;

        CycleWatch(Alerting alerting) {
            this.alerting = alerting;
            this.last = alerting.lastCycle();
        }

        double[] next(int count, Duration limit) throws InterruptedException {
            double[] out = new double[count];
            long end = System.nanoTime() + limit.toNanos();
            int n = 0;
            while (n < count && System.nanoTime() < end) {
                Thread.sleep(50);
                Duration now = alerting.lastCycle();
                if (!now.equals(last)) {
                    out[n++] = now.toNanos() / 1e6;
                    last = now;
                }
            }
            return Arrays.copyOf(out, n);
        }
    }

    /** When the first point at or over a level was archived for a target's metric, once armed. */
    static final class Crossings implements Consumer<List<Point>> {
        private final Map<String, Double> armed = new ConcurrentHashMap<>();
        private final Map<String, Long> first = new ConcurrentHashMap<>();

        void arm(String target, String metric, double level) {
            armed.put(target + "|" + metric, level);
        }

        Optional<Long> first(String target, String metric) {
            return Optional.ofNullable(first.get(target + "|" + metric));
        }

        @Override
        public void accept(List<Point> points) {
            if (armed.isEmpty()) {
                return;
            }
            long now = System.nanoTime();
            for (Point p : points) {
                String key = p.tags().getOrDefault("target", "") + "|" + p.metric();
                Double level = armed.get(key);
                if (level != null && p.value() >= level) {
                    first.putIfAbsent(key, now);
                }
            }
        }
    }

    /** The rules' observations, counting the series they look at: threshold series, metrics and mirrors, targets and events. */
    static final class Counting implements Observations {
        private final Observations inner;
        private final long perTarget;
        private final AtomicLong series = new AtomicLong();

        Counting(Observations inner, RulePlan plan) {
            this.inner = inner;
            this.perTarget = plan.rulesOf(TargetKind.DEMO_ORACLE).stream()
                    .filter(r -> r.type() == RuleType.TARGET_DOWN || r.type() == RuleType.EVENT).count();
        }

        void reset() {
            series.set(0);
        }

        long series() {
            return series.get();
        }

        @Override
        public boolean down(long targetId) {
            series.addAndGet(perTarget);
            return inner.down(targetId);
        }

        @Override
        public String downReason(long targetId) {
            return inner.downReason(targetId);
        }

        @Override
        public Optional<Instant> lastOk(long targetId, JobKey job) {
            series.incrementAndGet(); // one per metric (no data) or mirror (stale) evaluated
            return inner.lastOk(targetId, job);
        }

        @Override
        public boolean skipped(long targetId, JobKey job) {
            return inner.skipped(targetId, job);
        }

        @Override
        public List<Point> latest(String targetName, String metric) {
            List<Point> points = inner.latest(targetName, metric);
            series.addAndGet(points.size());
            return points;
        }
    }

    /** A webhook receiver: when the first FIRING of each target's rule arrived. */
    static final class Receiver implements AutoCloseable {
        private static final ObjectMapper JSON = new ObjectMapper();
        private final HttpServer server;
        private final Map<String, Long> firing = new ConcurrentHashMap<>();

        Receiver() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/hook", exchange -> {
                long at = System.nanoTime();
                try (InputStream in = exchange.getRequestBody()) {
                    JsonNode body = JSON.readTree(in);
                    for (JsonNode a : body.path("alerts")) {
                        if (a.path("kind").asText().equals("FIRING")) {
                            firing.putIfAbsent(body.path("target").asText() + "|" + a.path("rule").asText(), at);
                        }
                    }
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.setExecutor(java.util.concurrent.Executors.newVirtualThreadPerTaskExecutor());
            server.start();
        }

        String url() {
            return "http://127.0.0.1:" + server.getAddress().getPort() + "/hook";
        }

        Optional<Long> await(String target, String rule, Duration limit) throws InterruptedException {
            long end = System.nanoTime() + limit.toNanos();
            String key = target + "|" + rule;
            while (System.nanoTime() < end) {
                Long at = firing.get(key);
                if (at != null) {
                    return Optional.of(at);
                }
                Thread.sleep(20);
            }
            return Optional.empty();
        }

        @Override
        public void close() {
            server.stop(0);
        }
    }

    static double percentile(double[] xs, int p) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length == 0 ? Double.NaN : s[Math.min(s.length - 1, (int) Math.ceil(s.length * p / 100.0) - 1)];
    }

    static String fmt1(double[] xs) {
        return Arrays.stream(xs).mapToObj(x -> String.format("%.1f", x)).toList().toString();
    }

    static String fmt2(double[] xs) {
        return Arrays.stream(xs).mapToObj(x -> String.format("%.2f", x)).toList().toString();
    }
}
