package io.vigil.testsupport;

/**
 * Real servers for integration tests. Each is found on its usual loopback port or started privately under
 * {@code target/services} once per test JVM; a missing server fails the test with the Debian package to install.
 * Tests isolate themselves with their own database or key prefix and clean up on close.
 */
public final class RealServices {

    private RealServices() {
    }

    public static JdbcServer mariadb() {
        return Holder.MARIADB;
    }

    public static JdbcServer postgres() {
        return PostgresHolder.POSTGRES;
    }

    /** A PostgreSQL test database in SQL_ASCII, which stores any bytes: for text that is not UTF-8. */
    public static TestDatabase postgresLegacyDatabase(String prefix) {
        return ((Postgres) postgres()).createLegacyDatabase(prefix);
    }

    public static RedisServer redis() {
        return RedisHolder.REDIS;
    }

    public static InfluxServer influx() {
        return InfluxHolder.INFLUX;
    }

    /** Always a new private MariaDB the test may set up as it likes (as a replica, say); it stops when the test JVM exits. */
    public static PrivateJdbcServer privateMariadb() {
        return MariaDb.startPrivate();
    }

    /** Always a new private MariaDB started with these options as well (e.g. {@code --ssl-cert=…}); it stops when the test JVM exits. */
    public static JdbcServer privateMariadb(String... options) {
        return MariaDb.startPrivate(java.util.List.of(options));
    }

    /** Always a new private Redis that speaks only TLS with the test certificates' server certificate. */
    public static RedisServer privateRedisTls(TestCertificates certs) {
        return RedisServer.startPrivateTls(certs.serverCert(), certs.serverKey(), certs.ca());
    }

    /**
     * Always a new private PostgreSQL started with these settings ({@code name=value}, e.g. {@code archive_mode=on}, which
     * only a start can change); it stops when the test JVM exits.
     */
    public static PrivateJdbcServer privatePostgres(String... settings) {
        return Postgres.startPrivate(java.util.List.of(settings));
    }

    /** Always a new private InfluxDB that answers only https:// with the test certificates' server certificate. */
    public static PrivateInflux privateInfluxTls(TestCertificates certs) {
        PrivateInflux p = new PrivateInflux(certs);
        p.start();
        return p;
    }

    /** Always a new private InfluxDB the test may stop and start; it stops when the test JVM exits. */
    public static PrivateInflux privateInflux() {
        PrivateInflux p = new PrivateInflux();
        p.start();
        return p;
    }

    /** Always a new private Redis the test may stop and start (it keeps nothing across a restart); it stops when the test JVM exits. */
    public static PrivateRedis privateRedis() {
        PrivateRedis r = new PrivateRedis();
        r.start();
        return r;
    }

    // One holder per server so a test that needs only Redis never starts MariaDB.
    private static final class Holder {
        static final JdbcServer MARIADB = MariaDb.findOrStart();
    }

    private static final class PostgresHolder {
        static final JdbcServer POSTGRES = Postgres.findOrStart();
    }

    private static final class RedisHolder {
        static final RedisServer REDIS = RedisServer.findOrStart();
    }

    private static final class InfluxHolder {
        static final InfluxServer INFLUX = InfluxServer.findOrStart();
    }
}
