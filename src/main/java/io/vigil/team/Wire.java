package io.vigil.team;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.i18n.Reason;
import io.vigil.schedule.JobKey;
import io.vigil.schedule.StatusEvent.Status;
import io.vigil.series.Point;
import io.vigil.watch.JobBoard.JobState;

/** The JSON a team's collectors publish and its consoles read: short field names, times as epoch milliseconds. */
final class Wire {

    static final ObjectMapper JSON = new ObjectMapper().configure(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, false);

    private Wire() {
    }

    /** One job's last run: target, name, job, status, reason, at, took ms, rows, last OK, next run, collector. */
    record Job(long t, String n, JobKey j, String s, Object r, long a, long k, long w, Long o, Long x, String c) {

        static Job of(JobState s, Long nextRun, String collector) {
            return new Job(s.targetId(), s.targetName(), s.job(), s.status().name(), reason(s.reason()), s.lastRun().toEpochMilli(),
                    s.took().toMillis(), s.rows(), s.lastOk() == null ? null : s.lastOk().toEpochMilli(), nextRun, collector);
        }

        JobState state() {
            return new JobState(t, n, j, Status.valueOf(s), reason(r), Instant.ofEpochMilli(a), Duration.ofMillis(k), w,
                    o == null ? null : Instant.ofEpochMilli(o));
        }
    }

    /** A reason as JSON: {@code {"k": key, "a": [arguments]}}, a nested reason being such an object too. */
    static Map<String, Object> reason(Reason r) {
        List<Object> args = new java.util.ArrayList<>();
        for (Object a : r.args()) {
            args.add(a instanceof Reason nested ? reason(nested) : a);
        }
        return Map.of("k", r.key(), "a", args);
    }

    /** The reason a collector published; anything else is no reason (a console reads what it understands). */
    static Reason reason(Object json) {
        if (!(json instanceof Map<?, ?> m) || !(m.get("k") instanceof String key)) {
            return Reason.NONE;
        }
        List<Object> args = new java.util.ArrayList<>();
        if (m.get("a") instanceof List<?> list) {
            for (Object a : list) {
                if (a instanceof Map<?, ?>) {
                    args.add(reason(a));
                } else if (a instanceof Integer || a instanceof Short || a instanceof Byte) {
                    args.add(((Number) a).longValue()); // JSON does not say how wide a whole number was
                } else if (a instanceof String || a instanceof Number) {
                    args.add(a);
                } else {
                    args.add(String.valueOf(a));
                }
            }
        }
        return new Reason(key, args);
    }

    /** One point: metric, tags, time, value. */
    record Sample(String m, Map<String, String> g, long a, double v) {

        static Sample of(Point p) {
            return new Sample(p.metric(), p.tags(), p.time().toEpochMilli(), p.value());
        }

        Point point() {
            return new Point(m, new TreeMap<>(g), Instant.ofEpochMilli(a), v);
        }
    }

    /** What one collector published since its last batch: job states and newest samples. */
    record Batch(String c, List<Job> j, List<Sample> p) {
    }

    /** A collector's heartbeat: who, since when, which targets, and its own figures. */
    record Heartbeat(String id, String host, long pid, long startedAt, long at, List<Long> targets, double jobsPerSecond, long lagP99Ms,
                     long spoolBytes, long spoolLimitBytes, long errorsLastMinute) {
    }

    /** A request to the collectors: pause, resume or reload, for a target or (0) all. */
    record Control(String op, long target) {
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    static <T> T read(String text, Class<T> type) {
        try {
            return JSON.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("not a team message", e);
        }
    }
}
