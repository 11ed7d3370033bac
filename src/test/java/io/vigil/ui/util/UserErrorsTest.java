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
}
