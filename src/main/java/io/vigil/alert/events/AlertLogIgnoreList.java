package io.vigil.alert.events;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Alert-log entries the user does not want as events, e.g. {@code ORA-03136} (inbound connection timed out) or
 * {@code opiodr aborting process}. A pattern that is an ORA- code matches the code however the log pads it
 * ({@code ORA-3136} and {@code ORA-03136} alike); any other pattern is a case-insensitive substring.
 *
 * @param patterns the patterns as the user typed them
 */
public record AlertLogIgnoreList(List<String> patterns) {

    private static final Pattern CODE = Pattern.compile("(?i)ORA-(\\d{1,5})");

    public AlertLogIgnoreList {
        patterns = patterns == null ? List.of() : patterns.stream().filter(java.util.Objects::nonNull).map(String::strip).filter(p -> !p.isEmpty()).toList();
    }

    /** An empty list: nothing is ignored. */
    public static AlertLogIgnoreList none() {
        return new AlertLogIgnoreList(List.of());
    }

    /** A list of the given patterns. */
    public static AlertLogIgnoreList of(String... patterns) {
        return new AlertLogIgnoreList(List.of(patterns));
    }

    /** Whether an entry with this text is dropped. */
    public boolean ignores(String text) {
        if (patterns.isEmpty() || text == null) {
            return false;
        }
        String lower = text.toLowerCase(Locale.ROOT);
        List<String> codes = AlertLogClassifier.codes(text);
        for (String p : patterns) {
            var code = CODE.matcher(p);
            if (code.matches() ? codes.contains(AlertLogClassifier.normalize(code.group(1))) : lower.contains(p.toLowerCase(Locale.ROOT))) {
                return true;
            }
        }
        return false;
    }
}
