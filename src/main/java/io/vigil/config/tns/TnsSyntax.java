package io.vigil.config.tns;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import io.vigil.i18n.Reason;

/** The words of tnsnames.ora: tokens with their line and column, and {@code (KEY = …)} trees read from them. */
final class TnsSyntax {

    private TnsSyntax() {
    }

    enum Kind { OPEN, CLOSE, EQUALS, COMMA, WORD }

    record Token(Kind kind, String text, int line, int column) {
        String upper() {
            return text.toUpperCase(Locale.ROOT);
        }
    }

    /** A parenthesised {@code (KEY = value)} or {@code (KEY = (…)(…))}; keys upper-cased. */
    record Node(String key, String value, List<Node> children, int line) {

        List<Node> all(String wanted) {
            return children.stream().filter(c -> c.key.equals(wanted)).toList();
        }

        String valueOf(String wanted) {
            return children.stream().filter(c -> c.key.equals(wanted) && c.children.isEmpty()).map(Node::value).findFirst().orElse("");
        }
    }

    /** What is wrong with an entry, with the line where it was found. */
    static final class Malformed extends Exception {
        final int line;
        final String key;
        final Object[] args;

        Malformed(int line, String key, Object... args) {
            super(key, null, false, false);
            this.line = line;
            this.key = key;
            this.args = args;
        }

        Reason reason(String names) {
            Object[] all = new Object[args.length + 1];
            all[0] = names;
            System.arraycopy(args, 0, all, 1, args.length);
            return Reason.of(key, all);
        }
    }

    /** Splits text into tokens, dropping {@code #} comments; a double-quoted value is one word. */
    static final class Lexer {

        private Lexer() {
        }

        static List<Token> tokens(String text) {
            List<Token> out = new ArrayList<>();
            int line = 1;
            int lineStart = 0;
            int i = 0;
            int n = text.length();
            while (i < n) {
                char c = text.charAt(i);
                if (c == '\n') {
                    line++;
                    lineStart = i + 1;
                    i++;
                } else if (Character.isWhitespace(c)) {
                    i++;
                } else if (c == '#') {
                    while (i < n && text.charAt(i) != '\n') {
                        i++;
                    }
                } else if (c == '(' || c == ')' || c == '=' || c == ',') {
                    Kind k = switch (c) {
                        case '(' -> Kind.OPEN;
                        case ')' -> Kind.CLOSE;
                        case '=' -> Kind.EQUALS;
                        default -> Kind.COMMA;
                    };
                    out.add(new Token(k, String.valueOf(c), line, i - lineStart));
                    i++;
                } else if (c == '"') {
                    int start = i;
                    int end = text.indexOf(c, i + 1);
                    int stop = end < 0 ? n : end;
                    int nl = text.indexOf('\n', i + 1);
                    if (nl >= 0 && nl < stop) {
                        stop = nl; // an unclosed quote ends with its line rather than swallowing the file
                    }
                    out.add(new Token(Kind.WORD, text.substring(start + 1, stop), line, start - lineStart));
                    i = stop == end ? end + 1 : stop;
                } else {
                    int start = i;
                    while (i < n) {
                        char d = text.charAt(i);
                        if (Character.isWhitespace(d) || d == '(' || d == ')' || d == '=' || d == ',' || d == '#') {
                            break;
                        }
                        i++;
                    }
                    out.add(new Token(Kind.WORD, text.substring(start, i), line, start - lineStart));
                }
            }
            return out;
        }
    }

    /** Reads {@code (KEY = …)} trees from an entry's value. */
    static final class TreeReader {
        private final List<Token> tokens;
        private int at;

        TreeReader(List<Token> tokens) {
            this.tokens = tokens;
        }

        List<Node> all() throws Malformed {
            List<Node> out = new ArrayList<>();
            while (at < tokens.size()) {
                Token t = tokens.get(at);
                if (t.kind() != Kind.OPEN) {
                    throw new Malformed(t.line(), t.kind() == Kind.CLOSE ? "tns.problem.extraClose" : "tns.problem.malformed", t.text());
                }
                out.add(node());
            }
            return out;
        }

        private int depth;

        private Node node() throws Malformed {
            Token open = tokens.get(at++);
            if (++depth > TnsParser.MAX_DEPTH) {
                throw new Malformed(open.line(), "tns.problem.tooDeep", TnsParser.MAX_DEPTH);
            }
            try {
                return nodeBody(open);
            } finally {
                depth--;
            }
        }

        private Node nodeBody(Token open) throws Malformed {
            Token key = next(open);
            if (key.kind() != Kind.WORD) {
                throw new Malformed(key.line(), "tns.problem.malformed", key.text());
            }
            Token eq = next(key);
            if (eq.kind() != Kind.EQUALS) {
                throw new Malformed(eq.line(), "tns.problem.malformed", key.text() + " " + eq.text());
            }
            List<Node> children = new ArrayList<>();
            StringBuilder value = new StringBuilder();
            while (true) {
                Token t = next(eq);
                switch (t.kind()) {
                    case CLOSE -> {
                        if (!children.isEmpty() && !value.isEmpty()) {
                            throw new Malformed(t.line(), "tns.problem.malformed", key.text());
                        }
                        return new Node(key.upper(), value.toString(), List.copyOf(children), open.line());
                    }
                    case OPEN -> {
                        at--;
                        children.add(node());
                    }
                    case WORD, COMMA, EQUALS -> {
                        // values such as SSL_SERVER_CERT_DN="CN=db,O=x" hold = and , unquoted in older files
                        if (!value.isEmpty() && t.kind() == Kind.WORD && !endsWithSeparator(value)) {
                            value.append(' ');
                        }
                        value.append(t.text());
                    }
                    default -> throw new IllegalStateException();
                }
            }
        }

        private static boolean endsWithSeparator(StringBuilder b) {
            char last = b.charAt(b.length() - 1);
            return last == '=' || last == ',';
        }

        private Token next(Token after) throws Malformed {
            if (at >= tokens.size()) {
                throw new Malformed(after.line(), "tns.problem.unbalanced");
            }
            return tokens.get(at++);
        }
    }

    /** Finds the first TCP/TCPS address and the CONNECT_DATA of a descriptor tree. */
}
