package io.vigil.ui.util;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.vigil.i18n.Messages;

class UserErrorsTest {

    @Test
    void aFailureWithoutAMessageNeverShowsItsClassName() {
        for (Locale locale : new Locale[] {Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE}) {
            String shown = UserErrors.describe(new IllegalStateException(), new Messages(locale));
            assertThat(shown).isNotBlank().doesNotContain("IllegalStateException").doesNotContain("java.");
        }
    }

    @Test
    void onlyTheFirstLineOfAMessageIsShown() {
        String shown = UserErrors.describe(new RuntimeException("first line\n\tat some.Frame(Frame.java:1)"), new Messages(Locale.ENGLISH));
        assertThat(shown).contains("first line").doesNotContain("Frame.java");
    }

    @Test
    void aCacheFailureIsShownInItsOwnWordsInTheReadersLanguage() {
        io.vigil.mirror.CacheException e = new io.vigil.mirror.CacheException(io.vigil.i18n.Reason.of("reason.cache.browse", "ora_lock",
                "H2 /srv/vigil/cache", io.vigil.i18n.Reason.of("reason.text", "Table not found")), "English for the log", null);
        assertThat(UserErrors.describe(e, new Messages(Locale.ENGLISH))).isEqualTo("Reading the cache table ora_lock of H2 /srv/vigil/cache failed: Table not found");
        assertThat(UserErrors.describe(e, new Messages(Locale.SIMPLIFIED_CHINESE))).startsWith("读取缓存库").doesNotContain("English for the log");
    }
}
