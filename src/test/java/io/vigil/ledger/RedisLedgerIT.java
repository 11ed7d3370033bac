package io.vigil.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import io.vigil.config.Secret;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.RedisServer;
import io.vigil.testsupport.TestKeyspace;
import redis.clients.jedis.RedisClient;

class RedisLedgerIT extends SyncLedgerContract {

    private TestKeyspace keyspace;

    @Override
    protected SyncLedger open() {
        RedisServer redis = RealServices.redis();
        keyspace = redis.keyspace("ledger");
        return new RedisLedger(redis.host(), redis.port(), "", Secret.empty(), keyspace.prefix());
    }

    @AfterEach
    void clean() {
        keyspace.close();
    }

    @Test
    void entriesAreRealRedisHashesThatAnotherCollectorSees() {
        ledger.record(sync(7, "sysstat", 123_456));
        RedisServer redis = RealServices.redis();
        try (RedisClient raw = RedisClient.create(redis.host(), redis.port());
             SyncLedger other = new RedisLedger(redis.host(), redis.port(), "", Secret.empty(), keyspace.prefix())) {
            assertThat(raw.hget(keyspace.prefix() + "sync:7", "sysstat")).isEqualTo("123456|42|7");
            assertThat(other.last(7, "sysstat")).contains(sync(7, "sysstat", 123_456));
        }
    }

    @Test
    void anUnreachableRedisIsReportedWithItsAddress() throws Exception {
        int unused;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0)) {
            unused = s.getLocalPort();
        }
        try (SyncLedger down = new RedisLedger("127.0.0.1", unused, "", Secret.empty(), "x:")) {
            assertThatThrownBy(() -> down.last(1, "m")).isInstanceOf(LedgerException.class)
                    .hasMessageContaining("Redis 127.0.0.1:" + unused).hasMessageContaining("did not answer");
        }
    }
}
