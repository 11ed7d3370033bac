package io.vigil.config;

import java.util.Map;
import java.util.Objects;

/**
 * A figure the overview and a target's dashboard show for every target of a kind, read from a pack metric.
 *
 * @param key     stable identity, also the message key of its title ("sessions", "cpu", ...)
 * @param metric  the pack metric it reads
 * @param tags    only the metric's series with these tags (e.g. {@code name: user commits}); empty = all
 * @param combine how several series become one figure
 * @param gauge   drawn as a gauge from 0 to 100 (percentages), otherwise as a sparkline
 */
public record Headline(String key, String metric, Map<String, String> tags, Combine combine, boolean gauge) {

    /** How the series of a metric become one figure: the sum (sessions by wait class) or the worst (tablespaces). */
    public enum Combine { SUM, MAX }

    public Headline {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(metric, "metric");
        tags = tags == null ? Map.of() : Map.copyOf(tags);
        combine = combine == null ? Combine.SUM : combine;
    }
}
