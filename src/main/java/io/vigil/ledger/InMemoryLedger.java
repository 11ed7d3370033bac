package io.vigil.ledger;

import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Consumer;
import java.util.stream.Collectors;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** The ledger for one workstation: in this process's memory, listeners called on the recording thread. */
public final class InMemoryLedger implements SyncLedger {

    private static final Logger LOG = LoggerFactory.getLogger(InMemoryLedger.class);

    private record Key(long targetId, String mirror) {
    }

    private final Map<Key, SyncRecord> last = new ConcurrentHashMap<>();
    private final CopyOnWriteArrayList<Consumer<SyncRecord>> listeners = new CopyOnWriteArrayList<>();

    @Override
    public void record(SyncRecord sync) {
        last.merge(new Key(sync.targetId(), sync.mirror()), sync, (old, now) -> now.syncedAt().isBefore(old.syncedAt()) ? old : now);
        for (Consumer<SyncRecord> l : listeners) {
            try {
                l.accept(sync);
            } catch (RuntimeException e) {
                LOG.warn("A sync listener failed for {} / {}: {}", sync.targetId(), sync.mirror(), e.toString());
            }
        }
    }

    @Override
    public Optional<SyncRecord> last(long targetId, String mirror) {
        return Optional.ofNullable(last.get(new Key(targetId, mirror)));
    }

    @Override
    public Map<String, SyncRecord> lastForTarget(long targetId) {
        return last.entrySet().stream().filter(e -> e.getKey().targetId() == targetId)
                .collect(Collectors.toMap(e -> e.getKey().mirror(), Map.Entry::getValue));
    }

    @Override
    public AutoCloseable subscribe(Consumer<SyncRecord> listener) {
        listeners.add(listener);
        return () -> listeners.remove(listener);
    }

    @Override
    public void close() {
        listeners.clear();
    }
}
