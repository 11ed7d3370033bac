package io.vigil.testsupport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

import org.junit.jupiter.api.Test;

import redis.clients.jedis.Jedis;

/** The harness itself: each server is real, isolation works, and clean-up really removes what a test made. */
class RealServicesIT {

    @Test
    void mariadbGivesEachTestItsOwnDatabaseAndDropsIt() throws Exception {
        JdbcServer server = RealServices.mariadb();
        TestDatabase db = server.createDatabase("harness");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, name VARCHAR(20))");
            s.execute("INSERT INTO t VALUES (1, '监控')");
            try (ResultSet rs = s.executeQuery("SELECT name FROM t")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("监控");
            }
            try (ResultSet rs = s.executeQuery("SHOW GLOBAL STATUS LIKE 'Questions'")) {
                assertThat(rs.next()).as("a monitoring user can read global status").isTrue();
            }
        }
        db.close();
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()).close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void postgresGivesEachTestItsOwnDatabaseAndDropsIt() throws Exception {
        TestDatabase db = RealServices.postgres().createDatabase("harness");
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE t (id INT PRIMARY KEY, name TEXT)");
            s.execute("INSERT INTO t VALUES (1, 'vigil')");
            try (ResultSet rs = s.executeQuery("SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()")) {
                assertThat(rs.next()).isTrue();
            }
        }
        db.close();
        assertThatThrownBy(() -> DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()).close())
                .isInstanceOf(SQLException.class);
    }

    @Test
    void redisKeyspacesAreCleanedOnClose() {
        RedisServer redis = RealServices.redis();
        TestKeyspace ks = redis.keyspace("harness");
        try (Jedis j = new Jedis(redis.host(), redis.port())) {
            for (int i = 0; i < 1200; i++) {
                j.set(ks.prefix() + "k" + i, "v" + i);
            }
            j.set("vt_unrelated_key_" + ks.prefix(), "stays");
            assertThat(j.get(ks.prefix() + "k7")).isEqualTo("v7");
            ks.close();
            assertThat(j.keys(ks.prefix() + "*")).isEmpty();
            assertThat(j.get("vt_unrelated_key_" + ks.prefix())).isEqualTo("stays");
            j.del("vt_unrelated_key_" + ks.prefix());
        }
    }

    @Test
    void influxWritesLineProtocolAndDropsTheDatabase() throws Exception {
        InfluxServer influx = RealServices.influx();
        TestInfluxDb db = influx.createDatabase("harness");
        HttpResponse<String> res = HttpClient.newHttpClient().send(
                HttpRequest.newBuilder(URI.create(influx.url() + "/write?precision=ms&db=" + db.name()))
                        .POST(HttpRequest.BodyPublishers.ofString("probe,target=demo value=42 1700000000000\n")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(res.statusCode()).as(res.body()).isEqualTo(204);
        assertThat(influx.query(db.name(), "SELECT value FROM probe")).contains("[1700000000000,42]");
        db.close();
        assertThat(influx.query("SHOW DATABASES")).doesNotContain(db.name());
    }

    @Test
    void privateInfluxKeepsItsDataAcrossAStopAndStart() {
        PrivateInflux influx = RealServices.privateInflux();
        try {
            TestInfluxDb db = influx.createDatabase("outage");
            influx.write(db.name(), "probe value=1 1700000000000\nprobe value=2 1700000001000\n");
            influx.stop();
            assertThat(InfluxServer.pings(influx.port())).isFalse();
            assertThatThrownBy(() -> influx.query("SHOW DATABASES")).hasMessageContaining("did not answer");
            influx.start();
            assertThat(influx.query(db.name(), "SELECT count(value) FROM probe")).contains(",2]");
        } finally {
            influx.stop();
        }
    }
}
