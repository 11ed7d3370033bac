package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.testsupport.InfluxServer;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.RedisServer;
import io.vigil.testsupport.TestDatabase;
import io.vigil.testsupport.TestInfluxDb;
import io.vigil.testsupport.TestKeyspace;

import picocli.CommandLine;
import redis.clients.jedis.RedisClient;

/** A team's headless collector: the demo target collected into a MariaDB cache, a Redis ledger and InfluxDB. */
class TeamCollectIT {

    @TempDir
    Path home;

    @AfterEach
    void forgetHome() {
        System.clearProperty("vigil.home");
    }

    @Test
    void collectWritesToTheTeamsServers() throws Exception {
        RedisServer redis = RealServices.redis();
        InfluxServer influx = RealServices.influx();
        try (TestDatabase cache = RealServices.mariadb().createDatabase("teamcache");
             TestKeyspace keys = redis.keyspace("team");
             TestInfluxDb series = influx.createDatabase("team")) {
            Path passwordFile = home.resolve("cache.pw");
            Files.writeString(passwordFile, cache.password() + "\n");
            String prefix = keys.prefix().substring(0, keys.prefix().length() - 1); // the ledger adds the ':'
            StringWriter out = new StringWriter();
            CommandLine cl = new CommandLine(new CollectCommand());
            cl.setOut(new PrintWriter(out));
            cl.setErr(new PrintWriter(out));
            int exit = cl.execute("--data-dir", home.toString(), "--duration", "20s", "--every", "5",
                    "--cache", cache.jdbcUrl(), "--cache-user", cache.user(), "--cache-password-file", passwordFile.toString(),
                    "--ledger", "redis://" + redis.host() + ":" + redis.port() + "/" + prefix,
                    "--series", influx.url() + "/" + series.name());
            assertThat(exit).as(out.toString()).isZero();
            assertThat(out.toString()).contains("cache MySQL 127.0.0.1:" + cache.port()).contains("series InfluxDB").contains("ledger Redis")
                    .doesNotContain(cache.password());

            try (Connection c = DriverManager.getConnection(cache.jdbcUrl(), cache.user(), cache.password()); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT COUNT(*) FROM ora_sysstat")) {
                rs.next();
                assertThat(rs.getLong(1)).as("mirrored into the MariaDB cache").isPositive();
            }
            try (RedisClient r = RedisClient.create(redis.host(), redis.port())) {
                assertThat(r.hgetAll(keys.prefix() + "sync:1")).as("sync times in Redis").containsKey("sysstat");
            }
            assertThat(influx.query(series.name(), "SELECT count(value) FROM \"oracle.sessions.total\"")).as("points in InfluxDB")
                    .contains("\"count\"");
        }
    }
}
