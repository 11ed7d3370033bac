package io.vigil.config;

import java.util.List;

import io.vigil.i18n.Messages;

/**
 * One thing wrong with a value a user entered: which field, and a message key in the
 * {@code io.vigil.i18n.problems} bundle with its arguments, so each front end words it in the user's language.
 */
public record Problem(String field, String key, List<Object> args) {

    public Problem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /**
     * The problem in the language of {@code messages}, text arguments cut to {@value InputProblem#QUOTED} characters; a
     * key the bundles lack shows as the key itself.
     */
    public String describe(Messages messages) {
        // a value the user typed is quoted cut: a 5,000-character host name is not echoed back whole
        return messages.get(key, args.stream().map(a -> a instanceof String s ? InputProblem.cut(s) : a).toArray());
    }

    public static Problem of(String field, String key, Object... args) {
        return new Problem(field, key, List.of(args));
    }

    /** A value as a message may quote it: at most 40 characters, cut with an ellipsis, on one line. */
    public static String cut(String value) {
        String one = value == null ? "" : value.replaceAll("\\s+", " ").strip();
        return one.length() <= 40 ? one : one.substring(0, 39) + "\u2026";
    }
}
