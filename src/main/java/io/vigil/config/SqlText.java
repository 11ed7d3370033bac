package io.vigil.config;

/** Small lexical helpers over SQL text that respect quotes and comments. */
final class SqlText {

    private SqlText() {
    }

    /** The SQL with {@code --} and {@code /* *&#47;} comments replaced by a space; quoted text is kept as is. */
    static String stripComments(String sql) {
        StringBuilder out = new StringBuilder(sql.length());
        int i = 0;
        while (i < sql.length()) {
            char c = sql.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                int end = closingQuote(sql, i);
                out.append(sql, i, end);
                i = end;
            } else if (c == '-' && i + 1 < sql.length() && sql.charAt(i + 1) == '-') {
                int nl = sql.indexOf('\n', i);
                i = nl < 0 ? sql.length() : nl;
                out.append(' ');
            } else if (c == '/' && i + 1 < sql.length() && sql.charAt(i + 1) == '*' && !isHint(sql, i)) {
                int end = sql.indexOf("*/", i + 2);
                i = end < 0 ? sql.length() : end + 2;
                out.append(' ');
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    /** Whether anything but whitespace follows a {@code ;} outside quotes, i.e. the text holds two statements. */
    static boolean hasSecondStatement(String sqlWithoutComments) {
        String s = sqlWithoutComments;
        int i = 0;
        while (i < s.length()) {
            char c = s.charAt(i);
            if (c == '\'' || c == '"' || c == '`') {
                i = closingQuote(s, i);
            } else if (c == ';') {
                return !s.substring(i + 1).isBlank();
            } else {
                i++;
            }
        }
        return false;
    }

    // Oracle optimizer hints (/*+ ... */) are kept: they change plans on the target.
    private static boolean isHint(String sql, int at) {
        return at + 2 < sql.length() && sql.charAt(at + 2) == '+';
    }

    /** Index just past the quote that closes the one at {@code start}; doubled quotes are part of the text. */
    private static int closingQuote(String s, int start) {
        char q = s.charAt(start);
        int i = start + 1;
        while (i < s.length()) {
            if (s.charAt(i) == q) {
                if (i + 1 < s.length() && s.charAt(i + 1) == q) {
                    i += 2;
                    continue;
                }
                return i + 1;
            }
            i++;
        }
        return s.length();
    }
}
