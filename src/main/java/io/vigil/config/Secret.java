package io.vigil.config;

import java.util.Arrays;

/**
 * A password held in memory. It never prints: {@link #toString()} is a mask, so a record that holds one
 * can be logged or shown in an exception without leaking it. Stores encrypt it before writing.
 */
public final class Secret {

    private static final Secret EMPTY = new Secret(new char[0]);

    private final char[] value;

    private Secret(char[] value) {
        this.value = value;
    }

    public static Secret of(String plain) {
        return plain == null || plain.isEmpty() ? EMPTY : new Secret(plain.toCharArray());
    }

    public static Secret empty() {
        return EMPTY;
    }

    public boolean isEmpty() {
        return value.length == 0;
    }

    /** The plain text, for the one place that needs it: handing it to a driver. */
    public String reveal() {
        return new String(value);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Secret other && Arrays.equals(value, other.value);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(value);
    }

    @Override
    public String toString() {
        return isEmpty() ? "" : "******";
    }
}
