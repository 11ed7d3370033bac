package io.vigil.team;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicLong;

import org.junit.jupiter.api.Test;

import io.vigil.config.Secret;
import io.vigil.ledger.FencedOff;
import io.vigil.ledger.RedisLedger;
import io.vigil.ledger.SyncRecord;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.RedisServer;
import io.vigil.testsupport.TestKeyspace;

/** Leases on the real Redis: one holder at a time, tokens that only grow, and a holder's own clock ending its lease first. */
class LeasesIT {

    @Test
    void oneHolderAtATimeAndAPausedHolderStopsBeforeAnotherCanStart() throws Exception {
        RedisServer redis = RealServices.redis();
        try (TestKeyspace keys = redis.keyspace("lease");
             RedisLedger ledgerA = new RedisLedger(redis.host(), redis.port(), "", Secret.empty(), keys.prefix());
             RedisLedger ledgerB = new RedisLedger(redis.host(), redis.port(), "", Secret.empty(), keys.prefix())) {
            TeamKeys k = new TeamKeys(keys.prefix());
            AtomicLong clockA = new AtomicLong(); // A's monotonic clock, which the test moves as a long pause would
            Leases a = new Leases(ledgerA.client(), k, "a", Duration.ofSeconds(2), clockA::get);
            Leases b = new Leases(ledgerB.client(), k, "b", Duration.ofSeconds(2), System::nanoTime);
            ledgerA.writeAs("a", a::token);
            ledgerB.writeAs("b", b::token);

            assertThat(a.acquire(7)).isTrue();
            assertThat(b.acquire(7)).as("held by a").isFalse();
            long first = a.token(7);
            assertThat(a.holds(7)).isTrue();
            ledgerA.record(new SyncRecord(7, "sysstat", Instant.now(), 1, 1));
            assertThat(ledgerA.writerOf(7, "sysstat")).contains("a");

            // a stalls for longer than the lease: by its own clock it stops holding before Redis lets the lease go
            clockA.addAndGet(Duration.ofMillis(1700).toNanos());
            assertThat(a.holds(7)).as("a's clock says its lease has lapsed").isFalse();
            assertThat(b.acquire(7)).as("Redis has not let it go yet").isFalse();

            Thread.sleep(2300);
            assertThat(b.acquire(7)).as("after the time to live, b takes it").isTrue();
            assertThat(b.token(7)).as("the fencing token grows").isGreaterThan(first);
            assertThat(a.renew()).as("a finds it lost").containsExactly(7L);
            assertThatThrownBy(() -> ledgerA.record(new SyncRecord(7, "sysstat", Instant.now(), 1, 1)))
                    .as("the ledger refuses a sync from a collector whose lease another holds").isInstanceOf(FencedOff.class);
            ledgerB.record(new SyncRecord(7, "sysstat", Instant.now(), 2, 1));
            assertThat(ledgerB.writerOf(7, "sysstat")).contains("b");

            b.release(7);
            assertThat(b.holds(7)).isFalse();
            assertThat(a.acquire(7)).as("released at once, free again").isTrue();
        }
    }
}
