package io.vigil.config;

import java.io.IOException;
import java.nio.file.AccessDeniedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.NoSuchFileException;
import java.nio.file.NotDirectoryException;

import io.vigil.i18n.Reason;

/**
 * Why a file or folder could not be read, created or written, from the type of the {@link IOException}: its text is
 * the operating system's in the JVM's words and is never shown. A full disk has no type of its own: it is one of the
 * files the disk refused.
 */
final class FileFailures {

    private FileFailures() {
    }

    static Reason why(IOException e) {
        if (e instanceof AccessDeniedException) {
            return Reason.of("file.why.denied");
        }
        if (e instanceof NoSuchFileException) {
            return Reason.of("file.why.notFound");
        }
        if (e instanceof FileAlreadyExistsException || e instanceof NotDirectoryException) {
            return Reason.of("file.why.inTheWay");
        }
        return Reason.of("file.why.other");
    }
}
