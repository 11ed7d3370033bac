package io.vigil.config;

import io.vigil.i18n.Messages;

/**
 * Input refused because of a mistake in it (a file, an option, an environment variable); nothing was changed. Its
 * message is the {@link InputProblem} in the language it was raised with; {@link #describe(Messages)} words it in another.
 */
public final class InputException extends ConfigStoreException {

    private final String source;
    private final transient InputProblem problem;

    public InputException(String source, InputProblem problem, Messages messages, Throwable cause) {
        super(problem.describe(source, messages), problem.reason(source), cause);
        this.source = source;
        this.problem = problem;
    }

    public InputException(String source, InputProblem problem, Messages messages) {
        this(source, problem, messages, null);
    }

    public String source() {
        return source;
    }

    public InputProblem problem() {
        return problem;
    }

    public String describe(Messages messages) {
        return problem.describe(source, messages);
    }
}
