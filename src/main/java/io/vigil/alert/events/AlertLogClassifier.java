package io.vigil.alert.events;

import static io.vigil.alert.events.AlertLogCategory.ARCHIVER_STUCK;
import static io.vigil.alert.events.AlertLogCategory.CORRUPTION;
import static io.vigil.alert.events.AlertLogCategory.DEADLOCK;
import static io.vigil.alert.events.AlertLogCategory.INTERNAL_ERROR;
import static io.vigil.alert.events.AlertLogCategory.MEMORY;
import static io.vigil.alert.events.AlertLogCategory.OTHER_ERROR;
import static io.vigil.alert.events.AlertLogCategory.ROUTINE;
import static io.vigil.alert.events.AlertLogCategory.SHUTDOWN;
import static io.vigil.alert.events.AlertLogCategory.SNAPSHOT_TOO_OLD;
import static io.vigil.alert.events.AlertLogCategory.SPACE;
import static io.vigil.alert.events.AlertLogCategory.STARTUP;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.vigil.config.Severity;

/**
 * Classifies the text of an alert-log entry by its ORA- codes and a few well-known phrases. An entry with several
 * codes takes the most severe category (an ORA-00600 raised while reading a corrupt block is an internal error first).
 */
public final class AlertLogClassifier {

    /** Alert logs write codes both padded and not: {@code ORA-01653} in errors, {@code ORA-1653} in space messages. */
    private static final Pattern CODE = Pattern.compile("\\bORA-(\\d{1,5})\\b");
    /** The first argument of an internal error says which check failed; it is what a DBA searches My Oracle Support for. */
    private static final Pattern FIRST_ARGUMENT = Pattern.compile("ORA-0*(?:600|7445)\\b[^\\[\\n]*\\[([^\\]\\n]*)\\]");
    private static final int TITLE_LENGTH = 120;

    private record Rule(AlertLogCategory category, Severity severity) {
    }

    private record Phrase(String lowerCase, Rule rule) {
    }

    private static final Map<String, Rule> CODES = Map.ofEntries(
            Map.entry("ORA-00600", rule(INTERNAL_ERROR)), Map.entry("ORA-07445", rule(INTERNAL_ERROR)),
            Map.entry("ORA-04031", rule(MEMORY)), Map.entry("ORA-04030", rule(MEMORY)),
            Map.entry("ORA-00257", rule(ARCHIVER_STUCK)), Map.entry("ORA-16038", rule(ARCHIVER_STUCK)),
            Map.entry("ORA-19809", rule(ARCHIVER_STUCK)), Map.entry("ORA-19804", rule(ARCHIVER_STUCK)),
            Map.entry("ORA-19815", new Rule(ARCHIVER_STUCK, Severity.WARN)), // the recovery area filling, not yet full
            Map.entry("ORA-01578", rule(CORRUPTION)), Map.entry("ORA-01110", rule(CORRUPTION)), Map.entry("ORA-27048", rule(CORRUPTION)),
            Map.entry("ORA-01115", rule(CORRUPTION)), Map.entry("ORA-01122", rule(CORRUPTION)),
            Map.entry("ORA-01555", rule(SNAPSHOT_TOO_OLD)),
            Map.entry("ORA-00060", rule(DEADLOCK)),
            Map.entry("ORA-01652", rule(SPACE)), Map.entry("ORA-01653", rule(SPACE)), Map.entry("ORA-01654", rule(SPACE)),
            Map.entry("ORA-01688", rule(SPACE)), Map.entry("ORA-30036", rule(SPACE)));

    private static final List<Phrase> PHRASES = List.of(
            new Phrase("deadlock detected", rule(DEADLOCK)),
            new Phrase("corrupt block relative dba", rule(CORRUPTION)),
            new Phrase("archival stopped", rule(ARCHIVER_STUCK)),
            new Phrase("starting oracle instance", rule(STARTUP)),
            new Phrase("completed: alter database open", rule(STARTUP)),
            new Phrase("shutting down instance", rule(SHUTDOWN)),
            new Phrase("shutting down oracle instance", rule(SHUTDOWN)),
            new Phrase("instance shutdown complete", rule(SHUTDOWN)),
            // an abort leaves recovery to the next startup; a background process ending the instance is a crash
            new Phrase("shutting down instance (abort)", new Rule(SHUTDOWN, Severity.WARN)),
            new Phrase("shutting down oracle instance (abort)", new Rule(SHUTDOWN, Severity.WARN)),
            new Phrase("shutdown abort", new Rule(SHUTDOWN, Severity.WARN)),
            new Phrase("instance terminated by user", new Rule(SHUTDOWN, Severity.WARN)),
            new Phrase("terminating the instance due to", new Rule(SHUTDOWN, Severity.CRIT)));

    private static Rule rule(AlertLogCategory category) {
        return new Rule(category, category.severity());
    }

    /** Classifies one entry's whole text (all its lines). */
    public AlertLogClass classify(String text) {
        String body = text == null ? "" : text;
        String lower = body.toLowerCase(Locale.ROOT);
        Rule best = new Rule(ROUTINE, Severity.INFO);
        String bestCode = "";
        for (String code : codes(body)) {
            Rule r = CODES.getOrDefault(code, rule(OTHER_ERROR));
            if (outranks(r, best)) {
                best = r;
                bestCode = code;
            }
        }
        for (Phrase p : PHRASES) {
            if (lower.contains(p.lowerCase()) && outranks(p.rule(), best)) {
                best = p.rule();
                bestCode = codeOf(body, best.category());
            }
        }
        return new AlertLogClass(best.category(), best.severity(), bestCode, title(body, bestCode));
    }

    /** The entry's ORA- codes in order of appearance, each once, padded to five digits. */
    public static List<String> codes(String text) {
        Set<String> out = new LinkedHashSet<>();
        Matcher m = CODE.matcher(text == null ? "" : text);
        while (m.find()) {
            out.add(normalize(m.group(1)));
        }
        return new ArrayList<>(out);
    }

    /** {@code 1653} or {@code 01653} as {@code ORA-01653}. */
    static String normalize(String digits) {
        return "ORA-" + "0".repeat(Math.max(0, 5 - digits.length())) + digits;
    }

    private static final Comparator<Rule> PRECEDENCE = Comparator.<Rule, Integer>comparing(r -> r.severity().ordinal())
            .thenComparing(r -> -r.category().ordinal());

    private static boolean outranks(Rule candidate, Rule current) {
        return PRECEDENCE.compare(candidate, current) > 0;
    }

    // A phrase decided the category: its own code when the entry has one (a deadlock line with ORA-00060), else the first.
    private static String codeOf(String text, AlertLogCategory category) {
        List<String> codes = codes(text);
        return codes.stream().filter(c -> CODES.containsKey(c) && CODES.get(c).category() == category).findFirst()
                .orElse(codes.isEmpty() ? "" : codes.getFirst());
    }

    private static String title(String text, String code) {
        if (code.equals("ORA-00600") || code.equals("ORA-07445")) {
            Matcher m = FIRST_ARGUMENT.matcher(text);
            if (m.find()) {
                return code + " [" + m.group(1).strip() + "]";
            }
        }
        List<String> lines = text.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
        String line = lines.stream().filter(l -> !code.isEmpty() && codes(l).contains(code)).findFirst()
                .orElse(lines.isEmpty() ? "" : lines.getFirst());
        return line.length() <= TITLE_LENGTH ? line : line.substring(0, TITLE_LENGTH - 1) + "\u2026";
    }
}
