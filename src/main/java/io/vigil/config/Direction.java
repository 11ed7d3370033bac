package io.vigil.config;

/** Which way a threshold rule's values get worse. */
public enum Direction {
    /** Higher is worse: space used, sessions, lag. */
    ABOVE,
    /** Lower is worse: cache hit ratio, "instance open" (1 = open). */
    BELOW
}
