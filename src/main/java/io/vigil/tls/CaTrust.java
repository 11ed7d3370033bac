package io.vigil.tls;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateException;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.TrustManagerFactory;
import javax.net.ssl.X509TrustManager;

import io.vigil.i18n.Messages;
import io.vigil.i18n.Reason;

/**
 * The CAs a connection trusts: the certificates of a CA file (PEM, one or several, or DER), or the Java runtime's own
 * when no file is given. Drivers that take a key store rather than a file (MySQL Connector/J, Oracle's JSSE settings)
 * get a PKCS12 copy written once per file and version, readable by this user only and removed when Vigil exits; it holds
 * public certificates only, so its password protects nothing and is fixed.
 */
public final class CaTrust {

    /** The password of the PKCS12 copies; they hold no private key. */
    public static final String STORE_PASSWORD = "vigil-trust";

    private static final Messages ENGLISH = new Messages(Locale.ENGLISH);
    private static final Map<String, Path> COPIES = new ConcurrentHashMap<>();

    private CaTrust() {
    }

    /** The certificates in a CA file; a {@link TlsRefused} saying what is wrong when it cannot be read as such. */
    public static List<X509Certificate> read(Path caFile) {
        if (!Files.isRegularFile(caFile)) {
            throw refused(Reason.of("tls.ca.missing", caFile.toString()), null);
        }
        try (InputStream in = Files.newInputStream(caFile)) {
            List<X509Certificate> out = new ArrayList<>();
            for (Certificate c : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
                if (c instanceof X509Certificate x) {
                    out.add(x);
                }
            }
            if (out.isEmpty()) {
                throw refused(Reason.of("tls.ca.notCertificate", caFile.toString()), null);
            }
            return out;
        } catch (CertificateException e) {
            throw refused(Reason.of("tls.ca.notCertificate", caFile.toString()), e);
        } catch (IOException e) {
            throw refused(Reason.of("tls.ca.unreadable", caFile.toString(), String.valueOf(e.getMessage())), e);
        }
    }

    /** A key store holding the CA file's certificates as trusted entries. */
    public static KeyStore keyStore(Path caFile) {
        try {
            KeyStore ks = KeyStore.getInstance("PKCS12");
            ks.load(null, null);
            int i = 0;
            for (X509Certificate c : read(caFile)) {
                ks.setCertificateEntry("ca-" + i++, c);
            }
            return ks;
        } catch (GeneralSecurityException | IOException e) {
            throw refused(Reason.of("tls.ca.notCertificate", caFile.toString()), e);
        }
    }

    /** The trust manager for a CA file, or the Java runtime's when {@code caFile} is null. */
    public static X509TrustManager trustManager(Path caFile) {
        try {
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(caFile == null ? null : keyStore(caFile));
            for (TrustManager tm : tmf.getTrustManagers()) {
                if (tm instanceof X509TrustManager x) {
                    return x;
                }
            }
            throw new IllegalStateException("the Java runtime offers no X.509 trust manager");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime's trust manager could not start", e);
        }
    }

    /** A TLS context trusting a CA file, or the Java runtime's CAs when {@code caFile} is null. */
    public static SSLContext context(Path caFile) {
        try {
            SSLContext ctx = SSLContext.getInstance("TLS");
            ctx.init(null, new TrustManager[] {trustManager(caFile)}, null);
            return ctx;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("the Java runtime offers no TLS", e);
        }
    }

    /** The CAs the Java runtime trusts, for checks against its own store. */
    static List<X509Certificate> runtimeCas() {
        return List.of(trustManager(null).getAcceptedIssuers());
    }

    /**
     * A PKCS12 trust store holding the CA file's certificates, for drivers that take a store (type PKCS12, password
     * {@link #STORE_PASSWORD}); written again when the file changes.
     */
    public static Path pkcs12(Path caFile) {
        Path abs = caFile.toAbsolutePath().normalize();
        String key;
        try {
            key = abs + "|" + Files.getLastModifiedTime(abs).toMillis() + "|" + Files.size(abs);
        } catch (IOException e) {
            throw refused(Reason.of("tls.ca.missing", caFile.toString()), e);
        }
        return COPIES.computeIfAbsent(key, k -> write(abs));
    }

    private static Path write(Path caFile) {
        KeyStore ks = keyStore(caFile);
        try {
            Path file;
            try {
                file = Files.createTempFile("vigil-trust-", ".p12", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } catch (UnsupportedOperationException notPosix) {
                file = Files.createTempFile("vigil-trust-", ".p12");
            }
            file.toFile().deleteOnExit();
            try (OutputStream out = Files.newOutputStream(file)) {
                ks.store(out, STORE_PASSWORD.toCharArray());
            }
            return file;
        } catch (IOException | GeneralSecurityException e) {
            throw refused(Reason.of("tls.ca.unreadable", caFile.toString(), String.valueOf(e.getMessage())), e);
        }
    }

    static TlsRefused refused(Reason reason, Throwable cause) {
        return new TlsRefused(reason, ENGLISH.render(reason), cause);
    }
}
