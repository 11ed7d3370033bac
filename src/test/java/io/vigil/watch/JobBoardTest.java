package io.vigil.watch;

import io.vigil.i18n.Reason;
import io.vigil.schedule.JobKey;
import java.util.Locale;
import io.vigil.i18n.Messages;
import io.vigil.ui.dashboard.Snapshots;

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

    final Messages english = new Messages(Locale.ENGLISH);

    void event(long target, String job, Status status, String reason, int secondsAfterT0) {
        board.accept(new StatusEvent(target, "db" + target, Snapshots.job(job), status, Snapshots.reason(reason),
                Duration.ofMillis(40), 12, T0.plusSeconds(secondsAfterT0)));
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
        assertThat(english.render(s.reason())).contains("mirror sysstat").contains("backing off");

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
        assertThat(english.render(s.reason())).isEqualTo("mirror processlist: SELECT command denied");
        event(2, "mirror processlist", Status.OK, "", 3);
        assertThat(board.health(2, "db2", false, latest, T0).health()).isEqualTo(Health.STALE);
    }

    @Test
    void aQuarantinedMirrorIsAnErrorOfThatJobWhileItsTargetStaysUp() {
        event(4, "connect", Status.OK, "19.3", 0);
        board.accept(new StatusEvent(4, "db4", JobKey.mirror("ash"), Status.QUARANTINED,
                Reason.of("reason.quarantined", T0.plusSeconds(120).toEpochMilli(), Reason.of("reason.text", "ORA-00942")), Duration.ofMillis(5), 0,
                T0.plusSeconds(1)));
        JobBoard.TargetState s = board.health(4, "db4", false, latest, T0.plusSeconds(2));
        assertThat(s.health()).as("not down: only the mirror is held back").isEqualTo(Health.ERROR);
        assertThat(english.render(s.reason())).startsWith("mirror ash: quarantined until ").endsWith("after: ORA-00942");
        assertThat(new Messages(Locale.SIMPLIFIED_CHINESE).render(s.reason())).startsWith("镜像 ash").contains("隔离至").endsWith("ORA-00942");
        event(4, "mirror ash", Status.OK, "", 3);
        assertThat(board.health(4, "db4", false, latest, T0.plusSeconds(4)).health()).isEqualTo(Health.OK);
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

    @Test
    void amongManyTargetsEachHealthReadsOnlyItsOwnJobsAndForgettingOneKeepsTheOthers() {
        for (long t = 1; t <= 50; t++) {
            event(t, "connect", Status.OK, "19.3", 0);
            event(t, "mirror session", Status.OK, "", 1);
            event(t, "metric oracle.sessions.total", Status.OK, "", 2);
        }
        event(7, "connect", Status.ERROR, "Cannot reach db7:1521.", 3);
        event(8, "mirror session", Status.ERROR, "ORA-00942", 3);
        for (long t = 1; t <= 50; t++) {
            Health expected = t == 7 ? Health.DOWN : t == 8 ? Health.ERROR : Health.OK;
            assertThat(board.health(t, "db" + t, false, latest, T0.plusSeconds(4)).health()).as("db%d", t).isEqualTo(expected);
        }
        assertThat(english.render(board.health(8, "db8", false, latest, T0).reason())).isEqualTo("mirror session: ORA-00942");
        assertThat(board.job(9, Snapshots.job("mirror session"))).get().extracting(JobBoard.JobState::status).isEqualTo(Status.OK);
        assertThat(board.job(9, Snapshots.job("mirror sysstat"))).isEmpty();
        assertThat(board.job(51, Snapshots.job("mirror session"))).isEmpty();

        board.forget(7);
        assertThat(board.health(7, "db7", false, latest, T0).health()).isEqualTo(Health.UNKNOWN);
        assertThat(board.jobs()).hasSize(49 * 3).extracting(JobBoard.JobState::targetId).doesNotContain(7L);
        assertThat(board.jobs().subList(0, 4)).extracting(j -> j.targetName() + " " + j.job())
                .containsExactly("db1 connect", "db1 mirror session", "db1 metric oracle.sessions.total", "db10 connect");
    }
}
