package io.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.net.ServerSocket;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.vigil.config.Secret;
import io.vigil.config.ServerAddress;
import io.vigil.i18n.Messages;
import io.vigil.i18n.Reason;
import io.vigil.schedule.DataStores.Role;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.RedisServer;
import io.vigil.testsupport.TestDatabase;

/**
 * The team's cache, ledger and series store, tried on real loopback servers and closed ports: what answered, and why
 * not, in English and Chinese, in Vigil's words (the server's own sentence quoted where the server spoke), never a
 * driver's boilerplate, an exception's name or the password.
 */
class DataStoresTest {

    static final Messages EN = new Messages(Locale.ENGLISH);
    static final Messages ZH = new Messages(Locale.SIMPLIFIED_CHINESE);
    static final List<String> NOT_FOR_USERS = List.of("Exception", "java.", "com.mysql", "redis.clients", "Communications link failure",
            "Failed to connect", "The driver has not received", "HikariPool", "wrong-pw", "dataStore.", "configStore.");

    static int closedPort() throws Exception {
        try (ServerSocket s = new ServerSocket(0)) {
            return s.getLocalPort();
        }
    }

    static void clean(String text) {
        assertThat(text).isNotBlank();
        for (String word : NOT_FOR_USERS) {
            assertThat(text).doesNotContain(word);
        }
    }

    static Reason refusal(Role role, ServerAddress a) {
        DataStores.Refused e = catchThrowableOfType(DataStores.Refused.class, () -> DataStores.test(role, a));
        assertThat(e).as(role + " at " + a.url()).isNotNull();
        clean(EN.render(e.reason()));
        clean(ZH.render(e.reason()));
        clean(e.getMessage());
        return e.reason();
    }

    @Test
    void theCacheAnswersOrSaysWhyNotInBothLanguages() throws Exception {
        try (TestDatabase db = RealServices.mariadb().createDatabase("dstore")) {
            Reason answered = DataStores.test(Role.CACHE, new ServerAddress(db.jdbcUrl(), db.user(), Secret.of(db.password())));
            assertThat(EN.render(answered)).containsPattern("(MariaDB|MySQL) .* answered in \\d+ ms\\.");
            assertThat(ZH.render(answered)).contains("已应答");

            Reason login = refusal(Role.CACHE, new ServerAddress(db.jdbcUrl(), db.user(), Secret.of("wrong-pw")));
            assertThat(EN.render(login)).startsWith("The cache at jdbc:").contains("refused the login").contains("Access denied for user");
            assertThat(ZH.render(login)).startsWith("缓存库").contains("拒绝了登录").contains("Access denied for user");

            String other = db.jdbcUrl().replace("/" + db.name(), "/" + db.name() + "_none");
            Reason noDb = refusal(Role.CACHE, new ServerAddress(other, db.user(), Secret.of(db.password())));
            assertThat(EN.render(noDb)).containsAnyOf("has no database by that name", "may not use that database");
            assertThat(ZH.render(noDb)).containsAnyOf("没有该名称的数据库", "无权使用这个数据库");
        }
        int port = closedPort();
        Reason dead = refusal(Role.CACHE, new ServerAddress("jdbc:mysql://127.0.0.1:" + port + "/vigil_cache", "vigil", Secret.of("wrong-pw")));
        assertThat(EN.render(dead)).contains("127.0.0.1:" + port).contains("cannot be reached").contains("connection was refused");
        assertThat(ZH.render(dead)).contains("无法连接缓存库").contains("连接被拒绝");
    }

    @Test
    void theLedgerAnswersOrSaysWhyNot() throws Exception {
        RedisServer redis = RealServices.redis();
        String url = "redis://" + redis.host() + ":" + redis.port() + "/dstest" + System.nanoTime();
        assertThat(EN.render(DataStores.test(Role.LEDGER, new ServerAddress(url, "", Secret.empty())))).contains("Redis at ").contains("answered in");

        Reason login = refusal(Role.LEDGER, new ServerAddress(url, "nobody", Secret.of("wrong-pw")));
        assertThat(EN.render(login)).startsWith("The sync ledger at redis://").contains("refused the login").contains("WRONGPASS");
        assertThat(ZH.render(login)).startsWith("同步账本").contains("拒绝了登录");

        int port = closedPort();
        Reason dead = refusal(Role.LEDGER, new ServerAddress("redis://127.0.0.1:" + port, "", Secret.empty()));
        assertThat(EN.render(dead)).isEqualTo("The sync ledger at redis://127.0.0.1:" + port
                + " cannot be reached: nothing listens at that host and port (the connection was refused). "
                + "Check the host, the port and that the server is running.");
        assertThat(ZH.render(dead)).contains("无法连接同步账本").contains("连接被拒绝");
    }

    @Test
    void theSeriesStoreAnswersOrQuotesInfluxWhenItRefuses() {
        io.vigil.testsupport.InfluxServer influx = RealServices.influx();
        try (io.vigil.testsupport.TestInfluxDb db = influx.createDatabase("dstore")) {
            Reason answered = DataStores.test(Role.SERIES, new ServerAddress(influx.url() + "/" + db.name(), "", Secret.empty()));
            assertThat(EN.render(answered)).startsWith("InfluxDB at ").contains("answered in");
            assertThat(ZH.render(answered)).contains("InfluxDB 已应答");
        }
        Reason missing = refusal(Role.SERIES, new ServerAddress(influx.url() + "/vt_no_such_db_" + System.nanoTime(), "", Secret.empty()));
        assertThat(EN.render(missing)).startsWith("The series store at http://").contains("could not be used: database not found");
        assertThat(ZH.render(missing)).startsWith("时序库").contains("database not found");
    }

    @Test
    void aSeriesStoreThatDoesNotAnswerOrIsNotInfluxIsSaidInWords() throws Exception {
        int port = closedPort();
        Reason dead = refusal(Role.SERIES, new ServerAddress("http://127.0.0.1:" + port + "/vigil", "", Secret.empty()));
        assertThat(EN.render(dead)).contains("The series store at http://127.0.0.1:" + port + "/vigil cannot be reached")
                .contains("connection was refused");
        assertThat(ZH.render(dead)).contains("无法连接时序库").contains("连接被拒绝");

        Reason unknown = refusal(Role.SERIES, new ServerAddress("http://vigil-influx.invalid:8086/vigil", "", Secret.empty()));
        assertThat(EN.render(unknown)).contains("host name is not known");
    }

    @Test
    void openingWithAnAddressOfTheWrongKindOrADeadCacheIsRefusedInWords() throws Exception {
        DataStores.Refused wrongKind = catchThrowableOfType(DataStores.Refused.class, () -> DataStores.open(
                ServerAddress.embedded(), new ServerAddress("http://redis1:6379", "", Secret.empty()), ServerAddress.embedded()));
        assertThat(EN.render(wrongKind.reason())).contains("must be a Redis address");
        assertThat(ZH.render(wrongKind.reason())).contains("必须是 Redis 地址");

        int port = closedPort();
        DataStores.Refused dead = catchThrowableOfType(DataStores.Refused.class, () -> DataStores.open(
                new ServerAddress("jdbc:mysql://127.0.0.1:" + port + "/c?password=secret-in-url", "vigil", Secret.of("wrong-pw")),
                ServerAddress.embedded(), ServerAddress.embedded()));
        clean(EN.render(dead.reason()));
        clean(ZH.render(dead.reason()));
        assertThat(EN.render(dead.reason())).contains("The cache at jdbc:mysql://127.0.0.1:" + port + "/c cannot be reached")
                .doesNotContain("secret-in-url");
        assertThat(ZH.render(dead.reason())).contains("连接被拒绝").doesNotContain("secret-in-url");
    }
}
