package io.vigil.config.tns;

import java.nio.file.Path;

import io.vigil.i18n.Reason;

/**
 * Something in a tnsnames.ora that could not be read, said per entry: the file, the line (0 for the whole file) and a
 * reason in the reader's language.
 */
public record TnsProblem(Path file, int line, Reason reason) {

    /** Whether the problem concerns the whole file rather than one line of it. */
    public boolean wholeFile() {
        return line <= 0;
    }
}
