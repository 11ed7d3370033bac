package io.vigil.config;

/** What kind of moment a {@link VigilEvent} marks. */
public enum EventType {
    /** An entry of the database's alert log. */
    ALERT_LOG,
    /** An alert fired, changed severity or resolved. */
    ALERT,
    /** The instance restarted (its start time moved). */
    RESTART
}
