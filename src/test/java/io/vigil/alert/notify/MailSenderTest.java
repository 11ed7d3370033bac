package io.vigil.alert.notify;

import static io.vigil.alert.notify.Samples.one;
import static io.vigil.alert.notify.Samples.tablespace;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.subethamail.smtp.AuthenticationHandler;
import org.subethamail.smtp.MessageContext;
import org.subethamail.smtp.MessageHandler;
import org.subethamail.smtp.auth.EasyAuthenticationHandlerFactory;
import org.subethamail.smtp.auth.LoginFailedException;
import org.subethamail.smtp.server.SMTPServer;

import io.vigil.config.ChannelDef;
import io.vigil.config.ChannelType;
import io.vigil.config.Secret;
import io.vigil.config.Severity;
import io.vigil.i18n.Messages;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.internet.MimeMessage;

/** The mail channel against a real SMTP server on loopback that requires STARTTLS and a login before it takes mail. */
class MailSenderTest {

    private static TestTls tls;

    private final BlockingQueue<Arrived> inbox = new LinkedBlockingQueue<>();
    private final Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);
    private final Messages en = new Messages(Locale.ENGLISH);
    private SMTPServer server;

    record Arrived(String from, List<String> to, Object user, MimeMessage mail) {
    }

    @BeforeAll
    static void certificate(@TempDir Path dir) throws Exception {
        tls = TestTls.create(dir);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.stop();
        }
    }

    @Test
    void mailGoesOverStartTlsWithLoginAndArrivesInChinese() throws Exception {
        start(true);
        MailSender sender = new MailSender(zh, Duration.ofSeconds(5), tls.client.getSocketFactory());

        sender.send(channel("vigil", "s3cret", List.of("dba@example.com", "oncall@example.com")), one(tablespace()));

        Arrived first = next();
        assertThat(first.to()).containsExactlyInAnyOrder("dba@example.com", "oncall@example.com");
        assertThat(first.from()).isEqualTo("vigil@example.com");
        assertThat(first.user()).as("the login the server accepted").isEqualTo("vigil");
        MimeMessage mail = first.mail();
        assertThat(mail.getSubject()).isEqualTo("[严重] billing-prod：表空间将满（tablespace_name=USERS） – 告警中");
        assertThat(mail.getContentType()).containsIgnoringCase("charset=UTF-8");
        assertThat((String) mail.getContent()).contains("USERS 已用 93%，剩余 2 GB").contains("值 93.25 %");
    }

    @Test
    void aWrongPasswordIsSaidAsARefusedLogin() throws Exception {
        start(true);
        MailSender sender = new MailSender(en, Duration.ofSeconds(5), tls.client.getSocketFactory());

        assertThatThrownBy(() -> sender.send(channel("vigil", "wrong", List.of("dba@example.com")), one(tablespace())))
                .asInstanceOf(type(ChannelException.class))
                .satisfies(e -> assertThat(e.describe(en))
                        .isEqualTo("The mail server 127.0.0.1:" + server.getPortAllocated() + " refused the login of vigil: check the user and password."));
        assertThat(inbox).isEmpty();
    }

    @Test
    void aPasswordIsNeverSentToAServerWithoutStartTls() throws Exception {
        start(false);
        MailSender sender = new MailSender(en, Duration.ofSeconds(5), tls.client.getSocketFactory());

        assertThatThrownBy(() -> sender.send(channel("vigil", "s3cret", List.of("dba@example.com")), one(tablespace())))
                .asInstanceOf(type(ChannelException.class))
                .satisfies(e -> assertThat(e.describe(en)).contains("offers no secure connection (STARTTLS)"));
        assertThat(inbox).isEmpty();
    }

    @Test
    void anUntrustedCertificateIsRefusedByDefault() throws Exception {
        start(true);
        MailSender sender = new MailSender(en);

        assertThatThrownBy(() -> sender.send(channel("vigil", "s3cret", List.of("dba@example.com")), one(tablespace())))
                .asInstanceOf(type(ChannelException.class))
                .satisfies(e -> assertThat(e.describe(en)).contains("certificate is not trusted"));
        assertThat(inbox).isEmpty();
    }

    @Test
    void aBadRecipientIsNamed() {
        MailSender sender = new MailSender(en);
        assertThatThrownBy(() -> sender.send(channel("", "", List.of("not an address")), one(tablespace())))
                .asInstanceOf(type(ChannelException.class))
                .satisfies(e -> assertThat(e.describe(en)).isEqualTo("\u201cnot an address\u201d is not a valid mail address."));
    }

    private void start(boolean offerTls) {
        server = SMTPServer.port(0)
                .bindAddress(InetAddress.getLoopbackAddress())
                .hostName("localhost")
                .enableTLS(offerTls)
                .requireTLS(offerTls)
                .requireAuth()
                .authenticationHandlerFactory(new EasyAuthenticationHandlerFactory((user, password, context) -> {
                    if (!"vigil".equals(user) || !"s3cret".equals(password)) {
                        throw new LoginFailedException();
                    }
                }))
                .startTlsSocketFactory(tls.server)
                .messageHandlerFactory(context -> new Inbox(context, inbox))
                .build();
        server.start();
    }

    /** Keeps each mail whole, with all its recipients and the login it came with. */
    private static final class Inbox implements MessageHandler {
        private final MessageContext context;
        private final BlockingQueue<Arrived> inbox;
        private final List<String> to = new ArrayList<>();
        private String from;

        Inbox(MessageContext context, BlockingQueue<Arrived> inbox) {
            this.context = context;
            this.inbox = inbox;
        }

        @Override
        public void from(String sender) {
            from = sender;
        }

        @Override
        public void recipient(String recipient) {
            to.add(recipient);
        }

        @Override
        public String data(InputStream data) throws IOException {
            Object user = context.getAuthenticationHandler().map(AuthenticationHandler::getIdentity).orElse(null);
            try {
                inbox.add(new Arrived(from, List.copyOf(to), user, new MimeMessage(Session.getInstance(new Properties()), data)));
            } catch (MessagingException e) {
                throw new IOException(e);
            }
            return null;
        }

        @Override
        public void done() {
            // everything was kept in data()
        }
    }

    private ChannelDef channel(String user, String password, List<String> to) {
        String endpoint = server == null ? "127.0.0.1:25" : "127.0.0.1:" + server.getPortAllocated();
        return new ChannelDef(1, "mail", ChannelType.EMAIL, endpoint, user, Secret.of(password), "vigil@example.com", to,
                Severity.WARN, 0, true, true);
    }

    private Arrived next() throws InterruptedException {
        Arrived a = inbox.poll(10, TimeUnit.SECONDS);
        assertThat(a).as("a mail arrived").isNotNull();
        return a;
    }
}
