package io.vigil.ui.trends;

import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Point;
import io.vigil.series.Retention;
import io.vigil.testsupport.SettableClock;

/**
 * A real embedded config store with the shipped packs and two targets (Oracle "prod", MySQL "shop"), and a real series
 * store holding two days of points for some of their metrics, ending at {@link #NOW}.
 */
final class TrendsFixture implements AutoCloseable {

    static final Instant NOW = Instant.parse("2026-03-02T12:00:00Z");
    static final Duration HISTORY = Duration.ofDays(2);

    final SettableClock clock = new SettableClock(NOW);
    final ConfigStore config;
    final H2SeriesStore series;
    final Target prod;
    final Target shop;

    TrendsFixture(Path dir) {
        AppDirs dirs = new AppDirs(dir.resolve("home"));
        config = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
        Packs.installMissing(config);
        prod = config.saveTarget(target("prod", TargetKind.ORACLE, 1521));
        shop = config.saveTarget(target("shop", TargetKind.MYSQL, 3306));
        series = new H2SeriesStore(dir.resolve("series"), Retention.defaults(), clock);
    }

    private static Target target(String name, TargetKind kind, int port) {
        return new Target(0, name, kind, "db-" + name, port, kind == TargetKind.ORACLE ? ConnectBy.SERVICE_NAME : ConnectBy.DATABASE, "db", "", "vigil", Secret.of("pw"), List.of(), true);
    }

    /** Half an hour without points, three hours ago: the collector was stopped. */
    static final Instant SILENCE_FROM = NOW.minus(Duration.ofHours(3));
    static final Instant SILENCE_TO = SILENCE_FROM.plus(Duration.ofMinutes(30));

    /** Points every {@code every} over the two days before now (but the silence), a daily wave around {@code base}. */
    void write(String metric, Map<String, String> tags, Duration every, double base) {
        List<Point> points = new ArrayList<>();
        for (Instant t = NOW.minus(HISTORY); t.isBefore(NOW); t = t.plus(every)) {
            if (!t.isBefore(SILENCE_FROM) && t.isBefore(SILENCE_TO)) {
                continue;
            }
            double phase = 2 * Math.PI * (t.getEpochSecond() % 86_400) / 86_400.0;
            points.add(Point.of(metric, tags, t, base * (1 + 0.5 * Math.sin(phase))));
            if (points.size() == 5000) {
                series.write(points);
                points.clear();
            }
        }
        series.write(points);
    }

    /** The usual data: active sessions every 15 s, two tablespaces every minute on prod; connections on shop. */
    TrendsFixture withData() {
        write("oracle.sessions.active", Map.of("target", "prod"), Duration.ofSeconds(15), 20);
        write("oracle.tablespace.used_pct", Map.of("target", "prod", "tablespace_name", "USERS", "contents", "PERMANENT"),
                Duration.ofMinutes(1), 60);
        write("oracle.tablespace.used_pct", Map.of("target", "prod", "tablespace_name", "SYSTEM", "contents", "PERMANENT"),
                Duration.ofMinutes(1), 40);
        write("mysql.connections", Map.of("target", "shop"), Duration.ofSeconds(15), 80);
        return this;
    }

    @Override
    public void close() {
        series.close();
        config.close();
    }
}
