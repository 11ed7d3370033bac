package io.vigil.ui.util;

import java.time.Duration;

import io.vigil.i18n.Messages;

/** How old data is, in words a glance understands: "12 s", "4 min", "3 h", "2 d". */
public final class Ages {

    private Ages() {
    }

    public static String format(Duration age, Messages messages) {
        long s = Math.max(0, age.toSeconds());
        if (s < 120) {
            return messages.get("age.seconds", s);
        }
        if (s < 7200) {
            return messages.get("age.minutes", s / 60);
        }
        if (s < 172_800) {
            return messages.get("age.hours", s / 3600);
        }
        return messages.get("age.days", s / 86_400);
    }
}
