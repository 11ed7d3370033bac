package io.vigil.target.demo;

import static io.vigil.target.demo.DemoSql.update;

import java.sql.Connection;
import java.sql.SQLException;

/**
 * Trouble the demo instance can be put in on purpose, so that a DBA trying Vigil (or a test) sees an alert fire and
 * resolve without waiting hours for the workload to get there. Each holds from when it is set until it is cleared; the
 * workload's own figures come back after that.
 */
public enum DemoPressure {

    /** The USERS tablespace at 96.5 % of its maximum size. */
    TABLESPACE_FULL {
        @Override
        void apply(Connection c, long heldSeconds) throws SQLException {
            update(c, "UPDATE DBA_TABLESPACE_USAGE_METRICS SET USED_SPACE = TABLESPACE_SIZE * 965 / 1000, USED_PERCENT = 96.5 "
                    + "WHERE TABLESPACE_NAME = 'USERS'");
        }
    },
    /** The fast recovery area 93 % full (the nightly clean-up does not run meanwhile). */
    FRA_FULL {
        @Override
        void apply(Connection c, long heldSeconds) throws SQLException {
            update(c, "UPDATE V$RECOVERY_FILE_DEST SET SPACE_USED = SPACE_LIMIT * 93 / 100");
        }
    },
    /** Two sessions waiting on a row lock held by a third, for longer than five minutes. */
    BLOCKED_SESSIONS {
        @Override
        void apply(Connection c, long heldSeconds) throws SQLException {
            update(c, "UPDATE V$SESSION SET STATUS = 'ACTIVE', STATE = 'WAITING', EVENT = 'enq: TX - row lock contention', "
                    + "WAIT_CLASS = 'Application', BLOCKING_SESSION = (SELECT MIN(SID) FROM V$SESSION WHERE TYPE = 'USER'), "
                    + "BLOCKING_SESSION_STATUS = 'VALID', SECONDS_IN_WAIT = ? WHERE TYPE = 'USER' AND SID IN "
                    + "(SELECT SID FROM V$SESSION WHERE TYPE = 'USER' ORDER BY SID OFFSET 1 ROWS FETCH FIRST 2 ROWS ONLY)", 400 + heldSeconds);
        }
    },
    /** The local archive destination in error. */
    ARCHIVE_DEST_ERROR {
        @Override
        void apply(Connection c, long heldSeconds) throws SQLException {
            update(c, "UPDATE V$ARCHIVE_DEST_STATUS SET STATUS = 'ERROR', ERROR = 'ORA-19809: limit exceeded for recovery files' "
                    + "WHERE DEST_ID = 1");
        }

        @Override
        void clear(Connection c) throws SQLException {
            update(c, "UPDATE V$ARCHIVE_DEST_STATUS SET STATUS = 'VALID', ERROR = '' WHERE DEST_ID = 1");
        }
    },
    /** The instance mounted but not open. */
    INSTANCE_MOUNTED {
        @Override
        void apply(Connection c, long heldSeconds) throws SQLException {
            update(c, "UPDATE V$INSTANCE SET STATUS = 'MOUNTED', DATABASE_STATUS = 'ACTIVE'");
        }

        @Override
        void clear(Connection c) throws SQLException {
            update(c, "UPDATE V$INSTANCE SET STATUS = 'OPEN'");
        }
    },
    /** Processes and sessions at 93 % of their limits (the limits are lowered to the sessions there are). */
    NEAR_LIMITS {
        @Override
        void apply(Connection c, long heldSeconds) throws SQLException {
            update(c, "UPDATE V$RESOURCE_LIMIT SET LIMIT_VALUE = LPAD(CAST(CEIL(CURRENT_UTILIZATION / 0.93) AS VARCHAR), 10) "
                    + "WHERE RESOURCE_NAME IN ('processes', 'sessions')");
        }

        @Override
        void clear(Connection c) throws SQLException {
            update(c, "UPDATE V$RESOURCE_LIMIT SET LIMIT_VALUE = INITIAL_ALLOCATION WHERE RESOURCE_NAME IN ('processes', 'sessions')");
        }
    },
    /** Every RMAN job of the last weeks failed: no successful full, incremental or archived-log backup. */
    BACKUPS_FAILING {
        @Override
        void apply(Connection c, long heldSeconds) throws SQLException {
            DemoEstate.backupsFailing(c, true);
        }

        @Override
        void clear(Connection c) throws SQLException {
            DemoEstate.backupsFailing(c, false);
        }
    },
    /** The standby applies redo twenty minutes behind and misses a range of archived logs. */
    STANDBY_BEHIND {
        @Override
        void apply(Connection c, long heldSeconds) throws SQLException {
            DemoEstate.standbyBehind(c, heldSeconds, true);
        }

        @Override
        void clear(Connection c) throws SQLException {
            DemoEstate.standbyBehind(c, 0, false);
        }
    };

    /** Puts the instance in this trouble; runs after every tick of the workload while it holds. */
    abstract void apply(Connection c, long heldSeconds) throws SQLException;

    /** Undoes what the workload does not undo by itself on its next tick. */
    void clear(Connection c) throws SQLException {
    }
}
