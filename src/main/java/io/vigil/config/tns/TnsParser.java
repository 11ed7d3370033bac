package io.vigil.config.tns;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import io.vigil.config.tns.TnsSyntax.Kind;
import io.vigil.config.tns.TnsSyntax.Lexer;
import io.vigil.config.tns.TnsSyntax.Malformed;
import io.vigil.config.tns.TnsSyntax.Node;
import io.vigil.config.tns.TnsSyntax.Token;
import io.vigil.config.tns.TnsSyntax.TreeReader;
import io.vigil.i18n.Reason;

/**
 * Reads tnsnames.ora as Oracle Net writes and accepts it: {@code ALIAS[, ALIAS2] = (DESCRIPTION = …)}, keywords in any
 * case, any whitespace and line breaks inside the parentheses, {@code #} comments on their own line or after a value,
 * ADDRESS_LISTs nested at any depth, DESCRIPTION_LIST, and {@code IFILE = path} includes (relative to the including
 * file's folder). Keywords it does not know are kept in the tree and otherwise ignored.
 *
 * <p>The file is cut into entries first (an entry starts with a name in the first column, or after the previous
 * entry's parentheses closed), and each entry is read on its own, so a broken one is reported with its line and the
 * next one is read as if nothing happened. An alias defined a second time is reported and the first definition kept.
 */
public final class TnsParser {

    static final int DEFAULT_PORT = 1521;
    /** Far above any real tnsnames.ora (a thousand entries is a few hundred KB); a bigger file is something else. */
    static final long MAX_BYTES = 16L * 1024 * 1024;
    /** Real descriptors nest four or five deep; a limit keeps a hostile file from exhausting the stack. */
    static final int MAX_DEPTH = 64;

    private static final Pattern ALIAS = Pattern.compile("[A-Za-z0-9_$.\\-]+");
    private static final Pattern EZCONNECT = Pattern.compile("(//)?[A-Za-z0-9_.\\-\\[\\]:]+(:\\d+)?/[A-Za-z0-9_.$\\-]*(:[A-Za-z]+)?(/\\S*)?"
            + "|(//)?[A-Za-z0-9_.\\-]+:\\d+(/\\S*)?");
    /** Names that may open a line inside a descriptor; any other name in the first column starts a new entry. */
    private static final Set<String> KEYWORDS = Set.of("DESCRIPTION_LIST", "DESCRIPTION", "ADDRESS_LIST", "ADDRESS", "PROTOCOL", "HOST",
            "PORT", "CONNECT_DATA", "SERVICE_NAME", "SID", "INSTANCE_NAME", "SERVER", "FAILOVER", "LOAD_BALANCE", "SOURCE_ROUTE",
            "SECURITY", "SSL_SERVER_CERT_DN", "FAILOVER_MODE", "TYPE", "METHOD", "RETRIES", "DELAY", "BACKUP", "RETRY_COUNT",
            "RETRY_DELAY", "CONNECT_TIMEOUT", "TRANSPORT_CONNECT_TIMEOUT", "SEND_BUF_SIZE", "RECV_BUF_SIZE", "SDU", "KEY", "HS",
            "GLOBAL_NAME", "RDB_DATABASE", "ENABLE", "EXPIRE_TIME", "HTTPS_PROXY", "HTTPS_PROXY_PORT", "POOL_CONNECTION_CLASS",
            "POOL_PURITY", "TYPE_OF_SERVICE", "COLOCATION_TAG", "CONNECTION_ID_PREFIX", "WALLET_LOCATION", "SOURCE", "MY_WALLET_DIRECTORY");

    private final Deque<Path> including = new ArrayDeque<>();
    private final List<TnsEntry> entries = new ArrayList<>();
    private final List<TnsProblem> problems = new ArrayList<>();
    private final Map<String, TnsEntry> byAlias = new HashMap<>();

    private TnsParser() {
    }

    /** Reads a file and the files it includes; never throws for what the files hold, only reports it. */
    public static TnsNames read(Path file) {
        Path top = file.toAbsolutePath().normalize();
        TnsParser parser = new TnsParser();
        parser.readFile(top, top, 0);
        return new TnsNames(top, parser.entries, parser.problems);
    }

    /** Reads text as if it were the given file (includes are looked for beside it). */
    static TnsNames parse(Path file, String text) {
        Path top = file.toAbsolutePath().normalize();
        TnsParser parser = new TnsParser();
        parser.including.push(top);
        parser.readText(top, text);
        return new TnsNames(top, parser.entries, parser.problems);
    }

    private void readFile(Path file, Path from, int fromLine) {
        byte[] bytes;
        try {
            if (Files.isRegularFile(file) && Files.size(file) > MAX_BYTES) {
                problems.add(new TnsProblem(file, 0, Reason.of("tns.problem.tooLarge", file.getFileName().toString(), MAX_BYTES / (1024 * 1024))));
                return;
            }
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            problems.add(new TnsProblem(from, fromLine, file.equals(from) ? Reason.of("tns.problem.missingFile", file.toString())
                    : Reason.of("tns.problem.missingInclude", file.toString())));
            return;
        } catch (IOException e) {
            problems.add(new TnsProblem(from, fromLine, Reason.of(Files.isDirectory(file) ? "tns.problem.folder" : "tns.problem.unreadable",
                    file.toString())));
            return;
        }
        if (!looksLikeText(bytes)) {
            problems.add(new TnsProblem(file, 0, Reason.of("tns.problem.notText", file.getFileName().toString())));
            return;
        }
        including.push(real(file));
        try {
            readText(file, decode(bytes));
        } finally {
            including.pop();
        }
    }

    private void readText(Path file, String text) {
        int before = entries.size();
        int problemsBefore = problems.size();
        for (List<Token> chunk : chunks(file, Lexer.tokens(text))) {
            readEntry(file, chunk);
        }
        // an include that holds nothing says so itself, so a file of IFILEs alone never reaches here empty-handed
        if (entries.size() == before && problems.size() == problemsBefore) {
            problems.add(new TnsProblem(file, 0, Reason.of("tns.problem.noEntries", file.getFileName().toString())));
        }
    }

    /**
     * Cuts the tokens into entries: a name in the first column starts one, unless it is a descriptor keyword while a
     * parenthesis is open (a line such as {@code HOST = db1} inside an entry); a name right after closing parentheses at
     * depth 0 starts one too. A "{@code )}" more than was opened is an entry of its own, reported as such.
     */
    private List<List<Token>> chunks(Path file, List<Token> tokens) {
        List<List<Token>> out = new ArrayList<>();
        List<Token> current = new ArrayList<>();
        int depth = 0;
        Token previous = null;
        for (int i = 0; i < tokens.size(); i++) {
            Token t = tokens.get(i);
            boolean starts = false;
            if (t.kind() == Kind.WORD && previous != null && previous.kind() != Kind.EQUALS && previous.kind() != Kind.COMMA) {
                Token next = i + 1 < tokens.size() ? tokens.get(i + 1) : null;
                boolean named = next != null && (next.kind() == Kind.EQUALS || next.kind() == Kind.COMMA);
                if (depth <= 0) {
                    starts = t.column() == 0 || previous.kind() == Kind.CLOSE;
                } else {
                    starts = t.column() == 0 && named && !KEYWORDS.contains(t.upper()) && previous.kind() != Kind.OPEN;
                }
            }
            if (starts && !current.isEmpty()) {
                out.add(current);
                current = new ArrayList<>();
                depth = 0;
            }
            current.add(t);
            if (t.kind() == Kind.OPEN) {
                depth++;
            } else if (t.kind() == Kind.CLOSE) {
                depth--;
            }
            previous = t;
        }
        if (!current.isEmpty()) {
            out.add(current);
        }
        return out;
    }

    private void readEntry(Path file, List<Token> chunk) {
        Token first = chunk.getFirst();
        int line = first.line();
        // ALIAS [, ALIAS]* =
        List<String> aliases = new ArrayList<>();
        int i = 0;
        while (true) {
            if (i >= chunk.size() || chunk.get(i).kind() != Kind.WORD) {
                problems.add(new TnsProblem(file, line, Reason.of("tns.problem.notEntry", excerpt(chunk))));
                return;
            }
            aliases.add(chunk.get(i).text());
            i++;
            if (i < chunk.size() && chunk.get(i).kind() == Kind.COMMA) {
                i++;
                continue;
            }
            if (i < chunk.size() && chunk.get(i).kind() == Kind.EQUALS) {
                i++;
                break;
            }
            problems.add(new TnsProblem(file, line, Reason.of("tns.problem.notEntry", excerpt(chunk))));
            return;
        }
        String names = String.join(", ", aliases);
        List<Token> value = chunk.subList(i, chunk.size());
        if (aliases.size() == 1 && aliases.getFirst().equalsIgnoreCase("IFILE")) {
            include(file, line, value);
            return;
        }
        for (String alias : aliases) {
            if (!ALIAS.matcher(alias).matches()) {
                problems.add(new TnsProblem(file, line, Reason.of("tns.problem.badAlias", alias), aliases));
                return;
            }
        }
        if (value.isEmpty()) {
            problems.add(new TnsProblem(file, line, Reason.of("tns.problem.noValue", names), aliases));
            return;
        }
        if (value.getFirst().kind() != Kind.OPEN) {
            String bare = words(value);
            problems.add(new TnsProblem(file, line, EZCONNECT.matcher(bare).matches()
                    ? Reason.of("tns.problem.ezconnect", names, bare) : Reason.of("tns.problem.noDescriptor", names, bare), aliases));
            return;
        }
        List<Node> top;
        try {
            top = new TreeReader(value).all();
        } catch (Malformed m) {
            // a missing ")" is found where the entry ends: the entry's first line is where a reader looks for it
            problems.add(new TnsProblem(file, m.key.equals("tns.problem.unbalanced") ? line : m.line, m.reason(names), aliases));
            return;
        }
        TnsEntry entry;
        try {
            entry = TnsDescriptor.read(aliases.getFirst(), file, line, top);
        } catch (Malformed m) {
            problems.add(new TnsProblem(file, m.line, m.reason(names), aliases));
            return;
        }
        for (String alias : aliases) {
            TnsEntry mine = entry.as(alias);
            TnsEntry earlier = byAlias.putIfAbsent(alias.toUpperCase(Locale.ROOT), mine);
            if (earlier != null) {
                problems.add(new TnsProblem(file, line, Reason.of("tns.problem.duplicate", alias, earlier.file().getFileName().toString(),
                        earlier.line()), List.of(alias)));
            } else {
                entries.add(mine);
            }
        }
    }

    private void include(Path file, int line, List<Token> value) {
        String path = words(value);
        if (path.isEmpty() || value.stream().anyMatch(t -> t.kind() != Kind.WORD)) {
            problems.add(new TnsProblem(file, line, Reason.of("tns.problem.badInclude", excerpt(value))));
            return;
        }
        Path target = file.getParent().resolve(path).toAbsolutePath().normalize();
        Path real = real(target);
        if (including.contains(real)) {
            problems.add(new TnsProblem(file, line, Reason.of("tns.problem.cycle", path)));
            return;
        }
        if (!Files.exists(target)) {
            problems.add(new TnsProblem(file, line, Reason.of("tns.problem.missingInclude", path))); // as written, as the reader knows it
            return;
        }
        readFile(target, file, line);
    }

    private static Path real(Path p) {
        try {
            return p.toRealPath();
        } catch (IOException e) {
            return p.toAbsolutePath().normalize();
        }
    }

    private static String words(List<Token> tokens) {
        StringBuilder b = new StringBuilder();
        for (Token t : tokens) {
            if (!b.isEmpty()) {
                b.append(' ');
            }
            b.append(t.text());
        }
        return b.toString();
    }

    private static String excerpt(List<Token> tokens) {
        String all = words(tokens);
        return all.length() > 60 ? all.substring(0, 57) + "\u2026" : all;
    }

    /** Binary files (an export dump, a zip, an image) hold NUL bytes or many control characters; text does not. */
    static boolean looksLikeText(byte[] bytes) {
        int sample = Math.min(bytes.length, 8192);
        int control = 0;
        for (int i = 0; i < sample; i++) {
            int b = bytes[i] & 0xff;
            if (b == 0) {
                return false;
            }
            if (b < 0x20 && b != '\t' && b != '\n' && b != '\r' && b != '\f') {
                control++;
            }
        }
        return control * 20 <= sample;
    }

    /** UTF-8 when the bytes are UTF-8 (a leading BOM dropped), otherwise Latin-1, which old Windows files often are. */
    static String decode(byte[] bytes) {
        String text;
        try {
            text = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(bytes)).toString();
        } catch (CharacterCodingException e) {
            text = new String(bytes, StandardCharsets.ISO_8859_1);
        }
        return text.startsWith("\uFEFF") ? text.substring(1) : text;
    }
}
