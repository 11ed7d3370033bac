package io.vigil.ui.dashboard;

import static io.vigil.ui.dashboard.Snapshots.T0;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Optional;
import java.util.OptionalDouble;

import org.junit.jupiter.api.Test;

import io.vigil.config.Headline;

class HeadlineTrackTest {

    private final Headline sessions = Snapshots.ORACLE.getFirst();

    private Figure at(Instant t, double v) {
        return new Figure(sessions, "sessions", Thresholds.none(), OptionalDouble.of(v), Optional.of(t), Level.OK);
    }

    @Test
    void aValueJoinsOnlyWhenItsPointIsNewer() {
        HeadlineTrack track = new HeadlineTrack(at(T0, 5), 60);
        assertThat(track.update(at(T0, 5))).as("the same pick, seen again a second later").isFalse();
        assertThat(track.update(at(T0.minusSeconds(15), 4))).as("an older point").isFalse();
        assertThat(track.update(at(T0.plusSeconds(15), 7))).isTrue();
        assertThat(track.update(at(T0.plusSeconds(15), 7))).isFalse();
        assertThat(track.values()).containsExactly(5, 7);
        assertThat(track.appended()).isEqualTo(2);
        assertThat(track.figure().value()).hasValue(7);
    }

    @Test
    void noValueYetKeepsTheHistoryEmpty() {
        HeadlineTrack track = new HeadlineTrack(Figure.empty(sessions, "sessions", Thresholds.none()), 60);
        assertThat(track.size()).isZero();
        assertThat(track.last()).isNaN();
        assertThat(track.update(Figure.empty(sessions, "sessions", Thresholds.none()))).isFalse();
        assertThat(track.update(at(T0, 3))).isTrue();
        assertThat(track.values()).containsExactly(3);
    }

    @Test
    void theHistoryKeepsTheNewestValuesUpToItsCapacity() {
        HeadlineTrack track = new HeadlineTrack(at(T0, 0), 60);
        for (int i = 1; i < 100; i++) {
            track.update(at(T0.plusSeconds(15L * i), i));
        }
        assertThat(track.size()).isEqualTo(60);
        assertThat(track.appended()).isEqualTo(100);
        double[] values = track.values();
        assertThat(values[0]).isEqualTo(40);
        assertThat(values[59]).isEqualTo(99);
        assertThat(track.last()).isEqualTo(99);
        assertThat(track.max()).isEqualTo(99);
    }

    @Test
    void backfillPutsOnlyOlderValuesBeforeTheLiveOnesAndKeepsTheNewest() {
        HeadlineTrack track = new HeadlineTrack(at(T0, 50), 5);
        track.update(at(T0.plusSeconds(15), 51));
        long t = T0.toEpochMilli();
        long[] times = {t - 60_000, t - 45_000, t - 30_000, t - 15_000, t, t + 15_000};
        double[] values = {10, 20, 30, 40, 99, 98};

        assertThat(track.backfill(times, values)).as("room for three; the last two are not older than the live values").isEqualTo(3);
        assertThat(track.values()).containsExactly(20, 30, 40, 50, 51);
        assertThat(track.appended()).as("grown, so the view redraws").isEqualTo(5);
        assertThat(track.update(at(T0.plusSeconds(30), 52))).isTrue();
        assertThat(track.values()).containsExactly(30, 40, 50, 51, 52);
        assertThat(track.backfill(times, values)).as("full").isZero();
    }

    @Test
    void backfillFillsAnEmptyTrack() {
        HeadlineTrack track = new HeadlineTrack(Figure.empty(sessions, "sessions", Thresholds.none()), 60);
        track.backfill(new long[] {1_000, 2_000}, new double[] {1, 2});
        assertThat(track.values()).containsExactly(1, 2);
        assertThat(track.figure().value()).as("the newest value read stands until a live one comes").hasValue(2);
        assertThat(track.figure().time()).contains(Instant.ofEpochMilli(2_000));
        assertThat(track.update(Figure.empty(sessions, "sessions", Thresholds.none()))).isFalse();
        assertThat(track.figure().value()).as("an empty snapshot does not blank it").hasValue(2);
        assertThat(track.update(at(Instant.ofEpochMilli(1_500), 9))).as("older than the backfilled history").isFalse();
        assertThat(track.update(at(Instant.ofEpochMilli(3_000), 3))).isTrue();
        assertThat(track.values()).containsExactly(1, 2, 3);
        assertThat(track.figure().value()).hasValue(3);
    }
}
