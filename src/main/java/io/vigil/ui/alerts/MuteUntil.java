package io.vigil.ui.alerts;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/** The quick choices of how long a mute lasts; CUSTOM takes a date and time typed in. */
public enum MuteUntil {
    ONE_HOUR,
    FOUR_HOURS,
    TONIGHT,
    CUSTOM;

    /** When a maintenance evening usually ends. */
    static final LocalTime EVENING = LocalTime.of(22, 0);

    /** When the mute ends if it starts at {@code now}; null for CUSTOM, which the form works out. */
    Instant ends(Instant now, ZoneId zone) {
        return switch (this) {
            case ONE_HOUR -> now.plus(Duration.ofHours(1));
            case FOUR_HOURS -> now.plus(Duration.ofHours(4));
            case TONIGHT -> tonight(now, zone).toInstant();
            case CUSTOM -> null;
        };
    }

    /** 22:00 today, or tomorrow once today's has passed. */
    static ZonedDateTime tonight(Instant now, ZoneId zone) {
        ZonedDateTime local = now.atZone(zone);
        ZonedDateTime today = local.toLocalDate().atTime(EVENING).atZone(zone);
        return today.isAfter(local) ? today : today.plusDays(1);
    }
}
