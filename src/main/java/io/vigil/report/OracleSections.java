package io.vigil.report;

import io.vigil.config.Severity;
import io.vigil.report.HealthReport.Block;
import io.vigil.report.HealthReport.Section;
import io.vigil.report.HealthReport.Table;
import io.vigil.report.HealthReport.Text;
import io.vigil.report.ReportBuilder.Context;
import io.vigil.series.Series;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Backups, Data Guard (replication on other kinds), password expiry and invalid objects, from the packs' series. */
final class OracleSections {

    /** The pack's backup rules: no full backup in 8 days, no archived-log backup in a day. */
    static final double FULL_CRIT_HOURS = 8 * 24;
    static final double ARCHIVELOG_CRIT_HOURS = 24;
    /** The pack's apply-lag rule warns past 5 minutes. */
    static final double LAG_WARN_S = 300;
    /** Accounts whose password expires within this many days are listed. */
    static final double EXPIRY_DAYS = 30;

    private OracleSections() {
    }

    static Section backups(Context c) {
        if (!c.oracle()) {
            return c.empty("backups", "report.backups.kind", c.m().get("kind." + c.target().kind().name()));
        }
        var m = c.m();
        var f = c.f();
        List<List<String>> rows = new ArrayList<>();
        for (String kind : List.of("full", "incremental", "archivelog")) {
            Series s = c.reads().one("oracle.backup." + kind + "_age_hours");
            if (s == null) {
                continue;
            }
            double age = SeriesReads.last(s);
            Instant at = SeriesReads.lastTime(s);
            rows.add(List.of(m.get("report.backups." + kind), f.hours(age), f.time(at == null ? null : at.minusSeconds((long) (age * 3600))),
                    f.time(at)));
            double crit = kind.equals("full") ? FULL_CRIT_HOURS : kind.equals("archivelog") ? ARCHIVELOG_CRIT_HOURS : Double.NaN;
            if (age >= crit) {
                c.finding(Severity.CRIT, "report.finding.backupOld", m.get("report.backups." + kind), f.hours(age));
            }
        }
        Series failed = c.reads().one("oracle.backup.last_failed");
        if (rows.isEmpty() && failed == null) {
            return c.empty("backups", "report.backups.none");
        }
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Table(List.of(m.get("report.col.backup"), m.get("report.col.age"), m.get("report.col.lastOk"), m.get("report.col.asOf")),
                rows, List.of(false, true, false, false)));
        if (failed != null && SeriesReads.last(failed) > 0) {
            blocks.add(new Text(m.get("report.backups.failed"), false));
            c.finding(Severity.CRIT, "report.finding.backupFailed");
        }
        return c.section("backups", blocks);
    }

    static Section replication(Context c) {
        var m = c.m();
        var f = c.f();
        List<List<String>> rows = new ArrayList<>();
        if (c.oracle()) {
            Series role = c.reads().figures("oracle.dataguard.role").stream().filter(s -> SeriesReads.lastTime(s) != null)
                    .max(Comparator.comparing(SeriesReads::lastTime)).orElse(null);
            if (role != null) {
                rows.add(List.of(m.get("report.dg.role"), role.key().tags().getOrDefault("database_role", ""), "", ""));
                rows.add(List.of(m.get("report.dg.protection"), role.key().tags().getOrDefault("protection_mode", ""), "", ""));
            }
        }
        for (String metric : c.metrics().lag()) {
            for (Series s : c.reads().figures(metric)) {
                if (s.size() == 0) {
                    continue;
                }
                String who = s.key().tags().getOrDefault("application_name", "");
                String name = m.get("report.lag." + metric) + (who.isEmpty() ? "" : " (" + who + ")");
                double max = SeriesReads.max(s);
                rows.add(List.of(name, f.seconds(SeriesReads.mean(s)), f.seconds(max), f.seconds(SeriesReads.last(s))));
                if (max > LAG_WARN_S) {
                    c.finding(Severity.WARN, "report.finding.lag", name, f.seconds(max), f.seconds(SeriesReads.mean(s)));
                }
            }
        }
        String gapMetric = c.oracle() ? "oracle.dataguard.gap_logs" : c.target().kind().packKind() == io.vigil.config.TargetKind.MYSQL
                ? "mysql.replication.threads_stopped" : null;
        if (gapMetric != null) {
            Series gap = c.reads().one(gapMetric);
            if (gap != null) {
                double max = SeriesReads.max(gap);
                rows.add(List.of(m.get("report.lag." + gapMetric), f.number(SeriesReads.mean(gap), 1), f.number(max, 0),
                        f.number(SeriesReads.last(gap), 0)));
                if (max > 0) {
                    c.finding(Severity.CRIT, "report.finding." + gapMetric, f.number(max, 0));
                }
            }
        }
        if (rows.isEmpty()) {
            return c.empty("replication", "report.replication.none");
        }
        return c.section("replication", List.of(new Table(List.of(m.get("report.col.item"), m.get("report.col.average"), m.get("report.col.peak"),
                m.get("report.col.last")), rows, List.of(false, true, true, true))));
    }

    static Section passwords(Context c) {
        if (!c.oracle()) {
            return c.empty("passwords", "report.passwords.kind", c.m().get("kind." + c.target().kind().name()));
        }
        var m = c.m();
        var f = c.f();
        List<Series> users = c.reads().figures("oracle.users.days_to_expiry");
        if (users.isEmpty() && c.reads().one("oracle.users.in_grace") == null) {
            return c.empty("passwords", "report.passwords.none");
        }
        record Expiry(String user, double days, Instant at) {
        }
        List<Expiry> soon = users.stream().map(s -> new Expiry(s.key().tags().getOrDefault("username", ""), SeriesReads.last(s), SeriesReads.lastTime(s)))
                .filter(e -> Double.isFinite(e.days()) && e.days() <= EXPIRY_DAYS).sorted(Comparator.comparingDouble(Expiry::days)).toList();
        List<Block> blocks = new ArrayList<>();
        if (soon.isEmpty()) {
            blocks.add(new Text(m.get("report.passwords.noneSoon", f.number(EXPIRY_DAYS, 0)), true));
        } else {
            blocks.add(new Table(List.of(m.get("report.col.account"), m.get("report.col.expiresIn"), m.get("report.col.asOf")),
                    soon.stream().map(e -> List.of(e.user(), f.days(e.days()), f.time(e.at()))).toList(), List.of(false, true, false)));
            Expiry first = soon.getFirst();
            c.finding(first.days() <= 7 ? Severity.WARN : Severity.INFO, "report.finding.passwords", soon.size(), f.number(EXPIRY_DAYS, 0),
                    first.user(), f.days(first.days()));
        }
        double grace = SeriesReads.last(c.reads().one("oracle.users.in_grace"));
        double locked = SeriesReads.last(c.reads().one("oracle.users.locked"));
        blocks.add(new Text(m.get("report.passwords.graceLocked", f.number(grace, 0), f.number(locked, 0)), false));
        return c.section("passwords", blocks);
    }

    static Section invalidObjects(Context c) {
        if (!c.oracle()) {
            return c.empty("invalid", "report.invalid.kind", c.m().get("kind." + c.target().kind().name()));
        }
        var m = c.m();
        var f = c.f();
        Series total = c.reads().one("oracle.objects.invalid_total");
        List<Series> parts = c.reads().figures("oracle.objects.invalid");
        if (total == null && parts.isEmpty()) {
            return c.empty("invalid", "report.invalid.none");
        }
        double count = SeriesReads.last(total);
        List<List<String>> rows = parts.stream().filter(s -> SeriesReads.last(s) > 0)
                .sorted(Comparator.comparingDouble(SeriesReads::last).reversed())
                .map(s -> List.of(s.key().tags().getOrDefault("owner", ""), s.key().tags().getOrDefault("object_type", ""), f.number(SeriesReads.last(s), 0)))
                .toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Text(m.get("report.invalid.total", f.number(count, 0)), false));
        if (!rows.isEmpty()) {
            blocks.add(new Table(List.of(m.get("report.col.owner"), m.get("report.col.objectType"), m.get("report.col.count")), rows,
                    List.of(false, false, true)));
        }
        if (count > 0) {
            c.finding(Severity.INFO, "report.finding.invalid", Math.round(count));
        }
        return c.section("invalid", blocks);
    }
}
