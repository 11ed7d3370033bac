package io.vigil.alert.notify;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Base64;
import java.util.List;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;

import io.vigil.alert.notify.Notification.Item;
import io.vigil.alert.notify.Notifications.Rendered;
import io.vigil.config.ChannelDef;
import io.vigil.config.ChannelType;

/** The JSON each webhook flavour expects, and DingTalk's request signature. */
final class WebhookBodies {

    private static final ObjectMapper JSON = new ObjectMapper();

    private WebhookBodies() {
    }

    static String body(ChannelDef channel, Notification n, Rendered text) {
        ObjectNode root = JSON.createObjectNode();
        List<String> people = channel.recipients();
        switch (channel.type()) {
            case DINGTALK -> {
                root.put("msgtype", "markdown");
                // DingTalk only mentions people whose number also appears in the text
                String mentions = people.isEmpty() ? "" : "\n\n" + String.join(" ", people.stream().map(p -> "@" + p).toList());
                root.putObject("markdown").put("title", text.subject()).put("text", text.markdown() + mentions);
                ObjectNode at = root.putObject("at");
                people.forEach(at.putArray("atMobiles")::add);
                at.put("isAtAll", false);
            }
            case WECOM -> {
                String mentions = people.isEmpty() ? "" : "\n" + String.join(" ", people.stream().map(p -> "<@" + p + ">").toList());
                root.put("msgtype", "markdown");
                root.putObject("markdown").put("content", text.markdown() + mentions);
            }
            case SLACK -> {
                String mentions = people.isEmpty() ? "" : "\n" + String.join(" ", people.stream().map(p -> "<@" + p + ">").toList());
                root.put("text", text.slack() + mentions);
                root.put("mrkdwn", true);
            }
            case WEBHOOK -> generic(root, n, text);
            default -> throw new IllegalArgumentException("not a webhook channel: " + channel.type());
        }
        return root.toString();
    }

    /** Vigil's own body: every field a script may want, plus the rendered words for those that only relay text. */
    private static void generic(ObjectNode root, Notification n, Rendered text) {
        root.put("source", "vigil");
        root.put("target", n.targetName());
        root.put("at", n.at().toString());
        root.put("title", text.subject());
        root.put("text", text.plain());
        ArrayNode alerts = root.putArray("alerts");
        for (Item item : n.items()) {
            ObjectNode a = alerts.addObject();
            a.put("rule", item.key().rule());
            a.put("title", item.title());
            a.put("series", item.series());
            a.put("kind", item.kind().name());
            a.put("severity", item.severity().name());
            if (item.value() == null) {
                a.putNull("value");
            } else {
                a.put("value", item.value());
            }
            a.put("unit", item.unit());
            if (item.since() == null) {
                a.putNull("since");
            } else {
                a.put("since", item.since().toString());
            }
            a.put("detail", item.detail());
            a.put("acknowledged", item.acknowledged());
        }
    }

    /** DingTalk's signed URL: HmacSHA256 over "timestamp\nsecret", Base64, URL-encoded. */
    static String signedUrl(String url, long timestampMillis, String secret) {
        return url + (url.contains("?") ? "&" : "?") + "timestamp=" + timestampMillis + "&sign=" + sign(timestampMillis, secret);
    }

    static String sign(long timestampMillis, String secret) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            byte[] digest = mac.doFinal((timestampMillis + "\n" + secret).getBytes(StandardCharsets.UTF_8));
            return java.net.URLEncoder.encode(Base64.getEncoder().encodeToString(digest), StandardCharsets.UTF_8);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every JDK has HmacSHA256", e);
        }
    }

    static boolean isWebhook(ChannelType type) {
        return type == ChannelType.WEBHOOK || type == ChannelType.DINGTALK || type == ChannelType.WECOM || type == ChannelType.SLACK;
    }
}
