package io.vigil.ui.tables;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class CellValuesTest {

    @Test
    void numbersSortAsNumbersAndEmptyCellsLast() {
        List<Object> v = new ArrayList<>(Arrays.asList(100L, null, 9L, 10L, -3L));
        v.sort(CellValues.ORDER);
        assertThat(v).containsExactly(-3L, 9L, 10L, 100L, null);
        List<Object> d = new ArrayList<>(List.of(new BigDecimal("10.5"), new BigDecimal("9.25"), new BigDecimal("100")));
        d.sort(CellValues.ORDER);
        assertThat(d).extracting(CellValues::text).containsExactly("9.25", "10.5", "100");
        assertThat(CellValues.ORDER.compare(2.5, 10L)).as("mixed number types").isNegative();
    }

    @Test
    void timesSortAsTimesAndTextIgnoresCase() {
        LocalDateTime early = LocalDateTime.of(2024, 12, 31, 23, 59, 59);
        LocalDateTime late = LocalDateTime.of(2025, 1, 1, 0, 0, 1);
        assertThat(CellValues.ORDER.compare(early, late)).isNegative();
        List<Object> t = new ArrayList<>(List.of("beta", "Alpha", "gamma"));
        t.sort(CellValues.ORDER);
        assertThat(t).containsExactly("Alpha", "beta", "gamma");
    }

    @Test
    void valuesReadPlainly() {
        assertThat(CellValues.text(null)).isEmpty();
        assertThat(CellValues.text(new BigDecimal("12345678901234567890.5"))).isEqualTo("12345678901234567890.5");
        assertThat(CellValues.text(1.0E10)).isEqualTo("10000000000");
        assertThat(CellValues.text(0.25)).isEqualTo("0.25");
        assertThat(CellValues.text(LocalDateTime.of(2024, 3, 1, 10, 15, 30))).isEqualTo("2024-03-01 10:15:30");
        assertThat(CellValues.text(LocalDateTime.of(2024, 3, 1, 10, 15, 30, 250_000_000))).isEqualTo("2024-03-01 10:15:30.250");
    }
}
