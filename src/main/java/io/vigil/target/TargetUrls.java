package io.vigil.target;

import java.time.Duration;
import java.util.Properties;

import java.nio.file.Files;
import java.nio.file.Path;

import io.vigil.config.ConnectBy;
import io.vigil.config.Target;
import io.vigil.config.Tls;
import io.vigil.tls.CaTrust;

/**
 * JDBC URLs and properties per target kind, with timeouts on every step (TCP connect, login handshake, each read) so a
 * dead or hung server fails in seconds, and Vigil's name on the session so a DBA sees who is asking.
 */
public final class TargetUrls {

    /** Bound on connecting and logging in. */
    public static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    /** Bound on any single read from a connection (a query's own timeout is usually shorter). */
    public static final Duration READ_TIMEOUT = Duration.ofSeconds(120);

    private TargetUrls() {
    }

    /** The spec for a networked target; demo targets get theirs from {@link DemoOracles}. */
    public static JdbcSpec spec(Target t) {
        Properties p = new Properties();
        p.setProperty("user", t.user());
        p.setProperty("password", t.password().reveal());
        return switch (t.kind()) {
            case ORACLE -> oracle(t, p);
            case MYSQL -> mysql(t, p);
            case POSTGRES -> postgres(t, p);
            case DEMO_ORACLE -> throw new IllegalArgumentException("the demo Oracle has no network address");
        };
    }

    private static JdbcSpec oracle(Target t, Properties p) {
        long connect = CONNECT_TIMEOUT.toSeconds();
        // CONNECT_TIMEOUT in the descriptor bounds the whole handshake; the driver properties alone do not cover a
        // listener that accepts and never answers. ReadTimeout bounds every later read.
        p.setProperty("oracle.jdbc.ReadTimeout", String.valueOf(READ_TIMEOUT.toMillis()));
        p.setProperty("oracle.net.CONNECT_TIMEOUT", String.valueOf(CONNECT_TIMEOUT.toMillis()));
        p.setProperty("v$session.program", "Vigil");
        p.setProperty("oracle.jdbc.defaultRowPrefetch", "500");
        oracleTls(t.tls(), p);
        if (t.connectBy() == ConnectBy.TNS_ALIAS) {
            p.setProperty("oracle.net.tns_admin", t.tnsAdmin());
            return new JdbcSpec("jdbc:oracle:thin:@" + t.database(), p, "Oracle " + t.database() + " (tnsnames.ora in " + t.tnsAdmin() + ")");
        }
        String data = t.connectBy() == ConnectBy.SID ? "(SID=" + t.database() + ")" : "(SERVICE_NAME=" + t.database() + ")";
        String url = "jdbc:oracle:thin:@(DESCRIPTION=(CONNECT_TIMEOUT=" + connect + ")(TRANSPORT_CONNECT_TIMEOUT=" + connect
                + ")(RETRY_COUNT=0)(ADDRESS=(PROTOCOL=" + (t.tls().on() ? "TCPS" : "TCP") + ")(HOST=" + t.host() + ")(PORT=" + t.port() + "))(CONNECT_DATA=" + data + "))";
        String sep = t.connectBy() == ConnectBy.SID ? ":" : "/";
        return new JdbcSpec(url, p, "Oracle " + t.host() + ":" + t.port() + sep + t.database());
    }

    /**
     * TCPS: the thin driver always checks the server's certificate, against a wallet folder or a trust store made from
     * the CA file (the Java runtime's CAs when none is given); the full check also matches the host name. An alias's
     * descriptor in tnsnames.ora says TCPS itself; the trust settings still come from here.
     */
    private static void oracleTls(Tls tls, Properties p) {
        if (!tls.on()) {
            return;
        }
        if (tls.hasCaFile()) {
            Path ca = Path.of(tls.caFile());
            if (Files.isDirectory(ca)) {
                p.setProperty("oracle.net.wallet_location", ca.toAbsolutePath().toString());
            } else {
                p.setProperty("javax.net.ssl.trustStore", CaTrust.pkcs12(ca).toString());
                p.setProperty("javax.net.ssl.trustStoreType", "PKCS12");
                p.setProperty("javax.net.ssl.trustStorePassword", CaTrust.STORE_PASSWORD);
            }
        }
        p.setProperty("oracle.net.ssl_server_dn_match", String.valueOf(tls.mode() == io.vigil.config.TlsMode.VERIFY_FULL));
    }

    private static JdbcSpec mysql(Target t, Properties p) {
        p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toMillis()));
        p.setProperty("socketTimeout", String.valueOf(READ_TIMEOUT.toMillis()));
        p.setProperty("connectionAttributes", "program_name:Vigil");
        p.setProperty("allowPublicKeyRetrieval", "true");
        p.setProperty("useCursorFetch", "false");
        p.setProperty("characterEncoding", "UTF-8");
        mysqlTls(t.tls(), p);
        String db = t.database();
        return new JdbcSpec("jdbc:mysql://" + hostPort(t) + "/" + db, p, "MySQL " + hostPort(t) + (db.isEmpty() ? "" : "/" + db));
    }

    /**
     * Connector/J's sslMode; the CA file goes in as a PKCS12 trust store (the driver takes no PEM), and then only its
     * CAs are trusted, not the Java runtime's too.
     */
    static void mysqlTls(Tls tls, Properties p) {
        if (!tls.on()) {
            return; // the driver's default: encrypted when the server offers it, nothing checked
        }
        p.setProperty("sslMode", tls.mode().mysql());
        if (tls.mode().verifies() && tls.hasCaFile()) {
            p.setProperty("trustCertificateKeyStoreUrl", CaTrust.pkcs12(Path.of(tls.caFile())).toUri().toString());
            p.setProperty("trustCertificateKeyStoreType", "PKCS12");
            p.setProperty("trustCertificateKeyStorePassword", CaTrust.STORE_PASSWORD);
            p.setProperty("fallbackToSystemTrustStore", "false");
        }
    }

    /** PostgreSQL's sslmode with the CA file as sslrootcert; without one, the Java runtime's CAs instead of ~/.postgresql. */
    static void postgresTls(Tls tls, Properties p) {
        if (!tls.on()) {
            return;
        }
        p.setProperty("sslmode", tls.mode().postgres());
        if (tls.hasCaFile()) {
            CaTrust.read(Path.of(tls.caFile())); // a missing or wrong file is said in words before the driver tries
            p.setProperty("sslrootcert", Path.of(tls.caFile()).toAbsolutePath().toString());
        } else if (tls.mode().verifies()) {
            p.setProperty("sslfactory", "org.postgresql.ssl.DefaultJavaSSLFactory");
        }
    }

    private static JdbcSpec postgres(Target t, Properties p) {
        p.setProperty("connectTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds()));
        p.setProperty("loginTimeout", String.valueOf(CONNECT_TIMEOUT.toSeconds() * 2));
        p.setProperty("socketTimeout", String.valueOf(READ_TIMEOUT.toSeconds()));
        p.setProperty("ApplicationName", "Vigil");
        p.setProperty("readOnly", "true");
        // a mirror of a SQL_ASCII database reads its text as stored bytes for one transaction (see mirror.Pull#textAsBytes)
        p.setProperty("allowEncodingChanges", "true");
        postgresTls(t.tls(), p);
        return new JdbcSpec("jdbc:postgresql://" + hostPort(t) + "/" + t.database(), p, "PostgreSQL " + hostPort(t) + "/" + t.database());
    }

    private static String hostPort(Target t) {
        String host = t.host().contains(":") && !t.host().startsWith("[") ? "[" + t.host() + "]" : t.host();
        return host + ":" + t.port();
    }
}
