package io.vigil.schedule;

import java.util.Objects;

import io.vigil.i18n.Reason;

/**
 * Which job of a target ran: its connection probe, a mirror, or a metric. Code compares these, never their text.
 *
 * @param kind what kind of job
 * @param name the mirror's or metric's name; empty for the connection
 */
public record JobKey(JobKind kind, String name) implements Comparable<JobKey> {

    /** The kinds of job, in the order the console lists them. */
    public enum JobKind { CONNECT, MIRROR, METRIC }

    private static final JobKey CONNECT = new JobKey(JobKind.CONNECT, "");

    public JobKey {
        Objects.requireNonNull(kind, "kind");
        name = name == null ? "" : name;
    }

    /** The target's connection probe. */
    public static JobKey connect() {
        return CONNECT;
    }

    public static JobKey mirror(String name) {
        return new JobKey(JobKind.MIRROR, name);
    }

    public static JobKey metric(String name) {
        return new JobKey(JobKind.METRIC, name);
    }

    public boolean isConnect() {
        return kind == JobKind.CONNECT;
    }

    /** The job as people read it ("mirror sysstat", "指标 oracle.sessions.active"), through {@code Messages.render}. */
    public Reason label() {
        return switch (kind) {
            case CONNECT -> Reason.of("job.connect");
            case MIRROR -> Reason.of("job.mirror", name);
            case METRIC -> Reason.of("job.metric", name);
        };
    }

    /** By kind, then name. */
    @Override
    public int compareTo(JobKey o) {
        int k = kind.compareTo(o.kind);
        return k != 0 ? k : name.compareTo(o.name);
    }

    /** For logs only: "connect", "mirror sysstat", "metric oracle.sessions.active". */
    @Override
    public String toString() {
        return switch (kind) {
            case CONNECT -> "connect";
            case MIRROR -> "mirror " + name;
            case METRIC -> "metric " + name;
        };
    }
}
