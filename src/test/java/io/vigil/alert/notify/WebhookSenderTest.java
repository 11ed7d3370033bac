package io.vigil.alert.notify;

import static io.vigil.alert.notify.Samples.channel;
import static io.vigil.alert.notify.Samples.one;
import static io.vigil.alert.notify.Samples.tablespace;
import static io.vigil.alert.notify.Samples.withSecret;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.config.ChannelType;
import io.vigil.i18n.Messages;

class WebhookSenderTest {

    private static final Duration WAIT = Duration.ofSeconds(5);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant NOW = Instant.parse("2025-03-01T08:31:00Z");

    private final Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);
    private final WebhookSender sender = new WebhookSender(zh, Clock.fixed(NOW, ZoneOffset.UTC), Duration.ofSeconds(3));
    private WebhookReceiver receiver;

    @BeforeEach
    void start() throws Exception {
        receiver = new WebhookReceiver();
    }

    @AfterEach
    void stop() {
        receiver.close();
        sender.close();
    }

    @Test
    void genericBodyCarriesEveryFieldAndChineseIntact() throws Exception {
        sender.send(channel(ChannelType.WEBHOOK, receiver.url("/hook")), one(tablespace()));

        WebhookReceiver.Request r = receiver.next(WAIT);
        assertThat(r.method()).isEqualTo("POST");
        assertThat(r.contentType()).contains("application/json").containsIgnoringCase("utf-8");
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("source").asText()).isEqualTo("vigil");
        assertThat(body.path("target").asText()).isEqualTo("billing-prod");
        assertThat(body.path("at").asText()).isEqualTo("2025-03-01T08:30:00Z");
        assertThat(body.path("title").asText()).contains("表空间将满").contains("严重");
        JsonNode alert = body.path("alerts").get(0);
        assertThat(alert.path("rule").asText()).isEqualTo("oracle.tablespace.full");
        assertThat(alert.path("series").asText()).isEqualTo("tablespace_name=USERS");
        assertThat(alert.path("kind").asText()).isEqualTo("FIRING");
        assertThat(alert.path("severity").asText()).isEqualTo("CRIT");
        assertThat(alert.path("value").asDouble()).isEqualTo(93.25);
        assertThat(alert.path("unit").asText()).isEqualTo("%");
        assertThat(alert.path("since").asText()).isEqualTo("2025-03-01T08:25:00Z");
        assertThat(alert.path("detail").asText()).isEqualTo("USERS 已用 93%，剩余 2 GB");
        assertThat(alert.path("acknowledged").asBoolean(true)).isFalse();
        assertThat(body.path("text").asText()).contains("USERS 已用 93%，剩余 2 GB").contains("93.25 %");
    }

    @Test
    void dingTalkIsSignedMarkdownThatMentionsItsPeople() throws Exception {
        receiver.answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        String secret = "SEC0123456789abcdef";
        var ding = withSecret(channel(ChannelType.DINGTALK, receiver.url("/robot/send?access_token=t0k3n")), secret,
                List.of("13800138000"));

        sender.send(ding, one(tablespace()));

        WebhookReceiver.Request r = receiver.next(WAIT);
        Map<String, String> query = query(r.uri().getQuery());
        assertThat(query).containsEntry("access_token", "t0k3n").containsEntry("timestamp", String.valueOf(NOW.toEpochMilli()));
        assertThat(query.get("sign")).isEqualTo(hmac(NOW.toEpochMilli() + "\n" + secret, secret));
        JsonNode body = JSON.readTree(r.body());
        assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.path("markdown").path("title").asText()).contains("billing-prod").contains("表空间将满");
        assertThat(body.path("markdown").path("text").asText()).contains("**严重 告警中**").contains("@13800138000");
        assertThat(body.path("at").path("atMobiles").get(0).asText()).isEqualTo("13800138000");
    }

    @Test
    void dingTalkWithoutSecretIsNotSigned() throws Exception {
        receiver.answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        sender.send(channel(ChannelType.DINGTALK, receiver.url("/robot/send?access_token=t")), one(tablespace()));
        assertThat(receiver.next(WAIT).uri().getQuery()).isEqualTo("access_token=t");
    }

    @Test
    void robotErrcodeIsAFailureWithTheRobotsWords() {
        receiver.answer(200, "{\"errcode\":310000,\"errmsg\":\"sign not match\"}");
        var ding = channel(ChannelType.DINGTALK, receiver.url("/robot/send?access_token=secret-token"));

        assertThatThrownBy(() -> sender.send(ding, one(tablespace())))
                .asInstanceOf(type(ChannelException.class))
                .satisfies(e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.describe(zh)).contains("sign not match").contains("310000").contains("127.0.0.1")
                            .doesNotContain("secret-token");
                });
    }

    @Test
    void weComGetsMarkdownContentAndItsErrcodeIsChecked() throws Exception {
        receiver.answer(200, "{\"errcode\":0,\"errmsg\":\"ok\"}");
        sender.send(withSecret(channel(ChannelType.WECOM, receiver.url("/cgi-bin/webhook/send?key=k")), "", List.of("zhangsan")),
                one(tablespace()));
        JsonNode body = JSON.readTree(receiver.next(WAIT).body());
        assertThat(body.path("msgtype").asText()).isEqualTo("markdown");
        assertThat(body.path("markdown").path("content").asText()).contains("表空间将满").contains("`tablespace_name=USERS`")
                .contains("<@zhangsan>");

        receiver.answer(200, "{\"errcode\":45009,\"errmsg\":\"api freq out of limit\"}");
        assertThatThrownBy(() -> sender.send(channel(ChannelType.WECOM, receiver.url("/send?key=k")), one(tablespace())))
                .asInstanceOf(type(ChannelException.class))
                .satisfies(e -> assertThat(e.isTransient()).as("rate limits pass").isTrue());
    }

    @Test
    void slackGetsMrkdwnTextAndMustAnswerOk() throws Exception {
        receiver.answer(200, "ok");
        sender.send(channel(ChannelType.SLACK, receiver.url("/services/T/B/X")), one(tablespace()));
        JsonNode body = JSON.readTree(receiver.next(WAIT).body());
        assertThat(body.path("mrkdwn").asBoolean()).isTrue();
        assertThat(body.path("text").asText()).startsWith("*[严重] billing-prod").contains("*严重 告警中*").contains("表空间将满");

        receiver.answer(404, "no_service");
        assertThatThrownBy(() -> sender.send(channel(ChannelType.SLACK, receiver.url("/services/T/B/X")), one(tablespace())))
                .asInstanceOf(type(ChannelException.class))
                .satisfies(e -> assertThat(e.describe(zh)).contains("no_service").doesNotContain("/services"));
    }

    @Test
    void httpErrorsSayWhatToCheckAndServerErrorsAreTransient() {
        var hook = channel(ChannelType.WEBHOOK, receiver.url("/hook"));
        receiver.answer(401, "");
        assertThatThrownBy(() -> sender.send(hook, one(tablespace())))
                .asInstanceOf(type(ChannelException.class))
                .satisfies(e -> {
                    assertThat(e.isTransient()).isFalse();
                    assertThat(e.describe(new Messages(Locale.ENGLISH))).contains("HTTP 401").contains("token");
                });
        receiver.answer(503, "");
        assertThatThrownBy(() -> sender.send(hook, one(tablespace())))
                .asInstanceOf(type(ChannelException.class))
                .satisfies(e -> assertThat(e.isTransient()).isTrue());
    }

    @Test
    void aClosedPortIsARefusedConnectionInWords() throws Exception {
        int port = receiver.port();
        receiver.close();
        assertThatThrownBy(() -> sender.send(channel(ChannelType.WEBHOOK, "http://127.0.0.1:" + port + "/hook"), one(tablespace())))
                .asInstanceOf(type(ChannelException.class))
                .satisfies(e -> {
                    assertThat(e.isTransient()).isTrue();
                    assertThat(e.describe(new Messages(Locale.ENGLISH)))
                            .isEqualTo("The receiver at 127.0.0.1:" + port + " did not answer (connection refused).");
                });
    }

    @Test
    void aMalformedUrlIsSaidWithoutItsPath() {
        assertThatThrownBy(() -> sender.send(channel(ChannelType.WEBHOOK, "ftp://files.example/robot?key=abc"), one(tablespace())))
                .asInstanceOf(type(ChannelException.class))
                .satisfies(e -> assertThat(e.describe(new Messages(Locale.ENGLISH)))
                        .isEqualTo("The address files.example is not a valid http or https URL."));
    }

    private static String hmac(String data, String key) throws Exception {
        Mac mac = Mac.getInstance("HmacSHA256");
        mac.init(new SecretKeySpec(key.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
        return Base64.getEncoder().encodeToString(mac.doFinal(data.getBytes(StandardCharsets.UTF_8)));
    }

    // URI.getQuery() has already decoded the percent escapes, so the sign reads as plain Base64
    private static Map<String, String> query(String q) {
        Map<String, String> out = new HashMap<>();
        for (String pair : q.split("&")) {
            int eq = pair.indexOf('=');
            out.put(pair.substring(0, eq), pair.substring(eq + 1));
        }
        return out;
    }
}
