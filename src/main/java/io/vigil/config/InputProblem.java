package io.vigil.config;

import io.vigil.i18n.Messages;
import io.vigil.i18n.Reason;

/**
 * One mistake in something a user wrote (a file, a command-line option, an environment variable): where it is — the
 * line, when known, and the field — and what is wrong, as a {@link Reason} worded by the bundles. It renders as
 * {@code team.yaml: line 4, port: a whole number from 1 to 65535 is needed, not “abc”.}
 *
 * @param line  the line, from 1; 0 when the input has no lines or the place is not known
 * @param entry the entry of the input it concerns, worded by the bundles ("target “prod”"); {@link Reason#NONE} if none
 * @param field the field or option it concerns; empty when it concerns the whole entry or input
 * @param what  what is wrong and what would be right
 */
public record InputProblem(int line, Reason entry, String field, Reason what) {

    /** The longest value a message quotes; what is longer is cut and ends with an ellipsis. */
    public static final int QUOTED = 60;

    public InputProblem {
        entry = entry == null ? Reason.NONE : entry;
        field = field == null ? "" : field;
    }

    public InputProblem(int line, String field, Reason what) {
        this(line, Reason.NONE, field, what);
    }

    public static InputProblem at(int line, String field, String key, Object... args) {
        return new InputProblem(line, field, Reason.of(key, args));
    }

    /**
     * Rule problems of one entry as one reason, each "field: sentence", so they are worded in whichever language the
     * problem is told in later. Text arguments are cut as {@link #cut} does.
     */
    public static Reason rules(java.util.List<Problem> problems) {
        Reason all = null;
        for (Problem p : problems) {
            Object[] args = p.args().stream().map(a -> a instanceof Number n ? (Object) n : cut(a)).toArray();
            Reason one = Reason.of("input.rules.one", p.field(), Reason.of(p.key(), args));
            all = all == null ? one : Reason.of("input.rules.more", all, one);
        }
        return all == null ? Reason.NONE : all;
    }

    /** This problem, in the language of {@code messages}, prefixed by {@code source} (a file name or "command line"). */
    public String describe(String source, Messages messages) {
        return messages.render(reason(source));
    }

    /** This problem as a reason, prefixed by {@code source} (a file name or "command line"). */
    public Reason reason(String source) {
        Object place = entry.isEmpty() ? field : field.isEmpty() ? entry : Reason.of("input.entry.field", entry, field);
        boolean hasLine = line > 0;
        boolean hasField = !entry.isEmpty() || !field.isEmpty();
        if (hasLine && hasField) {
            return Reason.of("input.at.lineField", source, line, place, what);
        }
        if (hasLine) {
            return Reason.of("input.at.line", source, line, what);
        }
        if (hasField) {
            return Reason.of("input.at.field", source, place, what);
        }
        return Reason.of("input.at.whole", source, what);
    }

    /**
     * A value as a message may quote it: on one line, control characters and undecodable bytes shown as {@code ?}, at
     * most {@value #QUOTED} characters, cut with an ellipsis.
     */
    public static String cut(Object value) {
        String s = value == null ? "" : String.valueOf(value);
        StringBuilder b = new StringBuilder(Math.min(s.length(), QUOTED + 1));
        boolean space = false;
        for (int i = 0; i < s.length() && b.length() <= QUOTED; ) {
            int cp = s.codePointAt(i);
            i += Character.charCount(cp);
            if (Character.isWhitespace(cp)) {
                space = b.length() > 0;
                continue;
            }
            if (space) {
                b.append(' ');
                space = false;
            }
            boolean printable = !Character.isISOControl(cp) && cp != 0xFFFD && Character.getType(cp) != Character.UNASSIGNED
                    && Character.getType(cp) != Character.PRIVATE_USE && Character.getType(cp) != Character.SURROGATE
                    && Character.getType(cp) != Character.FORMAT;
            b.appendCodePoint(printable ? cp : '?');
        }
        if (b.length() > QUOTED) {
            int end = QUOTED;
            if (Character.isLowSurrogate(b.charAt(end)) && Character.isHighSurrogate(b.charAt(end - 1))) {
                end--;
            }
            return b.substring(0, end) + "\u2026";
        }
        return b.toString();
    }
}
