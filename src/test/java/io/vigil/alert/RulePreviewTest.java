package io.vigil.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.vigil.config.AlertRule;
import io.vigil.config.Direction;
import io.vigil.config.RuleType;
import io.vigil.config.Severity;
import io.vigil.config.TargetKind;
import io.vigil.series.Series;
import io.vigil.series.SeriesKey;

class RulePreviewTest {

    private static final long T0 = Instant.parse("2026-12-05T10:00:00Z").toEpochMilli();
    private static final long MINUTE = 60_000;

    static AlertRule rule(Direction d, Double warn, Double crit, int holdSeconds, double recovery, Map<String, String> labels) {
        return new AlertRule(0, "space.full", TargetKind.ORACLE, RuleType.THRESHOLD, "oracle.tablespace.used_pct", labels, d, warn, crit,
                holdSeconds, recovery, 0, true, "");
    }

    static AlertRule above(Double warn, Double crit, int holdSeconds) {
        return rule(Direction.ABOVE, warn, crit, holdSeconds, 0, Map.of());
    }

    /** One value a minute from T0, tagged with the target and {@code tags}. */
    static Series minutes(Map<String, String> tags, double... values) {
        long[] times = new long[values.length];
        for (int i = 0; i < values.length; i++) {
            times[i] = T0 + i * MINUTE;
        }
        Map<String, String> all = new TreeMap<>(tags);
        all.put("target", "prod");
        return new Series(new SeriesKey("oracle.tablespace.used_pct", new TreeMap<>(all)), times, values);
    }

    static Series minutes(double... values) {
        return minutes(Map.of(), values);
    }

    @Test
    void withoutHoldEveryCrossingFiresAndLastsUntilTheValueComesBack() {
        RulePreview.Result r = RulePreview.replay(above(80.0, 90.0, 0), List.of(minutes(50, 85, 86, 70, 70, 95, 96, 97, 60)));
        assertThat(r.episodes()).isEqualTo(2);
        assertThat(r.longest()).isEqualTo(Duration.ofMinutes(3)); // fired at 5, resolved at 8
        assertThat(r.firingNow()).isZero();
        assertThat(r.worst()).isEqualTo(Severity.CRIT);
        assertThat(r.points()).isEqualTo(9);
    }

    @Test
    void aCrossingShorterThanTheHoldNeverFires() {
        // over for 4 minutes with a 5-minute hold: pending, then back to OK
        RulePreview.Result r = RulePreview.replay(above(80.0, null, 300), List.of(minutes(50, 85, 85, 85, 85, 85, 50, 50)));
        assertThat(r.episodes()).isZero();
        assertThat(r.longest()).isEqualTo(Duration.ZERO);
        assertThat(r.worst()).isNull();
    }

    @Test
    void aCrossingThatOutlastsTheHoldFiresOnceTheHoldHasPassed() {
        // pending from minute 1, fires at minute 6, resolves at minute 9
        RulePreview.Result r = RulePreview.replay(above(80.0, null, 300), List.of(minutes(50, 85, 85, 85, 85, 85, 85, 85, 85, 50)));
        assertThat(r.episodes()).isEqualTo(1);
        assertThat(r.longest()).isEqualTo(Duration.ofMinutes(3));
        assertThat(r.worst()).isEqualTo(Severity.WARN);
    }

    @Test
    void theRecoveryMarginKeepsAValueDancingOnTheLineOneEpisode() {
        double[] dancing = {79, 81, 79.5, 80.5, 79.2, 81, 70};
        AlertRule withoutMargin = rule(Direction.ABOVE, 80.0, null, 0, 0, Map.of());
        AlertRule withMargin = rule(Direction.ABOVE, 80.0, null, 0, 2, Map.of());
        assertThat(RulePreview.replay(withoutMargin, List.of(minutes(dancing))).episodes()).isEqualTo(3);
        RulePreview.Result held = RulePreview.replay(withMargin, List.of(minutes(dancing)));
        assertThat(held.episodes()).isEqualTo(1);
        assertThat(held.longest()).isEqualTo(Duration.ofMinutes(5)); // from minute 1 until 70 at minute 6
    }

    @Test
    void belowMeansLowerIsWorse() {
        AlertRule hitRatio = rule(Direction.BELOW, 90.0, 80.0, 0, 1, Map.of());
        RulePreview.Result r = RulePreview.replay(hitRatio, List.of(minutes(99, 95, 89, 85, 79, 90.5, 91, 99)));
        assertThat(r.episodes()).isEqualTo(1);
        assertThat(r.worst()).isEqualTo(Severity.CRIT);
        assertThat(r.longest()).isEqualTo(Duration.ofMinutes(4)); // 89 at 2 until 91 (past 90 + 1) at 6
    }

    @Test
    void eachSeriesIsItsOwnAlertAndTheLongestNamesItsSeries() {
        Series users = minutes(Map.of("tablespace_name", "USERS"), 50, 90, 90, 90, 50);
        Series system = minutes(Map.of("tablespace_name", "SYSTEM"), 90, 50, 90, 90, 90);
        Series undo = minutes(Map.of("tablespace_name", "UNDOTBS1"), 10, 10, 10, 10, 10);
        RulePreview.Result r = RulePreview.replay(above(80.0, null, 0), List.of(users, system, undo));
        assertThat(r.episodes()).isEqualTo(3); // USERS once, SYSTEM twice
        assertThat(r.longest()).isEqualTo(Duration.ofMinutes(3));
        assertThat(r.longestSeries()).isEqualTo("tablespace_name=USERS");
        assertThat(r.firingNow()).as("SYSTEM is still over at its last point").isEqualTo(1);
        assertThat(r.points()).isEqualTo(15);
    }

    @Test
    void theLabelFilterLeavesOtherSeriesOut() {
        Series users = minutes(Map.of("tablespace_name", "USERS"), 90, 90);
        Series system = minutes(Map.of("tablespace_name", "SYSTEM"), 90, 90);
        AlertRule onlyUsers = rule(Direction.ABOVE, 80.0, null, 0, 0, Map.of("tablespace_name", "users"));
        RulePreview.Result r = RulePreview.replay(onlyUsers, List.of(users, system));
        assertThat(r.episodes()).isEqualTo(1);
        assertThat(r.points()).isEqualTo(2);
    }

    @Test
    void anEpisodeStillFiringAtTheEndCountsUpToTheLastPoint() {
        RulePreview.Result r = RulePreview.replay(above(80.0, null, 60), List.of(minutes(50, 85, 85, 85, 85)));
        assertThat(r.episodes()).isEqualTo(1);
        assertThat(r.firingNow()).isEqualTo(1);
        assertThat(r.longest()).isEqualTo(Duration.ofMinutes(2)); // fired at 2 (pending at 1 + 60 s), last point at 4
    }

    @Test
    void gapsAndNoDataAreNotJudged() {
        assertThat(RulePreview.replay(above(80.0, null, 0), List.of()).points()).isZero();
        RulePreview.Result r = RulePreview.replay(above(80.0, null, 0), List.of(minutes(Double.NaN, 90, Double.NaN, 50)));
        assertThat(r.points()).isEqualTo(2);
        assertThat(r.episodes()).isEqualTo(1);
        assertThat(r.longest()).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void escalatingFromWarnToCritIsStillOneEpisode() {
        RulePreview.Result r = RulePreview.replay(above(80.0, 90.0, 0), List.of(minutes(85, 95, 85, 70)));
        assertThat(r.episodes()).isEqualTo(1);
        assertThat(r.worst()).isEqualTo(Severity.CRIT);
        assertThat(r.longest()).isEqualTo(Duration.ofMinutes(3));
    }

    @Test
    void onlyThresholdRulesCanBeReplayed() {
        AlertRule down = new AlertRule(0, "down", TargetKind.ORACLE, RuleType.TARGET_DOWN, "", Map.of(), null, null, 1.0, 60, 0, 0, true, "");
        assertThatThrownBy(() -> RulePreview.replay(down, List.of())).isInstanceOf(IllegalArgumentException.class);
    }
}
