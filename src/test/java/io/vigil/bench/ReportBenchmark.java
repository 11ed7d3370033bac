package io.vigil.bench;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.report.HealthReport;
import io.vigil.report.HtmlReport;
import io.vigil.report.ReportBuilder;
import io.vigil.report.ReportSeed;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Retention;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Health report generation: TARGETS Oracle targets with a week of points each, written through the series store's API
 * (space, backups and accounts at the pack's 5 and 15 minutes, load and the heartbeat every FAST seconds: the pack's
 * 15 s by default), then one report per target, timed, with its file size.
 * Arguments: [targets (40)] [fast step in seconds (15)].
 */
public final class ReportBenchmark {

    public static void main(String[] args) throws Exception {
        int targets = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        long fast = args.length > 1 ? Long.parseLong(args[1]) : 15;
        Instant now = Instant.now();
        Path folder = Files.createTempDirectory("vigil-report-bench");
        try (H2SeriesStore series = new H2SeriesStore(folder.resolve("series"), Retention.defaults(), Clock.systemUTC());
             ConfigStore store = ConfigStores.open(StoreLocation.embedded(), new AppDirs(folder.resolve("home")),
                     SecretBox.fromKeyFile(new AppDirs(folder.resolve("home"))))) {
            long seedStart = System.nanoTime();
            for (int i = 0; i < targets; i++) {
                new ReportSeed(series, "db" + i, now.minusSeconds(1), Duration.ofDays(7)).oracleWeek(Duration.ofSeconds(fast));
            }
            System.out.printf(Locale.ROOT, "seeded %d targets x 7 days (fast step %d s) in %.1f s%n", targets, fast,
                    (System.nanoTime() - seedStart) / 1e9);
            ReportBuilder builder = new ReportBuilder(series, store.alerts(), null, Clock.systemUTC(), "bench", ZoneOffset.UTC);
            Messages en = new Messages(Locale.ENGLISH);
            // warm-up: two reports not counted
            for (int i = 0; i < Math.min(2, targets); i++) {
                builder.build(target(i), now.minus(Duration.ofDays(7)), now, en);
            }
            List<Double> millis = new ArrayList<>();
            long bytes = 0;
            long all = System.nanoTime();
            for (int i = 0; i < targets; i++) {
                long t0 = System.nanoTime();
                HealthReport r = builder.build(target(i), now.minus(Duration.ofDays(7)), now, en);
                Path file = folder.resolve("db" + i + ".html");
                HtmlReport.write(r, file);
                millis.add((System.nanoTime() - t0) / 1e6);
                bytes += Files.size(file);
            }
            double total = (System.nanoTime() - all) / 1e9;
            millis.sort(Double::compare);
            System.out.printf(Locale.ROOT, "%d reports in %.1f s: median %.0f ms, max %.0f ms per report; mean file %.0f KB%n", targets, total,
                    millis.get(millis.size() / 2), millis.getLast(), bytes / 1024.0 / targets);
        }
    }

    private static Target target(int i) {
        return new Target(i + 1, "db" + i, TargetKind.ORACLE, "db" + i + ".example.com", 1521, ConnectBy.SERVICE_NAME, "ORCL", "", "vigil",
                Secret.empty(), List.of(), true);
    }
}
