package io.vigil.target;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.config.ConnectBy;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;

class TargetUrlsTest {

    static Target t(TargetKind kind, ConnectBy by, String host, int port, String db) {
        return new Target(1, "t", kind, host, port, by, db, "/opt/tns", "vigil", Secret.of("tiger"), List.of(), true);
    }

    @Test
    void oracleServiceAndSidUseADescriptorWithTimeoutsAndNoPasswordInTheUrl() {
        JdbcSpec svc = TargetUrls.spec(t(TargetKind.ORACLE, ConnectBy.SERVICE_NAME, "db1", 1521, "ORCLPDB1"));
        assertThat(svc.url()).isEqualTo("jdbc:oracle:thin:@(DESCRIPTION=(CONNECT_TIMEOUT=5)(TRANSPORT_CONNECT_TIMEOUT=5)(RETRY_COUNT=0)"
                + "(ADDRESS=(PROTOCOL=TCP)(HOST=db1)(PORT=1521))(CONNECT_DATA=(SERVICE_NAME=ORCLPDB1)))");
        assertThat(svc.props()).containsEntry("oracle.jdbc.ReadTimeout", "120000").containsEntry("v$session.program", "Vigil")
                .containsEntry("password", "tiger");
        assertThat(svc.address()).isEqualTo("Oracle db1:1521/ORCLPDB1");
        JdbcSpec sid = TargetUrls.spec(t(TargetKind.ORACLE, ConnectBy.SID, "db1", 1521, "PROD11"));
        assertThat(sid.url()).contains("(CONNECT_DATA=(SID=PROD11))");
        assertThat(sid.address()).isEqualTo("Oracle db1:1521:PROD11");
        assertThat(svc.toString()).doesNotContain("tiger");
    }

    @Test
    void aTnsAliasReadsTnsnamesFromTheTargetsFolder() {
        JdbcSpec alias = TargetUrls.spec(t(TargetKind.ORACLE, ConnectBy.TNS_ALIAS, "", 0, "PRODDB"));
        assertThat(alias.url()).isEqualTo("jdbc:oracle:thin:@PRODDB");
        assertThat(alias.props()).containsEntry("oracle.net.tns_admin", "/opt/tns");
    }

    @Test
    void mysqlAndPostgresNameVigilAndBoundEveryStep() {
        JdbcSpec my = TargetUrls.spec(t(TargetKind.MYSQL, ConnectBy.DATABASE, "10.0.0.5", 3306, ""));
        assertThat(my.url()).isEqualTo("jdbc:mysql://10.0.0.5:3306/");
        assertThat(my.props()).containsEntry("connectTimeout", "5000").containsEntry("socketTimeout", "120000")
                .containsEntry("connectionAttributes", "program_name:Vigil");
        JdbcSpec pg = TargetUrls.spec(t(TargetKind.POSTGRES, ConnectBy.DATABASE, "::1", 5432, "app"));
        assertThat(pg.url()).isEqualTo("jdbc:postgresql://[::1]:5432/app");
        assertThat(pg.props()).containsEntry("ApplicationName", "Vigil").containsEntry("connectTimeout", "5");
    }

    static Target tls(Target t, io.vigil.config.TlsMode mode, String ca) {
        return t.withTls(io.vigil.config.Tls.of(mode, ca));
    }

    static String fixtureCa() {
        try {
            return java.nio.file.Path.of(TargetUrlsTest.class.getResource("/tls/ca.pem").toURI()).toString();
        } catch (java.net.URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void oracleOverTcpsTrustsTheCaFileAndMatchesTheHostOnlyWhenAskedTo() {
        Target plain = t(TargetKind.ORACLE, ConnectBy.SERVICE_NAME, "db1", 2484, "ORCLPDB1");
        JdbcSpec full = TargetUrls.spec(tls(plain, io.vigil.config.TlsMode.VERIFY_FULL, fixtureCa()));
        assertThat(full.url()).contains("(ADDRESS=(PROTOCOL=TCPS)(HOST=db1)(PORT=2484))");
        assertThat(full.props()).containsEntry("javax.net.ssl.trustStoreType", "PKCS12")
                .containsEntry("oracle.net.ssl_server_dn_match", "true").doesNotContainKey("oracle.net.wallet_location");
        assertThat(java.nio.file.Files.isRegularFile(java.nio.file.Path.of(full.props().getProperty("javax.net.ssl.trustStore")))).isTrue();
        JdbcSpec ca = TargetUrls.spec(tls(plain, io.vigil.config.TlsMode.VERIFY_CA, fixtureCa()));
        assertThat(ca.props()).containsEntry("oracle.net.ssl_server_dn_match", "false");
        // a wallet folder is handed to the driver as it is
        java.nio.file.Path walletDir = java.nio.file.Path.of(fixtureCa()).getParent();
        JdbcSpec wallet = TargetUrls.spec(tls(plain, io.vigil.config.TlsMode.REQUIRE, walletDir.toString()));
        assertThat(wallet.props()).containsEntry("oracle.net.wallet_location", walletDir.toAbsolutePath().toString())
                .doesNotContainKey("javax.net.ssl.trustStore");
        // TLS off: the descriptor and properties as before
        assertThat(TargetUrls.spec(plain).url()).contains("(PROTOCOL=TCP)");
        assertThat(TargetUrls.spec(plain).props()).doesNotContainKey("oracle.net.ssl_server_dn_match");
        // an alias takes TCPS from its descriptor; the trust settings still come from the target
        JdbcSpec alias = TargetUrls.spec(tls(t(TargetKind.ORACLE, ConnectBy.TNS_ALIAS, "", 0, "PRODDB"), io.vigil.config.TlsMode.VERIFY_CA,
                fixtureCa()));
        assertThat(alias.url()).isEqualTo("jdbc:oracle:thin:@PRODDB");
        assertThat(alias.props()).containsKey("javax.net.ssl.trustStore");
    }

    @Test
    void mysqlAndPostgresGetTheirOwnModeNamesAndTheCaFile() {
        Target my = t(TargetKind.MYSQL, ConnectBy.DATABASE, "db1", 3306, "app");
        assertThat(TargetUrls.spec(my).props()).doesNotContainKey("sslMode");
        assertThat(TargetUrls.spec(tls(my, io.vigil.config.TlsMode.REQUIRE, "")).props()).containsEntry("sslMode", "REQUIRED")
                .doesNotContainKey("trustCertificateKeyStoreUrl");
        JdbcSpec myFull = TargetUrls.spec(tls(my, io.vigil.config.TlsMode.VERIFY_FULL, fixtureCa()));
        assertThat(myFull.props()).containsEntry("sslMode", "VERIFY_IDENTITY").containsEntry("trustCertificateKeyStoreType", "PKCS12")
                .containsEntry("fallbackToSystemTrustStore", "false");
        assertThat(TargetUrls.spec(tls(my, io.vigil.config.TlsMode.VERIFY_CA, fixtureCa())).props()).containsEntry("sslMode", "VERIFY_CA");

        Target pg = t(TargetKind.POSTGRES, ConnectBy.DATABASE, "db1", 5432, "app");
        assertThat(TargetUrls.spec(pg).props()).doesNotContainKey("sslmode");
        assertThat(TargetUrls.spec(tls(pg, io.vigil.config.TlsMode.REQUIRE, "")).props()).containsEntry("sslmode", "require");
        assertThat(TargetUrls.spec(tls(pg, io.vigil.config.TlsMode.VERIFY_CA, fixtureCa())).props()).containsEntry("sslmode", "verify-ca")
                .containsEntry("sslrootcert", fixtureCa());
        assertThat(TargetUrls.spec(tls(pg, io.vigil.config.TlsMode.VERIFY_FULL, "")).props()).containsEntry("sslmode", "verify-full")
                .containsEntry("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
    }

    @Test
    void tlsModesReadTheWordsOfEachKind() {
        assertThat(io.vigil.config.TlsMode.parse("VERIFY_IDENTITY")).isEqualTo(io.vigil.config.TlsMode.VERIFY_FULL);
        assertThat(io.vigil.config.TlsMode.parse("verify-full")).isEqualTo(io.vigil.config.TlsMode.VERIFY_FULL);
        assertThat(io.vigil.config.TlsMode.parse("verify-ca")).isEqualTo(io.vigil.config.TlsMode.VERIFY_CA);
        assertThat(io.vigil.config.TlsMode.parse("REQUIRED")).isEqualTo(io.vigil.config.TlsMode.REQUIRE);
        assertThat(io.vigil.config.TlsMode.parse("tcps")).isEqualTo(io.vigil.config.TlsMode.REQUIRE);
        assertThat(io.vigil.config.TlsMode.parse("disable")).isEqualTo(io.vigil.config.TlsMode.OFF);
        assertThat(io.vigil.config.TlsMode.parse("strict")).isNull();
    }
}
