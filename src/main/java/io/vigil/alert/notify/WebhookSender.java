package io.vigil.alert.notify;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.config.ChannelDef;
import io.vigil.config.ChannelType;
import io.vigil.i18n.Messages;

/** Posts notifications to webhooks: Vigil's own JSON, DingTalk and WeCom group robots, Slack incoming webhooks. */
public final class WebhookSender implements Sender, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(WebhookSender.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final int MAX_SHOWN = 200;
    // DingTalk 130101 and WeCom 45009: sent too often; the robot takes messages again within a minute
    private static final Set<Integer> RATE_LIMITED = Set.of(130101, 45009);

    private final Messages messages;
    private final Clock clock;
    private final Duration timeout;
    private final HttpClient http;

    /** A sender with 10 s connect and request timeouts. */
    public WebhookSender(Messages messages, Clock clock) {
        this(messages, clock, Duration.ofSeconds(10));
    }

    public WebhookSender(Messages messages, Clock clock, Duration timeout) {
        this.messages = messages;
        this.clock = clock;
        this.timeout = timeout;
        // never follow redirects: a redirected POST could carry the robot's token to another host
        this.http = HttpClient.newBuilder().connectTimeout(timeout).followRedirects(HttpClient.Redirect.NEVER).build();
    }

    @Override
    public void send(ChannelDef channel, Notification n) throws ChannelException {
        String receiver = Receivers.of(channel.endpoint());
        String body = WebhookBodies.body(channel, n, Notifications.render(n, messages));
        HttpRequest request = HttpRequest.newBuilder(uri(channel, receiver))
                .timeout(timeout)
                .header("Content-Type", "application/json; charset=utf-8")
                .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8))
                .build();
        HttpResponse<String> reply;
        try {
            reply = http.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw ChannelException.of(e, receiver, (int) timeout.toSeconds());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ChannelException.transientFault("notify.error.interrupted");
        }
        check(channel.type(), receiver, reply.statusCode(), reply.body());
        LOG.debug("Channel {} delivered {} alert(s) about {} to {}", channel.name(), n.items().size(), n.targetName(), receiver);
    }

    private URI uri(ChannelDef channel, String receiver) throws ChannelException {
        String url = channel.endpoint();
        if (channel.type() == ChannelType.DINGTALK && !channel.secret().isEmpty()) {
            url = WebhookBodies.signedUrl(url, clock.millis(), channel.secret().reveal());
        }
        try {
            URI uri = URI.create(url);
            if (("http".equalsIgnoreCase(uri.getScheme()) || "https".equalsIgnoreCase(uri.getScheme())) && uri.getHost() != null) {
                return uri;
            }
        } catch (IllegalArgumentException e) {
            // said below, in the user's words
        }
        throw ChannelException.permanent("notify.error.badUrl", receiver.isEmpty() ? "—" : receiver);
    }

    static void check(ChannelType type, String receiver, int status, String body) throws ChannelException {
        if (status / 100 != 2) {
            if (type == ChannelType.SLACK && status / 100 == 4 && !body.isBlank()) {
                // Slack says what is wrong in a word: invalid_token, no_service, channel_not_found
                throw ChannelException.permanent("notify.error.robot", receiver, shorten(body), status);
            }
            boolean retryable = status == 408 || status == 429 || status / 100 == 5;
            String key = status == 401 || status == 403 || status == 404 ? "notify.error.httpAuth" : "notify.error.http";
            throw retryable ? ChannelException.transientFault(key, receiver, status) : ChannelException.permanent(key, receiver, status);
        }
        switch (type) {
            case DINGTALK, WECOM -> checkRobot(receiver, body);
            case SLACK -> {
                if (!"ok".equals(body.strip())) {
                    throw ChannelException.permanent("notify.error.robot", receiver, shorten(body), status);
                }
            }
            default -> {
                // any 2xx is a yes for a plain webhook
            }
        }
    }

    // DingTalk and WeCom answer 200 to everything and put the verdict in errcode/errmsg
    private static void checkRobot(String receiver, String body) throws ChannelException {
        JsonNode reply;
        try {
            reply = JSON.readTree(body);
        } catch (JacksonException e) {
            throw ChannelException.permanent("notify.error.reply", receiver);
        }
        if (reply == null || !reply.has("errcode")) {
            throw ChannelException.permanent("notify.error.reply", receiver);
        }
        int code = reply.path("errcode").asInt(-1);
        if (code != 0) {
            String said = shorten(reply.path("errmsg").asText(""));
            throw RATE_LIMITED.contains(code)
                    ? ChannelException.transientFault("notify.error.robot", receiver, said, code)
                    : ChannelException.permanent("notify.error.robot", receiver, said, code);
        }
    }

    /** Releases the HTTP client's connections and threads. */
    @Override
    public void close() {
        http.close();
    }

    private static String shorten(String s) {
        String one = s.strip().replaceAll("\\s+", " ");
        return one.length() <= MAX_SHOWN ? one : one.substring(0, MAX_SHOWN) + "…";
    }
}
