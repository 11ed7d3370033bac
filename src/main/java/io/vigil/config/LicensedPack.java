package io.vigil.config;

/**
 * An Oracle option pack that must be licensed before some views may be read: V$ACTIVE_SESSION_HISTORY and DBA_HIST_*
 * belong to the Diagnostics Pack, V$SQL_MONITOR and the SQL tuning views to the Tuning Pack. A mirror that needs one
 * runs only on a target that says the pack is licensed there.
 */
public enum LicensedPack {
    DIAGNOSTICS,
    TUNING
}
