package io.vigil.config;

import java.time.Instant;

/** One step of an alert's life, kept as history: it went from one state (or severity) to another at a time. */
public record AlertChange(long id, AlertKey key, String targetName, AlertState from, AlertState to, Severity severity, Double value,
                          Instant at, String detail) {

    public AlertChange {
        detail = detail == null ? "" : detail;
    }
}
