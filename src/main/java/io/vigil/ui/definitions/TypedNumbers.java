package io.vigil.ui.definitions;

import java.util.List;

import io.vigil.config.Problem;

/**
 * Numbers typed into the forms. What does not parse becomes a value the core rules refuse anyway, and then a problem
 * that quotes what was typed, so "15s" reads "not a whole number" rather than "at least 1 second".
 */
public final class TypedNumbers {

    public static final String NOT_WHOLE = "definitions.problem.whole";
    public static final String NOT_A_NUMBER = "definitions.problem.number";

    private TypedNumbers() {
    }

    /** The whole number typed; 0 when empty (the rules then say what is needed), -1 when it is not a number. */
    public static int whole(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return 0;
        }
        try {
            return Integer.parseInt(t);
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    /** The number typed; null when empty (no threshold), NaN when it is not a number. */
    public static Double decimal(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            return null;
        }
        try {
            return Double.parseDouble(t);
        } catch (NumberFormatException e) {
            return Double.NaN;
        }
    }

    /** Replaces the rules' problems of {@code field} by one quoting {@code text} when it is not a whole number. */
    public static void checkWhole(List<Problem> found, String field, String text) {
        if (whole(text) == -1 && !text.strip().equals("-1")) {
            found.removeIf(p -> p.field().equals(field));
            found.add(Problem.of(field, NOT_WHOLE, text.strip()));
        }
    }

    /** Replaces the rules' problems of {@code field} by one quoting {@code text} when it is not a number. */
    public static void checkDecimal(List<Problem> found, String field, String text) {
        Double d = decimal(text);
        if (d != null && d.isNaN()) {
            found.removeIf(p -> p.field().equals(field));
            found.add(Problem.of(field, NOT_A_NUMBER, text.strip()));
        }
    }

    /** A stored number as a user would type it: 85 rather than 85.0. */
    public static String plain(double d) {
        return d == Math.rint(d) && Math.abs(d) < 1e15 ? String.valueOf((long) d) : String.valueOf(d);
    }
}
