package io.vigil.alert;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.LongPredicate;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.Alert;
import io.vigil.config.AlertChange;
import io.vigil.config.AlertKey;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStoreException;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;

/**
 * The alerting service of a collector (the console's or {@code vigil collect}'s): evaluates the rules every few seconds
 * on its own thread, keeps each alert's state in the config store, and tells its listeners (the channels, the console).
 * When the store cannot be written, the changes wait in memory and go with the next cycle: nothing is lost.
 */
public final class Alerting implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(Alerting.class);
    /** How often the rules are evaluated: far below the shortest metric interval, so a crossing is seen within seconds. */
    public static final int PERIOD_SECONDS = 5;

    private final ConfigStore store;
    private final Observations seen;
    private final LongPredicate paused;
    private final Clock clock;
    private final RuleEngine engine;
    private final AlertEvents alertEvents;
    private final List<AlertListener> listeners = new CopyOnWriteArrayList<>();
    private final List<EventSource> sources = new CopyOnWriteArrayList<>();
    private final ScheduledExecutorService timer = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread t = new Thread(r, "vigil-alerting");
        t.setDaemon(true);
        return t;
    });
    private final Map<AlertKey, Alert> persisted = new HashMap<>();
    private final List<AlertChange> unsaved = new ArrayList<>();
    private final List<VigilEvent> unsavedEvents = new ArrayList<>();
    private volatile RulePlan plan;
    private volatile List<Alert> open = List.of();
    private volatile long lastCycleNanos;
    private io.vigil.alert.notify.Dispatcher dispatcher;
    private volatile boolean follower;

    /** Something that finds events (alert-log entries, restarts) once per cycle. */
    @FunctionalInterface
    public interface EventSource {
        List<VigilEvent> poll(RulePlan plan, Instant now);
    }

    /** Reads the rules and the alerts the store kept: call off the FX thread. Events are written in the system's language. */
    public Alerting(ConfigStore store, Observations seen, LongPredicate paused, Clock clock) {
        this(store, seen, paused, clock, new Messages(Messages.localeFor("")));
    }

    /** As {@link #Alerting(ConfigStore, Observations, LongPredicate, Clock)}, with the language of the events' texts. */
    public Alerting(ConfigStore store, Observations seen, LongPredicate paused, Clock clock, Messages messages) {
        this.store = store;
        this.seen = seen;
        this.paused = paused;
        this.clock = clock;
        this.alertEvents = new AlertEvents(messages);
        List<Alert> restored = store.alerts().open();
        restored.forEach(a -> persisted.put(a.key(), a));
        this.engine = new RuleEngine(restored, clock.instant());
        this.open = restored;
        reload();
    }

    /**
     * The alerting of a running collector, started: rules over what {@code seen} reports of it (its job board and latest
     * values), every {@value #PERIOD_SECONDS} s. Reads the store: call off the FX thread.
     */
    public static Alerting forCollector(ConfigStore store, io.vigil.schedule.LocalCollector collector, Observations seen, Clock clock,
                                        java.util.function.Consumer<io.vigil.alert.notify.Notification> desktop) {
        Messages messages = new Messages(Messages.localeFor(""));
        Observations withForecasts = new ForecastObservations(seen, new io.vigil.series.SpaceForecasts(collector.series(), clock));
        Alerting alerting = new Alerting(store, withForecasts, id -> collector.isPaused(id) || !collector.runsHere(id), clock, messages);
        alerting.addSource(new AlertLogSource(collector.cache().dataSource(), store, clock.instant()));
        alerting.addSource(new RestartSource(collector.cache().dataSource(), collector.ledger(), store.alerts(), RestartSource.shippedStarts(),
                messages, java.time.ZoneId.systemDefault()));
        io.vigil.alert.notify.Dispatcher dispatcher = new io.vigil.alert.notify.Dispatcher(store::channels,
                () -> store.mutes(clock.instant()), messages, clock, desktop);
        dispatcher.addListener(d -> alerting.notified(d.keys(), d.at()));
        alerting.dispatcher = dispatcher;
        alerting.addListener(new AlertNotifier(dispatcher, alerting::plan, clock));
        alerting.start(Duration.ofSeconds(PERIOD_SECONDS));
        return alerting;
    }

    /**
     * The alerts of a team's collectors as a console that collects nothing sees them: read from the shared config
     * store every {@value #PERIOD_SECONDS} s, never evaluated here. Acknowledging writes to the store; the channels can
     * be tested from here. Reads the store: call off the FX thread.
     */
    public static Alerting follow(ConfigStore store, Clock clock) {
        Messages messages = new Messages(Messages.localeFor(""));
        Alerting alerting = new Alerting(store, null, id -> true, clock, messages);
        alerting.follower = true;
        alerting.dispatcher = new io.vigil.alert.notify.Dispatcher(store::channels, () -> store.mutes(clock.instant()), messages, clock, n -> { });
        alerting.timer.scheduleWithFixedDelay(() -> {
            try {
                alerting.open = store.alerts().open();
            } catch (RuntimeException e) {
                LOG.debug("Alerts not read again: {}", e.getMessage());
            }
        }, PERIOD_SECONDS, PERIOD_SECONDS, TimeUnit.SECONDS);
        return alerting;
    }

    /** Reads targets, rules, metrics and mirrors again (after an edit). */
    public void reload() {
        plan = new RulePlan(store.targets(), store.rules(), store.metrics(), store.mirrors());
    }

    public void addListener(AlertListener listener) {
        listeners.add(listener);
    }

    public void addSource(EventSource source) {
        sources.add(source);
    }

    /** Evaluates every {@code period} from now on. */
    public void start(Duration period) {
        timer.scheduleWithFixedDelay(this::cycleQuietly, period.toMillis(), period.toMillis(), TimeUnit.MILLISECONDS);
    }

    private void cycleQuietly() {
        try {
            cycle();
        } catch (RuntimeException e) {
            LOG.error("An alerting cycle failed", e);
        }
    }

    /** One evaluation: events, rules, state kept, listeners told. Public for tests and benchmarks. */
    public synchronized List<Step> cycle() {
        long start = System.nanoTime();
        Instant now = clock.instant();
        RulePlan current = plan;
        // events of the targets this collector runs: in a team each collector reads those of its own targets only
        RulePlan mine = new RulePlan(current.targets().stream().filter(t -> !paused.test(t.id())).toList(), current.rules(), current.metrics(),
                current.mirrors());
        for (EventSource source : sources) {
            try {
                List<VigilEvent> found = source.poll(mine, now);
                unsavedEvents.addAll(found);
                engine.events(found, current);
            } catch (RuntimeException e) {
                LOG.warn("Reading events failed: {}", e.toString());
            }
        }
        List<Step> steps = engine.evaluate(current, seen, paused, now);
        List<Step> notable = new ArrayList<>();
        for (Step s : steps) {
            if (s.change() != null) {
                unsaved.add(s.change());
            }
            if (s.notice() != null) {
                notable.add(s);
            }
        }
        unsavedEvents.addAll(alertEvents.of(notable, current)); // the chart marks what the channels hear
        open = engine.alerts();
        save();
        for (AlertListener l : listeners) {
            try {
                l.evaluated(notable, open);
            } catch (RuntimeException e) {
                LOG.warn("An alert listener failed: {}", e.toString());
            }
        }
        lastCycleNanos = System.nanoTime() - start;
        return notable;
    }

    private void save() {
        Map<AlertKey, Alert> now = new HashMap<>();
        open.forEach(a -> now.put(a.key(), a));
        List<Alert> upserts = now.values().stream().filter(a -> !Objects.equals(persisted.get(a.key()), a)).toList();
        List<AlertKey> removed = persisted.keySet().stream().filter(k -> !now.containsKey(k)).toList();
        try {
            store.alerts().apply(upserts, removed, List.copyOf(unsaved));
            store.alerts().addEvents(List.copyOf(unsavedEvents));
            persisted.clear();
            persisted.putAll(now);
            unsaved.clear();
            unsavedEvents.clear();
        } catch (ConfigStoreException e) {
            LOG.warn("Alert states wait in memory: the config store cannot be written ({}): {} changes", e.getMessage(), unsaved.size());
        }
    }

    /** Acknowledges an alert: it stays listed, channels stop repeating it. Blocks on the store: call off the FX thread. */
    public synchronized boolean acknowledge(AlertKey key, String by, String comment) {
        Instant at = clock.instant();
        if (follower) {
            boolean stored = store.alerts().acknowledge(key, by, comment, at);
            open = store.alerts().open();
            return stored;
        }
        engine.acknowledge(key, by, comment, at);
        open = engine.alerts();
        boolean stored = store.alerts().acknowledge(key, by, comment, at);
        open.stream().filter(a -> a.key().equals(key)).findFirst().ifPresent(a -> persisted.put(key, a));
        return stored;
    }

    /**
     * Reads the alerts of targets this collector has just taken over from another one, which kept them in the store
     * since: the rules go on from there rather than from what this collector knew when it started.
     */
    public synchronized void adopt(java.util.Set<Long> targetIds) {
        List<Alert> stored = store.alerts().open().stream().filter(a -> targetIds.contains(a.key().targetId())).toList();
        engine.replace(targetIds, stored);
        persisted.keySet().removeIf(k -> targetIds.contains(k.targetId()));
        stored.forEach(a -> persisted.put(a.key(), a));
        open = engine.alerts();
    }

    /** Records that channels were told about these alerts (kept with the next save). */
    public synchronized void notified(List<AlertKey> keys, Instant at) {
        keys.forEach(k -> engine.notified(k, at));
        open = engine.alerts();
    }

    /** Every alert that is not OK, as of the last cycle. */
    public List<Alert> open() {
        return open;
    }

    public RulePlan plan() {
        return plan;
    }

    /** How long the last cycle took, for the benchmark. */
    public Duration lastCycle() {
        return Duration.ofNanos(lastCycleNanos);
    }

    /** The channels this alerting sends to, with their delivery status and test; null when it sends nowhere. */
    public io.vigil.alert.notify.Dispatcher dispatcher() {
        return dispatcher;
    }

    @Override
    public void close() {
        timer.shutdownNow();
        if (dispatcher != null) {
            dispatcher.close();
        }
    }
}
