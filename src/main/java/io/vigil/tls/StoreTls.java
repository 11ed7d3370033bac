package io.vigil.tls;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;

/**
 * TLS for the shared stores, written in their addresses: {@code rediss://} for Redis, {@code https://} for InfluxDB,
 * Connector/J's own {@code sslMode} in a MySQL/MariaDB JDBC URL, and for each a {@code tlsCaFile=} parameter naming the
 * CA file the server's certificate must be signed by (without it, the CAs the Java runtime trusts). The parameter is
 * Vigil's: it is taken out of the address before the address reaches a driver.
 *
 * @param url    the address without {@code tlsCaFile}
 * @param caFile the CA file, or null
 */
public record StoreTls(String url, Path caFile) {

    /** The name of the address parameter that names a CA file. */
    public static final String PARAMETER = "tlsCaFile";

    /** Splits the CA file off an address. */
    public static StoreTls split(String address) {
        String a = address == null ? "" : address.strip();
        int q = a.indexOf('?');
        if (q < 0) {
            return new StoreTls(a, null);
        }
        Path ca = null;
        List<String> kept = new ArrayList<>();
        for (String pair : a.substring(q + 1).split("&")) {
            if (pair.regionMatches(true, 0, PARAMETER + "=", 0, PARAMETER.length() + 1)) {
                // %XX escapes are read; a '+' stays a '+' (it is part of file names more often than a space)
                String value = URLDecoder.decode(pair.substring(PARAMETER.length() + 1).replace("+", "%2B"), StandardCharsets.UTF_8).strip();
                ca = value.isEmpty() ? null : Path.of(value);
            } else if (!pair.isEmpty()) {
                kept.add(pair);
            }
        }
        return new StoreTls(a.substring(0, q) + (kept.isEmpty() ? "" : "?" + String.join("&", kept)), ca);
    }

    /**
     * The Connector/J properties that make a MySQL/MariaDB connection trust the CA file; nothing without one. When the
     * URL sets no {@code sslMode}, a CA file means VERIFY_CA: naming a CA asks for it to be checked.
     */
    public void mysqlProperties(Properties p) {
        if (caFile == null) {
            return;
        }
        if (!url.toLowerCase(Locale.ROOT).contains("sslmode=")) {
            p.setProperty("sslMode", "VERIFY_CA");
        }
        p.setProperty("trustCertificateKeyStoreUrl", CaTrust.pkcs12(caFile).toUri().toString());
        p.setProperty("trustCertificateKeyStoreType", "PKCS12");
        p.setProperty("trustCertificateKeyStorePassword", CaTrust.STORE_PASSWORD);
        p.setProperty("fallbackToSystemTrustStore", "false");
    }

    /**
     * When this address asks for TLS (a TLS scheme, an {@code sslMode} beyond PREFERRED, or a CA file), what its server
     * presents, judged ({@link TlsDiagnosis}); empty when TLS is not asked for, passes, or the server cannot be asked.
     * Blocks up to {@code limit} per step.
     */
    public java.util.Optional<io.vigil.i18n.Reason> diagnose(java.time.Duration limit) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:")) {
            boolean verify = caFile != null || lower.matches(".*sslmode=verify_(ca|identity).*");
            boolean on = verify || lower.contains("sslmode=required");
            int at = url.indexOf("://");
            java.net.URI u = at < 0 ? null : uri("x" + url.substring(at));
            if (!on || u == null || u.getHost() == null) {
                return java.util.Optional.empty();
            }
            return TlsDiagnosis.diagnose(TlsDiagnosis.Protocol.MYSQL, u.getHost(), u.getPort() < 0 ? 3306 : u.getPort(), caFile,
                    verify, lower.contains("sslmode=verify_identity"), limit);
        }
        java.net.URI u = uri(url);
        if (u == null || u.getHost() == null || !("rediss".equals(u.getScheme()) || "https".equals(u.getScheme()))) {
            return java.util.Optional.empty();
        }
        int port = u.getPort() < 0 ? ("https".equals(u.getScheme()) ? 443 : 6379) : u.getPort();
        return TlsDiagnosis.diagnose(TlsDiagnosis.Protocol.DIRECT, u.getHost(), port, caFile, true, true, limit);
    }

    private static java.net.URI uri(String s) {
        try {
            return new java.net.URI(s);
        } catch (java.net.URISyntaxException e) {
            return null;
        }
    }
}
