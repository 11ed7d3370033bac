package io.vigil.alert;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import javax.sql.DataSource;

import io.vigil.alert.events.AlertLogBatch;
import io.vigil.alert.events.AlertLogEvents;
import io.vigil.alert.events.AlertLogIgnoreList;
import io.vigil.config.ConfigStore;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.VigilEvent;

/**
 * The Oracle alert log as events: each cycle, the entries the alert_log mirror appended to the cache since the last
 * look. What the cache already held when this collector started was seen by the previous run, so it is skipped.
 */
public final class AlertLogSource implements Alerting.EventSource {

    private final AlertLogEvents reader;
    private final ConfigStore store;
    private final Instant started;
    private final Map<Long, Long> lastRecord = new HashMap<>();

    public AlertLogSource(DataSource cache, ConfigStore store, Instant started) {
        this.reader = new AlertLogEvents(cache);
        this.store = store;
        this.started = started;
    }

    @Override
    public List<VigilEvent> poll(RulePlan plan, Instant now) {
        AlertLogIgnoreList ignore = new AlertLogIgnoreList(store.eventIgnores());
        List<VigilEvent> out = new ArrayList<>();
        for (Target t : plan.targets()) {
            if (!t.enabled() || t.kind().packKind() != TargetKind.ORACLE) {
                continue;
            }
            boolean first = !lastRecord.containsKey(t.id());
            AlertLogBatch batch = reader.read(t.id(), t.name(), lastRecord.getOrDefault(t.id(), 0L), ignore);
            lastRecord.put(t.id(), batch.lastRecordId());
            batch.events().stream().filter(e -> !first || !e.at().isBefore(started)).forEach(out::add);
        }
        return out;
    }
}
