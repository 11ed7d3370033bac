package io.vigil.tls;

import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.cert.CertPathValidator;
import java.security.cert.CertPathValidatorException;
import java.security.cert.CertificateFactory;
import java.security.cert.CertificateParsingException;
import java.security.cert.PKIXParameters;
import java.security.cert.TrustAnchor;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509ExtendedTrustManager;

import io.vigil.i18n.Reason;

/**
 * Why a TLS connection was refused, found by looking at the server the way the driver did: Vigil opens the connection
 * once more (with the protocol's own way of starting TLS), takes the certificate the server presents without trusting
 * it, and checks it itself. The answer rests on what the server sent and on the checks' exception types, never on a
 * driver's message text: no TLS offered, a certificate not signed by the CA file, out of its dates, or issued for
 * another host.
 */
public final class TlsDiagnosis {

    /** How TLS starts on a connection. */
    public enum Protocol {
        /** PostgreSQL: an SSLRequest, then TLS when the server answers 'S'. */
        POSTGRES,
        /** MySQL/MariaDB: the server's greeting says whether it can; an SSL request packet, then TLS. */
        MYSQL,
        /** TLS from the first byte: Oracle TCPS, rediss://, https://. */
        DIRECT
    }

    /** What the server sent: whether it offered TLS, and its certificate chain when it did. */
    record Presented(boolean offered, List<X509Certificate> chain) {
    }

    private static final int CLIENT_LONG_PASSWORD = 0x1;
    private static final int CLIENT_PROTOCOL_41 = 0x200;
    private static final int CLIENT_SSL = 0x800;
    private static final int CLIENT_SECURE_CONNECTION = 0x8000;

    private TlsDiagnosis() {
    }

    /**
     * What is wrong with TLS to {@code host:port} under {@code verify} checks (CA; CA and host name when
     * {@code checkHost}); empty when the server offered TLS and its certificate passes, or when the server could not be
     * asked at all (the driver's own failure then stands). Blocks up to {@code timeout} per step.
     *
     * @param caFile the CA file, or null for the Java runtime's CAs
     */
    public static Optional<Reason> diagnose(Protocol protocol, String host, int port, Path caFile, boolean verify, boolean checkHost,
                                           Duration timeout) {
        Presented p;
        try {
            p = presented(protocol, host, port, timeout);
        } catch (IOException | RuntimeException e) {
            return Optional.empty();
        }
        if (!p.offered()) {
            return Optional.of(Reason.of("tls.noTls", host + ":" + port));
        }
        return judge(p.chain(), host, caFile, verify, checkHost);
    }

    /** The verdict on a chain the server presented: the first check it fails, or empty. */
    static Optional<Reason> judge(List<X509Certificate> chain, String host, Path caFile, boolean verify, boolean checkHost) {
        if (chain.isEmpty()) {
            return Optional.empty();
        }
        X509Certificate leaf = chain.getFirst();
        String names = String.join(", ", names(leaf));
        if (verify) {
            List<X509Certificate> anchors;
            try {
                anchors = caFile == null ? CaTrust.runtimeCas() : CaTrust.read(caFile);
            } catch (TlsRefused e) {
                return Optional.of(e.reason());
            }
            try {
                validate(chain, anchors);
            } catch (CertPathValidatorException e) {
                if (e.getReason() == CertPathValidatorException.BasicReason.EXPIRED
                        || e.getReason() == CertPathValidatorException.BasicReason.NOT_YET_VALID) {
                    return Optional.of(Reason.of("tls.expired", names, day(leaf.getNotBefore()), day(leaf.getNotAfter())));
                }
                return Optional.of(caFile == null ? Reason.of("tls.notSigned.runtime", names)
                        : Reason.of("tls.notSigned", names, caFile.toString()));
            } catch (GeneralSecurityException e) {
                return Optional.of(caFile == null ? Reason.of("tls.notSigned.runtime", names)
                        : Reason.of("tls.notSigned", names, caFile.toString()));
            }
        }
        if (checkHost && !matches(leaf, host)) {
            return Optional.of(Reason.of("tls.wrongHost", names.isEmpty() ? "?" : names, host));
        }
        return Optional.empty();
    }

    private static void validate(List<X509Certificate> chain, List<X509Certificate> anchors) throws GeneralSecurityException {
        Set<TrustAnchor> trust = new HashSet<>();
        for (X509Certificate a : anchors) {
            trust.add(new TrustAnchor(a, null));
        }
        // the path ends below the anchor: a root the server sends along is left out (it is trusted or not by the anchors)
        List<X509Certificate> path = new ArrayList<>(chain);
        while (path.size() > 1 && path.getLast().getSubjectX500Principal().equals(path.getLast().getIssuerX500Principal())) {
            path.removeLast();
        }
        PKIXParameters params = new PKIXParameters(trust);
        params.setRevocationEnabled(false);
        CertPathValidator.getInstance("PKIX").validate(CertificateFactory.getInstance("X.509").generateCertPath(path), params);
    }

    private static String day(java.util.Date d) {
        return LocalDate.ofInstant(d.toInstant(), ZoneOffset.UTC).toString();
    }

    /** The host names and addresses a certificate is for: its subject alternative names, else its common name. */
    static List<String> names(X509Certificate c) {
        List<String> out = new ArrayList<>();
        try {
            if (c.getSubjectAlternativeNames() != null) {
                for (List<?> san : c.getSubjectAlternativeNames()) {
                    int type = (Integer) san.get(0);
                    if (type == 2 || type == 7) {
                        out.add(String.valueOf(san.get(1)));
                    }
                }
            }
        } catch (CertificateParsingException e) {
            // fall back to the common name
        }
        if (out.isEmpty()) {
            String cn = commonName(c);
            if (cn != null) {
                out.add(cn);
            }
        }
        return out;
    }

    private static String commonName(X509Certificate c) {
        for (String part : c.getSubjectX500Principal().getName("RFC2253").split("(?<!\\\\),")) {
            if (part.regionMatches(true, 0, "CN=", 0, 3)) {
                return part.substring(3).replace("\\", "");
            }
        }
        return null;
    }

    /** Whether the certificate is for {@code host}: an address against its IP names, a name against its DNS names (one wildcard label). */
    static boolean matches(X509Certificate c, String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        boolean literal = h.contains(":") || h.matches("[0-9.]+");
        List<String> names = names(c);
        for (String n : names) {
            if (literal) {
                if (sameAddress(n, h)) {
                    return true;
                }
            } else if (dnsMatch(n, h)) {
                return true;
            }
        }
        return false;
    }

    private static boolean sameAddress(String a, String b) {
        if (!(a.contains(":") || a.matches("[0-9.]+"))) {
            return false;
        }
        try {
            return Arrays.equals(InetAddress.getByName(a).getAddress(), InetAddress.getByName(b).getAddress());
        } catch (IOException e) {
            return false;
        }
    }

    private static boolean dnsMatch(String pattern, String host) {
        String p = pattern.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        String h = host.toLowerCase(Locale.ROOT).replaceAll("\\.$", "");
        if (p.startsWith("*.")) {
            int dot = h.indexOf('.');
            return dot > 0 && h.substring(dot + 1).equals(p.substring(2));
        }
        return p.equals(h);
    }

    /** Starts TLS the protocol's way and takes the chain the server presents, trusting nothing and deciding nothing. */
    static Presented presented(Protocol protocol, String host, int port, Duration timeout) throws IOException {
        int ms = (int) Math.max(1, timeout.toMillis());
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(host, port), ms);
            raw.setSoTimeout(ms);
            InputStream in = raw.getInputStream();
            OutputStream out = raw.getOutputStream();
            switch (protocol) {
                case POSTGRES -> {
                    out.write(new byte[] {0, 0, 0, 8, 0x04, (byte) 0xd2, 0x16, 0x2f}); // SSLRequest: length 8, code 80877103
                    out.flush();
                    int answer = in.read();
                    if (answer != 'S') {
                        return new Presented(false, List.of());
                    }
                }
                case MYSQL -> {
                    if (!mysqlOffersTls(new DataInputStream(in))) {
                        return new Presented(false, List.of());
                    }
                    byte[] packet = new byte[4 + 32];
                    packet[0] = 32;
                    packet[3] = 1; // sequence number
                    int caps = CLIENT_LONG_PASSWORD | CLIENT_PROTOCOL_41 | CLIENT_SSL | CLIENT_SECURE_CONNECTION;
                    for (int i = 0; i < 4; i++) {
                        packet[4 + i] = (byte) (caps >>> (8 * i));
                    }
                    packet[8 + 3] = 0x01; // max packet 16 MiB
                    packet[12] = 45; // utf8mb4
                    out.write(packet);
                    out.flush();
                }
                case DIRECT -> {
                    // TLS from the first byte
                }
            }
            Recorder recorder = new Recorder();
            SSLContext ctx;
            try {
                ctx = SSLContext.getInstance("TLS");
                ctx.init(null, new TrustManager[] {recorder}, null);
            } catch (GeneralSecurityException e) {
                throw new IOException(e);
            }
            try (SSLSocket tls = (SSLSocket) ctx.getSocketFactory().createSocket(raw, host, port, false)) {
                SSLParameters sp = tls.getSSLParameters();
                sp.setEndpointIdentificationAlgorithm(null); // host names are checked below, in words
                tls.setSSLParameters(sp);
                tls.startHandshake();
            } catch (java.net.SocketTimeoutException e) {
                if (recorder.chain.isEmpty() && protocol == Protocol.DIRECT) {
                    // accepted, then silence: a plain-text server waiting for a command that never ends
                    return new Presented(false, List.of());
                }
                throw e;
            } catch (SSLException e) {
                if (recorder.chain.isEmpty()) {
                    // nothing certificate-like came back: on a TLS-from-the-start port that is a server speaking plain text
                    if (protocol == Protocol.DIRECT) {
                        return new Presented(false, List.of());
                    }
                    throw e;
                }
            }
            return new Presented(true, recorder.chain);
        }
    }

    /** Reads a MySQL/MariaDB server greeting; true when its capability flags include TLS. */
    private static boolean mysqlOffersTls(DataInputStream in) throws IOException {
        byte[] header = new byte[4];
        in.readFully(header);
        int length = (header[0] & 0xff) | (header[1] & 0xff) << 8 | (header[2] & 0xff) << 16;
        byte[] body = new byte[length];
        in.readFully(body);
        if (length == 0 || (body[0] & 0xff) == 0xff) {
            throw new IOException("the server refused the connection before its greeting");
        }
        int at = 1;
        while (at < length && body[at] != 0) {
            at++; // server version, zero-terminated
        }
        at += 1 + 4 + 8 + 1; // terminator, connection id, first scramble part, filler
        if (at + 2 > length) {
            return false;
        }
        int caps = (body[at] & 0xff) | (body[at + 1] & 0xff) << 8;
        return (caps & CLIENT_SSL) != 0;
    }

    /** Trusts any chain and keeps it, so it can be judged afterwards. */
    private static final class Recorder extends X509ExtendedTrustManager {
        private List<X509Certificate> chain = List.of();

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType) {
            chain = List.of(c);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType, Socket socket) {
            chain = List.of(c);
        }

        @Override
        public void checkServerTrusted(X509Certificate[] c, String authType, SSLEngine engine) {
            chain = List.of(c);
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType, Socket socket) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void checkClientTrusted(X509Certificate[] c, String authType, SSLEngine engine) {
            throw new UnsupportedOperationException();
        }

        @Override
        public X509Certificate[] getAcceptedIssuers() {
            return new X509Certificate[0];
        }
    }
}
