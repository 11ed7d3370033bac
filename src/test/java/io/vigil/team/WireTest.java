package io.vigil.team;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.vigil.i18n.Messages;
import io.vigil.i18n.Reason;
import io.vigil.schedule.JobKey;
import io.vigil.schedule.StatusEvent.Status;
import io.vigil.watch.JobBoard.JobState;

/** What a collector publishes reads back the same on a console, nested reasons and all, in the console's language. */
class WireTest {

    @Test
    void aJobStateWithANestedReasonSurvivesTheTrip() {
        Reason cause = Reason.of("reason.capped", 5000L);
        Reason reason = Reason.of("reason.quarantined", 1_700_000_000_000L, cause);
        JobState sent = new JobState(7, "prod-db", JobKey.mirror("sysstat"), Status.QUARANTINED, reason, Instant.ofEpochMilli(1_000_000),
                Duration.ofMillis(42), 0, Instant.ofEpochMilli(900_000));
        String json = Wire.write(Wire.Job.of(sent, 1_060_000L, "host/12-abcd"));
        Wire.Job back = Wire.read(json, Wire.Job.class);
        assertThat(back.state()).isEqualTo(sent);
        assertThat(back.x()).isEqualTo(1_060_000L);
        assertThat(back.c()).isEqualTo("host/12-abcd");
        Messages zh = new Messages(Messages.localeFor("zh-CN"));
        assertThat(zh.render(back.state().reason())).isEqualTo(zh.render(reason)).doesNotContain("reason.");
    }

    @Test
    void somethingItDoesNotUnderstandIsNoReasonRatherThanAFailure() {
        assertThat(Wire.reason("a plain string")).isEqualTo(Reason.NONE);
        assertThat(Wire.reason(java.util.Map.of("k", "reason.capped", "a", List.of(3)))).isEqualTo(Reason.of("reason.capped", 3L));
    }
}
