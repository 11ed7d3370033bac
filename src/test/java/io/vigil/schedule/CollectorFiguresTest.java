package io.vigil.schedule;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.Test;

import io.vigil.gather.Spool;
import io.vigil.schedule.StatusEvent.Status;

/** The collector's tally: totals since the start, the last minute's window sliding on, the last finished job. */
class CollectorFiguresTest {

    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-01T10:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final CollectorFigures figures = new CollectorFigures(clock, () -> 2, ScheduleLag::new,
            () -> new Spool.Fill(1, 10, 4096, 1 << 20, 0));

    private void run(Status status) {
        figures.accept(new StatusEvent(1, "db1", JobKey.metric("x"), status, io.vigil.i18n.Reason.NONE, Duration.ofMillis(3), 1, now.get()));
    }

    private void advance(int seconds) {
        now.set(now.get().plusSeconds(seconds));
    }

    @Test
    void countsByStatusAndForgetsTheRateAfterAMinute() {
        assertThat(figures.snapshot().lastJobAt()).isNull();
        for (int i = 0; i < 30; i++) {
            run(Status.OK);
            run(i % 10 == 0 ? Status.ERROR : Status.WAITING);
            advance(1);
        }
        run(Status.BACKOFF);
        CollectorFigures.Snapshot s = figures.snapshot();
        assertThat(s.jobRunsTotal()).isEqualTo(61);
        assertThat(s.runsByStatus()).containsEntry("ok", 30L).containsEntry("error", 3L).containsEntry("waiting", 27L)
                .containsEntry("backoff", 1L).containsEntry("stale", 0L);
        assertThat(s.errorsTotal()).isEqualTo(3);
        assertThat(s.errorsLastMinute()).isEqualTo(3);
        assertThat(s.jobsPerSecond()).as("61 runs in the 30 s since the start").isCloseTo(61 / 30.0, org.assertj.core.data.Offset.offset(0.01));
        assertThat(s.lastJobAt()).as("a backoff is not a job that finished").isEqualTo(now.get().minusSeconds(1));
        assertThat(s.targets()).isEqualTo(2);
        assertThat(s.spoolBytes()).isEqualTo(4096);
        assertThat(s.spoolLimitBytes()).isEqualTo(1 << 20);

        advance(45);
        s = figures.snapshot();
        assertThat(s.errorsLastMinute()).as("the errors at 0 s and 10 s are more than a minute old").isEqualTo(1);
        assertThat(s.jobsPerSecond()).isCloseTo((2 * 14 + 1) / 60.0, org.assertj.core.data.Offset.offset(0.01));
        advance(120);
        s = figures.snapshot();
        assertThat(s.jobsPerSecond()).isZero();
        assertThat(s.errorsLastMinute()).isZero();
        assertThat(s.jobRunsTotal()).isEqualTo(61);
        assertThat(s.startedAt()).isEqualTo(Instant.parse("2026-12-01T10:00:00Z"));
    }
}
