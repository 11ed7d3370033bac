package io.vigil.alert.notify;

import static io.vigil.alert.notify.Samples.AT;
import static io.vigil.alert.notify.Samples.channel;
import static io.vigil.alert.notify.Samples.item;
import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.vigil.alert.notify.Notification.Kind;
import io.vigil.config.ChannelDef;
import io.vigil.config.ChannelType;
import io.vigil.config.MuteWindow;
import io.vigil.config.Severity;
import io.vigil.i18n.Messages;
import io.vigil.testsupport.SettableClock;

/** The dispatcher over real webhook receivers: queues, retries, drops, and each channel's policy. */
class DispatcherTest {

    private static final Duration WAIT = Duration.ofSeconds(10);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Messages en = new Messages(Locale.ENGLISH);
    private final SettableClock clock = new SettableClock(AT);
    private final AtomicReference<List<ChannelDef>> channels = new AtomicReference<>(List.of());
    private final AtomicReference<List<MuteWindow>> mutes = new AtomicReference<>(List.of());
    private final List<DeliveryEvent> deliveries = new CopyOnWriteArrayList<>();
    private final List<AutoCloseable> toClose = new CopyOnWriteArrayList<>();
    private Dispatcher dispatcher;

    @AfterEach
    void close() throws Exception {
        if (dispatcher != null) {
            dispatcher.close();
        }
        for (AutoCloseable c : toClose) {
            c.close();
        }
    }

    private Dispatcher dispatcher(int queueCapacity) {
        WebhookSender webhooks = new WebhookSender(en, clock, Duration.ofSeconds(1));
        dispatcher = new Dispatcher(channels::get, mutes::get, en, clock, Map.of(ChannelType.WEBHOOK, webhooks),
                new Retries(Duration.ofMillis(100), Duration.ofMillis(400), queueCapacity));
        dispatcher.addListener(deliveries::add);
        return dispatcher;
    }

    private WebhookReceiver receiver() throws Exception {
        WebhookReceiver r = new WebhookReceiver();
        toClose.add(r);
        return r;
    }

    @Test
    void aDownReceiverIsReportedRetriedAndGetsTheMessageOnceUp() throws Exception {
        int port = freePort();
        channels.set(List.of(channel("ops", "http://127.0.0.1:" + port + "/hook", Severity.WARN, 0, true)));
        dispatcher(10);

        long started = System.nanoTime();
        dispatcher.submit(Samples.one(item("cpu.high", Kind.FIRING, Severity.CRIT)));
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));

        ChannelStatus failing = eventually(() -> dispatcher.status().getFirst(), s -> s.lastError() != null);
        assertThat(failing.lastError()).startsWith("The receiver at 127.0.0.1:" + port + " did not answer (connection refused). Retrying in ")
                .doesNotContain("Exception");
        assertThat(failing.pending()).isEqualTo(1);
        assertThat(failing.nextRetry()).isAfterOrEqualTo(AT);
        assertThat(failing.lastOk()).isNull();

        try (WebhookReceiver up = new WebhookReceiver(port)) {
            JsonNode body = JSON.readTree(up.next(WAIT).body());
            assertThat(body.path("alerts").get(0).path("rule").asText()).isEqualTo("cpu.high");
            ChannelStatus ok = eventually(() -> dispatcher.status().getFirst(), s -> s.lastOk() != null);
            assertThat(ok.lastError()).isNull();
            assertThat(ok.pending()).isZero();
            assertThat(ok.nextRetry()).isNull();
            eventually(deliveries::size, n -> n > 0); // the delivery is recorded just after the status says so
            assertThat(deliveries).singleElement().satisfies(e -> {
                assertThat(e.channel()).isEqualTo("ops");
                assertThat(e.keys()).extracting(k -> k.rule()).containsExactly("cpu.high");
            });
        }
    }

    @Test
    void submitNeverWaitsForAReceiverThatDoesNotAnswer() throws Exception {
        // a socket the kernel accepts connections on but nobody reads from: every request hangs until its timeout
        try (ServerSocket silent = new ServerSocket(0, 50, InetAddress.getLoopbackAddress())) {
            channels.set(List.of(channel("slow", "http://127.0.0.1:" + silent.getLocalPort() + "/hook", Severity.INFO, 0, true)));
            dispatcher(10);

            long started = System.nanoTime();
            for (int i = 0; i < 5; i++) {
                dispatcher.submit(Samples.one(item("r" + i, Kind.FIRING, Severity.WARN)));
            }
            assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofMillis(200));
            ChannelStatus s = eventually(() -> dispatcher.status().getFirst(), st -> st.lastError() != null);
            assertThat(s.lastError()).contains("did not answer within 1 s");
            assertThat(s.pending()).isEqualTo(5);
        }
    }

    @Test
    void aFullQueueDropsTheOldestAndCountsIt() throws Exception {
        int port = freePort();
        channels.set(List.of(channel("ops", "http://127.0.0.1:" + port + "/hook", Severity.WARN, 0, true)));
        dispatcher(3);

        for (int i = 1; i <= 6; i++) {
            dispatcher.submit(new Notification("target-" + i, List.of(item("cpu.high", Kind.FIRING, Severity.CRIT)), AT));
        }

        // the queue fills at once; the first refused attempt is recorded a moment later, on the channel's worker
        ChannelStatus full = eventually(() -> dispatcher.status().getFirst(),
                s -> s.dropped() == 3 && s.pending() == 3 && s.lastError() != null && !s.lastError().isBlank());
        assertThat(full.lastError()).contains("connection refused");
        try (WebhookReceiver up = new WebhookReceiver(port)) {
            for (int i = 4; i <= 6; i++) {
                assertThat(JSON.readTree(up.next(WAIT).body()).path("target").asText()).isEqualTo("target-" + i);
            }
            assertThat(up.poll(Duration.ofMillis(300))).isNull();
        }
        assertThat(dispatcher.status().getFirst().dropped()).isEqualTo(3);
    }

    @Test
    void eachChannelTakesItsSeveritiesResolvedAndUnmutedItems() throws Exception {
        WebhookReceiver critOnly = receiver();
        WebhookReceiver noResolved = receiver();
        channels.set(List.of(channel("crit-only", critOnly.url("/"), Severity.CRIT, 0, true),
                channel("no-resolved", noResolved.url("/"), Severity.WARN, 0, false)));
        mutes.set(List.of(new MuteWindow(1, "billing-prod", "backup.late", AT.minusSeconds(60), AT.plusSeconds(3600), "maintenance", "dba")));
        dispatcher(10);

        dispatcher.submit(new Notification("billing-prod", List.of(
                item("sessions.high", Kind.FIRING, Severity.WARN),
                item("cpu.high", Kind.FIRING, Severity.CRIT),
                item("space.low", Kind.RESOLVED, Severity.CRIT),
                item("backup.late", Kind.FIRING, Severity.CRIT)), AT));

        assertThat(rules(critOnly.next(WAIT))).containsExactly("cpu.high", "space.low");
        assertThat(rules(noResolved.next(WAIT))).containsExactly("sessions.high", "cpu.high");

        // nothing left for crit-only: no message at all; the marker after it is the next thing it sees
        dispatcher.submit(Samples.one(item("sessions.high", Kind.FIRING, Severity.WARN)));
        dispatcher.submit(Samples.one(item("marker", Kind.FIRING, Severity.CRIT)));
        assertThat(rules(critOnly.next(WAIT))).containsExactly("marker");
        assertThat(rules(noResolved.next(WAIT))).containsExactly("sessions.high");
    }

    @Test
    void aChannelThatWasNotToldOfAnAlertIsNotToldItResolvedEither() throws Exception {
        WebhookReceiver critOnly = receiver();
        channels.set(List.of(channel("crit-only", critOnly.url("/"), Severity.CRIT, 0, true)));
        mutes.set(List.of(new MuteWindow(1, "billing-prod", "backup.late", AT.minusSeconds(60), AT.plusSeconds(3600), "maintenance", "dba")));
        dispatcher(10);

        dispatcher.submit(new Notification("billing-prod", List.of(item("sessions.high", Kind.FIRING, Severity.WARN),
                item("backup.late", Kind.FIRING, Severity.CRIT), item("cpu.high", Kind.FIRING, Severity.CRIT)), AT));
        assertThat(rules(critOnly.next(WAIT))).containsExactly("cpu.high");

        mutes.set(List.of()); // the maintenance ended before backup.late resolved
        dispatcher.submit(new Notification("billing-prod", List.of(item("sessions.high", Kind.RESOLVED, Severity.WARN),
                item("backup.late", Kind.RESOLVED, Severity.CRIT), item("cpu.high", Kind.RESOLVED, Severity.CRIT)), AT));
        assertThat(rules(critOnly.next(WAIT))).as("only what it announced resolves there").containsExactly("cpu.high");

        // an alert that escalates into the channel's range is announced, so its resolve goes out too
        dispatcher.submit(Samples.one(item("sessions.high", Kind.FIRING, Severity.WARN)));
        dispatcher.submit(Samples.one(item("sessions.high", Kind.ESCALATED, Severity.CRIT)));
        assertThat(rules(critOnly.next(WAIT))).containsExactly("sessions.high");
        dispatcher.submit(Samples.one(item("sessions.high", Kind.RESOLVED, Severity.CRIT)));
        assertThat(rules(critOnly.next(WAIT))).containsExactly("sessions.high");
    }

    @Test
    void remindersRepeatAfterTheIntervalAndSendWhatWasNeverDelivered() throws Exception {
        WebhookReceiver hook = receiver();
        channels.set(List.of(channel("ops", hook.url("/"), Severity.WARN, 30, true)));
        dispatcher(10);
        RemindItem cpu = new RemindItem(item("cpu.high", Kind.FIRING, Severity.CRIT).key(), "billing-prod", "CPU high", Severity.CRIT,
                97.0, "%", AT, "", null);
        RemindItem space = new RemindItem(item("space.low", Kind.FIRING, Severity.WARN).key(), "billing-prod", "Space low",
                Severity.WARN, 91.0, "%", AT, "", null);

        dispatcher.remind(List.of(cpu, space));
        JsonNode first = JSON.readTree(hook.next(WAIT).body());
        assertThat(first.path("alerts")).extracting(a -> a.path("kind").asText()).containsExactly("FIRING", "FIRING");
        eventually(deliveries::size, n -> n == 1);

        dispatcher.remind(List.of(cpu, space));
        clock.advance(Duration.ofMinutes(29));
        dispatcher.remind(List.of(cpu, space));
        assertThat(hook.poll(Duration.ofMillis(300))).as("nothing before the interval").isNull();

        clock.advance(Duration.ofMinutes(1));
        dispatcher.remind(List.of(cpu, space));
        JsonNode repeat = JSON.readTree(hook.next(WAIT).body());
        assertThat(repeat.path("target").asText()).isEqualTo("billing-prod");
        assertThat(repeat.path("alerts")).extracting(a -> a.path("kind").asText()).containsExactly("REPEAT", "REPEAT");
        assertThat(repeat.path("title").asText()).contains("2 alerts").contains("still firing");
    }

    @Test
    void aRestartRemembersTheStoredLastNotificationAndAMutedAlertIsSentWhenTheMuteEnds() throws Exception {
        WebhookReceiver hook = receiver();
        channels.set(List.of(channel("ops", hook.url("/"), Severity.WARN, 30, true)));
        mutes.set(List.of(new MuteWindow(1, "", "space.low", AT.minusSeconds(60), AT.plusSeconds(600), "", "")));
        dispatcher(10);
        RemindItem told = new RemindItem(item("cpu.high", Kind.FIRING, Severity.CRIT).key(), "billing-prod", "CPU high", Severity.CRIT,
                97.0, "%", AT, "", AT.minus(Duration.ofMinutes(10)));
        RemindItem muted = new RemindItem(item("space.low", Kind.FIRING, Severity.WARN).key(), "billing-prod", "Space low",
                Severity.WARN, 91.0, "%", AT, "", null);

        dispatcher.remind(List.of(told, muted));
        assertThat(hook.poll(Duration.ofMillis(300))).as("told 10 min ago, muted now").isNull();

        clock.advance(Duration.ofMinutes(11));
        dispatcher.remind(List.of(told, muted));
        assertThat(JSON.readTree(hook.next(WAIT).body()).path("alerts"))
                .extracting(a -> a.path("rule").asText() + " " + a.path("kind").asText()).containsExactly("space.low FIRING");

        clock.advance(Duration.ofMinutes(9));
        dispatcher.remind(List.of(told, muted));
        assertThat(JSON.readTree(hook.next(WAIT).body()).path("alerts"))
                .extracting(a -> a.path("rule").asText() + " " + a.path("kind").asText()).containsExactly("cpu.high REPEAT");
    }

    @Test
    void theLastGoodChannelListIsUsedWhileTheStoreIsDown() throws Exception {
        WebhookReceiver hook = receiver();
        AtomicInteger calls = new AtomicInteger();
        List<ChannelDef> list = List.of(channel("ops", hook.url("/"), Severity.WARN, 0, true));
        WebhookSender webhooks = new WebhookSender(en, clock, Duration.ofSeconds(1));
        dispatcher = new Dispatcher(() -> {
            if (calls.incrementAndGet() > 1) {
                throw new IllegalStateException("store down");
            }
            return list;
        }, () -> {
            throw new IllegalStateException("store down");
        }, en, clock, Map.of(ChannelType.WEBHOOK, webhooks), Retries.STANDARD);

        dispatcher.submit(Samples.one(item("first", Kind.FIRING, Severity.CRIT)));
        dispatcher.submit(Samples.one(item("second", Kind.FIRING, Severity.CRIT)));
        assertThat(rules(hook.next(WAIT))).containsExactly("first");
        assertThat(rules(hook.next(WAIT))).containsExactly("second");
    }

    @Test
    void theTestButtonSendsPastMutesAndSaysWhyItFailed() throws Exception {
        WebhookReceiver hook = receiver();
        mutes.set(List.of(new MuteWindow(1, "", "", AT.minusSeconds(60), AT.plusSeconds(600), "", "")));
        dispatcher(10);

        TestResult ok = dispatcher.test(channel("ops", hook.url("/"), Severity.CRIT, 0, false)).get(10, TimeUnit.SECONDS);
        assertThat(ok).isEqualTo(new TestResult(true, "The test message was sent through \u201cops\u201d."));
        JsonNode body = JSON.readTree(hook.next(WAIT).body());
        assertThat(body.path("alerts").get(0).path("kind").asText()).isEqualTo("TEST");
        assertThat(body.path("text").asText()).contains("If you can read this, the channel \u201cops\u201d works.");

        int port = freePort();
        TestResult down = dispatcher.test(channel("ops", "http://127.0.0.1:" + port + "/", Severity.WARN, 0, true)).get(10, TimeUnit.SECONDS);
        assertThat(down.ok()).isFalse();
        assertThat(down.message()).isEqualTo("The receiver at 127.0.0.1:" + port + " did not answer (connection refused).");

        TestResult unsupported = dispatcher.test(channel(ChannelType.EMAIL, "mail:25")).get(10, TimeUnit.SECONDS);
        assertThat(unsupported).isEqualTo(new TestResult(false, "Channels of type EMAIL cannot send from here."));
        assertThat(deliveries).as("tests are not alert deliveries").isEmpty();
    }

    @Test
    void desktopNotificationsGoToTheRegisteredSink() throws Exception {
        java.util.concurrent.BlockingQueue<Notification> shown = new java.util.concurrent.LinkedBlockingQueue<>();
        channels.set(List.of(new ChannelDef(2, "desktop", ChannelType.DESKTOP, "", "", null, "", List.of(), Severity.WARN, 0, true, true)));
        dispatcher = new Dispatcher(channels::get, mutes::get, en, clock, shown::add);

        Notification n = Samples.one(item("cpu.high", Kind.FIRING, Severity.CRIT));
        dispatcher.submit(n);

        assertThat(shown.poll(10, TimeUnit.SECONDS)).isEqualTo(n);
    }

    private static List<String> rules(WebhookReceiver.Request r) throws Exception {
        return JSON.readTree(r.body()).path("alerts").valueStream().map(a -> a.path("rule").asText()).toList();
    }

    private static int freePort() throws Exception {
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            return s.getLocalPort();
        }
    }

    private static <T> T eventually(java.util.function.Supplier<T> read, java.util.function.Predicate<T> done) throws InterruptedException {
        Instant until = Instant.now().plus(WAIT);
        T last = read.get();
        while (!done.test(last)) {
            if (Instant.now().isAfter(until)) {
                throw new AssertionError("still not as expected after " + WAIT + ": " + last);
            }
            Thread.sleep(20);
            last = read.get();
        }
        return last;
    }
}
