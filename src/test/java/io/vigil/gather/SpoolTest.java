package io.vigil.gather;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.series.Point;

class SpoolTest {

    @TempDir
    Path folder;

    static List<Point> batch(int from, int n) {
        List<Point> points = new ArrayList<>();
        for (int i = from; i < from + n; i++) {
            points.add(Point.of("m", Map.of("target", "prod db", "ts", "A,B=1"), Instant.ofEpochMilli(i * 1000L), i + 0.5));
        }
        return points;
    }

    @Test
    void batchesComeBackInOrderIntactAndSurviveAReopen() {
        Spool spool = new Spool(folder, 1_000_000);
        spool.append(batch(0, 3));
        spool.append(batch(3, 2));
        Spool reopened = new Spool(folder, 1_000_000);
        assertThat(reopened.fill().points()).isEqualTo(5);
        assertThat(reopened.peek()).contains(batch(0, 3));
        reopened.pop();
        reopened.append(batch(5, 1));
        assertThat(reopened.peek()).contains(batch(3, 2));
        reopened.pop();
        assertThat(reopened.peek()).contains(batch(5, 1));
        reopened.pop();
        assertThat(reopened.peek()).isEmpty();
    }

    @Test
    void aFullSpoolDropsItsOldestBatchAndCountsIt() {
        Spool spool = new Spool(folder, 400);
        for (int i = 0; i < 10; i++) {
            spool.append(batch(i * 2, 2));
        }
        Spool.Fill fill = spool.fill();
        assertThat(fill.bytes()).isLessThanOrEqualTo(400);
        assertThat(fill.droppedPoints() + fill.points()).isEqualTo(20);
        assertThat(fill.droppedPoints()).isPositive();
        assertThat(spool.peek().orElseThrow().getFirst().time()).as("the newest survive").isAfter(Instant.ofEpochMilli(0));
    }
}
