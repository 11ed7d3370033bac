package io.vigil.alert.events;

import java.util.List;

import io.vigil.config.VigilEvent;

/**
 * What one read of the alert log produced.
 *
 * @param events       the new events, oldest first
 * @param lastRecordId the record id read up to; pass it to the next read (unchanged when nothing new was read)
 */
public record AlertLogBatch(List<VigilEvent> events, long lastRecordId) {

    public AlertLogBatch {
        events = List.copyOf(events);
    }
}
