package io.vigil.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.vigil.gather.Spool;
import io.vigil.i18n.Messages;
import io.vigil.i18n.Reason;
import io.vigil.schedule.JobKey;
import io.vigil.schedule.StatusEvent;
import io.vigil.schedule.StatusEvent.Status;

class StatusLineTest {

    static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    static final Reason HELD = Reason.of("reason.quarantined", T0.plusSeconds(120).toEpochMilli(),
            Reason.of("reason.text", "ORA-00942: table or view does not exist"));

    static StatusEvent event(JobKey job, Status status, Reason reason) {
        return new StatusEvent(1, "prod", job, status, reason, Duration.ofMillis(3), 10, T0);
    }

    @Test
    void countsQuarantinedRunsAndSaysWhyInTheReadersLanguage() {
        StatusLine line = new StatusLine(new Messages(Locale.ENGLISH));
        line.accept(event(JobKey.mirror("session"), Status.OK, Reason.NONE));
        line.accept(event(JobKey.mirror("ash"), Status.QUARANTINED, HELD));
        line.accept(event(JobKey.metric("oracle.ash.aas"), Status.STALE, Reason.of("reason.verify.notSynced", "ash")));

        String text = line.next(new Spool.Fill(0, 0, 0, 1000, 0));
        assertThat(text).matches("\\d\\d:\\d\\d:\\d\\d ok 1 .*").contains(" stale 1 ").contains(" error 0 ").contains(" quarantined 1")
                .contains(" | rows 30 | spool 0 points");
        assertThat(line.next(new Spool.Fill(0, 0, 0, 1000, 0))).as("counts start over each line").contains(" quarantined 0");
        assertThat(line.errors()).containsOnlyKeys("prod mirror ash");
        assertThat(line.errors().get("prod mirror ash")).startsWith("quarantined until ").endsWith("after: ORA-00942: table or view does not exist");

        line.accept(event(JobKey.mirror("ash"), Status.OK, Reason.NONE));
        assertThat(line.errors()).as("a success clears it").isEmpty();
    }

    @Test
    void inChineseTheLineAndTheErrorsAreChinese() {
        StatusLine line = new StatusLine(new Messages(Locale.SIMPLIFIED_CHINESE));
        line.accept(event(JobKey.mirror("ash"), Status.QUARANTINED, HELD));
        String text = line.next(new Spool.Fill(0, 0, 0, 1000, 0));
        assertThat(text).contains("隔离 1").doesNotContain("quarantined").doesNotContain("rows");
        assertThat(line.errors()).containsOnlyKeys("prod 镜像 ash");
        assertThat(line.errors().get("prod 镜像 ash")).startsWith("隔离至").endsWith("ORA-00942: table or view does not exist");
    }

    @Test
    void aFullDataDiskIsOnTheLineInTheReadersLanguage() {
        io.vigil.config.DataDisk.State full = new io.vigil.config.DataDisk.State(java.nio.file.Path.of("/srv/vigil"), 12_000, 50L << 30,
                io.vigil.config.DataDisk.Level.FULL);
        assertThat(new StatusLine(new Messages(Locale.ENGLISH)).next(new Spool.Fill(0, 0, 0, 1000, 0), full))
                .endsWith(" | the disk under the data folder /srv/vigil is full (12 KB left)");
        assertThat(new StatusLine(new Messages(Locale.SIMPLIFIED_CHINESE)).next(new Spool.Fill(0, 0, 0, 1000, 0), full))
                .endsWith(" | 数据目录 /srv/vigil 所在的磁盘已满（剩余 12 KB）");
        io.vigil.config.DataDisk.State roomy = new io.vigil.config.DataDisk.State(java.nio.file.Path.of("/srv/vigil"), 40L << 30, 50L << 30,
                io.vigil.config.DataDisk.Level.OK);
        assertThat(new StatusLine(new Messages(Locale.ENGLISH)).next(new Spool.Fill(0, 0, 0, 1000, 0), roomy)).doesNotContain("disk");
    }
}
