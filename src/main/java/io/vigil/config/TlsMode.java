package io.vigil.config;

/**
 * How a connection is encrypted, on the ladder PostgreSQL's {@code sslmode} explains: each step adds a check to the one
 * before. Each kind words it its own way: MySQL/MariaDB {@code sslMode} REQUIRED, VERIFY_CA, VERIFY_IDENTITY;
 * PostgreSQL {@code sslmode} require, verify-ca, verify-full; Oracle TCPS.
 */
public enum TlsMode {
    /** The driver's own default: no TLS asked for (MySQL may still encrypt when the server offers it). */
    OFF,
    /** Encrypted, or no connection; the server's certificate is not checked. Oracle TCPS always checks it against the CA. */
    REQUIRE,
    /** Encrypted, and the server's certificate must be signed by the CA file (or a CA the Java runtime trusts). */
    VERIFY_CA,
    /** As {@link #VERIFY_CA}, and the certificate must name the host Vigil connects to. */
    VERIFY_FULL;

    /** Whether the connection must be encrypted. */
    public boolean on() {
        return this != OFF;
    }

    /** Whether the server's certificate is checked against a CA. */
    public boolean verifies() {
        return this == VERIFY_CA || this == VERIFY_FULL;
    }

    /** The value of MySQL Connector/J's {@code sslMode}. */
    public String mysql() {
        return switch (this) {
            case OFF -> "PREFERRED";
            case REQUIRE -> "REQUIRED";
            case VERIFY_CA -> "VERIFY_CA";
            case VERIFY_FULL -> "VERIFY_IDENTITY";
        };
    }

    /** The value of PostgreSQL's {@code sslmode}. */
    public String postgres() {
        return switch (this) {
            case OFF -> "prefer";
            case REQUIRE -> "require";
            case VERIFY_CA -> "verify-ca";
            case VERIFY_FULL -> "verify-full";
        };
    }

    /**
     * Reads a mode as written in a file or on a command line: Vigil's own names, MySQL's or PostgreSQL's (any case, '-'
     * or '_'); null when it is none of them.
     */
    public static TlsMode parse(String text) {
        if (text == null) {
            return null;
        }
        String s = text.strip().toUpperCase(java.util.Locale.ROOT).replace('-', '_');
        return switch (s) {
            case "", "OFF", "DISABLE", "DISABLED", "PREFER", "PREFERRED", "FALSE", "NO" -> s.isEmpty() ? null : OFF;
            case "REQUIRE", "REQUIRED", "TCPS", "ON", "TRUE", "YES" -> REQUIRE;
            case "VERIFY_CA" -> VERIFY_CA;
            case "VERIFY_FULL", "VERIFY_IDENTITY" -> VERIFY_FULL;
            default -> null;
        };
    }
}
