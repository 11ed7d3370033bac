package io.vigil.config;

import java.io.IOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLGenerator;

import io.vigil.i18n.Messages;
import io.vigil.i18n.Reason;

/**
 * The whole configuration — targets, mirrors and metrics — as one YAML file, to carry to another workstation or keep
 * in version control. Passwords are left out unless asked for, and then written in plain text (a key file does not
 * travel). Importing merges by name (targets) and by kind and name (mirrors, metrics): what the file names is added
 * or replaced, nothing else is touched, and a file with any problem is refused whole, saying at which line and why.
 */
public final class ConfigYaml {

    /** The file's format version; a file from a newer Vigil is refused instead of half-read. */
    static final int FORMAT = 1;

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "kind", "host", "port", "connectBy", "database", "tnsAdmin", "user", "password", "tags", "enabled", "licensed", "tls",
            "tlsCaFile"})
    @JsonIgnoreProperties(ignoreUnknown = false)
    record TargetEntry(String name, TargetKind kind, String host, Integer port, ConnectBy connectBy, String database, String tnsAdmin,
                       String user, String password, List<String> tags, Boolean enabled, List<LicensedPack> licensed, String tls,
                       String tlsCaFile) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "kind", "table", "interval", "rowCap", "mode", "watermark", "since", "enabled", "licence", "description", "sql",
            "variants", "columns"})
    @JsonIgnoreProperties(ignoreUnknown = false)
    record MirrorEntry(String name, TargetKind kind, String table, Integer interval, Integer rowCap, MirrorMode mode, String watermark,
                       String since, Boolean enabled, LicensedPack licence, String description, String sql,
                       List<MirrorVariant> variants, List<String> columns) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "kind", "type", "unit", "interval", "freshness", "mirrors", "labels", "warn", "crit", "enabled",
            "description", "privileges", "sql"})
    @JsonIgnoreProperties(ignoreUnknown = false)
    record MetricEntry(String name, TargetKind kind, MetricType type, String unit, Integer interval, Integer freshness, List<String> mirrors,
                       List<String> labels, Double warn, Double crit, Boolean enabled, String description, String privileges, String sql) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"name", "kind", "type", "subject", "labels", "direction", "warn", "crit", "hold", "recovery", "missed", "enabled",
            "description"})
    @JsonIgnoreProperties(ignoreUnknown = false)
    record RuleEntry(String name, TargetKind kind, RuleType type, String subject, Map<String, String> labels, Direction direction,
                     Double warn, Double crit, Integer hold, Double recovery, Integer missed, Boolean enabled, String description) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @JsonPropertyOrder({"vigil", "exported", "targets", "mirrors", "metrics", "rules"})
    @JsonIgnoreProperties(ignoreUnknown = false)
    record Document(Integer vigil, String exported, List<TargetEntry> targets, List<MirrorEntry> mirrors, List<MetricEntry> metrics,
                    List<RuleEntry> rules) {
    }

    /** What an import changed, per kind of definition. */
    public record ImportResult(int targetsAdded, int targetsUpdated, int mirrorsAdded, int mirrorsUpdated, int metricsAdded,
                               int metricsUpdated) {
    }

    private static final ObjectMapper YAML = InputErrors.strict(new ObjectMapper(new YAMLFactory()
            .disable(YAMLGenerator.Feature.WRITE_DOC_START_MARKER)
            .enable(YAMLGenerator.Feature.MINIMIZE_QUOTES)
            .enable(YAMLGenerator.Feature.LITERAL_BLOCK_STYLE)));

    private ConfigYaml() {
    }

    /** The store's whole configuration as YAML; passwords only when {@code withPasswords}. */
    public static String export(List<Target> targets, List<MirrorDef> mirrors, List<MetricDef> metrics, boolean withPasswords,
                                Instant now) {
        return export(targets, mirrors, metrics, List.of(), withPasswords, now);
    }

    /** As {@link #export(List, List, List, boolean, Instant)}, with the alert rules. */
    public static String export(List<Target> targets, List<MirrorDef> mirrors, List<MetricDef> metrics, List<AlertRule> rules,
                                boolean withPasswords, Instant now) {
        List<RuleEntry> r = rules.stream().map(x -> new RuleEntry(x.name(), x.kind(), x.type(), blankToNull(x.subject()),
                x.labels().isEmpty() ? null : x.labels(), x.type() == RuleType.THRESHOLD ? x.direction() : null, x.warn(), x.crit(),
                x.holdSeconds() == 0 ? null : x.holdSeconds(), x.recovery() == 0 ? null : x.recovery(), x.missed() == 0 ? null : x.missed(),
                x.enabled(), blankToNull(x.description()))).toList();
        List<TargetEntry> t = targets.stream().map(x -> new TargetEntry(x.name(), x.kind(), blankToNull(x.host()),
                x.port() == 0 ? null : x.port(), x.kind().isNetworked() ? x.connectBy() : null, blankToNull(x.database()),
                blankToNull(x.tnsAdmin()), blankToNull(x.user()), withPasswords && !x.password().isEmpty() ? x.password().reveal() : null,
                x.tags(), x.enabled(), x.licensed().isEmpty() ? null : x.licensed().stream().sorted().toList(),
                x.tls().on() ? x.tls().mode().name() : null, blankToNull(x.tls().caFile()))).toList();
        List<MirrorEntry> m = mirrors.stream().map(x -> new MirrorEntry(x.name(), x.kind(), x.cacheTable(), x.intervalSeconds(), x.rowCap(),
                x.mode(), blankToNull(x.watermarkColumn()), blankToNull(x.minVersion()), x.enabled(), x.licence(),
                blankToNull(x.description()), x.sql(), x.variants().isEmpty() ? null : x.variants(),
                x.columns().isEmpty() ? null : x.columns())).toList();
        List<MetricEntry> k = metrics.stream().map(x -> new MetricEntry(x.name(), x.kind(), x.type(), x.unit(), x.intervalSeconds(),
                x.freshnessSeconds(), x.mirrors(), x.labelColumns().isEmpty() ? null : x.labelColumns(), x.warn(), x.crit(), x.enabled(),
                blankToNull(x.description()), blankToNull(x.privileges()), x.sql())).toList();
        try {
            String header = "# Vigil configuration: targets, mirrors, metrics and alert rules.\n"
                    + (withPasswords ? "# This file holds passwords in plain text: keep it where only you can read it.\n"
                    : "# Passwords are left out; an import keeps the stored password of a target it updates.\n");
            return header + YAML.writeValueAsString(new Document(FORMAT, now.toString(), t, m, k, r.isEmpty() ? null : r));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("the configuration could not be written as YAML", e);
        }
    }

    /**
     * Reads {@code file} as UTF-8 and merges it as {@link #importInto} does; a file that cannot be read, or is not text,
     * is refused with an {@link InputException} like any other mistake in it.
     */
    public static ImportResult importFile(ConfigStore store, java.nio.file.Path file, Messages messages) {
        String source = String.valueOf(file.getFileName() == null ? file : file.getFileName());
        String yaml;
        try {
            yaml = java.nio.file.Files.readString(file, java.nio.charset.StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new InputException(source, InputErrors.of(e, null), messages, e);
        }
        return importInto(store, yaml, source, messages);
    }

    /**
     * Merges the file into the store in one transaction, or refuses it whole with a {@link ConfigStoreException} that
     * names the line and the reason; the store is then unchanged.
     */
    public static ImportResult importInto(ConfigStore store, String yaml, String source, Messages messages) {
        Document doc = parse(yaml, source, messages);
        Map<String, List<Integer>> lines = entryLines(yaml);
        List<Target> storedTargets = store.targets();
        List<MirrorDef> storedMirrors = store.mirrors();
        List<MetricDef> storedMetrics = store.metrics();
        long[] tempId = {-1};

        List<Target> targets = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        List<TargetEntry> te = orEmpty(doc.targets());
        for (int i = 0; i < te.size(); i++) {
            TargetEntry e = te.get(i);
            Where where = new Where(source, lines, "targets", i, e == null ? null : e.name(), messages);
            where.require(e != null, "", Reason.of("input.expect.fields"));
            where.require(e.kind() != null, "kind", InputErrors.expected(TargetKind.class, "kind"));
            duplicate(seen, "target " + lower(e.name()), i, where);
            Optional<Target> old = storedTargets.stream().filter(x -> x.name().equalsIgnoreCase(nullToBlank(e.name()))).findFirst();
            Secret pw = e.password() != null ? Secret.of(e.password()) : old.map(Target::password).orElse(Secret.empty());
            ConnectBy by = e.connectBy() != null ? e.connectBy()
                    : (e.kind() == TargetKind.MYSQL || e.kind() == TargetKind.POSTGRES) ? ConnectBy.DATABASE : ConnectBy.SERVICE_NAME;
            int port = e.port() != null ? e.port() : e.kind().defaultPort();
            TlsMode tls = e.tls() == null ? TlsMode.OFF : TlsMode.parse(e.tls());
            if (tls == null) {
                // MySQL's REQUIRED and VERIFY_IDENTITY, PostgreSQL's require, verify-ca and verify-full are read too
                throw where.fail("tls", Reason.of("input.needed", Reason.of("input.expect.oneOf", "OFF, REQUIRE, VERIFY_CA, VERIFY_FULL"),
                        Reason.of("input.given.text", InputProblem.cut(e.tls()))));
            }
            targets.add(new Target(old.map(Target::id).orElse(tempId[0]--), e.name(), e.kind(), e.host(), port, by, e.database(), e.tnsAdmin(),
                    e.user(), pw, e.tags(), e.enabled() == null || e.enabled(),
                    e.licensed() == null ? java.util.Set.of() : java.util.Set.copyOf(e.licensed()), new Tls(tls, e.tlsCaFile())));
        }
        List<MirrorDef> mirrors = new ArrayList<>();
        List<MirrorEntry> me = orEmpty(doc.mirrors());
        for (int i = 0; i < me.size(); i++) {
            MirrorEntry e = me.get(i);
            Where where = new Where(source, lines, "mirrors", i, e == null ? null : e.name(), messages);
            where.require(e != null, "", Reason.of("input.expect.fields"));
            where.require(e.kind() != null, "kind", InputErrors.expected(TargetKind.class, "kind"));
            where.require(e.interval() != null, "interval", Reason.of("input.expect.interval"));
            duplicate(seen, "mirror " + e.kind() + " " + lower(e.name()), i, where);
            Optional<MirrorDef> old = storedMirrors.stream().filter(x -> x.kind() == e.kind() && x.name().equalsIgnoreCase(nullToBlank(e.name())))
                    .findFirst();
            mirrors.add(new MirrorDef(old.map(MirrorDef::id).orElse(tempId[0]--), e.name(), e.kind(), e.sql(), e.table(), e.interval(),
                    e.rowCap() == null ? 0 : e.rowCap(), e.mode() == null ? MirrorMode.REPLACE : e.mode(), e.watermark(),
                    e.enabled() == null || e.enabled(), e.description(), e.since(), e.variants(), e.columns(), e.licence()));
        }
        List<MetricDef> metrics = new ArrayList<>();
        List<MetricEntry> ke = orEmpty(doc.metrics());
        for (int i = 0; i < ke.size(); i++) {
            MetricEntry e = ke.get(i);
            Where where = new Where(source, lines, "metrics", i, e == null ? null : e.name(), messages);
            where.require(e != null, "", Reason.of("input.expect.fields"));
            where.require(e.kind() != null, "kind", InputErrors.expected(TargetKind.class, "kind"));
            where.require(e.type() != null, "type", InputErrors.expected(MetricType.class, "type"));
            where.require(e.interval() != null && e.freshness() != null, "interval", Reason.of("input.expect.intervals"));
            duplicate(seen, "metric " + e.kind() + " " + nullToBlank(e.name()), i, where);
            Optional<MetricDef> old = storedMetrics.stream().filter(x -> x.kind() == e.kind() && x.name().equals(nullToBlank(e.name())))
                    .findFirst();
            metrics.add(new MetricDef(old.map(MetricDef::id).orElse(tempId[0]--), e.name(), e.kind(), e.sql(), e.mirrors(), e.freshness(),
                    e.type(), e.unit(), e.labels(), e.interval(), e.warn(), e.crit(), e.privileges(), e.enabled() == null || e.enabled(),
                    e.description()));
        }

        List<AlertRule> storedRules = store.rules();
        List<AlertRule> rules = new ArrayList<>();
        List<RuleEntry> re = orEmpty(doc.rules());
        for (int i = 0; i < re.size(); i++) {
            RuleEntry e = re.get(i);
            Where where = new Where(source, lines, "rules", i, e == null ? null : e.name(), messages);
            where.require(e != null, "", Reason.of("input.expect.fields"));
            where.require(e.kind() != null, "kind", InputErrors.expected(TargetKind.class, "kind"));
            where.require(e.type() != null, "type", InputErrors.expected(RuleType.class, "type"));
            duplicate(seen, "rule " + e.kind() + " " + nullToBlank(e.name()), i, where);
            Optional<AlertRule> old = storedRules.stream().filter(x -> x.kind() == e.kind() && x.name().equals(nullToBlank(e.name())))
                    .findFirst();
            rules.add(new AlertRule(old.map(AlertRule::id).orElse(tempId[0]--), e.name(), e.kind(), e.type(), e.subject(), e.labels(),
                    e.direction(), e.warn(), e.crit(), e.hold() == null ? 0 : e.hold(), e.recovery() == null ? 0 : e.recovery(),
                    e.missed() == null ? 0 : e.missed(), e.enabled() == null || e.enabled(), e.description()));
        }

        // Every definition is checked against the configuration as it would be after the import.
        List<Target> allTargets = merged(storedTargets, targets, Target::id);
        List<MirrorDef> allMirrors = merged(storedMirrors, mirrors, MirrorDef::id);
        List<MetricDef> allMetrics = merged(storedMetrics, metrics, MetricDef::id);
        for (int i = 0; i < targets.size(); i++) {
            refuse(Validation.target(targets.get(i), allTargets), new Where(source, lines, "targets", i, targets.get(i).name(), messages));
        }
        for (int i = 0; i < mirrors.size(); i++) {
            refuse(Validation.mirror(mirrors.get(i), allMirrors), new Where(source, lines, "mirrors", i, mirrors.get(i).name(), messages));
        }
        for (int i = 0; i < metrics.size(); i++) {
            refuse(Validation.metric(metrics.get(i), allMetrics, allMirrors), new Where(source, lines, "metrics", i, metrics.get(i).name(), messages));
        }
        List<AlertRule> allRules = merged(storedRules, rules, AlertRule::id);
        for (int i = 0; i < rules.size(); i++) {
            refuse(Validation.rule(rules.get(i), allRules, allMetrics, allMirrors), new Where(source, lines, "rules", i, rules.get(i).name(), messages));
        }
        store.saveAll(targets.stream().map(t -> t.id() < 0 ? t.withId(0) : t).toList(),
                mirrors.stream().map(m -> m.id() < 0 ? m.withId(0) : m).toList(),
                metrics.stream().map(m -> m.id() < 0 ? m.withId(0) : m).toList(),
                rules.stream().map(r -> r.id() < 0 ? r.withId(0) : r).toList());
        return new ImportResult(count(targets, Target::id, true), count(targets, Target::id, false),
                count(mirrors, MirrorDef::id, true), count(mirrors, MirrorDef::id, false),
                count(metrics, MetricDef::id, true), count(metrics, MetricDef::id, false));
    }

    static Document parse(String yaml, String source, Messages messages) {
        Document doc;
        try {
            doc = YAML.readValue(yaml, Document.class);
        } catch (JsonProcessingException | RuntimeException e) {
            // the parser's own words never reach the user: the problem is read from the exception's type and location
            throw new InputException(source, InputErrors.of(e, yaml), messages, e);
        }
        if (doc == null) {
            throw new InputException(source, InputProblem.at(0, "", "input.empty"), messages);
        }
        if (doc.vigil() != null && doc.vigil() > FORMAT) {
            throw new InputException(source, InputProblem.at(0, "vigil", "input.newer", doc.vigil(), FORMAT), messages);
        }
        return doc;
    }

    // The line each entry of the three lists starts at, by list name, in order.
    private static Map<String, List<Integer>> entryLines(String yaml) {
        Map<String, List<Integer>> out = new HashMap<>();
        try (JsonParser p = YAML.getFactory().createParser(yaml)) {
            int depth = 0;
            String section = null;
            for (JsonToken t = p.nextToken(); t != null; t = p.nextToken()) {
                if (t == JsonToken.FIELD_NAME && depth == 1) {
                    section = p.currentName();
                } else if (t == JsonToken.START_OBJECT || t == JsonToken.START_ARRAY) {
                    if (t == JsonToken.START_OBJECT && depth == 2 && section != null) {
                        out.computeIfAbsent(section, k -> new ArrayList<>()).add(p.currentTokenLocation().getLineNr());
                    }
                    depth++;
                } else if (t == JsonToken.END_OBJECT || t == JsonToken.END_ARRAY) {
                    depth--;
                }
            }
        } catch (IOException e) {
            return out; // parse() has already said what is wrong with the file
        }
        return out;
    }

    /** An entry of the file: its line, and how a message names it ("target “prod”"), cut when its name is long. */
    private record Where(String source, int line, Reason entry, Map<String, List<Integer>> lines, String section, Messages messages) {

        Where(String source, Map<String, List<Integer>> lines, String section, int index, String name, Messages messages) {
            this(source, lineOf(lines, section, index), Reason.of("input.entry", switch (section) {
                case "targets" -> Reason.of("input.entry.target");
                case "mirrors" -> Reason.of("input.entry.mirror");
                case "metrics" -> Reason.of("input.entry.metric");
                default -> Reason.of("input.entry.rule");
            }, InputProblem.cut(nullToBlank(name))), lines, section, messages);
        }

        void require(boolean ok, String field, Reason expected) {
            if (!ok) {
                throw fail(field, Reason.of("input.missing", expected));
            }
        }

        InputException fail(String field, Reason what) {
            return new InputException(source, new InputProblem(line, entry, field, what), messages);
        }
    }

    private static int lineOf(Map<String, List<Integer>> lines, String section, int index) {
        List<Integer> l = lines.getOrDefault(section, List.of());
        return index < l.size() ? l.get(index) : 0;
    }

    private static void duplicate(Map<String, Integer> seen, String key, int index, Where where) {
        Integer first = seen.putIfAbsent(key, index);
        if (first != null) {
            int line = lineOf(where.lines(), where.section(), first);
            throw where.fail("", line > 0 ? Reason.of("input.twice", line) : Reason.of("input.twice.noLine"));
        }
    }

    private static void refuse(List<Problem> problems, Where where) {
        if (!problems.isEmpty()) {
            throw where.fail("", InputProblem.rules(problems));
        }
    }

    private static <T> List<T> merged(List<T> stored, List<T> incoming, java.util.function.ToLongFunction<T> id) {
        List<T> out = new ArrayList<>(incoming);
        for (T s : stored) {
            if (incoming.stream().noneMatch(i -> id.applyAsLong(i) == id.applyAsLong(s))) {
                out.add(s);
            }
        }
        return out;
    }

    private static <T> int count(List<T> items, java.util.function.ToLongFunction<T> id, boolean added) {
        return (int) items.stream().filter(x -> (id.applyAsLong(x) < 0) == added).count();
    }

    private static <T> List<T> orEmpty(List<T> l) {
        return l == null ? List.of() : l;
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s;
    }

    private static String nullToBlank(String s) {
        return s == null ? "" : s;
    }

    private static String lower(String s) {
        return nullToBlank(s).toLowerCase(Locale.ROOT);
    }
}
