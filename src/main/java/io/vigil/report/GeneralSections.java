package io.vigil.report;

import io.vigil.config.AlertChange;
import io.vigil.config.AlertState;
import io.vigil.config.EventType;
import io.vigil.config.Severity;
import io.vigil.config.VigilEvent;
import io.vigil.report.HealthReport.Block;
import io.vigil.report.HealthReport.Section;
import io.vigil.report.HealthReport.Table;
import io.vigil.report.HealthReport.Text;
import io.vigil.report.ReportBuilder.Context;
import io.vigil.series.Series;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/** The sections every kind of target has: instance, availability, top SQL, alert log and the alerts that fired. */
final class GeneralSections {

    /** Most events and alert changes one report reads. */
    static final int EVENT_LIMIT = 5000;
    /** Top SQL rows shown, and the characters of each statement kept. */
    static final int TOP_SQL_ROWS = 10;
    static final int SQL_CHARS = 160;
    /** Alerts listed; the rest are counted. */
    static final int ALERT_ROWS = 40;

    private GeneralSections() {
    }

    static Section instance(Context c) {
        var m = c.m();
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(m.get("report.instance.target"), c.target().name()));
        rows.add(List.of(m.get("report.instance.kind"), m.get("kind." + c.target().kind().name())));
        rows.add(List.of(m.get("report.instance.address"), ReportBuilder.address(c.target())));
        rows.add(List.of(m.get("report.instance.version"), c.snapshots().version(c.target().id()).orElse(m.get("report.instance.versionUnknown"))));
        Instant started = c.alerts().instanceStart(c.target().id()).orElse(null);
        if (started != null) {
            rows.add(List.of(m.get("report.instance.started"), c.f().time(started)));
        }
        if (c.oracle()) {
            Series open = c.reads().one("oracle.instance.open");
            if (open != null) {
                double pct = SeriesReads.mean(open) * 100;
                rows.add(List.of(m.get("report.instance.openPct"), c.f().percent(pct)));
                if (pct < 99.5) {
                    c.finding(Severity.CRIT, "report.finding.notOpen", c.f().percent(100 - pct));
                }
            }
        }
        return c.section("instance", List.of(new Table(List.of(m.get("report.col.item"), m.get("report.col.value")), rows, List.of(false, false)),
                new Text(m.get("report.instance.versionNote"), true)));
    }

    static Section availability(Context c) {
        var m = c.m();
        var f = c.f();
        List<Block> blocks = new ArrayList<>();
        Instant from = c.reads().from();
        Instant to = c.reads().to();
        List<VigilEvent> restarts = c.alerts().events(c.target().name(), from, to, EVENT_LIMIT).stream()
                .filter(e -> e.type() == EventType.RESTART).toList();
        // watched: the share of 5-minute buckets of the range in which a figure collected every cycle has a value
        long bucket = new io.vigil.series.RangeQuery("x", Map.of(), from, to, SeriesReads.FIGURE_POINTS).bucketMillis();
        long expected = Math.max(1, (to.toEpochMilli() - from.toEpochMilli() + bucket - 1) / bucket);
        long seen = 0;
        for (String metric : c.metrics().heartbeat()) {
            Series s = c.reads().one(metric);
            if (s != null) {
                seen = Math.max(seen, java.util.Arrays.stream(s.values()).filter(Double::isFinite).count());
            }
        }
        double watched = Math.min(100, 100.0 * seen / expected);
        List<AlertChange> down = c.alerts().history(from, to, c.target().name(), Severity.INFO, EVENT_LIMIT).stream()
                .filter(a -> a.key().rule().endsWith(".target.down")).sorted(Comparator.comparing(AlertChange::at)).toList();
        int outages = 0;
        Duration downFor = Duration.ZERO;
        Instant firedAt = null;
        for (AlertChange a : down) {
            if (a.to() == AlertState.FIRING && firedAt == null) {
                outages++;
                firedAt = a.at();
            } else if (a.to() != AlertState.FIRING && a.to() != AlertState.PENDING && firedAt != null) {
                downFor = downFor.plus(Duration.between(firedAt, a.at()));
                firedAt = null;
            }
        }
        if (firedAt != null) {
            downFor = downFor.plus(Duration.between(firedAt, to));
        }
        List<List<String>> rows = new ArrayList<>();
        rows.add(List.of(m.get("report.availability.watched"), f.percent(watched)));
        rows.add(List.of(m.get("report.availability.restarts"), f.number(restarts.size(), 0)));
        rows.add(List.of(m.get("report.availability.outages"), f.number(outages, 0)));
        rows.add(List.of(m.get("report.availability.downFor"), f.hours(downFor.toSeconds() / 3600.0)));
        blocks.add(new Table(List.of(m.get("report.col.item"), m.get("report.col.value")), rows, List.of(false, true)));
        if (!restarts.isEmpty()) {
            blocks.add(new Table(List.of(m.get("report.col.restartedAt")), restarts.stream().map(e -> List.of(f.time(e.at()))).toList(),
                    List.of(false)));
            c.finding(Severity.WARN, "report.finding.restarts", restarts.size(), f.time(restarts.getLast().at()));
        }
        if (outages > 0) {
            c.finding(Severity.CRIT, "report.finding.outages", outages, f.hours(downFor.toSeconds() / 3600.0));
        }
        if (watched < 90) {
            c.finding(Severity.INFO, "report.finding.watched", f.percent(watched));
        }
        return c.section("availability", blocks);
    }

    static Section topSql(Context c) {
        if (!c.oracle()) {
            return c.empty("topsql", "report.topsql.kind", c.m().get("kind." + c.target().kind().name()));
        }
        List<Snapshots.TopSql> top = c.snapshots().topSql(c.target().id(), TOP_SQL_ROWS);
        if (top.isEmpty()) {
            return c.empty("topsql", "report.topsql.none");
        }
        var m = c.m();
        var f = c.f();
        List<List<String>> rows = top.stream().map(t -> List.of(t.sqlId(), f.number(t.executions(), 0), f.number(t.elapsedSeconds(), 1),
                f.number(t.cpuSeconds(), 1), f.number(t.bufferGets(), 0), cut(t.text()))).toList();
        return c.section("topsql", List.of(new Text(m.get("report.topsql.note"), true),
                new Table(List.of(m.get("report.col.sqlId"), m.get("report.col.executions"), m.get("report.col.elapsedS"),
                        m.get("report.col.cpuS"), m.get("report.col.bufferGets"), m.get("report.col.sqlText")), rows,
                        List.of(false, true, true, true, true, false))));
    }

    /** A statement cut to {@link #SQL_CHARS} characters with its white space folded. */
    static String cut(String sql) {
        String one = sql == null ? "" : sql.replaceAll("\\s+", " ").strip();
        return one.length() <= SQL_CHARS ? one : one.substring(0, SQL_CHARS - 1) + "\u2026";
    }

    static Section alertLog(Context c) {
        if (!c.oracle()) {
            return c.empty("alertlog", "report.alertlog.kind", c.m().get("kind." + c.target().kind().name()));
        }
        var m = c.m();
        var f = c.f();
        List<VigilEvent> entries = c.alerts().events(c.target().name(), c.reads().from(), c.reads().to(), EVENT_LIMIT).stream()
                .filter(e -> e.type() == EventType.ALERT_LOG).toList();
        if (entries.isEmpty()) {
            return c.empty("alertlog", "report.alertlog.none");
        }
        record Group(List<VigilEvent> events, TreeSet<String> codes) {
        }
        Map<String, Group> byClass = new LinkedHashMap<>();
        for (VigilEvent e : entries) {
            Group g = byClass.computeIfAbsent(e.category(), k -> new Group(new ArrayList<>(), new TreeSet<>()));
            g.events().add(e);
            if (!e.code().isEmpty()) {
                g.codes().add(e.code());
            }
        }
        List<Map.Entry<String, Group>> ordered = byClass.entrySet().stream()
                .sorted(Comparator.comparing((Map.Entry<String, Group> e) -> worst(e.getValue().events())).reversed()
                        .thenComparing(e -> -e.getValue().events().size()))
                .toList();
        List<List<String>> rows = new ArrayList<>();
        for (var e : ordered) {
            List<VigilEvent> ev = e.getValue().events();
            Severity worst = worst(ev);
            String codes = String.join(", ", e.getValue().codes());
            String name = category(m, e.getKey());
            rows.add(List.of(name, m.get("report.severity." + worst.name()), f.number(ev.size(), 0), codes, f.time(ev.getLast().at())));
            if (worst.atLeast(Severity.WARN)) {
                c.finding(worst, "report.finding.alertlog", ev.size(), name, codes.isEmpty() ? "" : " (" + codes + ")", f.time(ev.getLast().at()));
            }
        }
        return c.section("alertlog", List.of(new Table(List.of(m.get("report.col.class"), m.get("report.col.severity"), m.get("report.col.count"),
                m.get("report.col.codes"), m.get("report.col.last")), rows, List.of(false, false, true, false, false))));
    }

    private static String category(io.vigil.i18n.Messages m, String category) {
        String key = "event.category." + category;
        String name = m.get(key);
        return name.equals(key) ? category : name;
    }

    private static Severity worst(List<VigilEvent> events) {
        return events.stream().map(VigilEvent::severity).max(Comparator.naturalOrder()).orElse(Severity.INFO);
    }

    static Section alertsFired(Context c) {
        var m = c.m();
        var f = c.f();
        List<AlertChange> fired = c.alerts().history(c.reads().from(), c.reads().to(), c.target().name(), Severity.WARN, EVENT_LIMIT).stream()
                .filter(a -> a.to() == AlertState.FIRING).toList();
        if (fired.isEmpty()) {
            return c.empty("alerts", "report.alerts.none");
        }
        long crit = fired.stream().filter(a -> a.severity() == Severity.CRIT).count();
        List<List<String>> rows = fired.stream().limit(ALERT_ROWS).map(a -> List.of(f.time(a.at()), m.get("report.severity." + a.severity().name()),
                a.key().rule(), a.key().series(), a.value() == null ? "" : f.number(a.value(), 2),
                io.vigil.config.Alert.headline(a.detail()))).toList();
        List<Block> blocks = new ArrayList<>();
        blocks.add(new Text(m.get("report.alerts.count", fired.size(), crit), false));
        blocks.add(new Table(List.of(m.get("report.col.firedAt"), m.get("report.col.severity"), m.get("report.col.rule"), m.get("report.col.series"),
                m.get("report.col.value"), m.get("report.col.detail")), rows, List.of(false, false, false, false, true, false)));
        if (fired.size() > ALERT_ROWS) {
            blocks.add(new Text(m.get("report.alerts.more", fired.size() - ALERT_ROWS), true));
        }
        return c.section("alerts", blocks);
    }
}
