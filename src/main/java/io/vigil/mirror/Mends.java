package io.vigil.mirror;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Types;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What one copy of rows had to change so that a site's odd values do not fail the whole snapshot, by cache column:
 * numbers the cache cannot hold (NaN, an infinity, more than its 30 whole digits) stored as NULL, and text that is not
 * UTF-8 kept with a replacement character (U+FFFD) for each bad sequence. Also how text arrives: as the driver decodes
 * it, or, from a PostgreSQL database in {@code SQL_ASCII} (see {@link Pull#textAsBytes}), as the bytes the database
 * stores, decoded here. Not thread-safe: one per copy.
 */
final class Mends {

    /** By the target result's column index: whether that column's text is read as bytes. */
    private final boolean[] bytes;
    private final Map<String, Long> nulled = new LinkedHashMap<>();
    private final Map<String, Long> repaired = new LinkedHashMap<>();

    private Mends(boolean[] bytes) {
        this.bytes = bytes;
    }

    /** For a result whose text the driver decodes itself. */
    static Mends decoded() {
        return new Mends(new boolean[0]);
    }

    /** For a result whose character columns arrive as stored bytes, to be decoded as UTF-8 here. */
    static Mends storedBytes(ResultSetMetaData md) throws SQLException {
        boolean[] bytes = new boolean[md.getColumnCount() + 1];
        for (int i = 1; i <= md.getColumnCount(); i++) {
            bytes[i] = switch (md.getColumnType(i)) {
                case Types.CHAR, Types.VARCHAR, Types.LONGVARCHAR, Types.NCHAR, Types.NVARCHAR, Types.LONGNVARCHAR -> true;
                default -> false;
            };
        }
        return new Mends(bytes);
    }

    /**
     * The text of column {@code index} of the current row, for cache column {@code column}. Stored bytes that are
     * ASCII or valid UTF-8 come out as they are; others are decoded with replacement characters and counted.
     */
    String text(ResultSet rs, int index, String column) throws SQLException {
        if (index >= bytes.length || !bytes[index]) {
            return rs.getString(index);
        }
        byte[] b = rs.getBytes(index);
        if (b == null) {
            return null;
        }
        if (ascii(b)) {
            return new String(b, StandardCharsets.ISO_8859_1);
        }
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(b)).toString();
        } catch (CharacterCodingException e) {
            repaired.merge(column, 1L, Long::sum);
            return new String(b, StandardCharsets.UTF_8); // each bad sequence becomes U+FFFD
        }
    }

    private static boolean ascii(byte[] b) {
        for (byte x : b) {
            if (x < 0) {
                return false;
            }
        }
        return true;
    }

    /** Counts a value of {@code column} the cache cannot hold, stored as NULL. */
    void nulled(String column) {
        nulled.merge(column, 1L, Long::sum);
    }

    /** How many values were stored as NULL, over all columns. */
    long nulledCount() {
        return nulled.values().stream().mapToLong(Long::longValue).sum();
    }

    /** How many text values were not UTF-8 and kept with replacement characters, over all columns. */
    long repairedCount() {
        return repaired.values().stream().mapToLong(Long::longValue).sum();
    }

    boolean isEmpty() {
        return nulled.isEmpty() && repaired.isEmpty();
    }

    /** Which columns were mended how, without the counts: what a log line is repeated for when it changes. */
    String kinds() {
        return "nulled " + new TreeSet<>(nulled.keySet()) + " repaired " + new TreeSet<>(repaired.keySet()); // not in the order rows met them
    }

    private static String count(long n, String what) {
        return n + " " + what + (n == 1 ? "" : "s");
    }

    /** The mends for a log line, e.g. {@code column n: 2 numbers stored as NULL (NaN, infinite or too large for the cache)}. */
    String describe() {
        String numbers = nulled.entrySet().stream()
                .map(e -> "column " + e.getKey() + ": " + count(e.getValue(), "number") + " stored as NULL (NaN, infinite or too large for the cache)")
                .collect(Collectors.joining("; "));
        String text = repaired.entrySet().stream()
                .map(e -> "column " + e.getKey() + ": " + count(e.getValue(), "text value") + " not valid UTF-8, kept with replacement characters (U+FFFD)")
                .collect(Collectors.joining("; "));
        return numbers.isEmpty() ? text : text.isEmpty() ? numbers : numbers + "; " + text;
    }
}
