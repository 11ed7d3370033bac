package io.vigil.cli;

import io.vigil.i18n.Reason;

import picocli.CommandLine;
import picocli.CommandLine.ParameterException;

/** A command-line option whose value cannot be used, with what is wrong as a {@link Reason}: a usage mistake (exit code 2). */
final class OptionProblem extends ParameterException {

    private final String option;
    private final transient Reason what;

    OptionProblem(CommandLine commandLine, String option, String english, Reason what) {
        super(commandLine, english);
        this.option = option;
        this.what = what;
    }

    String option() {
        return option;
    }

    Reason what() {
        return what;
    }
}
