package io.vigil.config;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A server release as far as a pack cares: major, minor and patch ("19.0", "8.0.22", "10.5.1"). A version written with
 * fewer parts has zeros for the rest, so "12" is "12.0.0".
 */
public record ServerVersion(int major, int minor, int patch) implements Comparable<ServerVersion> {

    /** How a version is written in a pack or a form: one to three whole numbers with dots between. */
    public static final Pattern PATTERN = Pattern.compile("\\d{1,3}(\\.\\d{1,3}){0,2}");

    private static final Pattern FIRST = Pattern.compile("(\\d{1,4})\\.(\\d{1,4})(?:\\.(\\d{1,4}))?");

    public static final ServerVersion UNKNOWN = new ServerVersion(0, 0, 0);

    /** Parses a version written as {@link #PATTERN}; throws {@link IllegalArgumentException} otherwise. */
    public static ServerVersion parse(String text) {
        String s = text == null ? "" : text.strip();
        if (!PATTERN.matcher(s).matches()) {
            throw new IllegalArgumentException("not a version: " + s);
        }
        String[] p = s.split("\\.");
        return new ServerVersion(Integer.parseInt(p[0]), p.length > 1 ? Integer.parseInt(p[1]) : 0, p.length > 2 ? Integer.parseInt(p[2]) : 0);
    }

    /**
     * The release a server names in its version string: the first {@code a.b[.c]} in it, after MariaDB's
     * {@code 5.5.5-} prefix (which it sends to old clients); {@link #UNKNOWN} when none.
     */
    public static ServerVersion fromProductVersion(String productVersion) {
        String s = productVersion == null ? "" : productVersion.strip();
        if (s.startsWith("5.5.5-")) {
            s = s.substring("5.5.5-".length());
        }
        Matcher m = FIRST.matcher(s);
        if (!m.find()) {
            return UNKNOWN;
        }
        return new ServerVersion(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), m.group(3) == null ? 0 : Integer.parseInt(m.group(3)));
    }

    public boolean atLeast(ServerVersion other) {
        return compareTo(other) >= 0;
    }

    @Override
    public int compareTo(ServerVersion o) {
        int c = Integer.compare(major, o.major);
        if (c == 0) {
            c = Integer.compare(minor, o.minor);
        }
        return c != 0 ? c : Integer.compare(patch, o.patch);
    }

    @Override
    public String toString() {
        return patch == 0 ? major + "." + minor : major + "." + minor + "." + patch;
    }
}
