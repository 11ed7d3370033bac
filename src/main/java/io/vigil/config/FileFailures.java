package io.vigil.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;
import java.nio.file.Path;

import io.vigil.i18n.Reason;

/**
 * Why a file or folder could not be read, created or written, from the type of the {@link IOException}: its text is
 * the operating system's in the JVM's words and is never shown. A full disk has no type of its own: it is one of the
 * files the disk refused.
 */
final class FileFailures {

    private FileFailures() {
    }

    /** Why {@code path} could not be read, created or written, when trying failed with {@code e}. */
    static Reason why(Path path, IOException e) {
        if (e instanceof AccessDeniedException) {
            return Reason.of("file.why.denied");
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException || fileOnTheWay(path)) {
            return Reason.of("file.why.inTheWay"); // the system says "Not a directory" with no type of its own
        }
        if (e instanceof NoSuchFileException) {
            return Reason.of("file.why.notFound");
        }
        return Reason.of("file.why.other");
    }

    private static boolean fileOnTheWay(Path path) {
        for (Path p = path.toAbsolutePath().getParent(); p != null; p = p.getParent()) {
            if (Files.isRegularFile(p)) {
                return true;
            }
        }
        return false;
    }
}
