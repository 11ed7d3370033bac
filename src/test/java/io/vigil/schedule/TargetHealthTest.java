package io.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;

import org.junit.jupiter.api.Test;

import io.vigil.i18n.Reason;
import io.vigil.target.FailureKind;

class TargetHealthTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");

    @Test
    void aDeadTargetsPortIsKnockedOnceForAllTheJobsThatComeWithinTwoSeconds() {
        TargetHealth h = new TargetHealth();
        h.failed(T0, FailureKind.UNREACHABLE, Reason.of("reason.text", "nothing answered"));
        AtomicInteger knocks = new AtomicInteger();
        for (int job = 0; job < 40; job++) {
            assertThat(h.portAnswers(T0.plusMillis(job * 10L), () -> {
                knocks.incrementAndGet();
                return false;
            })).isFalse();
        }
        assertThat(knocks).as("forty jobs in 0.4 s, one connect").hasValue(1);

        assertThat(h.portAnswers(T0.plus(TargetHealth.KNOCK_STANDS), () -> {
            knocks.incrementAndGet();
            return true;
        })).as("asked again once the answer is two seconds old").isTrue();
        assertThat(h.portAnswers(T0.plus(TargetHealth.KNOCK_STANDS).plusMillis(500), () -> {
            knocks.incrementAndGet();
            return false;
        })).as("the new answer stands").isTrue();
        assertThat(knocks).hasValue(2);

        h.failed(T0.plusSeconds(3), FailureKind.TIMEOUT, Reason.of("reason.text", "timed out"));
        assertThat(h.portAnswers(T0.plusSeconds(3), () -> {
            knocks.incrementAndGet();
            return false;
        })).as("a new failure: the next run knocks again").isFalse();
        assertThat(knocks).hasValue(3);
    }
}
