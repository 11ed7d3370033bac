package io.vigil.gather;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vigil.config.MetricDef;
import io.vigil.config.MetricType;
import io.vigil.config.TargetKind;
import io.vigil.ledger.SyncRecord;

class VerifyTest {

    static final io.vigil.i18n.Messages EN = new io.vigil.i18n.Messages(java.util.Locale.ENGLISH);
    static final io.vigil.i18n.Messages ZH = new io.vigil.i18n.Messages(java.util.Locale.SIMPLIFIED_CHINESE);

    static final Instant NOW = Instant.parse("2026-11-25T10:00:00Z");
    static final MetricDef M = new MetricDef(1, "oracle.sessions", TargetKind.ORACLE, "SELECT 1", List.of("session", "instance"), 60,
            MetricType.GAUGE, "", List.of(), 15, null, null, "", true, "");

    static SyncRecord sync(String mirror, int secondsAgo) {
        return new SyncRecord(1, mirror, NOW.minusSeconds(secondsAgo), 10, 5);
    }

    @Test
    void aMissingMirrorIsStale() {
        Verdict v = Verify.check(M, Map.of("session", sync("session", 5)), NOW, null);
        assertThat(v.go()).isFalse();
        assertThat(v.stale()).isTrue();
        assertThat(v.cause()).isEqualTo(Verdict.Cause.NOT_SYNCED_YET);
        assertThat(EN.render(v.reason())).isEqualTo("mirror instance has not synced yet");
        assertThat(ZH.render(v.reason())).contains("instance").doesNotContain("has not synced");
    }

    @Test
    void aMirrorOlderThanTheBoundIsStaleAndSaysHowOld() {
        Verdict v = Verify.check(M, Map.of("session", sync("session", 5), "instance", sync("instance", 312)), NOW, null);
        assertThat(v.stale()).isTrue();
        assertThat(v.cause()).isEqualTo(Verdict.Cause.TOO_OLD);
        assertThat(EN.render(v.reason())).isEqualTo("mirror instance is 312 s old; oracle.sessions accepts at most 60 s");
    }

    @Test
    void freshMirrorsArePickedAtTheOldestSnapshotOnce() {
        Map<String, SyncRecord> syncs = Map.of("session", sync("session", 5), "instance", sync("instance", 20));
        Verdict v = Verify.check(M, syncs, NOW, null);
        assertThat(v.go()).isTrue();
        assertThat(v.snapshotTime()).isEqualTo(NOW.minusSeconds(20));
        Verdict again = Verify.check(M, syncs, NOW, v.snapshotTime());
        assertThat(again.go()).isFalse();
        assertThat(again.stale()).as("waiting, not a problem").isFalse();
        assertThat(again.cause()).isEqualTo(Verdict.Cause.NOTHING_NEW);
    }
}
