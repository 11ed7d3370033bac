package io.vigil.series;

import java.time.Duration;

/**
 * How long the embedded store keeps each resolution. The defaults keep raw points two days, minute rollups 35 days
 * (so a 30-day chart is drawn from minutes) and hour rollups two years.
 */
public record Retention(Duration raw, Duration minutes, Duration hours) {

    public static Retention defaults() {
        return new Retention(Duration.ofDays(2), Duration.ofDays(35), Duration.ofDays(730));
    }
}
