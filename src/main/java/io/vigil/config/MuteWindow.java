package io.vigil.config;

import java.time.Instant;
import java.util.Objects;

/**
 * A time when notifications are held back (maintenance): "mute billing-prod until 22:00". Alerts still change state and
 * show in the console; only sending is muted.
 *
 * @param id         store identity; 0 for one not saved yet
 * @param targetName the target it mutes; empty = every target
 * @param ruleName   the rule it mutes; empty = every rule
 * @param starts     from when
 * @param ends       until when
 * @param reason     why, shown beside muted alerts
 * @param createdBy  who muted
 */
public record MuteWindow(long id, String targetName, String ruleName, Instant starts, Instant ends, String reason, String createdBy) {

    public MuteWindow {
        Objects.requireNonNull(starts, "starts");
        Objects.requireNonNull(ends, "ends");
        targetName = targetName == null ? "" : targetName.strip();
        ruleName = ruleName == null ? "" : ruleName.strip();
        reason = reason == null ? "" : reason.strip();
        createdBy = createdBy == null ? "" : createdBy.strip();
    }

    /** Whether it mutes an alert of this rule on this target at {@code now}. */
    public boolean mutes(String target, String rule, Instant now) {
        return !now.isBefore(starts) && now.isBefore(ends)
                && (targetName.isEmpty() || targetName.equalsIgnoreCase(target))
                && (ruleName.isEmpty() || ruleName.equals(rule));
    }
}
