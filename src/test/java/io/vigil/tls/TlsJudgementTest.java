package io.vigil.tls;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.i18n.Messages;
import io.vigil.i18n.Reason;

/**
 * The checks the diagnosis makes on a presented chain, on fixed certificates (src/test/resources/tls): a CA, a server
 * certificate it signed for db.example, *.apps.example and 10.0.0.5, and a CA that signed nothing.
 */
class TlsJudgementTest {

    static Path fixture(String name) {
        try {
            return Path.of(TlsJudgementTest.class.getResource("/tls/" + name).toURI());
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    static List<X509Certificate> server() throws Exception {
        try (InputStream in = Files.newInputStream(fixture("server.pem"))) {
            return List.of((X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
    }

    @Test
    void aChainSignedByTheCaFileForTheHostPasses() throws Exception {
        assertThat(TlsDiagnosis.judge(server(), "db.example", fixture("ca.pem"), true, true)).isEmpty();
        assertThat(TlsDiagnosis.judge(server(), "reports.apps.example", fixture("ca.pem"), true, true)).isEmpty();
        assertThat(TlsDiagnosis.judge(server(), "10.0.0.5", fixture("ca.pem"), true, true)).isEmpty();
    }

    @Test
    void anotherCaFileIsRefusedNamingTheFile() throws Exception {
        Reason r = TlsDiagnosis.judge(server(), "db.example", fixture("other-ca.pem"), true, true).orElseThrow();
        assertThat(r.key()).isEqualTo("tls.notSigned");
        String en = new Messages(Locale.ENGLISH).render(r);
        assertThat(en).contains("not signed by the CA file " + fixture("other-ca.pem")).contains("db.example");
        // without a CA file the Java runtime's CAs decide, and they never signed a test CA
        assertThat(TlsDiagnosis.judge(server(), "db.example", null, true, true).orElseThrow().key()).isEqualTo("tls.notSigned.runtime");
    }

    @Test
    void aHostTheCertificateDoesNotNameIsRefusedWithBothNames() throws Exception {
        Reason r = TlsDiagnosis.judge(server(), "127.0.0.1", fixture("ca.pem"), true, true).orElseThrow();
        assertThat(r.key()).isEqualTo("tls.wrongHost");
        assertThat(new Messages(Locale.ENGLISH).render(r)).contains("is for host db.example, *.apps.example, 10.0.0.5, not 127.0.0.1");
        assertThat(new Messages(Locale.SIMPLIFIED_CHINESE).render(r)).contains("db.example").contains("127.0.0.1").doesNotContain("tls.");
        // a wildcard covers one label only; the CA-only check does not look at the name
        assertThat(TlsDiagnosis.judge(server(), "a.b.apps.example", fixture("ca.pem"), true, true)).isPresent();
        assertThat(TlsDiagnosis.judge(server(), "127.0.0.1", fixture("ca.pem"), true, false)).isEmpty();
    }

    @Test
    void aCaFileThatIsMissingOrNoCertificateIsSaidInWords(@TempDir Path dir) throws Exception {
        Path text = Files.writeString(dir.resolve("ca.pem"), "not a certificate\n");
        assertThatThrownBy(() -> CaTrust.read(text)).isInstanceOfSatisfying(TlsRefused.class,
                e -> assertThat(e.reason().key()).isEqualTo("tls.ca.notCertificate"));
        assertThatThrownBy(() -> CaTrust.read(dir.resolve("none.pem"))).isInstanceOfSatisfying(TlsRefused.class,
                e -> assertThat(e.getMessage()).isEqualTo("The CA file " + dir.resolve("none.pem") + " does not exist or is not a file."));
    }

    @Test
    void thePkcs12CopyHoldsTheCaAndOnlyItsOwnerMayReadIt() throws Exception {
        Path p12 = CaTrust.pkcs12(fixture("ca.pem"));
        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(p12)) {
            ks.load(in, CaTrust.STORE_PASSWORD.toCharArray());
        }
        assertThat(ks.size()).isEqualTo(1);
        assertThat(((X509Certificate) ks.getCertificate(ks.aliases().nextElement())).getSubjectX500Principal().getName())
                .isEqualTo("CN=Vigil Fixture CA");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(p12))).isEqualTo("rw-------");
        assertThat(CaTrust.pkcs12(fixture("ca.pem"))).as("written once per file").isEqualTo(p12);
    }

    @Test
    void aStoreAddressLosesItsCaFileParameterBeforeTheDriverSeesIt() {
        StoreTls t = StoreTls.split("jdbc:mysql://db1:3306/vigil_cache?sslMode=VERIFY_IDENTITY&tlsCaFile=" + fixture("ca.pem") + "&x=1");
        assertThat(t.url()).isEqualTo("jdbc:mysql://db1:3306/vigil_cache?sslMode=VERIFY_IDENTITY&x=1");
        assertThat(t.caFile()).isEqualTo(fixture("ca.pem"));
        Properties p = new Properties();
        t.mysqlProperties(p);
        assertThat(p).doesNotContainKey("sslMode").containsEntry("trustCertificateKeyStoreType", "PKCS12")
                .containsEntry("fallbackToSystemTrustStore", "false");
        assertThat(p.getProperty("trustCertificateKeyStoreUrl")).startsWith("file:");

        StoreTls redis = StoreTls.split("rediss://redis1:6380/team?tlsCaFile=/etc/vigil/ca.pem");
        assertThat(redis.url()).isEqualTo("rediss://redis1:6380/team");
        assertThat(redis.caFile()).isEqualTo(Path.of("/etc/vigil/ca.pem"));
        Properties q = new Properties();
        StoreTls.split("jdbc:mysql://db1/c?tlsCaFile=" + fixture("ca.pem")).mysqlProperties(q);
        assertThat(q).as("a CA file alone asks for the CA check").containsEntry("sslMode", "VERIFY_CA");
        assertThat(StoreTls.split("http://influx1:8086/vigil")).isEqualTo(new StoreTls("http://influx1:8086/vigil", null));
        assertThat(StoreTls.split("https://i:8086/v?tlsCaFile=/etc/ca+intermediate%20bundle.pem").caFile())
                .isEqualTo(Path.of("/etc/ca+intermediate bundle.pem"));
    }
}
