package io.vigil.watch;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vigil.schedule.StatusEvent;
import io.vigil.schedule.StatusEvent.Status;
import io.vigil.series.Point;

class JobBoardTest {

    static final Instant T0 = Instant.parse("2026-11-25T10:00:00Z");
    final JobBoard board = new JobBoard();
    final LatestValues latest = new LatestValues();

    void event(long target, String job, Status status, String reason, int secondsAfterT0) {
        board.accept(new StatusEvent(target, "db" + target, job, status, reason, Duration.ofMillis(40), 12, T0.plusSeconds(secondsAfterT0)));
    }

    @Test
    void aTargetWithNoRunIsUnknownAndAPausedOneIsPausedWhateverRan() {
        assertThat(board.health(1, "db1", false, latest, T0).health()).isEqualTo(Health.UNKNOWN);
        event(1, "mirror sysstat", Status.ERROR, "ORA-00942", 1);
        assertThat(board.health(1, "db1", true, latest, T0).health()).isEqualTo(Health.PAUSED);
    }

    @Test
    void aFailedConnectOrABackoffIsDownUntilAConnectSucceedsLater() {
        event(1, "connect", Status.ERROR, "Cannot reach db1:1521.", 1);
        event(1, "mirror sysstat", Status.BACKOFF, "backing off", 2);
        JobBoard.TargetState s = board.health(1, "db1", false, latest, T0.plusSeconds(3));
        assertThat(s.health()).isEqualTo(Health.DOWN);
        assertThat(s.reason()).contains("mirror sysstat").contains("backing off");

        event(1, "connect", Status.OK, "19.3", 20);
        event(1, "mirror sysstat", Status.OK, "", 21);
        assertThat(board.health(1, "db1", false, latest, T0.plusSeconds(22)).health()).isEqualTo(Health.OK);
    }

    @Test
    void aFailingJobIsErrorBeforeAStaleMetricAndTheReasonNamesTheJob() {
        event(2, "connect", Status.OK, "8.0", 0);
        event(2, "metric mysql.questions", Status.STALE, "mirror status is 300 s old", 1);
        assertThat(board.health(2, "db2", false, latest, T0).health()).isEqualTo(Health.STALE);
        event(2, "mirror processlist", Status.ERROR, "SELECT command denied", 2);
        JobBoard.TargetState s = board.health(2, "db2", false, latest, T0);
        assertThat(s.health()).isEqualTo(Health.ERROR);
        assertThat(s.reason()).isEqualTo("mirror processlist: SELECT command denied");
        event(2, "mirror processlist", Status.OK, "", 3);
        assertThat(board.health(2, "db2", false, latest, T0).health()).isEqualTo(Health.STALE);
    }

    @Test
    void jobsKeepTheirLastGoodRunAndTheDataAgeComesFromTheNewestPoint() {
        event(3, "mirror session", Status.OK, "", 5);
        event(3, "mirror session", Status.ERROR, "timeout", 20);
        JobBoard.JobState j = board.jobs().getFirst();
        assertThat(j.status()).isEqualTo(Status.ERROR);
        assertThat(j.lastOk()).isEqualTo(T0.plusSeconds(5));
        assertThat(j.lastRun()).isEqualTo(T0.plusSeconds(20));

        latest.add(List.of(Point.of("oracle.sessions.total", Map.of("target", "db3"), T0.plusSeconds(10), 40)));
        assertThat(board.health(3, "db3", false, latest, T0.plusSeconds(70)).dataAge()).contains(Duration.ofSeconds(60));
        board.forget(3);
        assertThat(board.jobs()).isEmpty();
    }
}
