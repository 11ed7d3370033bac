package io.vigil.alert.events;

import java.math.BigDecimal;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeParseException;

/**
 * Values of cache columns as the drivers hand them back: a number may be a Long or a DECIMAL(38,8) BigDecimal, a time
 * a Timestamp (H2), a LocalDateTime (Connector/J) or, on some MariaDB setups, text. The cache keeps times as the
 * collector's local wall time (it writes {@link Timestamp}s), so a time without a zone is read in {@code zone}.
 */
final class CachedValues {

    private CachedValues() {
    }

    static long number(Object v) {
        return switch (v) {
            case null -> 0;
            case Number n -> n.longValue();
            default -> new BigDecimal(v.toString().strip()).longValue();
        };
    }

    /** The moment, or null when the value is missing or unreadable. */
    static Instant instant(Object v, ZoneId zone) {
        return switch (v) {
            case null -> null;
            case Timestamp t -> t.toLocalDateTime().atZone(zone).toInstant();
            case LocalDateTime t -> t.atZone(zone).toInstant();
            case OffsetDateTime t -> t.toInstant();
            case ZonedDateTime t -> t.toInstant();
            case Instant t -> t;
            case java.util.Date d -> d.toInstant();
            default -> parse(v.toString().strip(), zone);
        };
    }

    private static Instant parse(String text, ZoneId zone) {
        String iso = text.replace(' ', 'T');
        try {
            return OffsetDateTime.parse(iso).toInstant();
        } catch (DateTimeParseException withoutZone) {
            try {
                return LocalDateTime.parse(iso).atZone(zone).toInstant();
            } catch (DateTimeParseException e) {
                return null;
            }
        }
    }
}
