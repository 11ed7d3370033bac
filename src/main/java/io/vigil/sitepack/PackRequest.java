package io.vigil.sitepack;

import java.time.Instant;
import java.util.List;

import io.vigil.i18n.Reason;

/**
 * What goes in a pack.
 *
 * @param site    whose site, shown in the banner of the console that opens it
 * @param from    the first moment of the series taken along
 * @param to      the end of the range (exclusive)
 * @param targets the names of the targets taken along; empty = all
 */
public record PackRequest(String site, Instant from, Instant to, List<String> targets) {

    public PackRequest {
        site = site == null ? "" : site.strip();
        targets = targets == null ? List.of() : targets.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
        if (!from.isBefore(to)) {
            throw new SitePackException(SitePackException.Kind.SOURCE, Reason.of("sitepack.error.range"), "the range must end after it starts",
                    null);
        }
    }

    /** Told of each step while a pack is written, from the writing thread. */
    @FunctionalInterface
    public interface Progress {

        /** A step begins; {@code done} of {@code total} steps are behind. */
        void step(Reason what, int done, int total);

        static Progress none() {
            return (what, done, total) -> { };
        }
    }
}
