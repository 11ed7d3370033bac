package io.vigil.mirror;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.MetricDef;
import io.vigil.config.MetricType;
import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.config.Secret;
import io.vigil.config.TargetKind;
import io.vigil.gather.Pick;
import io.vigil.gather.PickedValue;
import io.vigil.ledger.InMemoryLedger;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;
import io.vigil.testsupport.LogCapture;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;

/**
 * A site's odd data — NULLs, NaN, infinities, numbers beyond any column's range, text in another character set, binary
 * bytes — mirrored from real PostgreSQL and MariaDB targets into an embedded and a MariaDB cache, then picked: the mirror
 * keeps every row (an unkeepable value becomes NULL), and the pick gives finite numbers or none, never a crash. Text a
 * PostgreSQL database in SQL_ASCII holds that is not UTF-8 is kept with replacement characters.
 */
class OddDataIT {

    @TempDir
    Path folder;
    TargetConnections connections;

    @BeforeEach
    void open() {
        connections = new TargetConnections(new DemoOracles());
    }

    @AfterEach
    void close() {
        connections.close();
    }

    static MetricDef metric(TargetKind kind, String sql) {
        return new MetricDef(1, "odd.value", kind, sql, List.of("odd"), 60, MetricType.GAUGE, "", List.of("id"), 15, null, null, "", true, "");
    }

    static List<String> column(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (Statement s = c.createStatement(); ResultSet rs = s.executeQuery(sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    @Test
    void postgresNanInfinityAndHugeNumbersAreMirroredAndPickedWithoutACrash() throws Exception {
        try (TestDatabase source = RealServices.postgres().createDatabase("odd"); CacheDb cache = CacheDb.embedded(folder)) {
            try (Connection c = DriverManager.getConnection(source.jdbcUrl(), source.user(), source.password()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE odd (id INT PRIMARY KEY, n NUMERIC, d DOUBLE PRECISION, t TEXT)");
                s.execute("INSERT INTO odd VALUES (1, 1.5, 2.5, 'plain'), (2, NULL, NULL, NULL), (3, 'NaN', 'NaN', repeat('x', 10000)),"
                        + " (4, 1e300, 'Infinity', E'tab\\there'), (5, -1e300, '-Infinity', '\u4e2d\u6587 \ud83d\ude00'),"
                        + " (6, 123456789012345678901234567890.123456789, 1e308, ''), (7, 0.000000000000000000001, 4.9e-324, 'ok')");
            }
            MirrorJob job = new MirrorJob(connections, cache, new InMemoryLedger());
            MirrorDef odd = new MirrorDef(1, "odd", TargetKind.POSTGRES, "SELECT id, n, d, t FROM odd ORDER BY id", "pg_odd", 15, 100,
                    MirrorMode.REPLACE, "", true, "");
            MirrorResult r = job.run(MirrorJobIT.target(7, TargetKind.POSTGRES, source), odd);
            assertThat(r.rows()).as("every row is kept").isEqualTo(7);
            assertThat(r.nulled()).as("NaN, the infinities and numbers beyond 30 whole digits").isEqualTo(6);
            assertThat(r.repaired()).isZero();
            try (Connection c = cache.dataSource().getConnection()) {
                assertThat(column(c, "SELECT t FROM pg_odd WHERE target_id = 7 ORDER BY id")).hasSize(7).contains("plain", "\u4e2d\u6587 \ud83d\ude00");
                assertThat(column(c, "SELECT CAST(n AS DOUBLE) FROM pg_odd WHERE target_id = 7 ORDER BY id"))
                        .as("NaN and numbers beyond the cache's 30 whole digits are kept as NULL, the others as they are")
                        .containsExactly("1.5", null, null, null, null, "1.2345678901234568E29", "0.0");
                for (String value : List.of("n", "d")) {
                    List<PickedValue> picked = Pick.run(c, metric(TargetKind.POSTGRES,
                            "SELECT CAST(id AS VARCHAR) AS id, " + value + " AS value FROM pg_odd WHERE target_id = ?"), 7);
                    assertThat(picked).as("picked from %s", value).isNotEmpty()
                            .allSatisfy(v -> assertThat(Double.isNaN(v.value()) || Double.isFinite(v.value())).as("%s", v).isTrue());
                    assertThat(picked).filteredOn(v -> v.labels().get("id").equals("1")).singleElement()
                            .satisfies(v -> assertThat(v.value()).isEqualTo(value.equals("n") ? 1.5 : 2.5));
                }
            }
        }
    }

    /**
     * A PostgreSQL database in SQL_ASCII holding Latin-1 bytes beside UTF-8 text, as old sites do. The server will not
     * send those bytes to a UTF-8 client (every JDBC connection is one), so the mirror reads that database's text as stored
     * bytes: the good values come as they are, a value that is not UTF-8 keeps its text with U+FFFD for each bad byte,
     * the run counts them, logs them once (not at every run) and leaves the connection in UTF-8 for the target's other reads.
     */
    @Test
    void postgresSqlAsciiTextThatIsNotUtf8IsKeptWithReplacementCharactersAndLoggedOnce() throws Exception {
        try (TestDatabase source = RealServices.postgresLegacyDatabase("oddbytes"); CacheDb cache = CacheDb.embedded(folder)) {
            try (Connection c = DriverManager.getConnection(source.jdbcUrl(), source.user(), source.password()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE odd (id INT PRIMARY KEY, t TEXT, v VARCHAR(40), n NUMERIC)");
                s.execute("INSERT INTO odd VALUES (1, 'plain', 'plain', 1), (2, E'caf\\xe9', E'caf\\xe9', 'NaN'), (3, NULL, NULL, NULL),"
                        + " (4, '\u4e2d\u6587 \ud83d\ude00', 'caf\u00e9', 2), (5, E'caf\\xe9 \\xff\\xfe end', 'ok', 3)");
            }
            MirrorJob job = new MirrorJob(connections, cache, new InMemoryLedger());
            io.vigil.config.Target target = MirrorJobIT.target(9, TargetKind.POSTGRES, source);
            MirrorDef text = new MirrorDef(1, "odd", TargetKind.POSTGRES, "SELECT id, t, v, n FROM odd ORDER BY id", "pg_odd_bytes", 15, 100,
                    MirrorMode.REPLACE, "", true, "");
            try (LogCapture log = LogCapture.atDebug()) {
                MirrorResult r = job.run(target, text);
                assertThat(r.rows()).as("every row is kept").isEqualTo(5);
                assertThat(r.repaired()).as("text values that were not UTF-8").isEqualTo(3);
                assertThat(r.nulled()).as("NaN").isEqualTo(1);
                try (Connection c = cache.dataSource().getConnection()) {
                    assertThat(column(c, "SELECT t FROM pg_odd_bytes WHERE target_id = 9 ORDER BY id"))
                            .containsExactly("plain", "caf\uFFFD", null, "\u4e2d\u6587 \ud83d\ude00", "caf\uFFFD \uFFFD\uFFFD end");
                    assertThat(column(c, "SELECT v FROM pg_odd_bytes WHERE target_id = 9 ORDER BY id"))
                            .containsExactly("plain", "caf\uFFFD", null, "caf\u00e9", "ok");
                }
                List<String> said = log.lines().stream().filter(l -> l.contains("kept odd values")).toList();
                assertThat(said).singleElement().asString().contains("Mirror odd of target t9 (PostgreSQL 127.0.0.1:" + source.port() + "/")
                        .contains("cache table pg_odd_bytes").contains("column t: 2 text values not valid UTF-8")
                        .contains("column v: 1 text value not valid UTF-8").contains("column n: 1 number stored as NULL");
                assertThat(job.run(target, text).repaired()).isEqualTo(3);
                assertThat(log.lines()).as("the same columns again: not logged again").filteredOn(l -> l.contains("kept odd values")).hasSize(1);
            }
            assertThat(new Preflight(connections).run(target, List.of(text)).outcomes()).as("vigil grants --check tries it as the mirror reads")
                    .singleElement().satisfies(o -> assertThat(o.state()).as("%s", o).isEqualTo(Preflight.State.OK));
            try (Connection c = connections.pool(target).getConnection(); Statement s = c.createStatement();
                 ResultSet rs = s.executeQuery("SELECT current_setting('client_encoding'), '\u4e2d'")) {
                rs.next();
                assertThat(rs.getString(1)).as("the read's encoding ended with its transaction").isEqualTo("UTF8");
                assertThat(rs.getString(2)).isEqualTo("\u4e2d");
            }
        }
    }

    @Test
    void mariadbHugeDecimalsLatin1TextAndBinaryBytesIntoAMariadbCache() throws Exception {
        try (TestDatabase source = RealServices.mariadb().createDatabase("oddsrc");
             TestDatabase cacheDb = RealServices.mariadb().createDatabase("oddcache");
             CacheDb cache = CacheDb.mysql(cacheDb.jdbcUrl(), cacheDb.user(), Secret.of(cacheDb.password()))) {
            try (Connection c = DriverManager.getConnection(source.jdbcUrl(), source.user(), source.password()); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE odd (id INT PRIMARY KEY, n DECIMAL(65,0), f DECIMAL(65,30), d DOUBLE, "
                        + "t VARCHAR(40) CHARACTER SET latin1, b VARBINARY(16))");
                s.execute("INSERT INTO odd VALUES (1, 1, 1.5, 2.5, 'plain', NULL), (2, NULL, NULL, NULL, NULL, NULL),"
                        + " (3, REPEAT('9', 65), REPEAT('9', 35), 1.7976931348623157e308, UNHEX('E9FFFE80'), UNHEX('FFFE00C328')),"
                        + " (4, CONCAT('-', REPEAT('9', 65)), 0.000000000000000000000000000001, -1e308, '', UNHEX(''))");
            }
            MirrorJob job = new MirrorJob(connections, cache, new InMemoryLedger());
            MirrorDef odd = new MirrorDef(1, "odd", TargetKind.MYSQL, "SELECT id, n, f, d, t, b FROM odd ORDER BY id", "my_odd", 15, 100,
                    MirrorMode.REPLACE, "", true, "");
            MirrorResult r = job.run(MirrorJobIT.target(8, TargetKind.MYSQL, source), odd);
            assertThat(r.rows()).as("every row is kept").isEqualTo(4);
            assertThat(r.nulled()).as("65 and 35 whole digits").isEqualTo(3);
            assertThat(r.repaired()).as("a MariaDB server converts its text to UTF-8 itself").isZero();
            try (Connection c = cache.dataSource().getConnection()) {
                assertThat(column(c, "SELECT t FROM my_odd WHERE target_id = 8 ORDER BY id")).containsExactly("plain", null, "\u00e9\u00ff\u00fe\u20ac", "");
                assertThat(column(c, "SELECT n FROM my_odd WHERE target_id = 8 ORDER BY id")).as("65 digits do not fit the cache: NULL")
                        .containsExactly("1.00000000", null, null, null);
                for (String value : List.of("n", "f", "d")) {
                    List<PickedValue> picked = Pick.run(c, metric(TargetKind.MYSQL,
                            "SELECT CAST(id AS CHAR) AS id, " + value + " AS value FROM my_odd WHERE target_id = ?"), 8);
                    assertThat(picked).as("picked from %s", value).hasSize(4)
                            .allSatisfy(v -> assertThat(Double.isNaN(v.value()) || Double.isFinite(v.value())).as("%s", v).isTrue());
                }
            }
        }
    }

    @Test
    void aSharedCachesSessionsWaitForAMetadataLockTwoMinutesNotADay() throws Exception {
        try (TestDatabase cacheDb = RealServices.mariadb().createDatabase("lockwait");
             CacheDb cache = CacheDb.mysql(cacheDb.jdbcUrl(), cacheDb.user(), Secret.of(cacheDb.password()));
             java.sql.Connection c = cache.dataSource().getConnection();
             java.sql.Connection r = cache.readOnlyDataSource().getConnection();
             java.sql.ResultSet rs = c.createStatement().executeQuery("SELECT @@session.lock_wait_timeout");
             java.sql.ResultSet rr = r.createStatement().executeQuery("SELECT @@session.lock_wait_timeout")) {
            rs.next();
            rr.next();
            assertThat(rs.getLong(1)).isEqualTo(CacheDb.LOCK_WAIT_SECONDS);
            assertThat(rr.getLong(1)).isEqualTo(CacheDb.LOCK_WAIT_SECONDS);
        }
    }
}
