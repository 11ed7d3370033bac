package io.vigil.series;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.Test;

class LineProtocolTest {

    @Test
    void escapesMeasurementsAndTagsAndSkipsEmptyTagsAndNonNumbers() {
        Instant t = Instant.ofEpochMilli(1_700_000_000_000L);
        String lines = LineProtocol.format(List.of(
                Point.of("os load", Map.of("target", "prod db", "ts", "A,B=C", "empty", ""), t, 1.5),
                Point.of("x", Map.of(), t, Double.NaN),
                Point.of("big", Map.of(), t, 1e20)));
        assertThat(lines).isEqualTo("os\\ load,target=prod\\ db,ts=A\\,B\\=C value=1.5 1700000000000\n"
                + "big value=1.0E20 1700000000000\n");
    }
}
