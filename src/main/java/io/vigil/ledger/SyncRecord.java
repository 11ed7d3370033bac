package io.vigil.ledger;

import java.time.Instant;
import java.util.Objects;

/**
 * One finished sync of one mirror for one target.
 *
 * @param targetId the target
 * @param mirror   the mirror's name
 * @param syncedAt the source time of the snapshot (the target's clock when it was read), not when it was written here
 * @param rows     rows cached
 * @param tookMs   how long pull + cache took
 */
public record SyncRecord(long targetId, String mirror, Instant syncedAt, long rows, long tookMs) {

    public SyncRecord {
        Objects.requireNonNull(mirror, "mirror");
        Objects.requireNonNull(syncedAt, "syncedAt");
    }

    /** The compact form stored and published: {@code targetId|mirror|syncedAtMillis|rows|tookMs}. */
    String encode() {
        return targetId + "|" + mirror + "|" + syncedAt.toEpochMilli() + "|" + rows + "|" + tookMs;
    }

    static SyncRecord decode(String text) {
        String[] p = text.split("\\|", -1);
        if (p.length != 5 && p.length != 7) { // a shared ledger adds the writer and its fencing token
            throw new IllegalArgumentException("not a sync record: " + text);
        }
        return new SyncRecord(Long.parseLong(p[0]), p[1], Instant.ofEpochMilli(Long.parseLong(p[2])), Long.parseLong(p[3]),
                Long.parseLong(p[4]));
    }
}
