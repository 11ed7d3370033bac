package io.vigil.ui.alerts;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

import io.vigil.config.Alert;
import io.vigil.config.AlertChange;
import io.vigil.config.AlertKey;
import io.vigil.config.AlertStore;
import io.vigil.config.EventType;
import io.vigil.config.Severity;
import io.vigil.config.VigilEvent;

/** A real alert store that also notes which target each history query asked for. */
record ForwardingAlertStore(AlertStore store, List<String> targetsAsked) implements AlertStore {

    @Override
    public List<Alert> open() {
        return store.open();
    }

    @Override
    public void apply(Collection<Alert> upserts, Collection<AlertKey> removed, List<AlertChange> changes) {
        store.apply(upserts, removed, changes);
    }

    @Override
    public List<AlertChange> history(Instant from, Instant to, String target, Severity atLeast, int limit) {
        targetsAsked.add(target);
        return store.history(from, to, target, atLeast, limit);
    }

    @Override
    public boolean acknowledge(AlertKey key, String by, String comment, Instant at) {
        return store.acknowledge(key, by, comment, at);
    }

    @Override
    public void addEvents(List<VigilEvent> events) {
        store.addEvents(events);
    }

    @Override
    public List<VigilEvent> events(String target, Instant from, Instant to, int limit) {
        return store.events(target, from, to, limit);
    }

    @Override
    public List<VigilEvent> recentEvents(String target, Instant from, Instant to, int limit) {
        return store.recentEvents(target, from, to, limit);
    }

    @Override
    public Optional<VigilEvent> lastEvent(long targetId, EventType type) {
        return store.lastEvent(targetId, type);
    }

    @Override
    public Optional<java.time.Instant> instanceStart(long targetId) {
        return store.instanceStart(targetId);
    }

    @Override
    public void instanceStarted(long targetId, java.time.Instant startedAt, java.time.Instant seenAt) {
        store.instanceStarted(targetId, startedAt, seenAt);
    }
}
