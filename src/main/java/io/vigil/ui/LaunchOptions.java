package io.vigil.ui;

import java.nio.file.Path;
import java.util.Optional;

import io.vigil.config.StoreLocation;

/**
 * What the command line asked of this console run.
 *
 * @param configStore      a config store chosen for this run, overriding settings
 * @param language         a language tag chosen for this run ("en", "zh-CN"), overriding settings
 * @param screenshot       write a PNG of the main window here once it has rendered
 * @param exitAfterSeconds close by itself after this many seconds (0 = stay open), for screenshots and smoke runs
 * @param collect          run the collector in the console (off for tests of forms that need no data)
 * @param tour             after {@code tourDelaySeconds}, write a PNG of every main pane, light and dark, here and close
 * @param pack             a site pack to show read-only instead of this machine's data
 */
public record LaunchOptions(Optional<StoreLocation> configStore, Optional<String> language,
                            Optional<Path> screenshot, int exitAfterSeconds, boolean collect, Optional<Path> tour, int tourDelaySeconds,
                            Optional<Path> pack) {

    public LaunchOptions(Optional<StoreLocation> configStore, Optional<String> language, Optional<Path> screenshot, int exitAfterSeconds,
                         boolean collect, Optional<Path> tour, int tourDelaySeconds) {
        this(configStore, language, screenshot, exitAfterSeconds, collect, tour, tourDelaySeconds, Optional.empty());
    }

    public LaunchOptions(Optional<StoreLocation> configStore, Optional<String> language, Optional<Path> screenshot, int exitAfterSeconds,
                         boolean collect) {
        this(configStore, language, screenshot, exitAfterSeconds, collect, Optional.empty(), 0, Optional.empty());
    }

    public static LaunchOptions none() {
        return new LaunchOptions(Optional.empty(), Optional.empty(), Optional.empty(), 0, true);
    }

    public LaunchOptions withoutCollector() {
        return new LaunchOptions(configStore, language, screenshot, exitAfterSeconds, false, tour, tourDelaySeconds, pack);
    }

    /** The same run, showing the site pack at {@code file}. */
    public LaunchOptions withPack(Path file) {
        return new LaunchOptions(configStore, language, screenshot, exitAfterSeconds, collect, tour, tourDelaySeconds, Optional.of(file));
    }
}
