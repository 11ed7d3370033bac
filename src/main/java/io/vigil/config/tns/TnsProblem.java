package io.vigil.config.tns;

import java.nio.file.Path;
import java.util.List;

import io.vigil.i18n.Reason;

/**
 * Something in a tnsnames.ora that could not be read, said per entry: the file, the line (0 for the whole file), a
 * reason in the reader's language, and the aliases the entry names when it got that far (empty for a file or include).
 */
public record TnsProblem(Path file, int line, Reason reason, List<String> aliases) {

    public TnsProblem {
        aliases = aliases == null ? List.of() : List.copyOf(aliases);
    }

    /** A problem of a file, an include or an entry whose aliases could not be made out. */
    public TnsProblem(Path file, int line, Reason reason) {
        this(file, line, reason, List.of());
    }

    /** Whether the problem concerns one of these aliases (case does not matter), or no alias in particular. */
    public boolean concerns(java.util.Collection<String> wanted) {
        return aliases.isEmpty() || wanted.isEmpty() || aliases.stream().anyMatch(a -> wanted.stream().anyMatch(a::equalsIgnoreCase));
    }

    /** Whether the problem concerns the whole file rather than one line of it. */
    public boolean wholeFile() {
        return line <= 0;
    }
}
