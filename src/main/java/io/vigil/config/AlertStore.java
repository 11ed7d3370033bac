package io.vigil.config;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/**
 * The alerting state the collector keeps beside the configuration: alerts that are not OK, their history, and events.
 * Lives in the config store's database, so a restart (or another collector sharing a MySQL store) picks it up.
 * Calls block on JDBC: never call them on the FX thread.
 */
public interface AlertStore {

    /** Every alert that is not OK. */
    List<Alert> open();

    /**
     * Writes one evaluation's outcome in one transaction: alerts inserted or replaced, alerts gone back to OK removed, and
     * their history.
     */
    void apply(Collection<Alert> upserts, Collection<AlertKey> removed, List<AlertChange> changes);

    /** History, newest first, between two times; {@code target} empty = every target; at most {@code limit} rows. */
    List<AlertChange> history(Instant from, Instant to, String target, Severity atLeast, int limit);

    /** Marks an alert acknowledged: it stays firing and listed, but channels stop repeating it. False when it is gone. */
    boolean acknowledge(AlertKey key, String by, String comment, Instant at);

    void addEvents(List<VigilEvent> events);

    /** Events of a target (empty = all) between two times, oldest first, at most {@code limit}. */
    List<VigilEvent> events(String target, Instant from, Instant to, int limit);

    /** Events of a target (empty = all) between two times, newest first, at most {@code limit}: the latest when there are more. */
    List<VigilEvent> recentEvents(String target, Instant from, Instant to, int limit);

    /** The instance start last seen on a target, if one was ever seen. */
    Optional<Instant> instanceStart(long targetId);

    /** Keeps the instance start seen on a target (replacing the one before). */
    void instanceStarted(long targetId, Instant startedAt, Instant seenAt);

    /** The newest event of one type on a target (by id, so a rename does not lose it), if there is one. */
    Optional<VigilEvent> lastEvent(long targetId, EventType type);
}
