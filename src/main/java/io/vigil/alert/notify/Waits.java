package io.vigil.alert.notify;

import java.time.Duration;

import io.vigil.i18n.Messages;

/** A wait in the words the console uses for ages ("40 s", "10 min"), for "Retrying in …". */
final class Waits {

    private Waits() {
    }

    static String format(Duration wait, Messages messages) {
        long s = Math.max(1, (wait.toMillis() + 999) / 1000);
        if (s < 120) {
            return messages.get("age.seconds", s);
        }
        if (s < 7200) {
            return messages.get("age.minutes", s / 60);
        }
        return messages.get("age.hours", s / 3600);
    }
}
