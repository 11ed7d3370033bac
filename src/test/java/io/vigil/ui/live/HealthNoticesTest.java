package io.vigil.ui.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import io.vigil.config.ConnectBy;
import io.vigil.config.DataDisk;
import io.vigil.config.Secret;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.gather.Spool;
import io.vigil.i18n.Messages;
import io.vigil.watch.Health;
import io.vigil.watch.JobBoard.TargetState;
import io.vigil.watch.LatestValues;
import io.vigil.watch.Watch.Snapshot;

class HealthNoticesTest {

    final Messages messages = new Messages(Locale.ENGLISH);
    final Target prod = new Target(1, "prod", TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(), List.of(), true);

    Snapshot snapshot(Health h, String reason, long spooled, long dropped) {
        return new Snapshot(Instant.EPOCH, List.of(prod), Map.of(1L, new TargetState(1, "prod", h, io.vigil.ui.dashboard.Snapshots.reason(reason), Optional.empty())), List.of(),
                new LatestValues(), new Spool.Fill(0, spooled, 0, 1000, dropped), List.of());
    }

    @Test
    void aTargetGoingDownIsToldOnceWithItsReasonAndItsRecoveryToo() {
        Snapshot ok = snapshot(Health.OK, "", 0, 0);
        Snapshot down = snapshot(Health.DOWN, "connect: Cannot reach db1:1521.", 0, 0);
        assertThat(HealthNotices.between(null, down, messages)).as("the first snapshot").isEmpty();
        assertThat(HealthNotices.between(ok, down, messages)).singleElement()
                .satisfies(n -> {
                    assertThat(n.warning()).isTrue();
                    assertThat(n.title()).isEqualTo("prod is down");
                    assertThat(n.text()).contains("Cannot reach db1:1521");
                });
        assertThat(HealthNotices.between(down, down, messages)).as("still down: no repeat").isEmpty();
        assertThat(HealthNotices.between(down, snapshot(Health.ERROR, "x", 0, 0), messages)).as("down to error: still bad").isEmpty();
        assertThat(HealthNotices.between(down, ok, messages)).singleElement().satisfies(n -> assertThat(n.warning()).isFalse());
        assertThat(HealthNotices.between(ok, snapshot(Health.STALE, "old", 0, 0), messages)).as("stale is shown in the tree only").isEmpty();
    }

    @Test
    void theSpoolStartingToFillAndDroppedPointsAreTold() {
        Snapshot ok = snapshot(Health.OK, "", 0, 0);
        assertThat(HealthNotices.between(ok, snapshot(Health.OK, "", 500, 0), messages)).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("500"));
        assertThat(HealthNotices.between(snapshot(Health.OK, "", 500, 0), snapshot(Health.OK, "", 900, 0), messages)).isEmpty();
        assertThat(HealthNotices.between(snapshot(Health.OK, "", 900, 0), snapshot(Health.OK, "", 900, 40), messages)).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("40 points"));
    }

    @Test
    void pointsTheSpoolsDiskRefusedAreToldAsSuchNotAsTheSpoolsLimit() {
        Snapshot before = snapshot(Health.OK, "", 900, 0);
        Snapshot refused = new Snapshot(Instant.EPOCH, before.targets(), before.health(), List.of(), new LatestValues(),
                new Spool.Fill(0, 900, 0, 1000, 250, 250), List.of());
        assertThat(HealthNotices.between(before, refused, messages)).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("Points not kept");
            assertThat(n.text()).contains("250 points").contains("full or read-only").doesNotContain("limit");
        });
        assertThat(HealthNotices.between(before, refused, new Messages(Locale.SIMPLIFIED_CHINESE))).singleElement()
                .satisfies(n -> assertThat(n.text()).contains("250").contains("磁盘"));
    }

    Snapshot onDisk(DataDisk.Level level, long free) {
        Snapshot s = snapshot(Health.OK, "", 0, 0);
        return new Snapshot(Instant.EPOCH, s.targets(), s.health(), List.of(), new LatestValues(), s.spool(), List.of(),
                new DataDisk.State(java.nio.file.Path.of("/srv/vigil"), free, 100L << 30, level));
    }

    @Test
    void theDataDiskFillingUpIsToldOnceAsItGetsWorseAndAgainWhenThereIsRoom() {
        Snapshot ok = onDisk(DataDisk.Level.OK, 40L << 30);
        Snapshot low = onDisk(DataDisk.Level.LOW, 700L << 20);
        Snapshot full = onDisk(DataDisk.Level.FULL, 0);
        assertThat(HealthNotices.between(ok, low, messages)).singleElement().satisfies(n -> {
            assertThat(n.warning()).isTrue();
            assertThat(n.title()).isEqualTo("Data disk nearly full");
            assertThat(n.text()).contains("/srv/vigil").contains("700.0 MB");
        });
        assertThat(HealthNotices.between(low, low, messages)).as("no repeat").isEmpty();
        assertThat(HealthNotices.between(low, full, messages)).singleElement().satisfies(n -> {
            assertThat(n.title()).isEqualTo("Data disk full");
            assertThat(n.text()).contains("/srv/vigil is full (0 KB left)");
        });
        assertThat(HealthNotices.between(full, low, messages)).as("from full to nearly full: nothing new to fear").isEmpty();
        assertThat(HealthNotices.between(full, ok, messages)).singleElement().satisfies(n -> {
            assertThat(n.warning()).isFalse();
            assertThat(n.title()).isEqualTo("Data disk has room again");
        });
        assertThat(HealthNotices.between(ok, full, new Messages(Locale.SIMPLIFIED_CHINESE))).singleElement()
                .satisfies(n -> assertThat(n.title() + n.text()).contains("数据盘已满").contains("/srv/vigil"));
        assertThat(HealthNotices.between(snapshot(Health.OK, "", 0, 0), snapshot(Health.OK, "", 0, 0), messages))
                .as("a source with no data folder says nothing").isEmpty();
    }
}
