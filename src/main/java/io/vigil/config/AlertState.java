package io.vigil.config;

/** Where an alert stands: OK → PENDING (crossed, held) → FIRING (warn or crit) → RESOLVED → OK. */
public enum AlertState {
    OK,
    PENDING,
    FIRING,
    RESOLVED
}
