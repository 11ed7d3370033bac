package io.vigil.ui.activity;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.activity.ActivityReader;
import io.vigil.config.MirrorDef;
import io.vigil.config.Packs;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.mirror.CacheDb;
import io.vigil.testsupport.SettableClock;
import io.vigil.ui.util.DirectTaskExecutor;

/** Top Activity's live reading: a new sample shows from the next read, and longer windows are read less often. */
class ActivityViewModelTest {

    static final Instant T0 = ActivityPaneTest.T0;

    @TempDir
    Path folder;
    CacheDb cache;
    final SettableClock clock = new SettableClock(T0);
    final List<String> status = new ArrayList<>();
    ActivityViewModel model;

    @BeforeEach
    void open() throws Exception {
        cache = CacheDb.embedded(folder);
        ActivityPaneTest.fill(cache);
        List<MirrorDef> mirrors = Packs.shipped(TargetKind.ORACLE).mirrorDefs();
        model = new ActivityViewModel(() -> mirrors, new ActivityReader(cache), new DirectTaskExecutor(), new Messages(Locale.ENGLISH),
                clock, ZoneOffset.UTC, status::add);
        model.start();
    }

    @AfterEach
    void close() {
        cache.close();
    }

    void sample(Instant at) throws Exception {
        try (Connection c = cache.dataSource().getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO ora_activity_sample (target_id, sample_time, sid, serial_no, session_state) VALUES (1, ?, 99, 1, 'ON CPU')")) {
            ps.setTimestamp(1, Timestamp.from(at));
            ps.executeUpdate();
        }
    }

    @Test
    void aNewSampleShowsFromTheNextReadAsSamplesLand() throws Exception {
        model.update(ActivityPaneTest.snapshot(ActivityPaneTest.DEMO));
        assertThat(model.chartProperty().get().newest()).isEqualTo(T0.minusSeconds(5));
        assertThat(model.infoProperty().get()).isEqualTo("Newest sample 09:59:55 · 15 s buckets");
        sample(T0);
        clock.advance(Duration.ofSeconds(4));
        model.update(ActivityPaneTest.snapshot(ActivityPaneTest.DEMO));
        assertThat(model.chartProperty().get().newest()).as("read again only once a sample had time to land").isEqualTo(T0.minusSeconds(5));
        clock.advance(Duration.ofSeconds(1));
        model.update(ActivityPaneTest.snapshot(ActivityPaneTest.DEMO));
        assertThat(model.chartProperty().get().newest()).isEqualTo(T0);
        assertThat(model.breakdownProperty().get().samples()).isEqualTo(601);
        assertThat(status).isEmpty();
    }

    @Test
    void aDayIsReadOnceAMinuteAndNotWhileLiveIsOff() throws Exception {
        model.update(ActivityPaneTest.snapshot(ActivityPaneTest.DEMO));
        model.rangeProperty().set(ActivityRange.H24);
        assertThat(model.refreshSeconds()).isEqualTo(60);
        assertThat(model.chartProperty().get().bucketSeconds()).isEqualTo(300);
        sample(T0);
        clock.advance(Duration.ofSeconds(30));
        model.update(ActivityPaneTest.snapshot(ActivityPaneTest.DEMO));
        assertThat(model.chartProperty().get().newest()).isEqualTo(T0.minusSeconds(5));
        model.liveProperty().set(false);
        clock.advance(Duration.ofSeconds(60));
        model.update(ActivityPaneTest.snapshot(ActivityPaneTest.DEMO));
        assertThat(model.chartProperty().get().newest()).as("not live: the chart stays").isEqualTo(T0.minusSeconds(5));
        model.liveProperty().set(true);
        assertThat(model.chartProperty().get().newest()).as("live again: read at once").isEqualTo(T0);
    }
}
