package io.vigil.alert.notify;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Properties;

import javax.net.ssl.SSLSocketFactory;

import org.eclipse.angus.mail.smtp.SMTPTransport;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.alert.notify.Notifications.Rendered;
import io.vigil.config.ChannelDef;
import io.vigil.i18n.Messages;
import jakarta.mail.AuthenticationFailedException;
import jakarta.mail.Message;
import jakarta.mail.MessagingException;
import jakarta.mail.Session;
import jakarta.mail.Transport;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import jakarta.mail.internet.MimeMessage;

/**
 * Sends notifications as e-mail over SMTP: STARTTLS whenever the server offers it, and required before a password is
 * sent; login when the channel has a user; port 465 speaks TLS from the first byte.
 */
public final class MailSender implements Sender {

    private static final Logger LOG = LoggerFactory.getLogger(MailSender.class);
    private static final int SMTPS_PORT = 465;

    private final Messages messages;
    private final Duration timeout;
    private final SSLSocketFactory tlsSockets;

    /** A sender with 10 s timeouts that trusts the certificates the JDK trusts. */
    public MailSender(Messages messages) {
        this(messages, Duration.ofSeconds(10), null);
    }

    /**
     * A sender whose TLS connections come from {@code tlsSockets} (a company CA's trust store), or the JDK's default
     * when null. Server names are checked against the certificate either way.
     */
    public MailSender(Messages messages, Duration timeout, SSLSocketFactory tlsSockets) {
        this.messages = messages;
        this.timeout = timeout;
        this.tlsSockets = tlsSockets;
    }

    @Override
    public void send(ChannelDef channel, Notification n) throws ChannelException {
        SmtpAddress server = SmtpAddress.parse(channel.endpoint());
        boolean login = !channel.user().isEmpty();
        Session session = Session.getInstance(properties(server, login));
        MimeMessage mail = message(session, channel, Notifications.render(n, messages), n);
        Transport transport = null;
        try {
            transport = session.getTransport("smtp");
            transport.connect(server.host(), server.port(), login ? channel.user() : null, login ? channel.secret().reveal() : null);
            transport.sendMessage(mail, mail.getAllRecipients());
            LOG.debug("Channel {} mailed {} alert(s) about {} via {}", channel.name(), n.items().size(), n.targetName(), server);
        } catch (MessagingException e) {
            throw failure(e, transport, server, channel, login);
        } finally {
            closeQuietly(transport);
        }
    }

    private Properties properties(SmtpAddress server, boolean login) {
        Properties p = new Properties();
        String ms = String.valueOf(timeout.toMillis());
        p.put("mail.smtp.connectiontimeout", ms);
        p.put("mail.smtp.timeout", ms);
        p.put("mail.smtp.writetimeout", ms);
        p.put("mail.smtp.auth", String.valueOf(login));
        p.put("mail.smtp.ssl.checkserveridentity", "true");
        if (server.port() == SMTPS_PORT) {
            p.put("mail.smtp.ssl.enable", "true");
        } else {
            p.put("mail.smtp.starttls.enable", "true");
            // a password never crosses the network in clear text
            p.put("mail.smtp.starttls.required", String.valueOf(login));
        }
        if (tlsSockets != null) {
            p.put("mail.smtp.ssl.socketFactory", tlsSockets);
        }
        return p;
    }

    private static MimeMessage message(Session session, ChannelDef channel, Rendered text, Notification n) throws ChannelException {
        if (channel.sender().isEmpty()) {
            throw ChannelException.permanent("notify.error.noSender");
        }
        if (channel.recipients().isEmpty()) {
            throw ChannelException.permanent("notify.error.noRecipients");
        }
        MimeMessage mail = new MimeMessage(session);
        String current = channel.sender();
        try {
            mail.setFrom(new InternetAddress(current, true));
            List<InternetAddress> to = new ArrayList<>();
            for (String r : channel.recipients()) {
                current = r;
                to.add(new InternetAddress(r, true));
            }
            mail.setRecipients(Message.RecipientType.TO, to.toArray(InternetAddress[]::new));
            mail.setSubject(text.subject(), StandardCharsets.UTF_8.name());
            mail.setText(text.plain(), StandardCharsets.UTF_8.name());
            mail.setSentDate(Date.from(n.at()));
            return mail;
        } catch (AddressException e) {
            throw ChannelException.permanent("notify.error.mailAddress", current);
        } catch (MessagingException e) {
            throw new IllegalStateException("a new MimeMessage takes headers", e);
        }
    }

    // Decided on the exception's type and the SMTP conversation's state, never on the text of a message.
    private ChannelException failure(MessagingException e, Transport transport, SmtpAddress server, ChannelDef channel,
                                            boolean login) {
        IOException io = ioCause(e);
        if (io != null) {
            return ChannelException.of(io, server.toString(), (int) timeout.toSeconds());
        }
        if (e instanceof AuthenticationFailedException) {
            return ChannelException.permanent("notify.error.mailAuth", server.toString(), channel.user());
        }
        if (transport instanceof SMTPTransport smtp) {
            int code = smtp.getLastReturnCode();
            if (login && !smtp.supportsExtension("STARTTLS") && code < 400) {
                return ChannelException.permanent("notify.error.mailTls", server.toString());
            }
            if (code >= 400) {
                String said = smtp.getLastServerResponse() == null ? String.valueOf(code) : smtp.getLastServerResponse().strip();
                return code < 500
                        ? ChannelException.transientFault("notify.error.mailRejected", server.toString(), said)
                        : ChannelException.permanent("notify.error.mailRejected", server.toString(), said);
            }
        }
        LOG.warn("Channel {}: mail to {} failed", channel.name(), server, e);
        return ChannelException.transientFault("notify.error.unexpected");
    }

    private static IOException ioCause(Throwable e) {
        // MessagingException chains its next exception as its cause
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof IOException io) {
                return io;
            }
        }
        return null;
    }

    private static void closeQuietly(Transport transport) {
        if (transport != null) {
            try {
                transport.close();
            } catch (MessagingException e) {
                LOG.debug("closing the SMTP connection failed after sending", e);
            }
        }
    }
}
