package io.vigil.ui.channels;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.ChannelDef;
import io.vigil.config.ChannelType;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.SecretBox;
import io.vigil.config.Severity;
import io.vigil.config.StoreLocation;
import io.vigil.i18n.Messages;
import io.vigil.ui.util.DirectTaskExecutor;

class ChannelFormViewModelTest {

    static final Instant NOW = Instant.parse("2026-12-05T10:00:00Z");

    @TempDir
    Path home;
    ConfigStore store;
    final Messages messages = new Messages(Locale.ENGLISH);
    final List<ChannelDef> tested = new ArrayList<>();
    final List<String> status = new ArrayList<>();
    List<ChannelStatusRow> deliveries = List.of();
    String answer = "";
    ChannelsViewModel model;

    @BeforeEach
    void open() {
        AppDirs dirs = new AppDirs(home);
        store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
        ChannelTester fake = ch -> {
            tested.add(ch);
            return CompletableFuture.completedFuture(answer);
        };
        model = new ChannelsViewModel(store, fake, () -> deliveries, new DirectTaskExecutor(), messages, Clock.fixed(NOW, ZoneOffset.UTC),
                status::add);
        model.reload();
    }

    @AfterEach
    void close() {
        store.close();
    }

    ChannelDef stored(String name) {
        return store.channels().stream().filter(c -> c.name().equals(name)).findFirst().orElseThrow();
    }

    static void mail(ChannelFormViewModel f) {
        f.nameProperty().set("DBA on-call");
        f.typeProperty().set(ChannelType.EMAIL);
        f.endpointProperty().set("smtp.example.com:587");
        f.userProperty().set("vigil");
        f.secretProperty().set("s3cret");
        f.senderProperty().set("vigil@example.com");
        f.recipientsProperty().set("dba@example.com,\noncall@example.com");
    }

    @Test
    void aMailChannelIsValidatedFieldByFieldAndSaved() {
        ChannelFormViewModel f = model.newForm();
        mail(f);
        assertThat(f.validProperty().get()).isTrue();
        f.endpointProperty().set("smtp.example.com:abc");
        assertThat(f.problemProperty("endpoint").get()).isEqualTo("Write the mail server as host:port, e.g. smtp.example.com:587.");
        f.endpointProperty().set("bad host:25");
        assertThat(f.problemProperty("endpoint").get()).as("the host's problem shows at the endpoint").contains("not a valid host name");
        f.endpointProperty().set("smtp.example.com:65536");
        assertThat(f.problemProperty("endpoint").get()).isEqualTo("The port must be between 1 and 65535 (it is 65536).");
        f.endpointProperty().set("smtp.example.com:587");
        f.senderProperty().set("vigil@example..com");
        assertThat(f.problemProperty("sender").get()).isEqualTo("\u201cvigil@example..com\u201d is not an e-mail address.");
        f.senderProperty().set("vigil@example.com");
        f.userProperty().set("u".repeat(256));
        assertThat(f.problemProperty("user").get()).isEqualTo("At most 255 characters fit here (this has 256).");
        f.userProperty().set("vigil");
        f.recipientsProperty().set("dba@example.com, nobody");
        assertThat(f.problemProperty("recipients").get()).isEqualTo("\u201cnobody\u201d is not an e-mail address.");
        assertThat(f.validProperty().get()).isFalse();
        f.recipientsProperty().set("dba@example.com; oncall@example.com");
        f.repeatProperty().set("30");
        f.minSeverityProperty().set(Severity.CRIT);
        f.save(model::saved);

        ChannelDef saved = stored("DBA on-call");
        assertThat(saved.recipients()).containsExactly("dba@example.com", "oncall@example.com");
        assertThat(saved.secret().reveal()).isEqualTo("s3cret");
        assertThat(saved.repeatMinutes()).isEqualTo(30);
        assertThat(saved.minSeverity()).isEqualTo(Severity.CRIT);
        assertThat(model.rows()).extracting(r -> r.channel().name()).containsExactly("DBA on-call");
    }

    @Test
    void aStoredSecretIsNeverShownAndIsKeptUnlessSomethingIsTyped() {
        ChannelFormViewModel f = model.newForm();
        mail(f);
        f.save(model::saved);
        ChannelFormViewModel edit = model.editForm(stored("DBA on-call"));
        assertThat(edit.secretProperty().get()).isEmpty();
        assertThat(edit.hasStoredSecret()).isTrue();
        edit.repeatProperty().set("15");
        edit.save(model::saved);
        assertThat(stored("DBA on-call").secret().reveal()).as("kept").isEqualTo("s3cret");

        ChannelFormViewModel replace = model.editForm(stored("DBA on-call"));
        replace.secretProperty().set("n3w");
        replace.save(model::saved);
        assertThat(stored("DBA on-call").secret().reveal()).isEqualTo("n3w");
        assertThat(stored("DBA on-call").repeatMinutes()).isEqualTo(15);
    }

    @Test
    void eachTypeKeepsOnlyTheFieldsItUses() {
        ChannelFormViewModel f = model.newForm();
        mail(f);
        f.typeProperty().set(ChannelType.DINGTALK);
        f.endpointProperty().set("https://oapi.dingtalk.com/robot/send?access_token=abc");
        ChannelDef robot = f.toChannel();
        assertThat(robot.user()).isEmpty();
        assertThat(robot.recipients()).isEmpty();
        assertThat(robot.secret().reveal()).as("DingTalk signs with a secret").isEqualTo("s3cret");
        f.typeProperty().set(ChannelType.SLACK);
        assertThat(f.toChannel().secret().isEmpty()).isTrue();
        f.endpointProperty().set("hooks.slack.com/x");
        assertThat(f.problemProperty("endpoint").get()).startsWith("Give the webhook's address");
        for (String bad : List.of("https://hooks.slack.com/a b", "https://exa mple.com/x", "https://hooks.slack.com:99999/x", "https://x..y/",
                "https://hooks.slack.com/\u0000")) {
            f.endpointProperty().set(bad);
            assertThat(f.problemProperty("endpoint").get()).as(bad).startsWith("This is not a web address");
        }
        f.endpointProperty().set("https://hooks.slack.com:8443/services/T0/B0?x=1#top");
        assertThat(f.problemProperty("endpoint").get()).isEmpty();
        f.typeProperty().set(ChannelType.DESKTOP);
        assertThat(f.validProperty().get()).isTrue();
        assertThat(f.toChannel().endpoint()).isEmpty();
        assertThat(ChannelFormViewModel.uses(ChannelType.DESKTOP, "endpoint")).isFalse();
        assertThat(ChannelFormViewModel.uses(ChannelType.EMAIL, "sender")).isTrue();
        f.repeatProperty().set("-5");
        assertThat(f.problemProperty("repeatMinutes").get()).isEqualTo("Repeat every 0 (never) to 10080 minutes (a week).");
        f.repeatProperty().set("10081");
        assertThat(f.problemProperty("repeatMinutes").get()).isEqualTo("Repeat every 0 (never) to 10080 minutes (a week).");
        f.repeatProperty().set("1h");
        assertThat(f.problemProperty("repeatMinutes").get()).isEqualTo("Write a whole number (\u201c1h\u201d is not one).");
    }

    @Test
    void aNameTakenIsRefused() {
        ChannelFormViewModel f = model.newForm();
        mail(f);
        f.save(model::saved);
        ChannelFormViewModel again = model.newForm();
        mail(again);
        assertThat(again.problemProperty("name").get()).isEqualTo("A channel named \u201cDBA on-call\u201d already exists.");
        assertThat(again.validProperty().get()).isFalse();
    }

    @Test
    void sendTestShowsOkOrTheTestersReasonNextToTheButton() {
        ChannelFormViewModel f = model.newForm();
        mail(f);
        f.save(model::saved);
        ChannelRow row = model.rows().getFirst();
        model.test(row);
        assertThat(tested).extracting(ChannelDef::name).containsExactly("DBA on-call");
        assertThat(row.testOkProperty().get()).isTrue();
        assertThat(row.testResultProperty().get()).isEqualTo("Sent: look for the test message from \u201cDBA on-call\u201d.");
        assertThat(row.testingProperty().get()).isFalse();

        answer = "535 Authentication failed";
        model.test(row);
        assertThat(row.testOkProperty().get()).isFalse();
        assertThat(row.testResultProperty().get()).isEqualTo("535 Authentication failed");

        answer = null;
        ChannelFormViewModel unsaved = model.newForm();
        unsaved.nameProperty().set("desk");
        unsaved.typeProperty().set(ChannelType.DESKTOP);
        unsaved.test();
        assertThat(unsaved.testOkProperty().get()).as("null means sent").isTrue();
        assertThat(tested.getLast().id()).as("an unsaved channel can be tried").isZero();
    }

    @Test
    void aTesterThatFailsOrTheDefaultThatCannotSendAnswersInWords() {
        ChannelsViewModel failing = new ChannelsViewModel(store, ch -> CompletableFuture.failedFuture(new IllegalStateException("no route")),
                List::of, new DirectTaskExecutor(), messages, Clock.systemUTC(), status::add);
        ChannelFormViewModel f = failing.newForm();
        mail(f);
        f.test();
        assertThat(f.testOkProperty().get()).isFalse();
        assertThat(f.testResultProperty().get()).contains("no route").doesNotContain("IllegalStateException");

        ChannelsViewModel unavailable = new ChannelsViewModel(store, ChannelTester.unavailable(messages.get("channels.test.unavailable")),
                List::of, new DirectTaskExecutor(), messages, Clock.systemUTC(), status::add);
        ChannelFormViewModel g = unavailable.newForm();
        mail(g);
        g.test();
        assertThat(g.testResultProperty().get()).startsWith("Sending is not available in this console yet");
    }

    @Test
    void lastDeliveriesComeFromTheHookAndAChannelIsSwitchedOffAndDeleted() {
        ChannelFormViewModel f = model.newForm();
        mail(f);
        f.save(model::saved);
        ChannelRow row = model.rows().getFirst();
        deliveries = List.of(new ChannelStatusRow("DBA on-call", NOW.minusSeconds(180), "421 try later", 2));
        model.refreshDeliveries();
        assertThat(row.deliveryProperty().get()).isEqualTo("sent 3 min ago \u00b7 failed: 421 try later \u00b7 2 waiting");
        assertThat(row.deliveryFailedProperty().get()).isTrue();
        deliveries = List.of(new ChannelStatusRow("DBA on-call", NOW.minusSeconds(60), "", 0, 4));
        model.refreshDeliveries();
        assertThat(row.deliveryProperty().get()).as("nothing given up goes unsaid")
                .isEqualTo("sent 60 s ago \u00b7 4 given up (the queue was full while the receiver failed)");
        assertThat(row.deliveryFailedProperty().get()).isTrue();
        deliveries = List.of();
        model.refreshDeliveries();
        assertThat(row.deliveryProperty().get()).isEmpty();

        model.setEnabled(row, false);
        assertThat(stored("DBA on-call").enabled()).isFalse();
        assertThat(row.channel().enabled()).isFalse();
        assertThat(row.channel().secret().reveal()).as("switching off keeps the secret").isEqualTo("s3cret");
        model.delete(row.channel());
        assertThat(store.channels()).isEmpty();
        assertThat(model.rows()).isEmpty();
    }

    @Test
    void theIgnoreListIsOneEntryALineAndSaved() {
        model.ignoresProperty().set("ORA-01555\n\n  ORA-00060  \nORA-01555\nCheckpoint not complete");
        model.saveIgnores();
        assertThat(store.eventIgnores()).containsExactly("ORA-01555", "ORA-00060", "Checkpoint not complete");
        assertThat(model.ignoresProperty().get()).isEqualTo("ORA-01555\nORA-00060\nCheckpoint not complete");
        assertThat(model.ignoresResultProperty().get()).isEqualTo("Saved: 3 entries.");
        model.ignoresProperty().set("ORA-01555");
        assertThat(model.ignoresResultProperty().get()).as("an edit clears the old answer").isEmpty();
        ChannelsViewModel again = new ChannelsViewModel(store, ChannelTester.unavailable("x"), List::of, new DirectTaskExecutor(), messages,
                Clock.systemUTC(), status::add);
        again.reload();
        assertThat(again.ignoresProperty().get()).isEqualTo("ORA-01555\nORA-00060\nCheckpoint not complete");
    }
}
