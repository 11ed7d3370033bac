package io.vigil.sitepack;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.SocketTimeoutException;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;

import io.vigil.config.Alert;
import io.vigil.config.AlertChange;
import io.vigil.config.AlertKey;
import io.vigil.config.AlertState;
import io.vigil.config.AppDirs;
import io.vigil.config.ChannelDef;
import io.vigil.config.ChannelType;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.EventType;
import io.vigil.config.Packs;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.Severity;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Reason;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.ledger.SyncRecord;
import io.vigil.mirror.CacheDb;
import io.vigil.schedule.JobKey;
import io.vigil.schedule.StatusEvent.Status;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Point;
import io.vigil.series.Retention;
import io.vigil.testsupport.SettableClock;
import io.vigil.watch.JobBoard.JobState;

/**
 * A site as a consultant leaves it: a real embedded config store with the packs, three targets (Oracle "prod", MySQL
 * "shop", PostgreSQL "ledger") whose address is a listening socket that counts every connection made to it, passwords
 * and channel secrets worth finding, three days of points a minute apart, cached tables, alerts, their history and
 * events, sync times and job states.
 */
public final class SitePackFixture implements AutoCloseable {

    public static final Instant NOW = Instant.parse("2026-03-04T00:00:00Z");
    public static final Instant FROM = NOW.minus(Duration.ofDays(2));
    public static final Instant TO = NOW.minus(Duration.ofHours(6));
    public static final String PROD_PASSWORD = "Pr0d-Passw0rd-77812";
    public static final String SHOP_PASSWORD = "Sh0p-Passw0rd-55190";
    public static final String LEDGER_PASSWORD = "Ledg3r-Passw0rd-33021";
    public static final String DING_TOKEN = "dingTokenA1B2C3D4E5";
    public static final String DING_SECRET = "SECdingSigning998877";
    public static final String SMTP_PASSWORD = "Smtp-Passw0rd-44551";
    public static final String SESSION_TABLE = "ora_session";

    public final SettableClock clock = new SettableClock(NOW);
    public final ConfigStore config;
    public final H2SeriesStore series;
    public final CacheDb cache;
    public final InMemoryLedger ledger = new InMemoryLedger();
    public final List<JobState> jobs = new ArrayList<>();
    public final Target prod;
    public final Target shop;
    public final Target ledgerDb;
    public final AtomicInteger connections = new AtomicInteger();
    /** The site's data folder. */
    public final Path home;
    private final ServerSocket listener;
    private final Thread acceptor;

    public SitePackFixture(Path dir) throws IOException {
        listener = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
        listener.setSoTimeout(200);
        acceptor = new Thread(() -> {
            while (!listener.isClosed()) {
                try {
                    listener.accept().close();
                    connections.incrementAndGet();
                } catch (SocketTimeoutException e) {
                    // look again
                } catch (IOException e) {
                    return;
                }
            }
        }, "site-listener");
        acceptor.setDaemon(true);
        acceptor.start();
        home = dir.resolve("site");
        AppDirs dirs = new AppDirs(home);
        config = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
        Packs.installMissing(config);
        int port = listener.getLocalPort();
        prod = config.saveTarget(target("prod", TargetKind.ORACLE, ConnectBy.SERVICE_NAME, port, PROD_PASSWORD));
        shop = config.saveTarget(target("shop", TargetKind.MYSQL, ConnectBy.DATABASE, port, SHOP_PASSWORD));
        ledgerDb = config.saveTarget(target("ledger", TargetKind.POSTGRES, ConnectBy.DATABASE, port, LEDGER_PASSWORD));
        try {
            config.saveChannel(new ChannelDef(0, "dba robot", ChannelType.DINGTALK, "https://oapi.dingtalk.com/robot/send?access_token=" + DING_TOKEN,
                    "", Secret.of(DING_SECRET), "", List.of(), Severity.WARN, 60, true, true));
            config.saveChannel(new ChannelDef(0, "dba mail", ChannelType.EMAIL, "smtp.example.com:587", "vigil", Secret.of(SMTP_PASSWORD),
                    "vigil@example.com", List.of("dba@example.com"), Severity.CRIT, 0, true, true));
        } catch (io.vigil.config.InvalidConfigException e) {
            throw new IllegalStateException(e);
        }
        // where a data folder keeps them, so the command line finds them too
        series = new H2SeriesStore(home.resolve("series"), Retention.defaults(), clock);
        cache = CacheDb.embedded(home.resolve("cache"));
        seedSeries();
        seedCache();
        seedAlerts();
        ledger.record(new SyncRecord(prod.id(), "session", TO.minusSeconds(20), 3, 12));
        jobs.add(new JobState(prod.id(), "prod", JobKey.connect(), Status.OK, Reason.NONE, TO.minusSeconds(5), Duration.ofMillis(30), 0,
                TO.minusSeconds(5)));
        jobs.add(new JobState(shop.id(), "shop", JobKey.mirror("processlist"), Status.ERROR, Reason.of("reason.offline", "shop"),
                TO.minusSeconds(8), Duration.ofMillis(40), 0, TO.minus(Duration.ofHours(1))));
    }

    private static Target target(String name, TargetKind kind, ConnectBy by, int port, String password) {
        return new Target(0, name, kind, "127.0.0.1", port, by, "site", "", "vigil", Secret.of(password), List.of("customer"), true);
    }

    /** A value at each minute that says which minute it is, so a moved or mixed point shows. */
    public static double valueAt(Instant t, double base) {
        return base + (t.getEpochSecond() / 60) % 1000;
    }

    private void seedSeries() {
        List<Point> points = new ArrayList<>();
        for (Instant t = NOW.minus(Duration.ofDays(3)); t.isBefore(NOW); t = t.plus(Duration.ofMinutes(1))) {
            points.add(Point.of("oracle.sessions.active", Map.of("target", "prod"), t, valueAt(t, 10)));
            points.add(Point.of("mysql.connections", Map.of("target", "shop"), t, valueAt(t, 2000)));
            points.add(Point.of("pg.connections", Map.of("target", "ledger"), t, valueAt(t, 5000)));
            if (points.size() >= 6000) {
                series.write(points);
                points.clear();
            }
        }
        series.write(points);
    }

    private void seedCache() {
        try (Connection c = cache.dataSource().getConnection(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE `" + SESSION_TABLE + "` (`target_id` BIGINT NOT NULL, `sid` BIGINT, `username` VARCHAR(128), "
                    + "`logon_time` DATETIME(3), `wait_class` VARCHAR(64))");
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO `" + SESSION_TABLE + "` VALUES (?, ?, ?, ?, ?)")) {
                Object[][] rows = {{prod.id(), 17L, "APP_BILLING", "User I/O"}, {prod.id(), 42L, "APP_REPORTS", "CPU"},
                        {prod.id(), 99L, "SYS", "Idle"}, {shop.id(), 7L, "SHOP_ONLY", "CPU"}};
                for (Object[] r : rows) {
                    ps.setLong(1, (Long) r[0]);
                    ps.setLong(2, (Long) r[1]);
                    ps.setString(3, (String) r[2]);
                    ps.setObject(4, java.time.LocalDateTime.of(2026, 3, 3, 8, 15, 30));
                    ps.setString(5, (String) r[3]);
                    ps.executeUpdate();
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    private void seedAlerts() {
        AlertKey down = new AlertKey("oracle.target.down", prod.id(), "");
        Instant fired = TO.minus(Duration.ofHours(2));
        config.alerts().apply(List.of(new Alert(down, "prod", AlertState.FIRING, Severity.CRIT, null, fired.minusSeconds(60), fired, fired, null, "",
                        "", null, "ORA-12541: TNS:no listener")),
                List.of(), List.of(
                        new AlertChange(0, down, "prod", AlertState.OK, AlertState.PENDING, Severity.CRIT, null, fired.minusSeconds(60), "ORA-12541"),
                        new AlertChange(0, down, "prod", AlertState.PENDING, AlertState.FIRING, Severity.CRIT, null, fired, "ORA-12541"),
                        new AlertChange(0, new AlertKey("mysql.connections.high", shop.id(), ""), "shop", AlertState.OK, AlertState.FIRING,
                                Severity.WARN, 180.0, FROM.plus(Duration.ofHours(3)), "180 connections"),
                        // before the range: not in a pack of the range
                        new AlertChange(0, new AlertKey("mysql.connections.high", shop.id(), ""), "shop", AlertState.OK, AlertState.FIRING,
                                Severity.WARN, 150.0, FROM.minus(Duration.ofHours(3)), "too early")));
        config.alerts().addEvents(List.of(
                new VigilEvent(0, prod.id(), "prod", TO.minus(Duration.ofHours(5)), EventType.ALERT_LOG, "INTERNAL_ERROR", Severity.CRIT,
                        "ORA-00600", "ORA-00600: internal error code, arguments: [kcbgtcr_13]"),
                new VigilEvent(0, prod.id(), "prod", TO.minus(Duration.ofHours(4)), EventType.RESTART, "restart", Severity.WARN, "",
                        "Instance restarted"),
                new VigilEvent(0, prod.id(), "prod", TO.plus(Duration.ofHours(1)), EventType.ALERT_LOG, "OTHER", Severity.INFO, "",
                        "after the range")));
    }

    public PackSource source() {
        return new PackSource(config, series, cache, ledger, jobs);
    }

    @Override
    public void close() throws IOException {
        listener.close();
        cache.close();
        series.close();
        config.close();
    }
}
