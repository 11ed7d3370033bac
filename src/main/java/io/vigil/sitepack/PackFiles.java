package io.vigil.sitepack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Removes a pack's temporary folder. */
final class PackFiles {

    private static final Logger LOG = LoggerFactory.getLogger(PackFiles.class);

    private PackFiles() {
    }

    static void deleteTree(Path folder) {
        if (!Files.exists(folder)) {
            return;
        }
        try (Stream<Path> all = Files.walk(folder)) {
            all.sorted(Comparator.reverseOrder()).forEach(p -> {
                try {
                    Files.deleteIfExists(p);
                } catch (IOException e) {
                    LOG.debug("Not removed: {}", p);
                }
            });
        } catch (IOException e) {
            LOG.debug("Temporary folder {} not removed: {}", folder, e.getMessage());
        }
    }
}
