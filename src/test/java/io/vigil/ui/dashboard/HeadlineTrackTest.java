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
}
