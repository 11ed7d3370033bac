package io.vigil.target.demo;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The episodes a DBA looks for in Top Activity, on top of the workload's random sessions, once every
 * {@link #CYCLE_SECONDS}: a burst of single-block and multiblock reads in six batch and report sessions, a lock chain (a
 * batch holding a row that two application sessions wait for on 'enq: TX - row lock contention'), and one report
 * statement on CPU in three sessions for a minute. Their statements are in V$SQL, so Top Activity shows their text.
 * The lock chain lasts {@link #LOCK_SECONDS}, well under the five minutes the blocked-sessions rule waits for.
 * Outside the episodes a tick costs nothing; inside, one batched update (and the chain's V$LOCK rows).
 */
final class DemoBursts {

    static final int CYCLE_SECONDS = 360;
    /** Where each episode sits in the cycle, in seconds from its start. */
    static final int IO_FROM = 20;
    static final int IO_SECONDS = 80;
    static final int LOCK_FROM = 150;
    static final int LOCK_SECONDS = 50;
    static final int CPU_FROM = 250;
    static final int CPU_SECONDS = 60;

    static final String IO_SQL_SCAN = "5ms6rbzdnq16t";
    static final String IO_SQL_PURGE = "b6usrg82hwsa3";
    static final String LOCK_HOLDER_SQL = "9babjv8yq8ru3";
    static final String LOCK_WAITER_SQL = "g0bggfqrddc4w";
    static final String CPU_SQL = "a8j39qb13tqkr";
    static final String ROW_LOCK = "enq: TX - row lock contention";

    /** Which user sessions (by their place in SID order) take part: batch, report and application sessions. */
    private static final int[] IO_SESSIONS = {50, 51, 53, 54, 56, 59};
    private static final int LOCK_HOLDER = 52;
    private static final int[] LOCK_WAITERS = {10, 11};
    private static final int[] CPU_SESSIONS = {55, 58, 61};

    private static final AtomicInteger INSTANCES = new AtomicInteger();

    /** Demo targets in one process start their cycles apart, so 40 of them do not burst in step. */
    private final int offset;
    private List<Integer> userSids;

    DemoBursts(Instant start) {
        this.offset = Math.floorMod(start.getEpochSecond() + 97L * INSTANCES.incrementAndGet(), CYCLE_SECONDS);
    }

    /** Seconds since the current cycle began. */
    int phase(Instant now) {
        return (int) Math.floorMod(now.getEpochSecond() + offset, (long) CYCLE_SECONDS);
    }

    /** Plays the episode running at {@code now}, after the workload moved the sessions; returns how many sessions it made active. */
    int tick(Connection c, Instant now) throws SQLException {
        int p = phase(now);
        long second = now.getEpochSecond();
        List<Object[]> rows = new ArrayList<>();
        if (p >= IO_FROM && p < IO_FROM + IO_SECONDS) {
            for (int i = 0; i < IO_SESSIONS.length; i++) {
                boolean scan = i < 3;
                // a full scan mostly reads many blocks at once, with single-block reads between; the purge the other way round
                boolean multiblock = (second + i) % 4 != 0 == scan;
                rows.add(waiting(sid(c, IO_SESSIONS[i]), scan ? IO_SQL_SCAN : IO_SQL_PURGE,
                        multiblock ? "db file scattered read" : "db file sequential read", "User I/O", null, 0));
            }
        } else if (p >= LOCK_FROM && p < LOCK_FROM + LOCK_SECONDS) {
            int holder = sid(c, LOCK_HOLDER);
            rows.add(onCpu(holder, LOCK_HOLDER_SQL));
            for (int w : LOCK_WAITERS) {
                rows.add(waiting(sid(c, w), LOCK_WAITER_SQL, ROW_LOCK, "Application", holder, p - LOCK_FROM));
            }
        } else if (p >= CPU_FROM && p < CPU_FROM + CPU_SECONDS) {
            for (int s : CPU_SESSIONS) {
                rows.add(onCpu(sid(c, s), CPU_SQL));
            }
        }
        if (rows.isEmpty()) {
            return 0;
        }
        try (PreparedStatement upd = c.prepareStatement("UPDATE V$SESSION SET STATUS = 'ACTIVE', STATE = ?, EVENT = ?, WAIT_CLASS = ?, "
                + "SQL_ID = ?, BLOCKING_SESSION = ?, BLOCKING_SESSION_STATUS = ?, SECONDS_IN_WAIT = ?, LAST_CALL_ET = ? WHERE SID = ?")) {
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    upd.setObject(i + 1, row[i]);
                }
                upd.addBatch();
            }
            upd.executeBatch();
        }
        if (p >= LOCK_FROM && p < LOCK_FROM + LOCK_SECONDS) {
            locks(c, p - LOCK_FROM);
        }
        return rows.size();
    }

    private static Object[] waiting(int sid, String sqlId, String event, String waitClass, Integer blocker, int seconds) {
        return new Object[] {"WAITING", event, waitClass, sqlId, blocker, blocker == null ? "NO HOLDER" : "VALID", seconds, seconds, sid};
    }

    // Not waiting: V$SESSION keeps the last event waited for, as Oracle does; its STATE says the session is on CPU.
    private static Object[] onCpu(int sid, String sqlId) {
        return new Object[] {"WAITED SHORT TIME", "db file sequential read", "User I/O", sqlId, null, "NO HOLDER", 0, 0, sid};
    }

    // The holder's exclusive TX lock and the waiters' requests, as V$LOCK shows a row lock.
    private void locks(Connection c, int seconds) throws SQLException {
        int holder = sid(c, LOCK_HOLDER);
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO V$LOCK (SID, TYPE, ID1, ID2, LMODE, REQUEST, CTIME, BLOCK, CON_ID) "
                + "VALUES (?, 'TX', 393217, 7421, ?, ?, ?, ?, 0)")) {
            Object[][] rows = {{holder, 6, 0, seconds, 1}, {sid(c, LOCK_WAITERS[0]), 0, 6, seconds, 0}, {sid(c, LOCK_WAITERS[1]), 0, 6, seconds, 0}};
            for (Object[] row : rows) {
                for (int i = 0; i < row.length; i++) {
                    ps.setObject(i + 1, row[i]);
                }
                ps.addBatch();
            }
            ps.executeBatch();
        }
    }

    /** The SID of the user session at {@code place} in SID order (the seed's sessions stay for the instance's life). */
    private int sid(Connection c, int place) throws SQLException {
        if (userSids == null) {
            List<Integer> sids = new ArrayList<>();
            try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery("SELECT SID FROM V$SESSION WHERE TYPE = 'USER' ORDER BY SID")) {
                while (rs.next()) {
                    sids.add(rs.getInt(1));
                }
            }
            userSids = sids;
        }
        return userSids.get(place % userSids.size());
    }
}
