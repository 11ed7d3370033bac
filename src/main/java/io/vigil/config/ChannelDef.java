package io.vigil.config;

import java.util.List;
import java.util.Objects;

/**
 * A notification channel and its policy.
 *
 * @param id            store identity; 0 for a channel not saved yet
 * @param name          unique, e.g. "DBA on-call mail"
 * @param type          where it sends
 * @param endpoint      the webhook URL, or the SMTP server as {@code host:port}; empty for DESKTOP
 * @param user          the SMTP login (empty = no login)
 * @param secret        the SMTP password, or a DingTalk robot's signing secret; encrypted at rest, never exported unless asked
 * @param sender        the mail's From address
 * @param recipients    mail addresses (EMAIL); for chat robots, people to mention
 * @param minSeverity   the mildest alert it carries
 * @param repeatMinutes how often a still-firing alert is sent again; 0 = never
 * @param sendResolved  whether it also says when an alert is resolved
 * @param enabled       whether it sends at all
 */
public record ChannelDef(
        long id,
        String name,
        ChannelType type,
        String endpoint,
        String user,
        Secret secret,
        String sender,
        List<String> recipients,
        Severity minSeverity,
        int repeatMinutes,
        boolean sendResolved,
        boolean enabled) {

    public ChannelDef {
        Objects.requireNonNull(type, "type");
        name = name == null ? "" : name.strip();
        endpoint = endpoint == null ? "" : endpoint.strip();
        user = user == null ? "" : user.strip();
        secret = secret == null ? Secret.empty() : secret;
        sender = sender == null ? "" : sender.strip();
        recipients = recipients == null ? List.of() : recipients.stream().map(String::strip).filter(r -> !r.isEmpty()).toList();
        minSeverity = minSeverity == null ? Severity.WARN : minSeverity;
    }

    public ChannelDef withId(long newId) {
        return new ChannelDef(newId, name, type, endpoint, user, secret, sender, recipients, minSeverity, repeatMinutes, sendResolved,
                enabled);
    }
}
