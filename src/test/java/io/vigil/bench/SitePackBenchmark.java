package io.vigil.bench;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;

import io.vigil.config.AlertChange;
import io.vigil.config.AlertKey;
import io.vigil.config.AlertState;
import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.EventType;
import io.vigil.config.MetricDef;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.Severity;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.VigilEvent;
import io.vigil.mirror.CacheDb;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Point;
import io.vigil.series.RangeQuery;
import io.vigil.series.Retention;
import io.vigil.sitepack.PackManifest;
import io.vigil.sitepack.PackMonitoring;
import io.vigil.sitepack.PackRequest;
import io.vigil.sitepack.PackSource;
import io.vigil.sitepack.SitePackWriter;
import io.vigil.testsupport.SettableClock;

/**
 * What a site pack weighs and costs: a data folder seeded as a week of collecting from demo Oracle targets would leave it
 * (the embedded series store fed in time order with its retention running, so the last two days are raw points and the
 * days before minute rollups; cache snapshots; alert history and events), then a pack of the week written and opened.
 * The reference is a plain zip of the same data folder's store files, and its unzip, in the same process.
 * Arguments: targets (40) and days (7).
 */
public final class SitePackBenchmark {

    private static final Instant END = Instant.parse("2026-03-08T00:00:00Z");

    private SitePackBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int targets = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int days = args.length > 1 ? Integer.parseInt(args[1]) : 7;
        Path dir = Files.createTempDirectory("vigil-sitepack-bench");
        Path home = dir.resolve("site");
        SettableClock clock = new SettableClock(END.minus(Duration.ofDays(days)));
        AppDirs dirs = new AppDirs(home);
        try (ConfigStore config = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
             H2SeriesStore series = new H2SeriesStore(home.resolve("series"), Retention.defaults(), clock);
             CacheDb cache = CacheDb.embedded(home.resolve("cache"))) {
            Packs.installMissing(config);
            List<Target> all = new ArrayList<>();
            for (int i = 0; i < targets; i++) {
                all.add(config.saveTarget(new Target(0, String.format("demo-%02d", i), TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME,
                        "", "", "", Secret.empty(), List.of("bench"), true)));
            }
            List<String> metrics = config.metrics().stream().filter(m -> m.kind() == TargetKind.ORACLE).map(MetricDef::name).limit(50).toList();
            long t0 = System.nanoTime();
            long points = seedSeries(series, clock, all, metrics, days);
            System.out.printf("seeded %,d points for %d targets × %d days in %.0f s%n", points, targets, days, (System.nanoTime() - t0) / 1e9);
            seedCache(cache, all);
            seedAlerts(config, all, days);

            Path pack = dir.resolve("site.vigil");
            PackRequest request = new PackRequest("bench", END.minus(Duration.ofDays(days)), END, List.of());
            long w0 = System.nanoTime();
            PackManifest m = new SitePackWriter(clock).write(new PackSource(config, series, cache, null, List.of()), request, pack,
                    PackRequest.Progress.none());
            double write = (System.nanoTime() - w0) / 1e9;
            long size = Files.size(pack);

            long o0 = System.nanoTime();
            int shown;
            try (PackMonitoring opened = PackMonitoring.open(pack)) {
                shown = opened.snapshot().targets().size();
                opened.series().query(new RangeQuery(metrics.getFirst(), Map.of("target", "demo-00"), request.from(), request.to(), 1000));
            }
            double open = (System.nanoTime() - o0) / 1e9;

            Path plain = dir.resolve("plain.zip");
            long z0 = System.nanoTime();
            long folderBytes = zip(home, plain);
            double zipped = (System.nanoTime() - z0) / 1e9;
            long u0 = System.nanoTime();
            unzip(plain, dir.resolve("unzipped"));
            double unzipped = (System.nanoTime() - u0) / 1e9;

            double targetDays = (double) targets * days;
            System.out.printf("pack: %d targets, %d entries, %,d bytes = %.0f KB per target-day (data folder %,d bytes, plain zip %,d)%n",
                    m.targets().size(), m.entries().size(), size, size / 1024.0 / targetDays, folderBytes, Files.size(plain));
            System.out.printf("write: %.1f s (plain zip of the data folder %.1f s, ratio %.1fx)%n", write, zipped, write / zipped);
            System.out.printf("open:  %.1f s to the first snapshot of %d targets and a week's trend (plain unzip %.1f s, ratio %.1fx)%n",
                    open, shown, unzipped, open / unzipped);
        } finally {
            try (Stream<Path> all = Files.walk(dir)) {
                all.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
    }

    // In time order, a batch per hour, the clock following, so retention thins old raw points as it does while collecting:
    // a tenth of the series every 15 s, two fifths a minute, the rest every 5 minutes (the Oracle pack's intervals).
    private static long seedSeries(H2SeriesStore series, SettableClock clock, List<Target> targets, List<String> metrics, int days) {
        long count = 0;
        Instant start = END.minus(Duration.ofDays(days));
        for (Instant hour = start; hour.isBefore(END); hour = hour.plus(Duration.ofHours(1))) {
            boolean raw = !hour.isBefore(END.minus(Duration.ofDays(2)));
            List<Point> batch = new ArrayList<>();
            for (Target t : targets) {
                for (int k = 0; k < metrics.size(); k++) {
                    int every = k < metrics.size() / 10 ? 15 : k < metrics.size() / 2 ? 60 : 300;
                    if (!raw) {
                        every = Math.max(every, 60); // older than two days the store keeps minute rollups only
                    }
                    for (int s = 0; s < 3600; s += every) {
                        Instant at = hour.plusSeconds(s);
                        batch.add(Point.of(metrics.get(k), Map.of("target", t.name()), at, 50 + 40 * Math.sin(at.getEpochSecond() / 3600.0 + k)));
                    }
                }
            }
            clock.set(hour.plus(Duration.ofHours(1)));
            series.write(batch);
            count += batch.size();
        }
        return count;
    }

    private static void seedCache(CacheDb cache, List<Target> targets) throws SQLException {
        try (Connection c = cache.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE `ora_session` (`target_id` BIGINT NOT NULL, `sid` BIGINT, `username` VARCHAR(128), `status` VARCHAR(16), "
                    + "`wait_class` VARCHAR(64), `event` VARCHAR(128), `sql_id` VARCHAR(16), `logon_time` DATETIME(3))");
            s.execute("CREATE TABLE `ora_sysstat` (`target_id` BIGINT NOT NULL, `statistic_no` BIGINT, `name` VARCHAR(128), `value` DECIMAL(38,8))");
            s.execute("CREATE TABLE `ora_top_sql` (`target_id` BIGINT NOT NULL, `sql_id` VARCHAR(16), `elapsed_s` DOUBLE, `executions` BIGINT, "
                    + "`sql_text` LONGTEXT)");
            c.setAutoCommit(false);
            try (PreparedStatement session = c.prepareStatement("INSERT INTO `ora_session` VALUES (?, ?, ?, ?, ?, ?, ?, ?)");
                 PreparedStatement stat = c.prepareStatement("INSERT INTO `ora_sysstat` VALUES (?, ?, ?, ?)");
                 PreparedStatement sql = c.prepareStatement("INSERT INTO `ora_top_sql` VALUES (?, ?, ?, ?, ?)")) {
                for (Target t : targets) {
                    for (int i = 0; i < 80; i++) {
                        session.setLong(1, t.id());
                        session.setLong(2, i);
                        session.setString(3, "APP_" + (i % 7));
                        session.setString(4, i % 3 == 0 ? "ACTIVE" : "INACTIVE");
                        session.setString(5, i % 4 == 0 ? "User I/O" : "Idle");
                        session.setString(6, "db file sequential read");
                        session.setString(7, "a" + Integer.toHexString(i * 7919));
                        session.setObject(8, java.time.LocalDateTime.of(2026, 3, 7, 8, 0).plusMinutes(i));
                        session.addBatch();
                    }
                    for (int i = 0; i < 600; i++) {
                        stat.setLong(1, t.id());
                        stat.setLong(2, i);
                        stat.setString(3, "statistic number " + i);
                        stat.setBigDecimal(4, java.math.BigDecimal.valueOf(i * 1_000_003L));
                        stat.addBatch();
                    }
                    for (int i = 0; i < 200; i++) {
                        sql.setLong(1, t.id());
                        sql.setString(2, "q" + Integer.toHexString(i * 104_729));
                        sql.setDouble(3, i * 1.5);
                        sql.setLong(4, i * 100L);
                        sql.setString(5, "SELECT o.order_id, c.name FROM orders o JOIN customers c ON c.id = o.customer_id WHERE o.status = :b"
                                + i + " ORDER BY o.created DESC");
                        sql.addBatch();
                    }
                    session.executeBatch();
                    stat.executeBatch();
                    sql.executeBatch();
                }
            }
            c.commit();
        }
    }

    private static void seedAlerts(ConfigStore config, List<Target> targets, int days) {
        List<AlertChange> changes = new ArrayList<>();
        List<VigilEvent> events = new ArrayList<>();
        for (Target t : targets) {
            for (int i = 0; i < 20 * days; i++) {
                Instant at = END.minus(Duration.ofMinutes(37L * i + t.id()));
                AlertKey key = new AlertKey("oracle.cpu.busy", t.id(), "");
                changes.add(new AlertChange(0, key, t.name(), AlertState.OK, AlertState.FIRING, Severity.WARN, 91.0, at, "CPU 91 %"));
                events.add(new VigilEvent(0, t.id(), t.name(), at, EventType.ALERT_LOG, "OTHER", Severity.INFO, "",
                        "Thread 1 advanced to log sequence " + i + " (LGWR switch)"));
            }
        }
        config.alerts().apply(List.of(), List.of(), changes);
        config.alerts().addEvents(events);
    }

    private static long zip(Path folder, Path out) throws IOException {
        long bytes = 0;
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(out)); Stream<Path> files = Files.walk(folder)) {
            for (Path f : files.filter(p -> p.toString().endsWith(".mv.db")).toList()) {
                zip.putNextEntry(new ZipEntry(folder.relativize(f).toString()));
                bytes += Files.copy(f, zip);
                zip.closeEntry();
            }
        }
        return bytes;
    }

    private static void unzip(Path zip, Path to) throws IOException {
        Files.createDirectories(to);
        try (ZipInputStream in = new ZipInputStream(Files.newInputStream(zip))) {
            int n = 0;
            for (ZipEntry e; (e = in.getNextEntry()) != null; ) {
                try (OutputStream out = Files.newOutputStream(to.resolve("entry-" + n++))) {
                    in.transferTo(out);
                }
            }
        }
    }
}
