package io.vigil.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Set;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.ServerAddress;
import io.vigil.config.StoreKind;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.Tls;
import io.vigil.config.TlsMode;
import io.vigil.i18n.Messages;
import io.vigil.ledger.RedisLedger;
import io.vigil.ledger.SyncRecord;
import io.vigil.mirror.CacheDb;
import io.vigil.schedule.DataStores;
import io.vigil.target.DemoOracles;
import io.vigil.target.FailureKind;
import io.vigil.target.ProbeResult;
import io.vigil.target.TargetConnections;
import io.vigil.testsupport.JdbcServer;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.RedisServer;
import io.vigil.testsupport.TestCertificates;
import io.vigil.testsupport.TestDatabase;

/**
 * TLS against real servers that this test starts with TLS on: a CA and a server certificate for "db.example" and
 * "localhost" made here, private MariaDB, PostgreSQL and Redis servers using it. A connection by "localhost" under the
 * strictest check works and is encrypted; the same server with another CA file, or reached as 127.0.0.1 (a name the
 * certificate does not list), is refused with a sentence that says so; a server without TLS is refused when TLS is
 * required.
 */
class TlsOnRealServersIT {

    static TestCertificates certs;
    static JdbcServer mariadb;
    static JdbcServer postgres;
    static RedisServer redis;

    static final Messages EN = new Messages(Locale.ENGLISH);
    static final Messages ZH = new Messages(Locale.SIMPLIFIED_CHINESE);

    TargetConnections connections = new TargetConnections(new DemoOracles());

    @BeforeAll
    static void startServers() {
        certs = TestCertificates.make("db.example", "localhost");
        mariadb = RealServices.privateMariadb("--ssl-ca=" + certs.ca(), "--ssl-cert=" + certs.serverCert(), "--ssl-key=" + certs.serverKey());
        postgres = RealServices.privatePostgres("ssl=on", "ssl_cert_file=" + certs.serverCert(), "ssl_key_file=" + certs.serverKey());
        redis = RealServices.privateRedisTls(certs);
    }

    static Target target(TargetKind kind, TestDatabase db, String host, TlsMode mode, Path ca) {
        return new Target(1, "tls-" + kind, kind, host, db.port(), ConnectBy.DATABASE, db.name(), "", db.user(), Secret.of(db.password()),
                List.of(), true, Set.of(), Tls.of(mode, ca == null ? "" : ca.toString()));
    }

    @Test
    void mariadbVerifiedByNameIsEncryptedAndAWrongCaOrHostIsRefusedInWords() throws Exception {
        try (TestDatabase db = mariadb.createDatabase("tls")) {
            Target good = target(TargetKind.MYSQL, db, "localhost", TlsMode.VERIFY_FULL, certs.ca());
            ProbeResult ok = connections.probe(good);
            assertThat(ok.ok()).as(String.valueOf(ok.failure())).isTrue();
            try (Connection c = connections.pool(good).getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_version'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).as("the pool's session is encrypted").startsWith("TLS");
            }

            ProbeResult wrongCa = connections.probe(target(TargetKind.MYSQL, db, "localhost", TlsMode.VERIFY_CA, certs.otherCa()));
            assertRefused(wrongCa, "tls.notSigned", "is not signed by the CA file " + certs.otherCa());

            ProbeResult wrongHost = connections.probe(target(TargetKind.MYSQL, db, "127.0.0.1", TlsMode.VERIFY_FULL, certs.ca()));
            assertRefused(wrongHost, "tls.wrongHost", "is for host db.example, localhost, not 127.0.0.1");

            // the CA alone is what VERIFY_CA checks: the same address then works
            assertThat(connections.probe(target(TargetKind.MYSQL, db, "127.0.0.1", TlsMode.VERIFY_CA, certs.ca())).ok()).isTrue();
        }
    }

    @Test
    void postgresVerifiedByNameIsEncryptedAndAWrongCaOrHostIsRefusedInWords() throws Exception {
        try (TestDatabase db = postgres.createDatabase("tls")) {
            Target good = target(TargetKind.POSTGRES, db, "localhost", TlsMode.VERIFY_FULL, certs.ca());
            ProbeResult ok = connections.probe(good);
            assertThat(ok.ok()).as(String.valueOf(ok.failure())).isTrue();
            try (Connection c = connections.pool(good).getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT ssl FROM pg_stat_ssl WHERE pid = pg_backend_pid()")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getBoolean(1)).as("the pool's session is encrypted").isTrue();
            }

            ProbeResult wrongCa = connections.probe(target(TargetKind.POSTGRES, db, "localhost", TlsMode.VERIFY_CA, certs.otherCa()));
            assertRefused(wrongCa, "tls.notSigned", "is not signed by the CA file " + certs.otherCa());

            ProbeResult wrongHost = connections.probe(target(TargetKind.POSTGRES, db, "127.0.0.1", TlsMode.VERIFY_FULL, certs.ca()));
            assertRefused(wrongHost, "tls.wrongHost", "is for host db.example, localhost, not 127.0.0.1");
        }
    }

    @Test
    void serversWithoutTlsAreRefusedWhenTlsIsRequired() {
        JdbcServer plainMaria = RealServices.privateMariadb();
        JdbcServer plainPg = RealServices.privatePostgres("ssl=off");
        try (TestDatabase my = plainMaria.createDatabase("notls"); TestDatabase pg = plainPg.createDatabase("notls")) {
            assertRefused(connections.probe(target(TargetKind.MYSQL, my, "127.0.0.1", TlsMode.REQUIRE, null)), "tls.noTls",
                    "does not offer TLS");
            assertRefused(connections.probe(target(TargetKind.POSTGRES, pg, "127.0.0.1", TlsMode.REQUIRE, null)), "tls.noTls",
                    "does not offer TLS");
            // and without TLS asked for, the same servers answer
            assertThat(connections.probe(target(TargetKind.MYSQL, my, "127.0.0.1", TlsMode.OFF, null)).ok()).isTrue();
        }
    }

    @Test
    void aMissingCaFileIsSaidBeforeAnyConnection() {
        try (TestDatabase db = mariadb.createDatabase("tls")) {
            Path nowhere = certs.ca().resolveSibling("no-such-ca.pem");
            assertRefused(connections.probe(target(TargetKind.MYSQL, db, "localhost", TlsMode.VERIFY_CA, nowhere)), "tls.ca.missing",
                    "The CA file " + nowhere + " does not exist");
        }
    }

    @Test
    void theCacheAndTheConfigStoreOnMariadbOverTls(@TempDir Path home) throws Exception {
        try (TestDatabase db = mariadb.createDatabase("tlsstore")) {
            String url = "jdbc:mysql://localhost:" + db.port() + "/" + db.name() + "?sslMode=VERIFY_IDENTITY&tlsCaFile=" + certs.ca();
            try (CacheDb cache = CacheDb.mysql(url, db.user(), Secret.of(db.password()));
                 Connection c = cache.dataSource().getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SHOW SESSION STATUS LIKE 'Ssl_version'")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(2)).startsWith("TLS");
            }
            AppDirs dirs = new AppDirs(home);
            Files.createDirectories(home);
            StoreLocation where = new StoreLocation(StoreKind.MYSQL, url, db.user(), Secret.of(db.password()));
            try (ConfigStore store = ConfigStores.open(where, dirs, SecretBox.fromKeyFile(dirs))) {
                Target t = new Target(0, "pg-secure", TargetKind.POSTGRES, "db.example", 5432, ConnectBy.DATABASE, "app", "", "vigil",
                        Secret.of("x"), List.of(), true, Set.of(), Tls.of(TlsMode.VERIFY_FULL, "/etc/vigil/ca.pem"));
                store.saveTarget(t);
                assertThat(store.targets()).singleElement().extracting(Target::tls)
                        .isEqualTo(Tls.of(TlsMode.VERIFY_FULL, "/etc/vigil/ca.pem"));
            }
            // the same address with another CA is refused in words, by the config store and when tried from Settings
            String other = "jdbc:mysql://localhost:" + db.port() + "/" + db.name() + "?sslMode=VERIFY_CA&tlsCaFile=" + certs.otherCa();
            assertThatThrownBy(() -> ConfigStores.open(new StoreLocation(StoreKind.MYSQL, other, db.user(), Secret.of(db.password())), dirs,
                    SecretBox.fromKeyFile(dirs))).hasMessageContaining("is not signed by the CA file " + certs.otherCa())
                    .hasMessageNotContaining("Exception");
            assertThatThrownBy(() -> DataStores.test(DataStores.Role.CACHE, new ServerAddress(other, db.user(), Secret.of(db.password()))))
                    .hasMessageContaining("is not signed by the CA file " + certs.otherCa());
        }
    }

    @Test
    void redisOverTlsRecordsAndRefusesAWrongCaHostOrPlainServer() {
        {
            String prefix = "vt_tls_" + System.nanoTime(); // a private server: its keys go with it
            ServerAddress good = new ServerAddress("rediss://localhost:" + redis.port() + "/" + prefix + "?tlsCaFile=" + certs.ca(), "", null);
            try (RedisLedger ledger = DataStores.openLedger(good)) {
                ledger.record(new SyncRecord(7, "sessions", Instant.ofEpochMilli(1_800_000_000_000L), 12, 3));
                assertThat(ledger.last(7, "sessions")).get().extracting(SyncRecord::rows).isEqualTo(12L);
            }
            assertThat(new io.vigil.i18n.Messages(java.util.Locale.ENGLISH).render(DataStores.test(DataStores.Role.LEDGER, good))).contains("answered");

            ServerAddress wrongCa = new ServerAddress("rediss://localhost:" + redis.port() + "/" + prefix + "?tlsCaFile=" + certs.otherCa(), "", null);
            assertThatThrownBy(() -> DataStores.test(DataStores.Role.LEDGER, wrongCa))
                    .hasMessageContaining("is not signed by the CA file " + certs.otherCa())
                    .isInstanceOfSatisfying(DataStores.TlsRefusedStore.class, e -> assertThat(ZH.render(e.reason()))
                            .contains("不是由 CA 文件 " + certs.otherCa() + " 签发的"));
            ServerAddress wrongHost = new ServerAddress("rediss://127.0.0.1:" + redis.port() + "/" + prefix + "?tlsCaFile=" + certs.ca(), "", null);
            assertThatThrownBy(() -> DataStores.test(DataStores.Role.LEDGER, wrongHost))
                    .hasMessageContaining("is for host db.example, localhost, not 127.0.0.1");
            RedisServer plain = RealServices.redis();
            ServerAddress noTls = new ServerAddress("rediss://" + plain.host() + ":" + plain.port() + "/" + prefix + "?tlsCaFile=" + certs.ca(), "", null);
            assertThatThrownBy(() -> DataStores.test(DataStores.Role.LEDGER, noTls)).hasMessageContaining("does not offer TLS");
        }
    }

    @Test
    void influxOverHttpsArchivesAndRefusesAWrongCaHostOrPlainServer() throws Exception {
        io.vigil.testsupport.PrivateInflux influx = RealServices.privateInfluxTls(certs);
        try {
            java.net.http.HttpClient http = java.net.http.HttpClient.newBuilder().sslContext(CaTrust.context(certs.ca())).build();
            java.net.http.HttpResponse<String> made = http.send(java.net.http.HttpRequest.newBuilder(
                            java.net.URI.create("https://localhost:" + influx.port() + "/query?q=CREATE+DATABASE+vt_tls"))
                    .POST(java.net.http.HttpRequest.BodyPublishers.noBody()).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
            assertThat(made.statusCode()).as(made.body()).isEqualTo(200);

            ServerAddress good = new ServerAddress("https://localhost:" + influx.port() + "/vt_tls?tlsCaFile=" + certs.ca(), "", null);
            Instant t0 = Instant.now().truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusSeconds(30);
            try (io.vigil.series.InfluxSeriesStore store = DataStores.openSeries(good)) {
                store.write(List.of(io.vigil.series.Point.of("tls.check", java.util.Map.of("target", "t"), t0, 42)));
                List<io.vigil.series.Series> back = store.query(new io.vigil.series.RangeQuery("tls.check", java.util.Map.of(),
                        t0.minusSeconds(1), t0.plusSeconds(1), 10));
                assertThat(back).singleElement().satisfies(x -> assertThat(x.values()).containsExactly(42.0));
            }
            assertThat(new io.vigil.i18n.Messages(java.util.Locale.ENGLISH).render(DataStores.test(DataStores.Role.SERIES, good))).contains("answered");

            ServerAddress wrongCa = new ServerAddress("https://localhost:" + influx.port() + "/vt_tls?tlsCaFile=" + certs.otherCa(), "", null);
            assertThatThrownBy(() -> DataStores.test(DataStores.Role.SERIES, wrongCa))
                    .hasMessageContaining("is not signed by the CA file " + certs.otherCa());
            ServerAddress wrongHost = new ServerAddress("https://127.0.0.1:" + influx.port() + "/vt_tls?tlsCaFile=" + certs.ca(), "", null);
            assertThatThrownBy(() -> DataStores.test(DataStores.Role.SERIES, wrongHost))
                    .hasMessageContaining("is for host db.example, localhost, not 127.0.0.1");
            io.vigil.testsupport.InfluxServer plain = RealServices.influx();
            ServerAddress noTls = new ServerAddress("https://127.0.0.1:" + plain.port() + "/vigil?tlsCaFile=" + certs.ca(), "", null);
            assertThatThrownBy(() -> DataStores.test(DataStores.Role.SERIES, noTls)).hasMessageContaining("does not offer TLS");
        } finally {
            influx.stop();
        }
    }

    private static void assertRefused(ProbeResult r, String key, String english) {
        assertThat(r.ok()).as("refused").isFalse();
        // the driver's attempt and the look at the server's certificate together stay within two connect timeouts
        assertThat(r.took()).as(key).isLessThan(io.vigil.target.TargetUrls.CONNECT_TIMEOUT.multipliedBy(2));
        assertThat(r.failure().kind()).as(r.failure().getMessage()).isEqualTo(FailureKind.TLS_REFUSED);
        assertThat(r.failure().reason().keys()).contains(key);
        String en = EN.render(r.failure().reason());
        String zh = ZH.render(r.failure().reason());
        assertThat(en).contains(english).doesNotContain("Exception").doesNotContain("javax.");
        assertThat(zh).isNotEqualTo(en).doesNotContain("tls.").doesNotContain("Exception");
    }
}
