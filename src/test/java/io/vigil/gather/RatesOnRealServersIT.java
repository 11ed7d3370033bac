package io.vigil.gather;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.ConnectBy;
import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.Pack;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.RangeQuery;
import io.vigil.series.Retention;
import io.vigil.series.Series;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/**
 * Under a load the test runs itself, the pack's rates match what the test computes from the server's own counters:
 * MariaDB's questions per second from SHOW GLOBAL STATUS, PostgreSQL's commits per second from pg_stat_database.
 */
class RatesOnRealServersIT {

    @TempDir
    Path folder;

    @Test
    void mariadbQuestionsPerSecondMatchTheServersOwnCounter() throws Exception {
        try (TestDatabase db = RealServices.mariadb().createDatabase("qps")) {
            Target t = new Target(1, "maria", TargetKind.MYSQL, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "", db.user(),
                    Secret.of(db.password()), List.of(), true);
            double vigil = measure(t, TargetKind.MYSQL, "global_status", "mysql.questions", Map.of("target", "maria"),
                    () -> scalar(db, "SELECT VARIABLE_VALUE FROM information_schema.global_status WHERE VARIABLE_NAME = 'QUESTIONS'"),
                    () -> load(db, "SELECT 1"));
            assertThat(vigil).isPositive();
        }
    }

    @Test
    void postgresCommitsPerSecondMatchPgStatDatabase() throws Exception {
        try (TestDatabase db = RealServices.postgres().createDatabase("cps")) {
            try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE ticks (n BIGINT)");
            }
            Target t = new Target(2, "pg", TargetKind.POSTGRES, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "", db.user(),
                    Secret.of(db.password()), List.of(), true);
            double vigil = measure(t, TargetKind.POSTGRES, "stat_database", "pg.xact_commit", Map.of("target", "pg", "datname", db.name()),
                    () -> scalar(db, "SELECT xact_commit FROM pg_stat_database WHERE datname = current_database()"),
                    () -> load(db, "INSERT INTO ticks VALUES (1)"));
            assertThat(vigil).isPositive();
        }
    }

    @FunctionalInterface
    interface Counter {
        double read() throws SQLException;
    }

    /** Mirrors, picks, waits under load, mirrors and picks again; returns Vigil's rate after checking it against the test's own. */
    private double measure(Target t, TargetKind kind, String mirrorName, String metricName, Map<String, String> tags, Counter own,
                           Runnable loadBody) throws Exception {
        Pack pack = Packs.shipped(kind);
        MirrorDef mirror = pack.mirrorDefs().stream().filter(m -> m.name().equals(mirrorName)).findFirst().orElseThrow();
        MetricDef metric = pack.metricDefs().stream().filter(m -> m.name().equals(metricName)).findFirst().orElseThrow();
        AtomicBoolean running = new AtomicBoolean(true);
        Thread load = new Thread(() -> {
            while (running.get()) {
                loadBody.run();
            }
        });
        try (TargetConnections connections = new TargetConnections(new DemoOracles());
             CacheDb cache = CacheDb.embedded(folder.resolve(kind.name()));
             H2SeriesStore series = new H2SeriesStore(folder.resolve(kind.name()), Retention.defaults(), Clock.systemUTC())) {
            InMemoryLedger ledger = new InMemoryLedger();
            MirrorJob mirrorJob = new MirrorJob(connections, cache, ledger);
            GatherJob gather = new GatherJob(cache.dataSource(), ledger, new Archive(series, new Spool(folder.resolve("spool-" + kind), 1 << 20)),
                    Clock.systemUTC());
            load.start();
            Thread.sleep(1_000);
            Instant t1 = mirrorJob.run(t, mirror).sourceTime();
            double c1 = own.read();
            gather.run(t, metric, "same");
            Thread.sleep(10_000);
            Instant t2 = mirrorJob.run(t, mirror).sourceTime();
            double c2 = own.read();
            gather.run(t, metric, "same");
            running.set(false);
            load.join();
            double expected = (c2 - c1) / (Duration.between(t1, t2).toMillis() / 1000.0);
            List<Series> got = series.query(new RangeQuery(metricName, tags, t2.minusSeconds(1), t2.plusSeconds(1), 10));
            assertThat(got).as(metricName + " archived").hasSize(1);
            double vigil = got.getFirst().values()[0];
            assertThat(expected).as("the load produced a rate to compare").isGreaterThan(20);
            assertThat(vigil).as(metricName + " against the server's own counter (" + expected + "/s)").isCloseTo(expected, within(expected * 0.10));
            return vigil;
        }
    }

    private static double scalar(TestDatabase db, String sql) throws SQLException {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery(sql)) {
            rs.next();
            return rs.getDouble(1);
        }
    }

    private static void load(TestDatabase db, String sql) {
        try (Connection c = DriverManager.getConnection(db.jdbcUrl(), db.user(), db.password()); Statement s = c.createStatement()) {
            for (int i = 0; i < 200; i++) {
                s.execute(sql);
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }
}
