package io.vigil.alert.notify;

/** A mail server as a channel names it: {@code host:port}, {@code [v6]:port}, or a bare host on port 25. */
record SmtpAddress(String host, int port) {

    private static final int SMTP_PORT = 25;

    static SmtpAddress parse(String endpoint) throws ChannelException {
        String s = endpoint == null ? "" : endpoint.strip();
        String host = s;
        String port = "";
        if (s.startsWith("[")) {
            int close = s.indexOf(']');
            if (close < 0) {
                throw ChannelException.permanent("notify.error.badEndpoint", s);
            }
            host = s.substring(1, close);
            port = s.substring(close + 1).startsWith(":") ? s.substring(close + 2) : s.substring(close + 1);
        } else if (s.indexOf(':') >= 0 && s.indexOf(':') == s.lastIndexOf(':')) {
            host = s.substring(0, s.indexOf(':'));
            port = s.substring(s.indexOf(':') + 1);
        }
        if (host.isEmpty() || host.contains("/") || host.contains(" ")) {
            throw ChannelException.permanent("notify.error.badEndpoint", s.isEmpty() ? "—" : s);
        }
        if (port.isEmpty()) {
            return new SmtpAddress(host, SMTP_PORT);
        }
        try {
            int p = Integer.parseInt(port);
            if (p > 0 && p < 65_536) {
                return new SmtpAddress(host, p);
            }
        } catch (NumberFormatException e) {
            // said below, in the user's words
        }
        throw ChannelException.permanent("notify.error.badEndpoint", s);
    }

    @Override
    public String toString() {
        return host.contains(":") ? "[" + host + "]:" + port : host + ":" + port;
    }
}
