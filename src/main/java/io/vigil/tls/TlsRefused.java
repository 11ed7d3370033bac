package io.vigil.tls;

import io.vigil.i18n.Reason;

/**
 * A TLS connection that cannot be made or was refused, with the reason in words ({@code tls.*} keys): a CA file that
 * cannot be read, a server certificate the CA did not sign, one issued for another host, a server with no TLS.
 */
public final class TlsRefused extends RuntimeException {

    private final Reason reason;

    public TlsRefused(Reason reason, String english, Throwable cause) {
        super(english, cause);
        this.reason = reason;
    }

    public Reason reason() {
        return reason;
    }
}
