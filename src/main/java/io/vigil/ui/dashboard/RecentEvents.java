package io.vigil.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;

import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.AlertStore;
import io.vigil.config.Target;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * The shown target's events of the last day, newest first: read in the background at once when another target is
 * chosen, and again every {@link #EVERY} of snapshot time. An answer for a target no longer shown is dropped.
 */
public final class RecentEvents {

    private static final Logger LOG = LoggerFactory.getLogger(RecentEvents.class);
    /** How far back the list reaches. */
    public static final Duration SPAN = Duration.ofHours(24);
    /** The most events listed: the newest. */
    public static final int LIMIT = 50;
    /** How often the list is read again while a target is shown (the alerting finds events every 5 s). */
    static final Duration EVERY = Duration.ofSeconds(10);
    // Alert-log times are the database's clock: one a little ahead of this machine's must still be listed.
    private static final Duration AHEAD = Duration.ofHours(1);

    private final AlertStore store;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ZoneId zone;
    private final ObservableList<VigilEvent> events = FXCollections.observableArrayList();
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private final ReadOnlyBooleanWrapper limited = new ReadOnlyBooleanWrapper(this, "limited", false);
    private Target shown;
    private Instant lastRead;
    private boolean reading;
    private long asked; // which read an answer belongs to

    /**
     * @param store    where the alerting keeps events
     * @param executor runs the reads off the FX thread
     * @param zone     the zone the list's times are shown in
     */
    public RecentEvents(AlertStore store, TaskExecutor executor, Messages messages, ZoneId zone) {
        this.store = store;
        this.executor = executor;
        this.messages = messages;
        this.zone = zone;
    }

    /** A snapshot's shown target (null for none) and time; call on the FX thread. */
    public void update(Target target, Instant now) {
        if (target == null) {
            shown = null;
            asked++;
            reading = false;
            events.clear();
            return;
        }
        boolean another = shown == null || shown.id() != target.id() || !shown.name().equals(target.name());
        if (another) {
            shown = target;
            events.clear();
            problem.set("");
            limited.set(false);
        } else if (reading || lastRead != null && Duration.between(lastRead, now).compareTo(EVERY) < 0) {
            return;
        }
        read(target, now);
    }

    private void read(Target target, Instant now) {
        long mine = ++asked;
        reading = true;
        lastRead = now;
        String name = target.name();
        executor.run(() -> store.recentEvents(name, now.minus(SPAN), now.plus(AHEAD), LIMIT), found -> {
            if (mine != asked) {
                return;
            }
            reading = false;
            problem.set("");
            limited.set(found.size() >= LIMIT);
            if (!found.equals(events)) {
                events.setAll(found);
            }
        }, e -> {
            if (mine != asked) {
                return;
            }
            reading = false;
            LOG.warn("Recent events of {} not read: {}", name, e.toString());
            problem.set(messages.get("dashboard.events.loadFailed", UserErrors.describe(e, messages)));
        });
    }

    /** The events, newest first. */
    public ObservableList<VigilEvent> events() {
        return events;
    }

    /** Why the events could not be read, empty when they were. */
    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }

    /** True when the day held more events than {@link #LIMIT}. */
    public ReadOnlyBooleanProperty limited() {
        return limited.getReadOnlyProperty();
    }

    public ZoneId zone() {
        return zone;
    }
}
