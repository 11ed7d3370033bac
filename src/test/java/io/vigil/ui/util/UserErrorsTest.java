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

    @Test
    void aSeriesStoreThatDoesNotAnswerIsSaidFromTheErrorsType() throws Exception {
        int port;
        try (java.net.ServerSocket s = new java.net.ServerSocket(0, 1, java.net.InetAddress.getLoopbackAddress())) {
            port = s.getLocalPort();
        }
        try (io.vigil.series.InfluxSeriesStore store = io.vigil.series.InfluxSeriesStore.v1("http://127.0.0.1:" + port, "vigil", "",
                io.vigil.config.Secret.empty())) {
            RuntimeException e = org.assertj.core.api.Assertions.catchRuntimeException(() -> store.query(new io.vigil.series.RangeQuery("m",
                    java.util.Map.of(), java.time.Instant.EPOCH, java.time.Instant.EPOCH.plusSeconds(3600), 100)));
            assertThat(UserErrors.describe(e, new Messages(Locale.ENGLISH))).isEqualTo("InfluxDB at http://127.0.0.1:" + port
                    + " did not answer: nothing listens at that host and port (the connection was refused). Check that it is running and reachable.");
            assertThat(UserErrors.describe(e, new Messages(Locale.SIMPLIFIED_CHINESE))).contains("InfluxDB").doesNotContain("ConnectException",
                    "refused");
        }
    }
}
