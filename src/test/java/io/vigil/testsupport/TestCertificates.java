package io.vigil.testsupport;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;

/**
 * A test CA and a server certificate it signs, made with openssl under {@code target/services}, and a second CA that
 * signed nothing, to be refused with. The server certificate names the hosts it is given (e.g. {@code db.example} and
 * {@code localhost}); its key is readable by its owner only (as PostgreSQL demands), and owned by the postgres account
 * when the tests run as root, since a private PostgreSQL then runs as that account.
 *
 * @param ca        the CA certificate (PEM) that signed the server's
 * @param otherCa   a CA certificate (PEM) that signed nothing here
 * @param serverCert the server certificate (PEM)
 * @param serverKey the server's private key (PEM, unencrypted)
 */
public record TestCertificates(Path ca, Path otherCa, Path serverCert, Path serverKey) {

    private static final java.util.concurrent.atomic.AtomicInteger MADE = new java.util.concurrent.atomic.AtomicInteger();

    /** A new CA and a server certificate for {@code hosts} (DNS names), valid for two days. */
    public static TestCertificates make(String... hosts) {
        Path openssl = Binaries.find("openssl", "openssl", List.of());
        Path dir = Processes.freshDir("tls" + MADE.incrementAndGet());
        String o = openssl.toString();
        Duration limit = Duration.ofMinutes(1);
        Processes.run(limit, List.of(o, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Vigil Test CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-keyout", dir.resolve("ca.key").toString(), "-out", dir.resolve("ca.pem").toString()));
        Processes.run(limit, List.of(o, "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "2", "-subj", "/CN=Some Other CA",
                "-addext", "basicConstraints=critical,CA:TRUE", "-addext", "keyUsage=critical,keyCertSign,cRLSign",
                "-keyout", dir.resolve("other-ca.key").toString(), "-out", dir.resolve("other-ca.pem").toString()));
        Processes.run(limit, List.of(o, "req", "-newkey", "rsa:2048", "-nodes", "-subj", "/CN=" + hosts[0],
                "-keyout", dir.resolve("server.key").toString(), "-out", dir.resolve("server.csr").toString()));
        StringBuilder san = new StringBuilder("subjectAltName=");
        for (int i = 0; i < hosts.length; i++) {
            san.append(i == 0 ? "" : ",").append("DNS:").append(hosts[i]);
        }
        try {
            Files.writeString(dir.resolve("server.ext"), san + "\nbasicConstraints=CA:FALSE\n"
                    + "keyUsage=digitalSignature,keyEncipherment\nextendedKeyUsage=serverAuth\n");
        } catch (IOException e) {
            throw new IllegalStateException("cannot write " + dir.resolve("server.ext"), e);
        }
        Processes.run(limit, List.of(o, "x509", "-req", "-days", "2", "-in", dir.resolve("server.csr").toString(),
                "-CA", dir.resolve("ca.pem").toString(), "-CAkey", dir.resolve("ca.key").toString(), "-CAcreateserial",
                "-extfile", dir.resolve("server.ext").toString(), "-out", dir.resolve("server.pem").toString()));
        Processes.run(limit, List.of("chmod", "600", dir.resolve("server.key").toString()));
        if (Processes.isRoot()) {
            Processes.run(limit, List.of("chown", "postgres:postgres", dir.toString(), dir.resolve("server.key").toString(),
                    dir.resolve("server.pem").toString(), dir.resolve("ca.pem").toString()));
        }
        return new TestCertificates(dir.resolve("ca.pem"), dir.resolve("other-ca.pem"), dir.resolve("server.pem"), dir.resolve("server.key"));
    }
}
