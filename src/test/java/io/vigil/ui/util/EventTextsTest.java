package io.vigil.ui.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.ZoneId;
import java.util.Locale;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

import org.junit.jupiter.api.Test;

import io.vigil.config.EventType;
import io.vigil.config.Severity;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;

/** How events read in lists and tooltips, in both languages. */
class EventTextsTest {

    static final Instant AT = Instant.parse("2026-03-02T03:40:07Z");
    final EventTexts en = new EventTexts(new Messages(Locale.ENGLISH), ZoneId.of("Asia/Shanghai"));
    final EventTexts zh = new EventTexts(new Messages(Locale.SIMPLIFIED_CHINESE), ZoneId.of("Asia/Shanghai"));

    static VigilEvent event(EventType type, String category, String code, String text) {
        return new VigilEvent(1, 1, "prod", AT, type, category, Severity.CRIT, code, text);
    }

    @Test
    void titlesAreShortAndSayWhatHappened() {
        assertThat(en.title(event(EventType.ALERT_LOG, "INTERNAL_ERROR", "ORA-00600", "ORA-00600: internal error code")))
                .isEqualTo("ORA-00600 \u00b7 Internal error");
        assertThat(en.title(event(EventType.ALERT_LOG, "STARTUP", "", "Starting ORACLE instance (normal)\nLICENSE_MAX_SESSION = 0")))
                .isEqualTo("Startup \u00b7 Starting ORACLE instance (normal)");
        assertThat(en.title(event(EventType.RESTART, "RESTART", "", "The instance started at ..."))).isEqualTo("Instance restarted");
        assertThat(zh.title(event(EventType.RESTART, "RESTART", "", "..."))).isEqualTo("实例已重启");
        assertThat(en.title(event(EventType.ALERT, "oracle.fra.full", "", "oracle.fra.full fires on prod at CRIT, value 93 %\nmore")))
                .isEqualTo("oracle.fra.full fires on prod at CRIT, value 93 %");
    }

    @Test
    void aTooltipHasTheLocalTimeKindSeverityCodeAndTheFirstLinesOnly() {
        String text = IntStream.rangeClosed(1, 12).mapToObj(i -> "line " + i).collect(Collectors.joining("\n"));
        String tip = en.tooltip(event(EventType.ALERT_LOG, "INTERNAL_ERROR", "ORA-00600", text));
        assertThat(tip.lines().toList()).hasSize(1 + EventTexts.TOOLTIP_LINES + 1)
                .startsWith("2026-03-02 11:40:07 \u00b7 Alert log \u00b7 CRIT \u00b7 ORA-00600", "line 1")
                .endsWith("line 8", "\u2026 4 more lines");
        assertThat(zh.tooltip(event(EventType.RESTART, "RESTART", "", "x"))).isEqualTo("2026-03-02 11:40:07 \u00b7 重启 \u00b7 严重\nx");
        assertThat(en.firstLines("x".repeat(500), 1)).hasSize(161).endsWith("\u2026");
    }

    @Test
    void aListShowsTheClockForTodayAndTheDateBeforeIt() {
        assertThat(en.shortTime(AT, AT.plusSeconds(3600))).isEqualTo("11:40");
        assertThat(en.shortTime(AT, AT.plusSeconds(86_400))).isEqualTo("03-02 11:40");
    }
}
