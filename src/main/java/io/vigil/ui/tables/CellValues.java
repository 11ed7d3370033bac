package io.vigil.ui.tables;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Comparator;

/**
 * How cached values read and sort: numbers as plain digits (no grouping, no exponent) that sort as numbers, times as
 * {@code yyyy-MM-dd HH:mm:ss} (milliseconds when there are some) that sort as times. The CSV export writes the same text.
 */
public final class CellValues {

    private static final DateTimeFormatter SECONDS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final DateTimeFormatter MILLIS = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss.SSS");

    /** Ascending order for one column: numbers by value, times by time, text ignoring case; empty cells last. */
    public static final Comparator<Object> ORDER = CellValues::compare;

    private CellValues() {
    }

    public static String text(Object v) {
        return switch (v) {
            case null -> "";
            case BigDecimal d -> d.toPlainString();
            case Double d -> d.isNaN() || d.isInfinite() ? d.toString() : plain(BigDecimal.valueOf(d));
            case Float f -> text(f.doubleValue());
            case LocalDateTime t -> (t.getNano() / 1_000_000 == 0 ? SECONDS : MILLIS).format(t);
            case Instant i -> text(LocalDateTime.ofInstant(i, ZoneId.systemDefault()));
            default -> v.toString();
        };
    }

    private static String plain(BigDecimal d) {
        BigDecimal s = d.stripTrailingZeros();
        return (s.scale() < 0 ? s.setScale(0) : s).toPlainString();
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    static int compare(Object a, Object b) {
        if (a == null || b == null) {
            return a == null ? (b == null ? 0 : 1) : -1;
        }
        if (a instanceof Number x && b instanceof Number y) {
            if (x instanceof Long l && y instanceof Long m) {
                return Long.compare(l, m);
            }
            return decimal(x).compareTo(decimal(y));
        }
        if (a.getClass() == b.getClass() && a instanceof Comparable c) {
            return a instanceof String s ? s.compareToIgnoreCase((String) b) : c.compareTo(b);
        }
        return text(a).compareToIgnoreCase(text(b));
    }

    private static BigDecimal decimal(Number n) {
        return switch (n) {
            case BigDecimal d -> d;
            case Long l -> BigDecimal.valueOf(l);
            case Integer i -> BigDecimal.valueOf(i);
            default -> Double.isFinite(n.doubleValue()) ? BigDecimal.valueOf(n.doubleValue()) : BigDecimal.ZERO;
        };
    }
}
