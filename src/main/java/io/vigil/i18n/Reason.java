package io.vigil.i18n;

import java.util.Arrays;
import java.util.List;

/**
 * Something to tell the user, as a message key and its arguments, rendered in the reader's language by
 * {@link Messages#render(Reason)}. An argument is a {@link String} (a name, or text that comes from a server, such as
 * an ORA- or SQLSTATE message), a {@link Number}, or a nested {@code Reason}. {@link #NONE} has nothing to say.
 *
 * @param key  the message key; empty for {@link #NONE}
 * @param args the arguments, in the order the message's placeholders number them
 */
public record Reason(String key, List<Object> args) {

    /** Nothing to say. */
    public static final Reason NONE = new Reason("", List.of());

    public Reason {
        if (key == null) {
            throw new IllegalArgumentException("a reason needs a key");
        }
        for (Object a : args) {
            if (!(a instanceof String || a instanceof Number || a instanceof Reason)) {
                throw new IllegalArgumentException("a reason's argument is a String, a Number or a Reason, not "
                        + (a == null ? "null" : a.getClass().getSimpleName()));
            }
        }
        args = List.copyOf(args);
    }

    /** The reason with this key and arguments. */
    public static Reason of(String key, Object... args) {
        return new Reason(key, Arrays.asList(args));
    }

    /** Whether there is nothing to say. */
    public boolean isEmpty() {
        return key.isEmpty();
    }

    /** Every key this reason uses, its own first, then those of nested reasons. */
    public List<String> keys() {
        java.util.ArrayList<String> out = new java.util.ArrayList<>();
        if (!isEmpty()) {
            out.add(key);
        }
        for (Object a : args) {
            if (a instanceof Reason r) {
                out.addAll(r.keys());
            }
        }
        return out;
    }

    /** For logs only: the key and its arguments, never shown to a user. */
    @Override
    public String toString() {
        return isEmpty() ? "" : key + args;
    }
}
