package io.vigil.gather;

import java.util.SortedMap;

/** One value a metric's SQL returned, with the label columns of its row (e.g. tablespace = USERS). */
public record PickedValue(SortedMap<String, String> labels, double value) {
}
