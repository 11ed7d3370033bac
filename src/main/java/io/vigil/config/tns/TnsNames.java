package io.vigil.config.tns;

import java.nio.file.Path;
import java.util.List;
import java.util.Locale;

import io.vigil.i18n.Messages;

/**
 * What a tnsnames.ora file (and the files it includes) holds: its readable entries in file order and the problems of
 * the others. One bad entry never hides the good ones around it.
 *
 * @param file     the file that was read, absolute
 * @param entries  one per alias; for an alias defined twice, the first definition
 * @param problems the entries and includes that could not be read, in file order
 */
public record TnsNames(Path file, List<TnsEntry> entries, List<TnsProblem> problems) {

    public TnsNames {
        entries = List.copyOf(entries);
        problems = List.copyOf(problems);
    }

    /** The folder the Oracle driver is to be pointed at (TNS_ADMIN): the file's own. */
    public Path folder() {
        return file.getParent();
    }

    /**
     * Whether the file is called tnsnames.ora: the driver reads only that name in TNS_ADMIN, so a file called anything
     * else must be renamed (or copied) before targets connecting by its aliases work.
     */
    public boolean driverFindsIt() {
        return file.getFileName().toString().toLowerCase(Locale.ROOT).equals("tnsnames.ora");
    }

    /** A problem as a reader sees it: where (file name, relative to the top file's folder, and line) and why. */
    public String describe(TnsProblem p, Messages messages) {
        String where = shown(p.file());
        String reason = messages.render(p.reason());
        return p.wholeFile() ? messages.get("tns.problem.atFile", where, reason) : messages.get("tns.problem.atLine", where, p.line(), reason);
    }

    /** A file's name as shown to a reader: relative to the top file's folder when it lies inside it. */
    public String shown(Path other) {
        Path folder = folder();
        return folder != null && other.startsWith(folder) ? folder.relativize(other).toString() : other.toString();
    }
}
