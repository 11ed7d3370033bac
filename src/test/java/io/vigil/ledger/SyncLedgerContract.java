package io.vigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every sync ledger does; runs in-process and on a real Redis. */
abstract class SyncLedgerContract {

    protected SyncLedger ledger;

    protected abstract SyncLedger open();

    @BeforeEach
    void start() {
        ledger = open();
    }

    @AfterEach
    void stop() {
        ledger.close();
    }

    static SyncRecord sync(long target, String mirror, long millis) {
        return new SyncRecord(target, mirror, Instant.ofEpochMilli(millis), 42, 7);
    }

    @Test
    void nothingRecordedIsEmpty() {
        assertThat(ledger.last(1, "sysstat")).isEmpty();
        assertThat(ledger.lastForTarget(1)).isEmpty();
    }

    @Test
    void theLastSyncPerTargetAndMirrorIsKept() {
        ledger.record(sync(1, "sysstat", 1_000));
        ledger.record(sync(1, "sysstat", 2_000));
        ledger.record(sync(1, "session", 1_500));
        ledger.record(sync(2, "sysstat", 9_000));
        assertThat(ledger.last(1, "sysstat")).contains(sync(1, "sysstat", 2_000));
        assertThat(ledger.lastForTarget(1)).containsOnlyKeys("sysstat", "session");
        assertThat(ledger.lastForTarget(2)).containsValue(sync(2, "sysstat", 9_000));
    }

    @Test
    void anOlderSnapshotNeverReplacesANewerOne() {
        ledger.record(sync(1, "sysstat", 5_000));
        ledger.record(sync(1, "sysstat", 4_000)); // a slow collector finishing late
        assertThat(ledger.last(1, "sysstat").orElseThrow().syncedAt()).isEqualTo(Instant.ofEpochMilli(5_000));
    }

    @Test
    void subscribersHearOfEverySyncUntilTheyClose() throws Exception {
        List<SyncRecord> heard = new CopyOnWriteArrayList<>();
        AutoCloseable subscription = ledger.subscribe(heard::add);
        ledger.record(sync(3, "sysstat", 1_000));
        ledger.record(sync(3, "session", 1_000));
        awaitSize(heard, 2);
        assertThat(heard).containsExactlyInAnyOrder(sync(3, "sysstat", 1_000), sync(3, "session", 1_000));
        subscription.close();
        ledger.record(sync(3, "sysstat", 2_000));
        Thread.sleep(200);
        assertThat(heard).hasSize(2);
    }

    @Test
    void mirrorNamesWithOddCharactersRoundTrip() {
        SyncRecord odd = new SyncRecord(1, "v$sysstat#1", Instant.ofEpochMilli(1), 0, 0);
        ledger.record(odd);
        assertThat(ledger.last(1, "v$sysstat#1")).contains(odd);
    }

    static void awaitSize(List<?> list, int size) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (list.size() < size && System.nanoTime() < deadline) {
            Thread.sleep(20);
        }
    }
}
