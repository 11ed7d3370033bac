package io.vigil.config;

/** How a mirror writes what it pulled into its cache table. */
public enum MirrorMode {
    /** The whole snapshot replaces the previous one atomically: a reader never sees half a snapshot. */
    REPLACE,
    /** Rows past the highest watermark already cached are added (alert log, history views). */
    APPEND
}
