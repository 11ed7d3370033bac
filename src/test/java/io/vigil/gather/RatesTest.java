package io.vigil.gather;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Map;
import java.util.TreeMap;

import org.junit.jupiter.api.Test;

import io.vigil.series.SeriesKey;

class RatesTest {

    static final SeriesKey K = new SeriesKey("commits", new TreeMap<>(Map.of("target", "a")));
    static final Instant T = Instant.parse("2026-11-25T10:00:00Z");
    final Rates rates = new Rates();

    @Test
    void aRateNeedsTwoReadingsOfTheSameLife() {
        assertThat(rates.rate(K, 100, T, "boot1")).isEmpty();
        assertThat(rates.rate(K, 250, T.plusSeconds(15), "boot1")).hasValue(10.0);
        assertThat(rates.rate(K, 250, T.plusSeconds(30), "boot1")).hasValue(0.0);
    }

    @Test
    void aCounterThatWentDownGivesNoPointThenResumes() {
        rates.rate(K, 1_000, T, null);
        assertThat(rates.rate(K, 40, T.plusSeconds(15), null)).isEmpty();
        assertThat(rates.rate(K, 70, T.plusSeconds(30), null)).hasValue(2.0);
    }

    @Test
    void aRestartGivesNoPointEvenWhenTheCounterIsAlreadyHigherThanBefore() {
        rates.rate(K, 100, T, "boot1");
        // restarted and already past 100 again: without the marker this would be a false 50/15 per second
        assertThat(rates.rate(K, 150, T.plusSeconds(15), "boot2")).isEmpty();
        assertThat(rates.rate(K, 180, T.plusSeconds(30), "boot2")).hasValue(2.0);
    }

    @Test
    void anInstanceStartDerivedFromUptimeMayWobbleBySeconds() {
        rates.rate(K, 100, T, Instant.parse("2026-11-01T00:00:00Z"));
        assertThat(rates.rate(K, 130, T.plusSeconds(15), Instant.parse("2026-11-01T00:00:01Z"))).hasValue(2.0);
        assertThat(rates.rate(K, 160, T.plusSeconds(30), Instant.parse("2026-11-25T09:59:50Z"))).as("a real restart").isEmpty();
    }

    @Test
    void theSameOrAnEarlierTimeGivesNoPoint() {
        rates.rate(K, 100, T, null);
        assertThat(rates.rate(K, 130, T, null)).isEmpty();
        assertThat(rates.rate(K, 160, T.minusSeconds(5), null)).isEmpty();
    }
}
