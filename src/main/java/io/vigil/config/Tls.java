package io.vigil.config;

/**
 * How a connection to a target is encrypted.
 *
 * @param mode   what is required of the connection
 * @param caFile the CA certificate(s) the server's certificate must be signed by (PEM or DER); for Oracle also a
 *               wallet folder. Empty: the CAs the Java runtime trusts.
 */
public record Tls(TlsMode mode, String caFile) {

    private static final Tls OFF = new Tls(TlsMode.OFF, "");

    public Tls {
        mode = mode == null ? TlsMode.OFF : mode;
        caFile = caFile == null ? "" : caFile.strip();
    }

    /** No TLS asked for: the driver's default. */
    public static Tls off() {
        return OFF;
    }

    public static Tls of(TlsMode mode, String caFile) {
        return new Tls(mode, caFile);
    }

    public boolean on() {
        return mode.on();
    }

    public boolean hasCaFile() {
        return !caFile.isEmpty();
    }
}
