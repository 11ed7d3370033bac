package io.vigil.alert.notify;

import java.net.URI;

/** How a receiver is named to people and in logs: never with its path or query, which carry robot tokens and keys. */
final class Receivers {

    private Receivers() {
    }

    /** {@code https://oapi.dingtalk.com/robot/send?access_token=…} becomes {@code oapi.dingtalk.com}. */
    static String of(String endpoint) {
        try {
            URI uri = URI.create(endpoint.strip());
            if (uri.getHost() != null) {
                return uri.getPort() < 0 ? uri.getHost() : uri.getHost() + ":" + uri.getPort();
            }
        } catch (IllegalArgumentException e) {
            // not a URL: fall through to the part before any path
        }
        String s = endpoint.strip();
        int cut = indexOfAny(s, "/?#");
        return cut < 0 ? s : s.substring(0, cut);
    }

    private static int indexOfAny(String s, String chars) {
        for (int i = 0; i < s.length(); i++) {
            if (chars.indexOf(s.charAt(i)) >= 0) {
                return i;
            }
        }
        return -1;
    }
}
