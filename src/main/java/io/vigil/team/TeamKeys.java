package io.vigil.team;

import io.vigil.ledger.RedisLedger;

/**
 * Where a team keeps its shared state in Redis, under the ledger's prefix (e.g. "vigil:"): a lease and a fencing counter
 * per target, a heartbeat per collector, the collectors' sorted set, job states and newest values per target, the
 * paused targets, and two channels: {@code events} (changes, published in batches) and {@code control} (pause, resume,
 * reload).
 */
record TeamKeys(String prefix) {

    String lease(long targetId) {
        return RedisLedger.leaseKey(prefix, targetId);
    }

    String fence(long targetId) {
        return prefix + "fence:" + targetId;
    }

    String collector(String id) {
        return prefix + "collector:" + id;
    }

    String collectors() {
        return prefix + "collectors";
    }

    String jobs(long targetId) {
        return prefix + "jobs:" + targetId;
    }

    String latest(long targetId) {
        return prefix + "latest:" + targetId;
    }

    String paused() {
        return prefix + "paused";
    }

    String events() {
        return prefix + "events";
    }

    String control() {
        return prefix + "control";
    }
}
