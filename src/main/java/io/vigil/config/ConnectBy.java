package io.vigil.config;

/** How the {@code database} field of a target names what to connect to. */
public enum ConnectBy {
    /** Oracle service name (host:port/service). */
    SERVICE_NAME,
    /** Oracle SID (host:port:SID), for old instances without a service. */
    SID,
    /** An alias from tnsnames.ora in the target's TNS_ADMIN folder; host and port are then unused. */
    TNS_ALIAS,
    /** A MySQL/MariaDB or PostgreSQL database name. */
    DATABASE
}
