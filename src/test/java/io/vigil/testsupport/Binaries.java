package io.vigil.testsupport;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Finds a server binary on the PATH or in the folders Debian installs it to; a missing one names its package. */
final class Binaries {

    private Binaries() {
    }

    static Path find(String name, String debianPackage, List<Path> extraDirs) {
        List<Path> dirs = new ArrayList<>();
        for (String d : System.getenv().getOrDefault("PATH", "").split(File.pathSeparator)) {
            if (!d.isBlank()) {
                dirs.add(Path.of(d));
            }
        }
        dirs.addAll(List.of(Path.of("/usr/sbin"), Path.of("/usr/bin"), Path.of("/usr/local/bin"), Path.of("/sbin")));
        dirs.addAll(extraDirs);
        for (Path dir : dirs) {
            Path candidate = dir.resolve(name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw missing(name, debianPackage);
    }

    static AssertionError missing(String binary, String debianPackage) {
        return new AssertionError("This test needs a real server, and “" + binary + "” is neither answering on its usual port "
                + "nor installed. Install it with: apt-get install " + debianPackage + " (or run .ci/run, which installs and starts "
                + "every server the tests need).");
    }

    /** PostgreSQL keeps initdb and pg_ctl in a versioned folder; the newest installed version wins. */
    static List<Path> postgresBinDirs() {
        Path root = Path.of("/usr/lib/postgresql");
        if (!Files.isDirectory(root)) {
            return List.of();
        }
        try (var versions = Files.list(root)) {
            return versions.sorted((a, b) -> Integer.compare(version(b), version(a))).map(v -> v.resolve("bin")).toList();
        } catch (java.io.IOException e) {
            return List.of();
        }
    }

    private static int version(Path p) {
        try {
            return Integer.parseInt(p.getFileName().toString());
        } catch (NumberFormatException e) {
            return -1;
        }
    }
}
