package io.vigil.config;

import java.util.List;

/** A save refused because the value breaks a rule; nothing was written. */
public final class InvalidConfigException extends RuntimeException {

    private final transient List<Problem> problems;

    public InvalidConfigException(List<Problem> problems) {
        super("invalid configuration: " + problems.stream().map(p -> p.field() + " " + p.key()).toList());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
