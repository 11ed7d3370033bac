package io.vigil.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vigil.config.Alert;
import io.vigil.config.AlertKey;
import io.vigil.config.AlertRule;
import io.vigil.config.AlertState;
import io.vigil.config.Direction;
import io.vigil.config.RuleType;
import io.vigil.config.Severity;
import io.vigil.config.TargetKind;

class AlertStateMachineTest {

    private static final AlertKey KEY = new AlertKey("space.full", 1, "tablespace_name=USERS");
    private static final Instant T0 = Instant.parse("2026-12-05T10:00:00Z");
    private static final Duration HOLD = Duration.ofMinutes(5);

    static AlertRule rule(Direction d, Double warn, Double crit, double recovery) {
        return new AlertRule(0, "r", TargetKind.ORACLE, RuleType.THRESHOLD, "m", Map.of(), d, warn, crit, 300, recovery, 0, true, "");
    }

    @Test
    void aCrossingMustLastTheHoldTimeBeforeItFires() {
        Step s1 = AlertStateMachine.step(KEY, "prod", null, Severity.WARN, 90.0, "", HOLD, T0);
        assertThat(s1.next().state()).isEqualTo(AlertState.PENDING);
        assertThat(s1.notice()).isNull();
        Step s2 = AlertStateMachine.step(KEY, "prod", s1.next(), Severity.WARN, 91.0, "", HOLD, T0.plus(Duration.ofMinutes(4)));
        assertThat(s2.next().state()).isEqualTo(AlertState.PENDING);
        Step s3 = AlertStateMachine.step(KEY, "prod", s2.next(), Severity.WARN, 91.0, "", HOLD, T0.plus(HOLD));
        assertThat(s3.next().state()).isEqualTo(AlertState.FIRING);
        assertThat(s3.notice()).isEqualTo(Step.Notice.FIRING);
        assertThat(s3.next().pendingAt()).isEqualTo(T0);
        assertThat(s3.next().firedAt()).isEqualTo(T0.plus(HOLD));
    }

    @Test
    void aCrossingShorterThanTheHoldGoesBackToOkWithoutATrace() {
        Step s1 = AlertStateMachine.step(KEY, "prod", null, Severity.WARN, 90.0, "", HOLD, T0);
        Step s2 = AlertStateMachine.step(KEY, "prod", s1.next(), null, 80.0, "", HOLD, T0.plusSeconds(60));
        assertThat(s2.next()).isNull();
        assertThat(s2.notice()).isNull();
        assertThat(s2.change().to()).isEqualTo(AlertState.OK);
    }

    @Test
    void firingEscalatesResolvesAndThenLeaves() {
        Alert firing = AlertStateMachine.step(KEY, "prod", null, Severity.WARN, 90.0, "", Duration.ZERO, T0).next();
        Step up = AlertStateMachine.step(KEY, "prod", firing, Severity.CRIT, 97.0, "", HOLD, T0.plusSeconds(10));
        assertThat(up.notice()).isEqualTo(Step.Notice.ESCALATED);
        assertThat(up.next().severity()).isEqualTo(Severity.CRIT);
        Step down = AlertStateMachine.step(KEY, "prod", up.next(), Severity.WARN, 90.0, "", HOLD, T0.plusSeconds(20));
        assertThat(down.notice()).isNull();
        assertThat(down.change()).isNotNull();
        Step resolved = AlertStateMachine.step(KEY, "prod", down.next(), null, 50.0, "", HOLD, T0.plusSeconds(30));
        assertThat(resolved.next().state()).isEqualTo(AlertState.RESOLVED);
        assertThat(resolved.notice()).isEqualTo(Step.Notice.RESOLVED);
        Step gone = AlertStateMachine.step(KEY, "prod", resolved.next(), null, 50.0, "", HOLD, T0.plusSeconds(40));
        assertThat(gone.next()).isNull();
        assertThat(gone.change()).isNull();
    }

    @Test
    void hysteresisKeepsAnAlertUntilTheValueComesBackPastTheMargin() {
        AlertRule r = rule(Direction.ABOVE, 85.0, 95.0, 2);
        assertThat(Levels.of(r, 84.9, null)).isNull();
        assertThat(Levels.of(r, 85.0, null)).isEqualTo(Severity.WARN);
        assertThat(Levels.of(r, 84.0, Severity.WARN)).isEqualTo(Severity.WARN);
        assertThat(Levels.of(r, 83.0, Severity.WARN)).isNull();
        assertThat(Levels.of(r, 94.0, Severity.CRIT)).isEqualTo(Severity.CRIT);
        assertThat(Levels.of(r, 92.9, Severity.CRIT)).isEqualTo(Severity.WARN);
    }

    @Test
    void lowerIsWorseForBelowRules() {
        AlertRule hit = rule(Direction.BELOW, 95.0, 90.0, 1);
        assertThat(Levels.of(hit, 99.2, null)).isNull();
        assertThat(Levels.of(hit, 94.0, null)).isEqualTo(Severity.WARN);
        assertThat(Levels.of(hit, 89.0, null)).isEqualTo(Severity.CRIT);
        assertThat(Levels.of(hit, 95.5, Severity.WARN)).isEqualTo(Severity.WARN);
        assertThat(Levels.of(hit, 96.1, Severity.WARN)).isNull();
        AlertRule open = rule(Direction.BELOW, null, 0.5, 0);
        assertThat(Levels.of(open, 1, null)).isNull();
        assertThat(Levels.of(open, 0, null)).isEqualTo(Severity.CRIT);
    }
}
