package io.vigil.target.demo;

import static io.vigil.target.demo.DemoSql.date;
import static io.vigil.target.demo.DemoSql.update;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * The metric views of the demo instance, worked out from the counters the workload moves as MMON works them out on
 * Oracle: V$SYSMETRIC with its 60-second group (2) and 15-second group (3), V$SYSMETRIC_HISTORY (an hour of group 2,
 * the last interval of group 3), V$WAITCLASSMETRIC and V$EVENTMETRIC (60 s), V$SESSMETRIC (15 s); and one sample a
 * second of the active sessions in V$ACTIVE_SESSION_HISTORY (the last two minutes). Between the ends of intervals a
 * tick costs one INSERT ... SELECT, so forty demo instances stay cheap.
 */
final class DemoMetrics {

    static final int LONG_GROUP = 2;
    static final int SHORT_GROUP = 3;
    private static final Duration LONG = Duration.ofSeconds(60);
    private static final Duration SHORT = Duration.ofSeconds(15);
    private static final Duration HISTORY = Duration.ofHours(1);
    /** Samples kept: two minutes, enough for a mirror that reads the view every minute by its SAMPLE_ID. */
    private static final long ASH_SAMPLES = 120;

    /** A system metric: its id, name and unit as V$METRICNAME has them, and how it is worked out over an interval. */
    record Metric(int id, String name, String unit, Formula formula) {
    }

    @FunctionalInterface
    interface Formula {
        double of(Counters delta, Counters now, double seconds);
    }

    static final List<Metric> METRICS = List.of(
            new Metric(2000, "Buffer Cache Hit Ratio", "% (LogRead - PhyRead)/LogRead",
                    (d, n, s) -> percent(d.stat("session logical reads") - d.stat("physical reads"), d.stat("session logical reads"), 100)),
            new Metric(2001, "Memory Sorts Ratio", "% MemSort/(MemSort + DiskSort)",
                    (d, n, s) -> percent(d.stat("sorts (memory)"), d.stat("sorts (memory)") + d.stat("sorts (disk)"), 100)),
            new Metric(2003, "User Transaction Per Sec", "Transactions Per Second",
                    (d, n, s) -> (d.stat("user commits") + d.stat("user rollbacks")) / s),
            new Metric(2004, "Physical Reads Per Sec", "Reads Per Second", (d, n, s) -> d.stat("physical reads") / s),
            new Metric(2006, "Physical Writes Per Sec", "Writes Per Second", (d, n, s) -> d.stat("physical writes") / s),
            new Metric(2016, "Redo Generated Per Sec", "Bytes Per Second", (d, n, s) -> d.stat("redo size") / s),
            new Metric(2018, "Logons Per Sec", "Logons Per Second", (d, n, s) -> d.stat("logons cumulative") / s),
            new Metric(2022, "User Commits Per Sec", "Commits Per Second", (d, n, s) -> d.stat("user commits") / s),
            new Metric(2024, "User Rollbacks Per Sec", "Rollbacks Per Second", (d, n, s) -> d.stat("user rollbacks") / s),
            new Metric(2026, "User Calls Per Sec", "Calls Per Second", (d, n, s) -> d.stat("user calls") / s),
            new Metric(2030, "Logical Reads Per Sec", "Reads Per Second", (d, n, s) -> d.stat("session logical reads") / s),
            new Metric(2044, "Total Parse Count Per Sec", "Parses Per Second", (d, n, s) -> d.stat("parse count (total)") / s),
            new Metric(2046, "Hard Parse Count Per Sec", "Parses Per Second", (d, n, s) -> d.stat("parse count (hard)") / s),
            new Metric(2057, "Host CPU Utilization (%)", "% Busy/(Idle+Busy)",
                    (d, n, s) -> percent(d.os("BUSY_TIME"), d.os("BUSY_TIME") + d.os("IDLE_TIME"), 0)),
            new Metric(2058, "Network Traffic Volume Per Sec", "Bytes Per Second",
                    (d, n, s) -> (d.stat("bytes sent via SQL*Net to client") + d.stat("bytes received via SQL*Net from client")) / s),
            new Metric(2075, "CPU Usage Per Sec", "CentiSeconds Per Second", (d, n, s) -> d.stat("CPU used by this session") / s),
            new Metric(2103, "Current Logons Count", "Logons", (d, n, s) -> n.stat("logons current")),
            new Metric(2106, "SQL Service Response Time", "CentiSeconds Per Call",
                    (d, n, s) -> d.stat("user calls") == 0 ? 0 : d.stat("DB time") / d.stat("user calls")),
            new Metric(2107, "Database Wait Time Ratio", "% Wait/DB_Time",
                    (d, n, s) -> 100 - percent(d.stat("CPU used by this session"), d.stat("DB time"), 0)),
            new Metric(2108, "Database CPU Time Ratio", "% Cpu/DB_Time",
                    (d, n, s) -> percent(d.stat("CPU used by this session"), d.stat("DB time"), 0)),
            new Metric(2121, "Executions Per Sec", "Executes Per Second", (d, n, s) -> d.stat("execute count") / s),
            new Metric(2123, "Database Time Per Sec", "CentiSeconds Per Second", (d, n, s) -> d.stat("DB time") / s),
            new Metric(2135, "Current OS Load", "Number Of Processes", (d, n, s) -> n.os("LOAD")),
            new Metric(2143, "Session Count", "Sessions", (d, n, s) -> n.sessions()),
            new Metric(2147, "Average Active Sessions", "Active Sessions", (d, n, s) -> d.stat("DB time") / 100.0 / s),
            new Metric(2155, "Host CPU Usage Per Sec", "CentiSeconds Per Second", (d, n, s) -> d.os("BUSY_TIME") / s));

    /** The figures an interval is worked out from: V$SYSSTAT, the cumulative V$OSSTAT rows, waits by class and by event. */
    record Counters(Map<String, Double> stats, Map<String, Double> os, Map<String, double[]> classes, Map<String, double[]> events,
            double sessionCount) {

        static final Counters ZERO = new Counters(Map.of(), Map.of(), Map.of(), Map.of(), 0);

        double stat(String name) {
            return stats.getOrDefault(name, 0.0);
        }

        double os(String name) {
            return os.getOrDefault(name, 0.0);
        }

        double sessions() {
            return sessionCount;
        }

        static Counters read(Connection c) throws SQLException {
            Map<String, Double> stats = pairs(c, "SELECT NAME, VALUE FROM V$SYSSTAT");
            Map<String, Double> os = pairs(c, "SELECT STAT_NAME, VALUE FROM V$OSSTAT");
            Map<String, double[]> classes = rows(c, "SELECT WAIT_CLASS, TOTAL_WAITS, TIME_WAITED, TOTAL_WAITS_FG, TIME_WAITED_FG FROM V$SYSTEM_WAIT_CLASS");
            Map<String, double[]> events = rows(c, "SELECT EVENT, TOTAL_WAITS, TIME_WAITED_MICRO / 10000.0, TOTAL_WAITS_FG, "
                    + "TIME_WAITED_MICRO_FG / 10000.0 FROM V$SYSTEM_EVENT");
            double sessions = pairs(c, "SELECT 'n', COUNT(*) FROM V$SESSION").get("n");
            return new Counters(stats, os, classes, events, sessions);
        }

        /** What grew since {@code start}; a counter lower than at the start was reset by a restart and counts from zero. */
        Counters since(Counters start) {
            Map<String, Double> s = new HashMap<>();
            stats.forEach((k, v) -> s.put(k, grow(v, start.stats.getOrDefault(k, 0.0))));
            Map<String, Double> o = new HashMap<>();
            os.forEach((k, v) -> o.put(k, grow(v, start.os.getOrDefault(k, 0.0))));
            return new Counters(s, o, growRows(classes, start.classes), growRows(events, start.events), sessionCount);
        }

        private static double grow(double now, double then) {
            return now >= then ? now - then : now;
        }

        private static Map<String, double[]> growRows(Map<String, double[]> now, Map<String, double[]> then) {
            Map<String, double[]> out = new HashMap<>();
            now.forEach((k, v) -> {
                double[] t = then.getOrDefault(k, new double[v.length]);
                double[] d = new double[v.length];
                for (int i = 0; i < v.length; i++) {
                    d[i] = grow(v[i], t[i]);
                }
                out.put(k, d);
            });
            return out;
        }

        private static Map<String, Double> pairs(Connection c, String sql) throws SQLException {
            Map<String, Double> out = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                while (rs.next()) {
                    out.put(rs.getString(1), rs.getDouble(2));
                }
            }
            return out;
        }

        private static Map<String, double[]> rows(Connection c, String sql) throws SQLException {
            Map<String, double[]> out = new HashMap<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
                int n = rs.getMetaData().getColumnCount() - 1;
                while (rs.next()) {
                    double[] v = new double[n];
                    for (int i = 0; i < n; i++) {
                        v[i] = rs.getDouble(i + 2);
                    }
                    out.put(rs.getString(1), v);
                }
            }
            return out;
        }
    }

    private final Random random;
    private Counters longStart = Counters.ZERO;
    private Counters shortStart = Counters.ZERO;
    private Instant longFrom;
    private Instant shortFrom;
    private long sampleId;

    DemoMetrics(Random random, Instant start) {
        this.random = random;
        this.longFrom = start;
        this.shortFrom = start;
    }

    /** Samples the active sessions and, when an interval ends, works out its metrics. */
    void tick(Connection c, Instant now) throws SQLException {
        sample(c, now);
        boolean shortEnds = !now.isBefore(shortFrom.plus(SHORT));
        boolean longEnds = !now.isBefore(longFrom.plus(LONG));
        if (!shortEnds && !longEnds) {
            return;
        }
        Counters current = Counters.read(c);
        if (shortEnds) {
            Counters delta = current.since(shortStart);
            system(c, SHORT_GROUP, delta, current, shortFrom, now);
            sessions(c, delta, shortFrom, now);
            limits(c);
            shortStart = current;
            shortFrom = now;
        }
        if (longEnds) {
            Counters delta = current.since(longStart);
            system(c, LONG_GROUP, delta, current, longFrom, now);
            waits(c, delta, longFrom, now);
            longStart = current;
            longFrom = now;
        }
    }

    private static void system(Connection c, int group, Counters delta, Counters now, Instant from, Instant to) throws SQLException {
        double seconds = Math.max(1, Duration.between(from, to).toMillis() / 1000.0);
        long csec = Math.round(seconds * 100);
        update(c, "DELETE FROM V$SYSMETRIC WHERE GROUP_ID = ?", group);
        if (group == SHORT_GROUP) {
            update(c, "DELETE FROM V$SYSMETRIC_HISTORY WHERE GROUP_ID = ?", group); // only the last 15-second interval is kept
        } else {
            update(c, "DELETE FROM V$SYSMETRIC_HISTORY WHERE GROUP_ID = ? AND END_TIME < ?", group, date(to.minus(HISTORY)));
        }
        for (String view : new String[] {"V$SYSMETRIC", "V$SYSMETRIC_HISTORY"}) {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO " + view + " (BEGIN_TIME, END_TIME, INTSIZE_CSEC, GROUP_ID, METRIC_ID, "
                    + "METRIC_NAME, \"VALUE\", METRIC_UNIT, CON_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
                for (Metric m : METRICS) {
                    ps.setTimestamp(1, date(from));
                    ps.setTimestamp(2, date(to));
                    ps.setLong(3, csec);
                    ps.setInt(4, group);
                    ps.setInt(5, m.id());
                    ps.setString(6, m.name());
                    ps.setDouble(7, Math.round(m.formula().of(delta, now, seconds) * 1e6) / 1e6);
                    ps.setString(8, m.unit());
                    ps.addBatch();
                }
                ps.executeBatch();
            }
        }
    }

    private static void waits(Connection c, Counters delta, Instant from, Instant to) throws SQLException {
        double csec = Math.max(100, Duration.between(from, to).toMillis() / 10.0);
        double dbTime = delta.stat("DB time");
        update(c, "DELETE FROM V$WAITCLASSMETRIC");
        update(c, "DELETE FROM V$EVENTMETRIC");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO V$WAITCLASSMETRIC (BEGIN_TIME, END_TIME, INTSIZE_CSEC, WAIT_CLASS#, "
                + "WAIT_CLASS_ID, AVERAGE_WAITER_COUNT, DBTIME_IN_WAIT, TIME_WAITED, WAIT_COUNT, TIME_WAITED_FG, WAIT_COUNT_FG, CON_ID) "
                + "SELECT ?, ?, ?, WAIT_CLASS#, WAIT_CLASS_ID, ?, ?, ?, ?, ?, ?, 0 FROM V$SYSTEM_WAIT_CLASS WHERE WAIT_CLASS = ?")) {
            for (var e : delta.classes().entrySet()) {
                double[] d = e.getValue(); // waits, time waited (cs), waits fg, time waited fg (cs)
                boolean idle = e.getKey().equals("Idle");
                Object[] v = {date(from), date(to), Math.round(csec), round(d[1] / csec), idle ? 0.0 : round(percent(d[3], dbTime, 0)),
                    round(d[1]), Math.round(d[0]), round(d[3]), Math.round(d[2]), e.getKey()};
                bind(ps, v);
            }
            ps.executeBatch();
        }
        Map<String, Integer> waiting = new HashMap<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(
                "SELECT EVENT, COUNT(*) FROM V$SESSION WHERE STATE = 'WAITING' GROUP BY EVENT")) {
            while (rs.next()) {
                waiting.put(rs.getString(1), rs.getInt(2));
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO V$EVENTMETRIC (BEGIN_TIME, END_TIME, INTSIZE_CSEC, EVENT#, EVENT_ID, "
                + "NUM_SESS_WAITING, TIME_WAITED, WAIT_COUNT, TIME_WAITED_FG, WAIT_COUNT_FG, CON_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            for (int i = 0; i < DemoCatalog.EVENTS.size(); i++) {
                DemoCatalog.Event event = DemoCatalog.EVENTS.get(i);
                double[] d = delta.events().getOrDefault(event.name(), new double[4]);
                Object[] v = {date(from), date(to), Math.round(csec), i, event.eventId(), waiting.getOrDefault(event.name(), 0),
                    round(d[1]), Math.round(d[0]), round(d[3]), Math.round(d[2])};
                bind(ps, v);
            }
            ps.executeBatch();
        }
    }

    /** V$SESSMETRIC: the interval's reads, CPU and parses shared among the sessions, the active ones taking most. */
    private void sessions(Connection c, Counters delta, Instant from, Instant to) throws SQLException {
        record Session(int sid, long serial, boolean active, long pga) {
        }
        List<Session> sessions = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT s.SID, s.SERIAL#, s.STATUS, p.PGA_ALLOC_MEM "
                + "FROM V$SESSION s LEFT JOIN V$PROCESS p ON p.ADDR = s.PADDR WHERE s.TYPE = 'USER'")) {
            while (rs.next()) {
                sessions.add(new Session(rs.getInt(1), rs.getLong(2), "ACTIVE".equals(rs.getString(3)), rs.getLong(4)));
            }
        }
        double[] weight = new double[sessions.size()];
        double total = 0;
        for (int i = 0; i < weight.length; i++) {
            weight[i] = sessions.get(i).active() ? 0.5 + random.nextDouble() : random.nextDouble() * 0.02;
            total += weight[i];
        }
        double csec = Math.max(100, Duration.between(from, to).toMillis() / 10.0);
        update(c, "DELETE FROM V$SESSMETRIC");
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO V$SESSMETRIC (BEGIN_TIME, END_TIME, INTSIZE_CSEC, SESSION_ID, "
                + "SESSION_SERIAL_NUM, CPU, PHYSICAL_READS, LOGICAL_READS, PGA_MEMORY, HARD_PARSES, SOFT_PARSES, PHYSICAL_READ_PCT, "
                + "LOGICAL_READ_PCT, CON_ID) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 0)")) {
            for (int i = 0; i < weight.length; i++) {
                double share = total == 0 ? 0 : weight[i] / total;
                Session s = sessions.get(i);
                double soft = delta.stat("parse count (total)") - delta.stat("parse count (hard)");
                Object[] v = {date(from), date(to), Math.round(csec), s.sid(), s.serial(), round(delta.stat("CPU used by this session") * share),
                    Math.round(delta.stat("physical reads") * share), Math.round(delta.stat("session logical reads") * share), s.pga(),
                    Math.round(delta.stat("parse count (hard)") * share), Math.round(Math.max(0, soft) * share), round(100 * share), round(100 * share)};
                bind(ps, v);
            }
            ps.executeBatch();
        }
    }

    /** Transactions and DML locks follow the active sessions, as they do between two checks of V$RESOURCE_LIMIT. */
    private static void limits(Connection c) throws SQLException {
        update(c, "UPDATE V$RESOURCE_LIMIT SET CURRENT_UTILIZATION = (SELECT COUNT(*) FROM V$SESSION WHERE TYPE = 'USER' AND STATUS = 'ACTIVE') "
                + "WHERE RESOURCE_NAME = 'transactions'");
        update(c, "UPDATE V$RESOURCE_LIMIT SET CURRENT_UTILIZATION = 3 * (SELECT COUNT(*) FROM V$SESSION WHERE TYPE = 'USER' AND STATUS = 'ACTIVE') "
                + "WHERE RESOURCE_NAME = 'dml_locks'");
        update(c, "UPDATE V$RESOURCE_LIMIT SET MAX_UTILIZATION = GREATEST(MAX_UTILIZATION, CURRENT_UTILIZATION) "
                + "WHERE RESOURCE_NAME IN ('transactions', 'dml_locks')");
    }

    /** One Active Session History sample: every active foreground session on CPU or in a non-idle wait. */
    private void sample(Connection c, Instant now) throws SQLException {
        sampleId++;
        Timestamp at = Timestamp.valueOf(LocalDateTime.ofInstant(now, ZoneId.systemDefault()).withNano(now.getNano() / 1_000_000 * 1_000_000));
        update(c, "INSERT INTO V$ACTIVE_SESSION_HISTORY (SAMPLE_ID, SAMPLE_TIME, IS_AWR_SAMPLE, SESSION_ID, SESSION_SERIAL#, SESSION_TYPE, "
                + "USER_ID, SQL_ID, IS_SQLID_CURRENT, SQL_CHILD_NUMBER, SQL_OPNAME, EVENT, EVENT_ID, WAIT_CLASS, WAIT_CLASS_ID, WAIT_TIME, "
                + "SESSION_STATE, TIME_WAITED, BLOCKING_SESSION_STATUS, BLOCKING_SESSION, PROGRAM, MODULE, MACHINE, CON_DBID, CON_ID) "
                + "SELECT ?, ?, CASE WHEN MOD(?, 10) = 0 THEN 'Y' ELSE 'N' END, s.SID, s.SERIAL#, 'FOREGROUND', s.USER#, s.SQL_ID, 'Y', 0, "
                + "CASE WHEN q.SQL_TEXT LIKE 'SELECT%' THEN 'SELECT' WHEN q.SQL_TEXT LIKE 'INSERT%' THEN 'INSERT' WHEN q.SQL_TEXT LIKE 'UPDATE%' "
                + "THEN 'UPDATE' WHEN q.SQL_TEXT LIKE 'DELETE%' THEN 'DELETE' ELSE 'PL/SQL EXECUTE' END, "
                + "CASE WHEN s.STATE = 'WAITING' THEN s.EVENT END, CASE WHEN s.STATE = 'WAITING' THEN e.EVENT_ID END, "
                + "CASE WHEN s.STATE = 'WAITING' THEN s.WAIT_CLASS END, CASE WHEN s.STATE = 'WAITING' THEN e.WAIT_CLASS_ID END, "
                + "CASE WHEN s.STATE = 'WAITING' THEN 0 ELSE 1 END, CASE WHEN s.STATE = 'WAITING' THEN 'WAITING' ELSE 'ON CPU' END, "
                + "CASE WHEN s.STATE = 'WAITING' THEN s.WAIT_TIME_MICRO ELSE 0 END, s.BLOCKING_SESSION_STATUS, s.BLOCKING_SESSION, "
                + "s.PROGRAM, s.MODULE, s.MACHINE, ?, 0 "
                + "FROM V$SESSION s LEFT JOIN V$SYSTEM_EVENT e ON e.EVENT = s.EVENT LEFT JOIN V$SQLSTATS q ON q.SQL_ID = s.SQL_ID "
                + "WHERE s.TYPE = 'USER' AND s.STATUS = 'ACTIVE' AND (s.STATE <> 'WAITING' OR s.WAIT_CLASS <> 'Idle')",
                sampleId, at, sampleId, DemoSeed.DBID);
        if (sampleId % 20 == 0) {
            update(c, "DELETE FROM V$ACTIVE_SESSION_HISTORY WHERE SAMPLE_ID <= ?", sampleId - ASH_SAMPLES);
        }
    }

    private static void bind(PreparedStatement ps, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            ps.setObject(i + 1, values[i]);
        }
        ps.addBatch();
    }

    private static double percent(double part, double whole, double whenNone) {
        return whole <= 0 ? whenNone : Math.clamp(100.0 * part / whole, 0, 100);
    }

    private static double round(double v) {
        return Math.round(v * 1000) / 1000.0;
    }
}
