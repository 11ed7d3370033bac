package io.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;

import org.junit.jupiter.api.Test;

import io.vigil.schedule.Collector.JobId;

class QuarantinesTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    static final JobId SYSSTAT = new JobId(1, JobKey.mirror("sysstat"));
    static final JobId SESSION = new JobId(1, JobKey.mirror("session"));

    @Test
    void eachFailureInARowDoublesTheHoldUpToAnHour() {
        Duration minute = Duration.ofMinutes(1);
        assertThat(Quarantines.hold(1, minute)).isEqualTo(Duration.ofMinutes(2));
        assertThat(Quarantines.hold(2, minute)).isEqualTo(Duration.ofMinutes(4));
        assertThat(Quarantines.hold(3, minute)).isEqualTo(Duration.ofMinutes(8));
        assertThat(Quarantines.hold(6, minute)).as("64 min, capped").isEqualTo(Duration.ofHours(1));
        assertThat(Quarantines.hold(500, minute)).isEqualTo(Duration.ofHours(1));
        assertThat(Quarantines.hold(1, Duration.ofHours(2))).as("never shorter than its own interval").isEqualTo(Duration.ofHours(2));
    }

    @Test
    void aHeldJobRunsAtTheTickNearestItsEndAndASuccessStartsItOver() {
        Quarantines q = new Quarantines();
        Duration second = Duration.ofSeconds(10);
        assertThat(q.holds(SYSSTAT, T0, second)).isFalse();

        Instant until = q.strike(SYSSTAT, T0, second);
        assertThat(until).isEqualTo(T0.plusSeconds(20));
        assertThat(q.holds(SYSSTAT, T0.plusSeconds(10), second)).isTrue();
        assertThat(q.holds(SESSION, T0.plusSeconds(10), second)).as("another mirror").isFalse();
        assertThat(q.holds(SYSSTAT, T0.plusMillis(19_900), second)).as("the tick a little early").isFalse();
        assertThat(q.nextRun(SYSSTAT, T0.plusSeconds(10).toEpochMilli(), 10_000)).isEqualTo(T0.plusSeconds(20).toEpochMilli());

        assertThat(q.strike(SYSSTAT, T0.plusSeconds(20), second)).as("second failure in a row").isEqualTo(T0.plusSeconds(60));
        assertThat(q.strike(SYSSTAT, T0.plusSeconds(60), second)).as("third").isEqualTo(T0.plusSeconds(140));

        q.clear(SYSSTAT);
        assertThat(q.holds(SYSSTAT, T0.plusSeconds(70), second)).isFalse();
        assertThat(q.nextRun(SYSSTAT, 5_000, 10_000)).isEqualTo(5_000);
        assertThat(q.strike(SYSSTAT, T0.plusSeconds(200), second)).as("after a success, twice the interval again")
                .isEqualTo(T0.plusSeconds(220));
    }
}
