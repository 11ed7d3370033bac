package io.vigil.ui.dashboard;

import io.vigil.i18n.Reason;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import io.vigil.config.ConnectBy;
import io.vigil.config.Headline;
import io.vigil.config.Headline.Combine;
import io.vigil.config.MetricDef;
import io.vigil.config.MetricType;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.gather.Spool;
import io.vigil.series.Point;
import io.vigil.watch.Health;
import io.vigil.watch.JobBoard.TargetState;
import io.vigil.watch.LatestValues;
import io.vigil.watch.Watch;

/** Hand-built targets, latest values and snapshots for the tile view models (and the overview benchmark). */
public final class Snapshots {

    public static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");

    /** The Oracle headlines as the shipped pack has them. */
    public static final List<Headline> ORACLE = List.of(
            new Headline("sessions", "oracle.sessions.total", Map.of(), Combine.SUM, false),
            new Headline("active", "oracle.sessions.active", Map.of(), Combine.SUM, false),
            new Headline("cpu", "oracle.host.cpu_busy_pct", Map.of(), Combine.MAX, true),
            new Headline("throughput", "oracle.sysstat.rate", Map.of("name", "execute count"), Combine.SUM, false),
            new Headline("space", "oracle.tablespace.used_pct", Map.of(), Combine.MAX, true),
            new Headline("waits", "oracle.wait_class.time", Map.of(), Combine.SUM, false));

    /** MySQL's: no host CPU, so the overview shows throughput third. */
    public static final List<Headline> MYSQL = List.of(
            new Headline("sessions", "mysql.connections", Map.of(), Combine.SUM, false),
            new Headline("active", "mysql.threads_running", Map.of(), Combine.SUM, false),
            new Headline("connections_pct", "mysql.connections.used_pct", Map.of(), Combine.MAX, true),
            new Headline("throughput", "mysql.questions", Map.of(), Combine.SUM, false));

    private final List<Target> targets = new ArrayList<>();
    private final Map<Long, TargetState> health = new LinkedHashMap<>();
    private final LatestValues latest = new LatestValues();

    public static Target target(long id, String name, TargetKind kind, String... tags) {
        return new Target(id, name, kind, "db" + id, kind.defaultPort(), ConnectBy.SERVICE_NAME, "DB", "", "vigil", null, List.of(tags), true);
    }

    public static MetricDef metric(TargetKind kind, String name, String unit, Double warn, Double crit) {
        return new MetricDef(0, name, kind, "SELECT 1 AS value", List.of("m"), 60, MetricType.GAUGE, unit, List.of(), 15, warn, crit, "",
                true, "");
    }

    /** The figures with the Oracle pack's units and thresholds for the metrics above. */
    public static HeadlineFigures figures() {
        return new HeadlineFigures(Map.of(TargetKind.ORACLE, ORACLE, TargetKind.MYSQL, MYSQL), List.of(
                metric(TargetKind.ORACLE, "oracle.sessions.total", "sessions", null, null),
                metric(TargetKind.ORACLE, "oracle.sessions.active", "sessions", 30.0, 60.0),
                metric(TargetKind.ORACLE, "oracle.host.cpu_busy_pct", "%", 80.0, 95.0),
                metric(TargetKind.ORACLE, "oracle.sysstat.rate", "/s", null, null),
                metric(TargetKind.ORACLE, "oracle.tablespace.used_pct", "%", 85.0, 95.0),
                metric(TargetKind.ORACLE, "oracle.wait_class.time", "cs/s", null, null),
                metric(TargetKind.MYSQL, "mysql.connections", "connections", null, null),
                metric(TargetKind.MYSQL, "mysql.threads_running", "threads", 20.0, null),
                metric(TargetKind.MYSQL, "mysql.connections.used_pct", "%", 80.0, 95.0),
                metric(TargetKind.MYSQL, "mysql.questions", "/s", null, null)), List.of());
    }

    public Snapshots add(Target t, Health h, String reason) {
        targets.removeIf(x -> x.id() == t.id());
        targets.add(t);
        health.put(t.id(), new TargetState(t.id(), t.name(), h, reason(reason), Optional.empty()));
        return this;
    }

    /** A target's reason as the tests write it, in words, shown as it is. */
    public static Reason reason(String words) {
        return words == null || words.isEmpty() ? Reason.NONE : Reason.of("reason.text", words);
    }

    /** The job the tests name as it reads in English: "connect", "mirror session", "metric x". */
    public static io.vigil.schedule.JobKey job(String words) {
        if (words.equals("connect")) {
            return io.vigil.schedule.JobKey.connect();
        }
        String name = words.substring(words.indexOf(' ') + 1);
        return words.startsWith("mirror ") ? io.vigil.schedule.JobKey.mirror(name) : io.vigil.schedule.JobKey.metric(name);
    }

    public Snapshots remove(long id) {
        targets.removeIf(x -> x.id() == id);
        health.remove(id);
        return this;
    }

    public Snapshots health(Target t, Health h, String reason) {
        return add(t, h, reason);
    }

    /** A point of the target, with extra tags as key, value pairs. */
    public Snapshots point(Target t, String metric, Instant time, double value, String... tags) {
        Map<String, String> all = new HashMap<>();
        all.put("target", t.name());
        for (int i = 0; i + 1 < tags.length; i += 2) {
            all.put(tags[i], tags[i + 1]);
        }
        latest.add(List.of(Point.of(metric, all, time, value)));
        return this;
    }

    public LatestValues latest() {
        return latest;
    }

    /** The snapshot at {@code at}; each target's data age is counted from its newest point, as the job board does. */
    public Watch.Snapshot at(Instant at) {
        Map<Long, TargetState> states = new LinkedHashMap<>();
        for (Target t : targets) {
            TargetState s = health.get(t.id());
            Optional<Duration> age = latest.newest(t.name()).map(p -> Duration.between(p, at));
            states.put(t.id(), new TargetState(t.id(), t.name(), s.health(), s.reason(), age));
        }
        return new Watch.Snapshot(at, List.copyOf(targets), states, List.of(), latest, new Spool.Fill(0, 0, 0, 0, 0), List.of());
    }
}
