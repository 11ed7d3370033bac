package io.vigil.ui.tables;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/**
 * One cached row as the table shows it: its values, and its cells' text in lower case for the quick filter
 * (built once, on a background thread, so filtering 10,000 rows per key stroke stays cheap).
 */
public record MirrorRow(List<Object> values, String search) {

    public static MirrorRow of(List<Object> values) {
        // a separator no one types, so a filter never matches across two cells
        String search = values.stream().map(CellValues::text).collect(Collectors.joining("\u0000")).toLowerCase(Locale.ROOT);
        return new MirrorRow(values, search);
    }

    /** Whether any cell contains {@code lowerCaseText}. */
    public boolean matches(String lowerCaseText) {
        return lowerCaseText.isEmpty() || search.contains(lowerCaseText);
    }

    /** The value in a column; null past the row's end. */
    public Object value(int column) {
        return column < values.size() ? values.get(column) : null;
    }
}
