package io.vigil.config;

import java.util.List;

/**
 * One thing wrong with a value a user entered: which field, and a message key in the
 * {@code io.vigil.i18n.problems} bundle with its arguments, so each front end words it in the user's language.
 */
public record Problem(String field, String key, List<Object> args) {

    public Problem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    public static Problem of(String field, String key, Object... args) {
        return new Problem(field, key, List.of(args));
    }
}
