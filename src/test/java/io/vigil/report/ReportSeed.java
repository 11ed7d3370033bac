package io.vigil.report;

import io.vigil.series.Point;
import io.vigil.series.SeriesStore;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleUnaryOperator;

/**
 * A week of known points of an Oracle target written through the series store's API: APP_DATA grows 1.2 GB a day and
 * is 91 % full at the end (full in 6 days), USERS is flat, a third tablespace has a hostile name; load, backups,
 * passwords and invalid objects. The report's tests and its benchmark seed with it.
 */
public final class ReportSeed {

    public static final double GB = 1024.0 * 1024 * 1024;
    public static final String HOSTILE = "<script>alert('x')</script>";

    private final SeriesStore store;
    private final String target;
    private final Instant now;
    private final Duration back;
    private final List<Point> batch = new ArrayList<>();

    public ReportSeed(SeriesStore store, String target, Instant now, Duration back) {
        this.store = store;
        this.target = target;
        this.now = now;
        this.back = back;
    }

    /** Writes the week; {@code fast} is the step of the every-cycle figures (the pack's 15 s, or 5 min to save time). */
    public void oracleWeek(Duration fast) {
        long f = fast.toSeconds();
        // space at the pack's 300 s
        series("oracle.tablespace.used_bytes", ts("APP_DATA"), 300, d -> 64.4 * GB + 1.2 * GB * d + 0.02 * GB * Math.sin(d * 37));
        series("oracle.tablespace.size_bytes", ts("APP_DATA"), 300, d -> 80 * GB);
        series("oracle.tablespace.used_bytes", ts("USERS"), 300, d -> 5 * GB + 0.001 * GB * Math.sin(d * 41));
        series("oracle.tablespace.size_bytes", ts("USERS"), 300, d -> 32 * GB);
        series("oracle.tablespace.used_bytes", ts(HOSTILE), 300, d -> 1 * GB);
        series("oracle.tablespace.size_bytes", ts(HOSTILE), 300, d -> 2 * GB);
        series("oracle.fra.used_bytes", Map.of(), 300, d -> 20 * GB);
        series("oracle.fra.limit_bytes", Map.of(), 300, d -> 100 * GB);
        // load and the heartbeat at the fast step
        series("oracle.sessions.total", Map.of(), f, d -> 120 + 10 * Math.sin(d * 6));
        series("oracle.sessions.active", Map.of(), f, d -> 4 + 2 * Math.sin(d * 6.28));
        series("oracle.host.cpu_busy_pct", Map.of(), f, d -> 35 + 20 * Math.sin(d * 6.28));
        series("oracle.host.load", Map.of(), f, d -> 2.5);
        series("oracle.sessions.blocked", Map.of(), f, d -> 0);
        for (var e : Map.of("User I/O", 1.5, "CPU", 2.0, "Concurrency", 0.3, "Commit", 0.2).entrySet()) {
            series("oracle.sessions.active_by_wait_class", Map.of("wait_class", e.getKey()), f, d -> e.getValue());
        }
        series("oracle.instance.open", Map.of(), 60, d -> 1);
        // the morning checks
        series("oracle.backup.full_age_hours", Map.of(), 300, d -> 130 + 24 * d); // no full backup for 298 h at the end
        series("oracle.backup.archivelog_age_hours", Map.of(), 300, d -> (d * 24) % 4);
        series("oracle.backup.last_failed", Map.of(), 300, d -> 0);
        series("oracle.users.days_to_expiry", Map.of("username", "APP_USER"), 300, d -> 10 - d);
        series("oracle.users.days_to_expiry", Map.of("username", "REPORTING"), 300, d -> 200);
        series("oracle.users.in_grace", Map.of(), 300, d -> 0);
        series("oracle.users.locked", Map.of(), 300, d -> 1);
        series("oracle.objects.invalid_total", Map.of(), 900, d -> 3);
        series("oracle.objects.invalid", Map.of("owner", "APP", "object_type", "PACKAGE BODY"), 900, d -> 3);
        series("oracle.dataguard.apply_lag_s", Map.of(), 30, d -> d > 5 && d < 5.1 ? 1200 : 4);
        series("oracle.dataguard.role", Map.of("database_role", "PRIMARY", "protection_mode", "MAXIMUM PERFORMANCE"), 60, d -> 1);
        flush();
    }

    private static Map<String, String> ts(String name) {
        return Map.of("tablespace_name", name, "contents", "PERMANENT");
    }

    private void series(String metric, Map<String, String> labels, long stepSeconds, DoubleUnaryOperator atDay) {
        Map<String, String> tags = new java.util.HashMap<>(labels);
        tags.put("target", target);
        long span = back.toSeconds();
        for (long s = span; s >= 0; s -= stepSeconds) {
            double day = (span - s) / 86_400.0;
            batch.add(Point.of(metric, tags, now.minusSeconds(s), atDay.applyAsDouble(day)));
            if (batch.size() >= 20_000) {
                flush();
            }
        }
    }

    private void flush() {
        if (!batch.isEmpty()) {
            store.write(List.copyOf(batch));
            batch.clear();
        }
    }
}
