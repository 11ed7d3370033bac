package io.vigil.report;

import io.vigil.config.TargetKind;
import java.util.List;

/**
 * The shipped packs' metric names the report reads, per kind of target.
 *
 * @param heartbeat   metrics collected every cycle: their 5-minute buckets tell whether the target was watched
 * @param load        the load figures: metric, message key of its name, unit, and whether it is charted
 * @param waitClasses the metric of active sessions split by wait class (Oracle), or null
 * @param waitLabel   its label
 * @param lag         replication lag metrics in seconds (Data Guard apply and transport lag, replica lag)
 */
record Metrics(List<String> heartbeat, List<Load> load, String waitClasses, String waitLabel, List<String> lag) {

    /** One load figure. */
    record Load(String metric, String key, String unit, boolean charted) {
    }

    static Metrics of(TargetKind kind) {
        return switch (kind.packKind()) {
            case MYSQL -> new Metrics(List.of("mysql.connections", "mysql.threads_running"),
                    List.of(new Load("mysql.threads_running", "report.load.threadsRunning", "", true),
                            new Load("mysql.connections", "report.load.connections", "", false),
                            new Load("mysql.questions", "report.load.questions", "/s", true),
                            new Load("mysql.slow_queries", "report.load.slowQueries", "/s", false)),
                    null, null, List.of("mysql.replication.lag_seconds"));
            case POSTGRES -> new Metrics(List.of("pg.connections", "pg.active"),
                    List.of(new Load("pg.active", "report.load.pgActive", "", true),
                            new Load("pg.connections", "report.load.connections", "", false),
                            new Load("pg.cache_hit_pct", "report.load.cacheHit", "%", false),
                            new Load("pg.locks.waiting", "report.load.locksWaiting", "", false)),
                    null, null, List.of("pg.replication.lag_seconds"));
            default -> new Metrics(List.of("oracle.sessions.total", "oracle.sessions.active", "oracle.instance.open"),
                    List.of(new Load("oracle.sessions.active", "report.load.aas", "", true),
                            new Load("oracle.host.cpu_busy_pct", "report.load.cpu", "%", true),
                            new Load("oracle.host.load", "report.load.hostLoad", "", false),
                            new Load("oracle.sessions.total", "report.load.sessions", "", false),
                            new Load("oracle.sessions.blocked", "report.load.blocked", "", false)),
                    "oracle.sessions.active_by_wait_class", "wait_class",
                    List.of("oracle.dataguard.apply_lag_s", "oracle.dataguard.transport_lag_s"));
        };
    }
}
