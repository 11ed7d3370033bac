package io.vigil.ui.dashboard;

import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

import io.vigil.config.Headline;

/**
 * One headline's current figure for one target.
 *
 * @param headline   what it shows
 * @param unit       the metric's unit ("%", "/s", "sessions"), empty when unknown
 * @param thresholds the metric's warn and crit
 * @param value      the combined value; empty before the metric's first point
 * @param time       the source time of the points it combines
 * @param level      the value against the thresholds
 */
public record Figure(Headline headline, String unit, Thresholds thresholds, OptionalDouble value, Optional<Instant> time, Level level) {

    public static Figure empty(Headline headline, String unit, Thresholds thresholds) {
        return new Figure(headline, unit, thresholds, OptionalDouble.empty(), Optional.empty(), Level.NONE);
    }

    /** This figure's headline, unit and thresholds with another value and time, its level judged again. */
    public Figure at(double newValue, Instant newTime) {
        return new Figure(headline, unit, thresholds, OptionalDouble.of(newValue), Optional.of(newTime), thresholds.level(newValue));
    }

    /** How old the figure is at {@code now}; never negative (a target's clock may run ahead). */
    public Optional<Duration> age(Instant now) {
        return time.map(t -> Duration.between(t, now)).map(d -> d.isNegative() ? Duration.ZERO : d);
    }
}
