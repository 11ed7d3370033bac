package io.vigil.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.ConnectBy;
import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/** Mirrors from real MariaDB and PostgreSQL targets into a real MariaDB cache and an embedded one. */
class MirrorJobIT {

    @TempDir
    Path folder;
    TargetConnections connections;
    InMemoryLedger ledger = new InMemoryLedger();

    @BeforeEach
    void open() {
        connections = new TargetConnections(new DemoOracles());
    }

    @AfterEach
    void close() {
        connections.close();
    }

    static Target target(long id, TargetKind kind, TestDatabase db) {
        return new Target(id, "t" + id, kind, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "", db.user(), Secret.of(db.password()),
                List.of(), true);
    }

    static long count(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static String text(Connection c, String sql) throws SQLException {
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getString(1);
        }
    }

    @Test
    void aMariadbTargetStreamsIntoAMariadbCache() throws Exception {
        try (TestDatabase source = RealServices.mariadb().createDatabase("msrc");
             TestDatabase cacheDb = RealServices.mariadb().createDatabase("mcache");
             CacheDb cache = CacheDb.mysql(cacheDb.jdbcUrl(), cacheDb.user(), Secret.of(cacheDb.password()))) {
            try (Connection c = DriverManager.getConnection(source.jdbcUrl(), source.user(), source.password()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE big (id BIGINT PRIMARY KEY, name VARCHAR(40), amount DECIMAL(12,2), seen DATETIME(3), flag BOOLEAN)");
                s.execute("INSERT INTO big SELECT seq, CONCAT('row ', seq), seq / 7, NOW(3), seq % 2 = 0 FROM seq_1_to_50000");
            }
            MirrorJob job = new MirrorJob(connections, cache, ledger);
            Target t = target(1, TargetKind.MYSQL, source);
            MirrorDef status = new MirrorDef(1, "global_status", TargetKind.MYSQL,
                    "SELECT variable_name, variable_value FROM information_schema.global_status", "my_global_status", 15, 5000,
                    MirrorMode.REPLACE, "", true, "");
            assertThat(job.run(t, status).rows()).isGreaterThan(300);
            MirrorDef big = new MirrorDef(2, "big", TargetKind.MYSQL, "SELECT id, name, amount, seen, flag FROM big", "my_big", 60, 100_000,
                    MirrorMode.REPLACE, "", true, "");
            MirrorResult r = job.run(t, big);
            assertThat(r.rows()).isEqualTo(50_000);
            try (Connection c = cache.dataSource().getConnection()) {
                assertThat(count(c, "SELECT COUNT(*) FROM my_big WHERE target_id = 1")).isEqualTo(50_000);
                assertThat(count(c, "SELECT CAST(variable_value AS UNSIGNED) FROM my_global_status WHERE variable_name = 'UPTIME'")).isPositive();
                assertThat(count(c, "SELECT SUM(flag) FROM my_big")).isEqualTo(25_000);
            }
            try (Connection src = DriverManager.getConnection(source.jdbcUrl(), source.user(), source.password());
                 Connection c = cache.dataSource().getConnection()) {
                assertThat(text(c, "SELECT DATE_FORMAT(MAX(seen), '%Y-%m-%d %H:%i:%s.%f') FROM my_big"))
                        .as("DATETIME(3) keeps its milliseconds in the cache")
                        .isEqualTo(text(src, "SELECT DATE_FORMAT(MAX(seen), '%Y-%m-%d %H:%i:%s.%f') FROM big"));
            }
        }
    }

    @Test
    void aPostgresTargetIntoTheEmbeddedCache() throws Exception {
        try (TestDatabase source = RealServices.postgres().createDatabase("psrc"); CacheDb cache = CacheDb.embedded(folder)) {
            MirrorJob job = new MirrorJob(connections, cache, ledger);
            MirrorDef stats = new MirrorDef(1, "stat_database", TargetKind.POSTGRES,
                    "SELECT datname, xact_commit, xact_rollback, blks_read, blks_hit, stats_reset FROM pg_stat_database", "pg_stat_database",
                    15, 1000, MirrorMode.REPLACE, "", true, "");
            MirrorResult r = job.run(target(3, TargetKind.POSTGRES, source), stats);
            assertThat(r.rows()).isGreaterThanOrEqualTo(3);
            try (Connection c = cache.dataSource().getConnection()) {
                assertThat(count(c, "SELECT COUNT(*) FROM pg_stat_database WHERE target_id = 3 AND datname = '" + source.name() + "'")).isEqualTo(1);
            }
            assertThat(ledger.last(3, "stat_database")).isPresent();
        }
    }
}
