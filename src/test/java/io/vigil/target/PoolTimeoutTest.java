package io.vigil.target;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowable;

import java.net.ServerSocket;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTransientConnectionException;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;

import io.vigil.config.PoolWait;
import io.vigil.i18n.Messages;
import io.vigil.i18n.Reason;

/**
 * A job that waited for a pool connection in vain is told why in words, in both languages, never in the pool's
 * ("vigil-pg - Connection is not available, request timed out after 1001ms (total=0, …)"): the error behind the
 * time-out when connecting failed, otherwise how long it waited for how many connections. Real HikariCP pools.
 */
class PoolTimeoutTest {

    static final List<String> POOL_WORDS = List.of("Connection is not available", "request timed out", "total=", "idle=",
            "waiting=", "vigil-pg", "Exception", "java.", "com.zaxxer", "null");

    final Messages en = new Messages(Locale.ENGLISH);
    final Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);

    static HikariDataSource pool(String url, int size) {
        HikariConfig cfg = new HikariConfig();
        cfg.setPoolName("vigil-pg");
        cfg.setJdbcUrl(url);
        cfg.setUsername("vigil");
        cfg.setPassword("vigil");
        cfg.setMaximumPoolSize(size);
        cfg.setMinimumIdle(0);
        cfg.setConnectionTimeout(1_000);
        cfg.setInitializationFailTimeout(-1);
        return new HikariDataSource(cfg);
    }

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    void clean(String text) {
        assertThat(text).isNotBlank();
        for (String word : POOL_WORDS) {
            assertThat(text).doesNotContain(word);
        }
        assertThat(text).doesNotContainPattern("\\d+ms");
    }

    @Test
    void aPoolThatCannotConnectIsToldByTheErrorBehindItsTimeOut() throws Exception {
        int port = closedPort();
        try (HikariDataSource pool = pool("jdbc:postgresql://127.0.0.1:" + port + "/vigil?connectTimeout=1", 2)) {
            SQLException e = (SQLException) catchThrowable(() -> pool.getConnection().close());
            assertThat((Throwable) e).isExactlyInstanceOf(SQLTransientConnectionException.class).hasMessageContaining("Connection is not available");
            assertThat(PoolWait.is(e)).isTrue();
            assertThat(PoolWait.cause(e)).as("Hikari attaches the driver's refusal").isPresent();

            TargetFailure f = Failures.classify(Failures.reading("sessions"), "pg", e, pool);
            assertThat(f.kind()).isEqualTo(FailureKind.UNREACHABLE);
            assertThat(f.getCause()).isSameAs(e);
            String english = en.render(f.reason());
            String chinese = zh.render(f.reason());
            assertThat(english).startsWith("pg: reading sessions failed. Nothing answered there");
            assertThat(chinese).startsWith("pg：读取 sessions失败。").containsPattern("[\u4e00-\u9fff]");
            clean(english);
            clean(chinese);
        }
    }

    @Test
    void aPoolWhoseConnectionsAreAllInUseSaysHowLongItWaitedForHowMany() throws Exception {
        try (HikariDataSource pool = pool("jdbc:h2:mem:pool-wait-" + System.nanoTime(), 1);
             Connection held = pool.getConnection()) {
            assertThat(held.isValid(1)).isTrue();
            SQLException e = (SQLException) catchThrowable(() -> pool.getConnection().close());
            assertThat(PoolWait.is(e)).isTrue();
            assertThat(PoolWait.cause(e)).isEmpty();

            TargetFailure f = Failures.classify(Failures.reading("sessions"), "pg", e, pool);
            assertThat(f.kind()).isEqualTo(FailureKind.TIMEOUT);
            String english = en.render(f.reason());
            String chinese = zh.render(f.reason());
            assertThat(english).isEqualTo("pg: reading sessions failed. No connection to it was free within 1 s: all 1 were in use,"
                    + " or the server did not answer.");
            assertThat(chinese).contains("1 秒内没有空闲连接").contains("1 个连接都在使用中");
            assertThat(f.getMessage()).isEqualTo(english);
            clean(english);
            clean(chinese);

            // the cache's words, and a failure classified without its pool
            Reason cache = PoolWait.detail(e, Reason.of("pool.what.cache"), pool);
            assertThat(en.render(cache)).isEqualTo("no connection to the cache was free within 1 s (all 1 were in use, or the server did not answer)");
            assertThat(zh.render(cache)).contains("缓存库").contains("1 秒");
            TargetFailure unsized = Failures.classify(Failures.connecting(), "pg", e);
            assertThat(en.render(unsized.reason())).isEqualTo("pg: connecting failed. No connection to it was free in time: all were in use,"
                    + " or the server did not answer.");
            clean(zh.render(unsized.reason()));
        }
    }

    @Test
    void aDriversOwnTransientErrorIsNotAPoolsTimeOut() {
        SQLException driver = new SQLTransientConnectionException("socket closed", "08006") {
        };
        assertThat(PoolWait.is(driver)).isFalse();
        assertThat(Failures.classify(Failures.connecting(), "pg", driver).kind()).isEqualTo(FailureKind.UNREACHABLE);
    }
}
