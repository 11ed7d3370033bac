package io.vigil.config;

import java.util.Objects;

/**
 * A kind of space a pack can forecast (tablespaces, the recovery area, disk groups, databases): the metric of the space
 * used and the metric of what it can grow to, read from the pack's {@code spaces:} list.
 *
 * @param key      what it is, also the message key of its name: {@code tablespace}, {@code fra}, {@code diskgroup}, {@code database}
 * @param used     the metric of the space used, in bytes
 * @param capacity the metric of the size it can grow to, with the same labels; null when unknown (growth only)
 * @param label    the label naming one space (a tablespace's name); null when the target has one
 */
public record Space(String key, String used, String capacity, String label) {

    public Space {
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(used, "used");
        capacity = capacity == null || capacity.isBlank() ? null : capacity;
        label = label == null || label.isBlank() ? null : label;
    }

    /** Whether days until full can be told (a capacity is known), not only the growth. */
    public boolean hasCapacity() {
        return capacity != null;
    }
}
