package io.vigil.testsupport;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Locale;

/** Names for per-test databases, users and key prefixes: recognisable, unique, and dated so leftovers can be swept. */
final class Names {

    static final String FAMILY = "vt_";
    private static final SecureRandom RANDOM = new SecureRandom();

    private Names() {
    }

    /** e.g. {@code vt_cfg_1795000000_a1b2c3}: family, the caller's prefix, creation time in epoch seconds, random. */
    static String unique(String prefix) {
        String clean = prefix.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]", "");
        if (clean.length() > 20) {
            clean = clean.substring(0, 20);
        }
        return FAMILY + clean + "_" + (System.currentTimeMillis() / 1000) + "_" + randomHex(3);
    }

    static String password() {
        return "Pw" + randomHex(12);
    }

    static String randomHex(int bytes) {
        byte[] b = new byte[bytes];
        RANDOM.nextBytes(b);
        return HexFormat.of().formatHex(b);
    }

    /** Whether a name of our family was created more than an hour ago (a crashed run's leftover). */
    static boolean isStale(String name) {
        String[] parts = name.split("_");
        if (!name.startsWith(FAMILY) || parts.length < 4) {
            return false;
        }
        try {
            long created = Long.parseLong(parts[parts.length - 2]);
            return System.currentTimeMillis() / 1000 - created > 3600;
        } catch (NumberFormatException e) {
            return false;
        }
    }
}
