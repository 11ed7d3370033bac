package io.vigil.alert.notify;

import static io.vigil.alert.notify.Samples.AT;
import static io.vigil.alert.notify.Samples.item;
import static io.vigil.alert.notify.Samples.one;
import static io.vigil.alert.notify.Samples.tablespace;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.vigil.alert.notify.Notification.Item;
import io.vigil.alert.notify.Notification.Kind;
import io.vigil.alert.notify.Notifications.Rendered;
import io.vigil.config.AlertKey;
import io.vigil.config.Severity;
import io.vigil.i18n.Messages;

class NotificationsTest {

    private final Messages en = new Messages(Locale.ENGLISH);
    private final Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);

    @Test
    void oneAlertNamesItsSeverityTargetSeriesAndWhatHappened() {
        Rendered text = Notifications.render(one(tablespace()), en, ZoneOffset.UTC);

        assertThat(text.subject()).isEqualTo("[CRIT] billing-prod: 表空间将满 (tablespace_name=USERS) \u2013 firing");
        assertThat(text.plain()).isEqualTo("""
                CRIT firing · 表空间将满 · tablespace_name=USERS
                value 93.25 % · since 2025-03-01 08:25:00 Z
                  USERS 已用 93%，剩余 2 GB
                Vigil · billing-prod · 2025-03-01 08:30:00 Z""");
    }

    @Test
    void chineseReadersGetChineseWordsAndTheirTimeZone() {
        Rendered text = Notifications.render(one(tablespace()), zh, ZoneId.of("Asia/Shanghai"));

        assertThat(text.subject()).isEqualTo("[严重] billing-prod：表空间将满（tablespace_name=USERS） – 告警中");
        assertThat(text.plain()).contains("严重 告警中").contains("值 93.25 %").contains("开始于 2025-03-01 16:25:00 CST");
    }

    @Test
    void anAlertOnAMetricIsCalledByTheMetricsTitleInEachReadersLanguage() {
        Item used = new Item(new AlertKey("oracle.tablespace.full", 7, "tablespace_name=USERS"), "oracle.tablespace.used_pct", Kind.FIRING,
                Severity.CRIT, 96.0, "%", "tablespace_name=USERS", null, "", false);
        assertThat(Notifications.render(one(used), en).subject()).contains("Tablespace used (tablespace_name=USERS)");
        assertThat(Notifications.render(one(used), zh).subject()).contains("表空间使用率");
        assertThat(Notifications.render(one(used), en).plain()).contains("firing · Tablespace used · tablespace_name=USERS");
    }

    @Test
    void severalAlertsAreCountedByWhatHappenedUnderTheWorstSeverity() {
        Notification n = new Notification("billing-prod", List.of(
                item("a", Kind.FIRING, Severity.WARN),
                item("b", Kind.FIRING, Severity.CRIT),
                item("c", Kind.RESOLVED, Severity.WARN)), AT);

        assertThat(Notifications.render(n, en).subject()).isEqualTo("[CRIT] billing-prod: 3 alerts \u2013 2 firing, 1 resolved");
        assertThat(Notifications.render(n, zh).subject()).isEqualTo("[严重] billing-prod：3 条告警 – 告警中 2 条，已恢复 1 条");
    }

    @Test
    void markdownAndSlackMarkTheirOwnWay() {
        Item odd = new Item(new AlertKey("r", 1, "x=<a&b>"), "Waits > 5 s", Kind.ESCALATED, Severity.CRIT, 1234.5, "", "x=<a&b>",
                null, "", true);
        Rendered text = Notifications.render(one(odd), en, ZoneOffset.UTC);

        assertThat(text.markdown()).startsWith("#### [CRIT] billing-prod").contains("**CRIT escalated** · Waits > 5 s · `x=<a&b>`  \n")
                .contains("value 1,234.5 · acknowledged");
        assertThat(text.slack()).contains("*CRIT escalated* · Waits &gt; 5 s · `x=&lt;a&amp;b&gt;`").doesNotContain("<a&b>");
    }

    @Test
    void waitsReadLikeTheConsolesAges() {
        assertThat(Waits.format(Duration.ofMillis(100), en)).isEqualTo("1 s");
        assertThat(Waits.format(Duration.ofSeconds(40), en)).isEqualTo("40 s");
        assertThat(Waits.format(Duration.ofMinutes(10), zh)).isEqualTo("10 分钟");
    }

    @Test
    void backoffDoublesUpToItsLongestAndPermanentFaultsWaitLongest() {
        Retries r = Retries.STANDARD;
        assertThat(List.of(r.after(1, true), r.after(2, true), r.after(4, true), r.after(20, true)))
                .containsExactly(Duration.ofSeconds(5), Duration.ofSeconds(10), Duration.ofSeconds(40), Duration.ofMinutes(10));
        assertThat(r.after(1, false)).isEqualTo(Duration.ofMinutes(10));
    }

    @Test
    void receiversAreNamedWithoutTheirTokens() {
        assertThat(Receivers.of("https://oapi.dingtalk.com/robot/send?access_token=abc")).isEqualTo("oapi.dingtalk.com");
        assertThat(Receivers.of("http://10.0.0.5:8080/hooks/T0/B0/xyz")).isEqualTo("10.0.0.5:8080");
        assertThat(Receivers.of("not a url/with?key=1")).isEqualTo("not a url");
    }
}
