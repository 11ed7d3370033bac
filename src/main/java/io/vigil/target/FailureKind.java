package io.vigil.target;

/** Why a connection or a query to a target failed, in the categories a DBA acts on. */
public enum FailureKind {
    /** Wrong user or password, or a locked or expired account: not retried before its backoff ends. */
    LOGIN_REFUSED,
    /** No listener, refused connection, unknown host. */
    UNREACHABLE,
    /** The host or listener did not answer in time. */
    TIMEOUT,
    /** The service, SID or database does not exist there. */
    UNKNOWN_DATABASE,
    /** Logged in, but the user may not read what is asked. */
    MISSING_PRIVILEGE,
    /** The SQL itself is wrong (syntax, unknown table or column). */
    BAD_SQL,
    /** A TLS connection could not be made or was refused: no TLS at the server, a certificate not signed by the CA or for another host. */
    TLS_REFUSED,
    /** Anything else. */
    OTHER
}
