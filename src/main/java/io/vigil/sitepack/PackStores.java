package io.vigil.sitepack;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;

import io.vigil.series.H2SeriesStore;
import io.vigil.series.Retention;

/** How a pack's own stores are opened, the same way when written and when read. */
final class PackStores {

    /** A pack keeps what it holds: no retention ever removes a point of it, however old the pack. */
    static final Retention KEEP_ALL = new Retention(Duration.ofDays(36_500), Duration.ofDays(36_500), Duration.ofDays(36_500));

    private PackStores() {
    }

    static H2SeriesStore series(Path folder, Clock clock) {
        return new H2SeriesStore(folder, KEEP_ALL, clock);
    }
}
