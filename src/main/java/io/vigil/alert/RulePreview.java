package io.vigil.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import io.vigil.config.Alert;
import io.vigil.config.AlertKey;
import io.vigil.config.AlertRule;
import io.vigil.config.AlertState;
import io.vigil.config.RuleType;
import io.vigil.config.Severity;
import io.vigil.series.Series;

/**
 * Replays a threshold rule over recorded values, the way the engine would have evaluated it point by point: the same
 * levels with hysteresis and the same state machine with its hold time. Lets the rule form say "would have fired 3
 * times in the last hour" before the rule is saved. Pure: no store, no clock.
 */
public final class RulePreview {

    private RulePreview() {
    }

    /**
     * What the rule would have done.
     *
     * @param episodes      how many times it went to FIRING, over every series
     * @param longest       the longest firing episode (one still firing counts up to its last point); zero when none
     * @param longestSeries the series of the longest episode ({@code tablespace_name=USERS}; empty for a single series)
     * @param firingNow     how many series are still firing at their last point
     * @param points        how many values were replayed (zero means there was nothing to judge)
     * @param worst         the worst severity reached, or null when it never fired
     */
    public record Result(int episodes, Duration longest, String longestSeries, int firingNow, int points, Severity worst) {
    }

    /** Steps every series of {@code series} that the rule's label filter lets through; each series is its own alert. */
    public static Result replay(AlertRule rule, List<Series> series) {
        if (rule.type() != RuleType.THRESHOLD) {
            throw new IllegalArgumentException("only threshold rules watch values");
        }
        Duration hold = Duration.ofSeconds(Math.max(0, rule.holdSeconds()));
        int episodes = 0;
        int firingNow = 0;
        int points = 0;
        Duration longest = Duration.ZERO;
        String longestSeries = "";
        Severity worst = null;
        for (Series s : series) {
            if (!rule.matches(s.key().tags())) {
                continue;
            }
            String name = seriesName(s);
            AlertKey key = new AlertKey(rule.name(), 0, name);
            Alert current = null;
            Instant firedAt = null;
            Instant last = null;
            for (int i = 0; i < s.size(); i++) {
                double value = s.values()[i];
                if (Double.isNaN(value)) {
                    continue;
                }
                points++;
                Instant now = Instant.ofEpochMilli(s.times()[i]);
                last = now;
                Severity held = current == null || current.state() == AlertState.RESOLVED ? null : current.severity();
                Step step = AlertStateMachine.step(key, "", current, Levels.of(rule, value, held), value, "", hold, now);
                Alert next = step.next();
                if (next != null && next.state() == AlertState.FIRING) {
                    worst = worst == null || next.severity().atLeast(worst) ? next.severity() : worst;
                    if (firedAt == null) {
                        firedAt = now;
                        episodes++;
                    }
                } else if (firedAt != null) {
                    Duration took = Duration.between(firedAt, now);
                    if (took.compareTo(longest) > 0) {
                        longest = took;
                        longestSeries = name;
                    }
                    firedAt = null;
                }
                current = next;
            }
            if (firedAt != null) {
                firingNow++;
                Duration took = Duration.between(firedAt, last);
                if (took.compareTo(longest) > 0 || longestSeries.isEmpty() && longest.isZero()) {
                    longest = took;
                    longestSeries = name;
                }
            }
        }
        return new Result(episodes, longest, longestSeries, firingNow, points, worst);
    }

    /** The series' tags without the target, as the engine names an alert's series. */
    static String seriesName(Series s) {
        StringBuilder b = new StringBuilder();
        s.key().tags().forEach((k, v) -> {
            if (!k.equals("target")) {
                b.append(b.isEmpty() ? "" : ", ").append(k).append('=').append(v);
            }
        });
        return b.toString();
    }
}
