package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;
import java.util.Map;

import org.junit.jupiter.api.Test;

import io.vigil.i18n.Messages;
import io.vigil.schedule.CollectorFigures.Snapshot;

/** When {@code /health} says degraded, and that it says why in both languages. */
class CollectorHttpTest {

    private static final Instant START = Instant.parse("2026-12-01T10:00:00Z");
    private static final long LIMIT = 256L * 1024 * 1024;

    private static Snapshot at(int secondsAfterStart, long targets, Instant lastJob, long spoolBytes, long lagP99) {
        return new Snapshot(START.plusSeconds(secondsAfterStart), START, targets, 10, 0.5, Map.of("ok", 10L), 0, 0, 5, lagP99,
                spoolBytes, LIMIT, lastJob);
    }

    @Test
    void aBusyCollectorIsOk() {
        Snapshot s = at(600, 3, START.plusSeconds(599), LIMIT / 2, 9_000);
        assertThat(CollectorHttp.reasons(s, new Messages(Locale.ENGLISH))).isEmpty();
        assertThat(CollectorHttp.health(s, CollectorHttp.reasons(s, new Messages(Locale.ENGLISH))))
                .startsWith("{\"status\":\"ok\",\"reasons\":[],\"targets\":3,");
    }

    @Test
    void quietForTwoMinutesWithTargetsIsDegradedButNotWithoutTargets() {
        assertThat(CollectorHttp.reasons(at(100, 3, null, 0, 0), new Messages(Locale.ENGLISH))).as("still starting").isEmpty();
        assertThat(CollectorHttp.reasons(at(121, 3, null, 0, 0), new Messages(Locale.ENGLISH)))
                .containsExactly("No job has finished in the 2 minutes since the start, though there are 3 targets.");
        assertThat(CollectorHttp.reasons(at(900, 3, START.plusSeconds(700), 0, 0), new Messages(Locale.SIMPLIFIED_CHINESE)))
                .containsExactly("已有 200 秒没有作业完成（上限为 2 分钟），但有目标。");
        assertThat(CollectorHttp.reasons(at(900, 0, null, 0, 0), new Messages(Locale.ENGLISH))).isEmpty();
    }

    @Test
    void aFullSpoolAndLateJobsAreDegradedWithEachReason() {
        Snapshot s = at(600, 3, START.plusSeconds(599), LIMIT * 9 / 10, 12_500);
        String body = CollectorHttp.health(s, CollectorHttp.reasons(s, new Messages(Locale.ENGLISH)));
        assertThat(body).startsWith("{\"status\":\"degraded\",\"reasons\":[\"The spool is 90 % full (the limit is 80 %)")
                .contains("Jobs start 12.5 s late (99th percentile; the limit is 10 s)").contains("\"lagP99Ms\":12500");
        assertThat(CollectorHttp.reasons(s, new Messages(Locale.SIMPLIFIED_CHINESE))).hasSize(2).allMatch(r -> r.matches(".*[\\u4e00-\\u9fff].*"));
    }
}
