package io.vigil;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.function.Consumer;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.cli.CollectorFile;
import io.vigil.config.AppDirs;
import io.vigil.config.ChannelDef;
import io.vigil.config.ChannelType;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConfigYaml;
import io.vigil.config.FirstStart;
import io.vigil.config.InputException;
import io.vigil.config.MuteWindow;
import io.vigil.config.SecretBox;
import io.vigil.config.Severity;
import io.vigil.config.StoreLocation;
import io.vigil.config.TargetKind;
import io.vigil.gather.Spool;
import io.vigil.i18n.Messages;
import io.vigil.ui.alerts.AlertsViewModel;
import io.vigil.ui.alerts.MuteFormViewModel;
import io.vigil.ui.alerts.MuteUntil;
import io.vigil.ui.alerts.MutesViewModel;
import io.vigil.ui.channels.ChannelFormViewModel;
import io.vigil.ui.dashboard.Snapshots;
import io.vigil.ui.definitions.DefinitionsViewModel;
import io.vigil.ui.definitions.MetricFormViewModel;
import io.vigil.ui.definitions.MirrorFormViewModel;
import io.vigil.ui.targets.TargetFormViewModel;
import io.vigil.ui.util.DirectTaskExecutor;
import io.vigil.watch.LatestValues;
import io.vigil.watch.Watch;

import picocli.CommandLine;

/**
 * Generated bad input — mutations of valid files (wrong types, a cut at every offset, unknown and missing fields, bad
 * ports, bad SQL, huge values, binary garbage) and bad values typed into the forms and on the command line — through
 * every door it can come in by: import, {@code --config}, the target, mirror, metric, rule, channel and mute forms, and the {@code vigil}
 * command run in-process. No exception escapes, each one gets a sentence free of Java and parser words in English and
 * Chinese, the exit code is the documented one, and what was stored before is unchanged.
 */
class BadInputGeneratorTest {

    /** A valid file as {@code vigil export} writes it: one MySQL target, a mirror with a variant, a metric reading it, a rule on it. */
    static final String IMPORT_SEED = """
            vigil: 1
            targets:
              - name: shop
                kind: MYSQL
                host: db1.example.com
                port: 3306
                connectBy: DATABASE
                database: shop
                user: monitor
                tags: [prod, billing]
                enabled: true
            mirrors:
              - name: proc
                kind: MYSQL
                table: my_proc
                interval: 30
                rowCap: 1000
                mode: REPLACE
                enabled: true
                sql: SELECT id, state FROM information_schema.processlist
                variants:
                  - since: 10.5
                    sql: SELECT id, state, info FROM information_schema.processlist
            metrics:
              - name: custom.threads
                kind: MYSQL
                type: GAUGE
                unit: sessions
                interval: 30
                freshness: 120
                mirrors: [proc]
                warn: 50
                crit: 80
                sql: SELECT COUNT(*) AS value FROM my_proc WHERE target_id = ?
            rules:
              - name: custom.threads.high
                kind: MYSQL
                type: THRESHOLD
                subject: custom.threads
                labels: {state: "*"}
                direction: ABOVE
                warn: 50
                crit: 80
                hold: 120
                recovery: 5
                enabled: true
            """;

    /** A valid {@code --config} file. */
    static final String COLLECTOR_SEED = """
            targets:
              - name: prod-db
                kind: ORACLE
                host: db1.example.com
                port: 1521
                service: ORCLPDB1
                user: vigil
                passwordEnv: PROD_DB_PASSWORD
                tags: [prod]
              - name: shop
                kind: MYSQL
                host: 10.0.0.7
                database: shop
                user: monitor
                passwordEnv: SHOP_PASSWORD
                enabled: false
            """;

    /** Values that are wrong for most fields; each replaces a field's value in turn. */
    static final List<String> BAD_VALUES = List.of("abc", "[1, 2]", "{a: 1}", "-5", "1.5", "99999999999999999999", "\"" + "x".repeat(5000) + "\"",
            ".nan", "-.inf", "\"\\u0000\\u0007\"", "'", "\"unclosed", "[unclosed", "{a: [", "&anchor", "*nowhere", "!!binary AAAA", "|",
            "0", "65536", "null", "yes", "\"\\uD800\"", "@at", "`tick`", "%percent", "[~]", "[a, ~]", "[[a]]", "{}");

    static final List<String> BAD_PORTS = List.of("0", "65536", "-1", "80.5", "eighty", "0x50", "1e3", "99999999999", "' 80'", "[80]",
            "{port: 80}", "\"\"", "~", "3306 # comment");

    static final List<String> BAD_SQL = List.of("DELETE FROM my_proc", "UPDATE my_proc SET state = 'x'", "DROP TABLE my_proc",
            "INSERT INTO my_proc VALUES (1)", "SELECT 1; SELECT 2", "SELECT 1; DROP TABLE my_proc", "TRUNCATE TABLE my_proc",
            "CALL do_it()", "\"\"", "GRANT ALL ON *.* TO x", "CREATE TABLE t (a INT)", "MERGE INTO t USING s ON (1=1)");

    static final List<String> FORBIDDEN = List.of("java.", "Exception", "com.fasterxml", "org.yaml", "\tat ", "Cannot deserialize",
            "while parsing", "while scanning", "Input length", "io.vigil", "picocli", "null");

    @TempDir
    Path home;
    @TempDir
    Path files;
    @TempDir
    Path forms;
    ConfigStore store;
    final Messages en = new Messages(Locale.ENGLISH);
    final Messages zh = new Messages(Locale.SIMPLIFIED_CHINESE);
    final Instant at = Instant.parse("2026-12-06T12:00:00Z");
    int checked;
    int accepted;

    @BeforeEach
    void open() {
        AppDirs dirs = new AppDirs(home);
        store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
        ConfigYaml.importInto(store, IMPORT_SEED, "seed.yaml", en);
    }

    @AfterEach
    void close() {
        store.close();
        System.clearProperty("vigil.home");
    }

    // ---- the generator -----------------------------------------------------------------------------------------------

    /** Mutations of a valid YAML text: name → bytes of the file. */
    static Map<String, byte[]> mutations(String seed, List<String> extra, long randomSeed) {
        Map<String, byte[]> out = new LinkedHashMap<>();
        Random random = new Random(randomSeed);
        for (int k = 0; k < seed.length(); k++) {
            out.put("cut at " + k, utf8(seed.substring(0, k)));
        }
        String[] lines = seed.split("\n");
        for (int i = 0; i < lines.length; i++) {
            String line = lines[i];
            int colon = line.indexOf(": ");
            if (colon > 0) {
                String key = line.substring(0, colon + 2);
                for (String bad : BAD_VALUES) {
                    out.put("line " + (i + 1) + " = " + InputShort.of(bad), utf8(replaceLine(lines, i, key + bad)));
                }
                for (String bad : extra) {
                    out.put("line " + (i + 1) + " extra = " + InputShort.of(bad), utf8(replaceLine(lines, i, key + bad)));
                }
                String indent = line.substring(0, line.length() - line.stripLeading().length()).replace("-", " ");
                out.put("unknown field after line " + (i + 1), utf8(insertAfter(lines, i, indent + "colour: red")));
            }
            out.put("line " + (i + 1) + " dropped", utf8(replaceLine(lines, i, null)));
            out.put("line " + (i + 1) + " tab-indented", utf8(replaceLine(lines, i, "\t" + line.strip())));
        }
        for (int n = 0; n < 60; n++) {
            byte[] garbage = new byte[1 + random.nextInt(2000)];
            random.nextBytes(garbage);
            out.put("binary " + n, garbage);
        }
        out.put("png header", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0, 0, 13});
        out.put("utf-16", seed.getBytes(StandardCharsets.UTF_16));
        out.put("latin-1 with an umlaut", (seed.replace("monitor", "m\u00fcnitor")).getBytes(StandardCharsets.ISO_8859_1));
        out.put("empty", new byte[0]);
        out.put("only a comment", utf8("# nothing here\n"));
        out.put("a list at the top", utf8("- 1\n- 2\n"));
        out.put("a scalar at the top", utf8("hello\n"));
        out.put("a null entry", utf8("targets:\n  -\n  - ~\n"));
        out.put("deep nesting", utf8("targets: " + "[".repeat(3000) + "]".repeat(3000) + "\n"));
        out.put("huge name", utf8(seed.replace("name: shop", "name: " + "n".repeat(5000))));
        out.put("huge host", utf8(seed.replace("host: db1.example.com", "host: " + "h".repeat(100_000))));
        out.put("ten thousand tags", utf8(seed.replace("tags: [prod, billing]", "tags: [" + "t,".repeat(10_000) + "t]")));
        out.put("a newer format", utf8(seed.replace("vigil: 1", "vigil: 99")));
        out.put("twice the same", utf8(seed.replace("targets:\n", "targets:\n  - name: shop\n    kind: DEMO_ORACLE\n")));
        out.put("lower-case kind", utf8(seed.replace("kind: MYSQL", "kind: mysql")));
        return out;
    }

    static String replaceLine(String[] lines, int index, String with) {
        List<String> out = new ArrayList<>(List.of(lines));
        if (with == null) {
            out.remove(index);
        } else {
            out.set(index, with);
        }
        return String.join("\n", out) + "\n";
    }

    static String insertAfter(String[] lines, int index, String line) {
        List<String> out = new ArrayList<>(List.of(lines));
        out.add(index + 1, line);
        return String.join("\n", out) + "\n";
    }

    static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    // ---- the checks --------------------------------------------------------------------------------------------------

    void clean(String what, String message) {
        assertThat(message).as("the message for %s", what).isNotBlank().hasSizeLessThan(700);
        for (String word : FORBIDDEN) {
            assertThat(message).as("the message for %s", what).doesNotContain(word);
        }
        checked++;
    }

    void cleanInBothLanguages(String what, InputException e) {
        clean(what, e.getMessage());
        String chinese = e.describe(zh);
        clean(what + " (Chinese)", chinese);
        assertThat(chinese).as("the Chinese message for %s", what).isNotEqualTo(e.getMessage()).containsPattern("[\u4e00-\u9fff]");
    }

    String snapshot(ConfigStore s) {
        return ConfigYaml.export(s.targets(), s.mirrors(), s.metrics(), s.rules(), true, at);
    }

    @Test
    void aThousandBadFilesAreRefusedInWordsAndChangeNothing() throws Exception {
        Map<String, byte[]> inputs = mutations(IMPORT_SEED, concat(BAD_PORTS, BAD_SQL), 14);
        assertThat(inputs).hasSizeGreaterThan(1000);
        String before = snapshot(store);
        int refused = 0;
        int n = 0;
        long started = System.nanoTime();
        for (Map.Entry<String, byte[]> input : inputs.entrySet()) {
            Path file = files.resolve("import-" + n++ + ".yaml");
            Files.write(file, input.getValue());
            try {
                ConfigYaml.importFile(store, file, en);
                accepted++;
                before = snapshot(store); // a mutation that is still a valid file (a cut value): what is stored now is the reference
            } catch (InputException e) {
                refused++;
                cleanInBothLanguages(input.getKey(), e);
                assertThat(e.getMessage()).as(input.getKey()).startsWith(file.getFileName() + ":");
                assertThat(snapshot(store)).as("the store after %s", input.getKey()).isEqualTo(before);
            }
        }
        System.out.printf("import: %d inputs, %d refused, %d still valid, %d ms%n", inputs.size(), refused, accepted,
                (System.nanoTime() - started) / 1_000_000);
        assertThat(refused).isGreaterThan(1000);
    }

    @Test
    void badCollectorFilesAreRefusedInWords() throws Exception {
        Map<String, byte[]> inputs = mutations(COLLECTOR_SEED, BAD_PORTS, 41);
        inputs.put("a password variable that is not set", utf8(COLLECTOR_SEED.replace("SHOP_PASSWORD", "NOT_SET_ANYWHERE")));
        inputs.put("a password file that is not there", utf8(COLLECTOR_SEED.replace("passwordEnv: SHOP_PASSWORD",
                "passwordFile: " + files.resolve("missing.pw"))));
        Map<String, String> env = Map.of("PROD_DB_PASSWORD", "tiger", "SHOP_PASSWORD", "s3cret");
        int refused = 0;
        int n = 0;
        for (Map.Entry<String, byte[]> input : inputs.entrySet()) {
            Path file = files.resolve("collect-" + n++ + ".yaml");
            Files.write(file, input.getValue());
            try {
                CollectorFile.read(file, env, en);
                accepted++;
            } catch (InputException e) {
                refused++;
                cleanInBothLanguages(input.getKey(), e);
            }
        }
        System.out.printf("--config: %d inputs, %d refused, %d still valid%n", inputs.size(), refused, accepted);
        assertThat(refused).isGreaterThan(500);
    }

    @Test
    void badValuesInTheFormsGetAMessageNextToTheFieldAndSaveNothing() {
        AppDirs dirs = new AppDirs(forms);
        try (ConfigStore packs = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            FirstStart.prepare(packs);
            String before = snapshot(packs);
            DefinitionsViewModel model = new DefinitionsViewModel(packs, null, new DirectTaskExecutor(), en, s -> { }, () -> { });
            model.reload();
            List<String> huge = List.of("x".repeat(5000), "\u0000\u0001\u0002", "\ud800", "y".repeat(100_000));

            Map<String, List<String>> targetFields = new LinkedHashMap<>();
            targetFields.put("port", concat(BAD_PORTS, List.of("abc", "", "  ", "1.5", "-0", "+")));
            targetFields.put("name", concat(huge, List.of("", "   ")));
            targetFields.put("host", concat(huge, List.of("", "has space", "a/b", "-lead", "x..y")));
            targetFields.put("database", List.of("d".repeat(256), "d".repeat(100_000)));
            targetFields.put("user", List.of("", " "));
            targetFields.put("tags", List.of("a,,b" + "t".repeat(200), "t".repeat(5000)));
            int cases = 0;
            for (Map.Entry<String, List<String>> field : targetFields.entrySet()) {
                for (String bad : field.getValue()) {
                    TargetFormViewModel f = new TargetFormViewModel(null, packs.targets(), packs, new DirectTaskExecutor(), en);
                    f.kindProperty().set(TargetKind.MYSQL);
                    f.nameProperty().set("shop");
                    f.hostProperty().set("db1.example.com");
                    f.databaseProperty().set("shop");
                    f.userProperty().set("monitor");
                    assertThat(f.validProperty().get()).as("the filled target form").isTrue();
                    switch (field.getKey()) {
                        case "port" -> f.portProperty().set(bad);
                        case "name" -> f.nameProperty().set(bad);
                        case "host" -> f.hostProperty().set(bad);
                        case "database" -> f.databaseProperty().set(bad);
                        case "user" -> f.userProperty().set(bad);
                        default -> f.tagsProperty().set(bad);
                    }
                    formRefuses("target " + field.getKey() + " = " + InputShort.of(bad), f.validProperty().get(),
                            f.problemProperty(field.getKey()).get(), f::save);
                    cases++;
                }
            }

            Map<String, List<String>> mirrorFields = new LinkedHashMap<>();
            mirrorFields.put("intervalSeconds", List.of("0", "-5", "abc", "1.5", "", "99999999999", "15s"));
            mirrorFields.put("rowCap", List.of("0", "-1", "abc", "99999999999", "1e9", "2.5"));
            mirrorFields.put("sql", concat(BAD_SQL.stream().filter(s -> !s.equals("\"\"")).toList(), List.of("", "  ", ";")));
            mirrorFields.put("name", concat(huge, List.of("", "has space", "1starts_with_digit", "drop;table")));
            mirrorFields.put("minVersion", List.of("twelve", "12.x", "..", "v19"));
            for (Map.Entry<String, List<String>> field : mirrorFields.entrySet()) {
                for (String bad : field.getValue()) {
                    MirrorFormViewModel f = model.newMirrorForm();
                    f.nameProperty().set("sga_dynamic");
                    f.sqlProperty().set("SELECT component, current_size FROM v$sga_dynamic_components");
                    f.intervalProperty().set("300");
                    f.rowCapProperty().set("100");
                    assertThat(f.validProperty().get()).as("the filled mirror form").isTrue();
                    switch (field.getKey()) {
                        case "intervalSeconds" -> f.intervalProperty().set(bad);
                        case "rowCap" -> f.rowCapProperty().set(bad);
                        case "sql" -> f.sqlProperty().set(bad);
                        case "name" -> f.nameProperty().set(bad);
                        default -> f.minVersionProperty().set(bad);
                    }
                    formRefuses("mirror " + field.getKey() + " = " + InputShort.of(bad), f.validProperty().get(),
                            f.problemProperty(field.getKey()).get(), f::save);
                    cases++;
                }
            }

            Map<String, List<String>> metricFields = new LinkedHashMap<>();
            metricFields.put("intervalSeconds", List.of("0", "-5", "abc", "1.5", "99999999999", "15s"));
            metricFields.put("freshnessSeconds", List.of("0", "-5", "abc", "1.5", "99999999999", "1m"));
            metricFields.put("warn", List.of("abc", "NaN", "1,5", "--1", "Infinity", "1e400", "0x10"));
            metricFields.put("crit", List.of("abc", "NaN", "1,5", "-Infinity", "1e400"));
            metricFields.put("sql", concat(BAD_SQL.stream().filter(s -> !s.equals("\"\"")).toList(), List.of("", " ")));
            metricFields.put("name", concat(huge, List.of("", "Has Capitals", "has space", "9digits")));
            for (Map.Entry<String, List<String>> field : metricFields.entrySet()) {
                for (String bad : field.getValue()) {
                    MetricFormViewModel f = model.newMetricForm();
                    f.nameProperty().set("custom.sessions.inactive");
                    f.mirrorChosenProperty("session").set(true);
                    f.unitProperty().set("sessions");
                    f.sqlProperty().set("SELECT COUNT(*) AS value FROM ora_session WHERE target_id = ? AND status = 'INACTIVE'");
                    assertThat(f.validProperty().get()).as("the filled metric form").isTrue();
                    switch (field.getKey()) {
                        case "intervalSeconds" -> f.intervalProperty().set(bad);
                        case "freshnessSeconds" -> f.freshnessProperty().set(bad);
                        case "warn" -> f.warnProperty().set(bad);
                        case "crit" -> f.critProperty().set(bad);
                        case "sql" -> f.sqlProperty().set(bad);
                        default -> f.nameProperty().set(bad);
                    }
                    formRefuses("metric " + field.getKey() + " = " + InputShort.of(bad), f.validProperty().get(),
                            f.problemProperty(field.getKey()).get(), f::save);
                    cases++;
                }
            }
            Map<String, List<String>> ruleFields = new LinkedHashMap<>();
            ruleFields.put("warn", List.of("abc", "NaN", "1,5", "Infinity", "1e400"));
            ruleFields.put("crit", List.of("abc", "NaN", "-Infinity", "10"));
            ruleFields.put("holdSeconds", List.of("-1", "abc", "1.5", "99999999999"));
            ruleFields.put("subject", concat(huge, List.of("no.such.metric")));
            ruleFields.put("name", concat(huge, List.of("", "Has Capitals", "has space")));
            for (Map.Entry<String, List<String>> field : ruleFields.entrySet()) {
                for (String bad : field.getValue()) {
                    io.vigil.ui.definitions.RuleFormViewModel f = model.newRuleForm();
                    f.nameProperty().set("oracle.sessions.many");
                    f.subjectProperty().set("oracle.sessions.active");
                    f.warnProperty().set("50");
                    f.critProperty().set("80");
                    assertThat(f.validProperty().get()).as("the filled rule form").isTrue();
                    switch (field.getKey()) {
                        case "warn" -> f.warnProperty().set(bad);
                        case "crit" -> f.critProperty().set(bad);
                        case "holdSeconds" -> f.holdProperty().set(bad);
                        case "subject" -> f.subjectProperty().set(bad);
                        default -> f.nameProperty().set(bad);
                    }
                    formRefuses("rule " + field.getKey() + " = " + InputShort.of(bad), f.validProperty().get(),
                            f.problemProperty(field.getKey()).get(), f::save);
                    cases++;
                }
            }
            int channelCases = channelFormRefuses(packs, huge);
            int muteCases = muteFormRefuses(packs, huge);
            assertThat(snapshot(packs)).as("nothing a refused form held was saved").isEqualTo(before);
            System.out.printf("forms: %d bad values (%d target/mirror/metric/rule, %d channel, %d mute)%n", cases + channelCases + muteCases,
                    cases, channelCases, muteCases);
            assertThat(cases).isGreaterThan(120);
            assertThat(channelCases).isGreaterThan(100);
            assertThat(muteCases).isGreaterThan(40);
        }
    }

    /** Each bad value in each field of the channel form, for the types that use it, in English and Chinese. */
    int channelFormRefuses(ConfigStore packs, List<String> huge) {
        ChannelDef taken = packs.saveChannel(new ChannelDef(0, "DBA desktop", ChannelType.DESKTOP, "", "", null, "", List.of(), Severity.WARN,
                0, true, true));
        List<ChannelDef> before = packs.channels();
        List<String> badNumbers = List.of("abc", "-1", "99999999999", "1e309", "NaN", "-NaN", "Infinity", "1.5", "1,5", "0x10", "1h", "10081",
                "2147483647", "-2147483648", "\u0000", "x".repeat(5000));
        List<String> badUrls = concat(huge, List.of("", "   ", "hooks.slack.com/x", "ftp://files.example.com/x", "https://", "http:///path",
                "https://exa mple.com/x", "https://hooks.example.com/a b", "https://host:0/x", "https://host:65536/x", "https://host:99999999999/x",
                "https://host:abc/x", "https://host:-1/x", "https://-lead.example.com/x", "https://x..y/", "https://a_b/x", "https://a/\u0000",
                "https://a/\u0007bell", "javascript:alert(1)", "mailto:dba@example.com", "https://[zz]/x", "https://user@/x", "https://:80/x",
                "https://" + "h".repeat(5000) + ".com/", "https://example.com/" + "p".repeat(2000), "\u00ff\u00fe\u00fd\ufffd",
                "https://\ud800.example.com/"));
        List<String> badServers = concat(huge, List.of("", "  ", "bad host:25", "smtp.example.com:", "smtp.example.com:0",
                "smtp.example.com:65536", "smtp.example.com:99999999999", "smtp.example.com:abc", "smtp.example.com:-25",
                "smtp.example.com:1e3", "smtp..example.com:25", "-smtp.example.com", "smtp.example.com:25:25", "https://smtp.example.com",
                "smtp.example.com/x", "\u00ff\u00fe:25", "h".repeat(300) + ":25"));
        List<String> badMails = List.of("", "  ", "nobody", "a@", "@b", "a@b@c", "vigil@exa mple.com", "vigil@-bad-.com", "vigil@example..com",
                "x".repeat(5000) + "@example.com", "\u0000@example.com", "vigil@example.com\u0007", "<vigil@example.com>", "\ud800@example.com",
                "vigil@" + "d".repeat(300) + ".com");
        List<String> badRecipients = concat(badMails.stream().filter(m -> !m.isBlank()).toList(), List.of("", "  ", ",;\n",
                "dba@example.com, nobody", "dba@example.com; a@b@c", "dba@example.com, " + "x".repeat(5000),
                "d@example.com,".repeat(300), "dba@example.com\u0000"));

        // field → the type that shows it → bad values
        List<Object[]> fields = List.of(
                new Object[] {"name", ChannelType.WEBHOOK, concat(huge, List.of("", "   ", "DBA desktop", "dba DESKTOP", "tab\there", "line\nbreak"))},
                new Object[] {"endpoint", ChannelType.WEBHOOK, badUrls},
                new Object[] {"endpoint", ChannelType.DINGTALK, badUrls},
                new Object[] {"endpoint", ChannelType.EMAIL, badServers},
                new Object[] {"user", ChannelType.EMAIL, List.of("u".repeat(256), "x".repeat(5000), "\u0000\u0001", "vigil\tmail", "\ud800")},
                new Object[] {"secret", ChannelType.EMAIL, List.of("s".repeat(257), "x".repeat(5000), "\u5bc6".repeat(100))},
                new Object[] {"secret", ChannelType.DINGTALK, List.of("s".repeat(257), "y".repeat(100_000))},
                new Object[] {"sender", ChannelType.EMAIL, badMails},
                new Object[] {"recipients", ChannelType.EMAIL, badRecipients},
                new Object[] {"repeatMinutes", ChannelType.WEBHOOK, badNumbers},
                new Object[] {"repeatMinutes", ChannelType.EMAIL, badNumbers});
        int cases = 0;
        for (Object[] field : fields) {
            String name = (String) field[0];
            ChannelType type = (ChannelType) field[1];
            @SuppressWarnings("unchecked")
            List<String> values = (List<String>) field[2];
            for (String bad : values) {
                String what = "channel " + type + " " + name + " = " + InputShort.of(bad);
                for (Messages language : List.of(en, zh)) {
                    ChannelFormViewModel f = new ChannelFormViewModel(null, packs.channels(), packs,
                            ch -> java.util.concurrent.CompletableFuture.completedFuture(""), new DirectTaskExecutor(), language);
                    f.nameProperty().set("DBA on-call");
                    f.typeProperty().set(type);
                    f.endpointProperty().set(type == ChannelType.EMAIL ? "smtp.example.com:587"
                            : type == ChannelType.DINGTALK ? "https://oapi.dingtalk.com/robot/send?access_token=abc" : "https://hooks.example.com/vigil");
                    f.userProperty().set("vigil");
                    f.secretProperty().set("s3cret");
                    f.senderProperty().set("vigil@example.com");
                    f.recipientsProperty().set("dba@example.com, oncall@example.com");
                    f.repeatProperty().set("60");
                    assertThat(f.validProperty().get()).as("the filled %s channel form: %s", type, f.formErrorProperty().get()).isTrue();
                    switch (name) {
                        case "name" -> f.nameProperty().set(bad);
                        case "endpoint" -> f.endpointProperty().set(bad);
                        case "user" -> f.userProperty().set(bad);
                        case "secret" -> f.secretProperty().set(bad);
                        case "sender" -> f.senderProperty().set(bad);
                        case "recipients" -> f.recipientsProperty().set(bad);
                        default -> f.repeatProperty().set(bad);
                    }
                    if (language == en) {
                        formRefuses(what, f.validProperty().get(), f.problemProperty(name).get(), f::save);
                    } else {
                        chineseFormRefuses(what, f.validProperty().get(), f.problemProperty(name).get(), f::save);
                    }
                }
                cases++;
            }
        }
        assertThat(packs.channels()).as("nothing a refused channel form held was saved").isEqualTo(before).contains(taken);
        return cases;
    }

    /** Each bad value in each field of the mute form (target, rule, end, reason), in English and Chinese. */
    int muteFormRefuses(ConfigStore packs, List<String> huge) {
        java.time.ZoneId zone = java.time.ZoneOffset.UTC;
        java.time.LocalDate today = at.atZone(zone).toLocalDate();
        Map<Messages, AlertsViewModel> alerts = new LinkedHashMap<>();
        for (Messages language : List.of(en, zh)) {
            AlertsViewModel model = new AlertsViewModel(packs, (key, by, comment) -> true, new DirectTaskExecutor(), language,
                    java.time.Clock.fixed(at, zone), zone, "li.wei");
            model.update(new Watch.Snapshot(at, List.of(Snapshots.target(1, "billing-prod", TargetKind.ORACLE),
                    Snapshots.target(2, "shop", TargetKind.MYSQL)), Map.of(), List.of(), new LatestValues(), new Spool.Fill(0, 0, 0, 0, 0),
                    List.of()));
            model.shown();
            alerts.put(language, model);
        }
        List<MuteWindow> before = packs.mutes(at);
        String someRule = alerts.get(en).mutes().form().rules().get(1);

        // an end: the quick choice is CUSTOM, then a date (null = none chosen) and a time typed
        record End(java.time.LocalDate date, String time) {
        }
        List<End> ends = new ArrayList<>();
        for (String time : concat(huge, List.of("", "  ", "abc", "-1", "0", "99999999999", "1e309", "NaN", "25:00", "24:00", "12:60",
                "22:00:61", "22h", "22.30", "10 pm", "22:00 tomorrow", "\u00ff\u00fe", "\uff12\uff12:00"))) {
            ends.add(new End(today.plusDays(1), time));
        }
        ends.add(new End(null, "22:00"));
        ends.add(new End(today.minusDays(1), "22:00")); // in the past
        ends.add(new End(today, "11:59")); // earlier today
        ends.add(new End(today, "12:00")); // now: it would end as it starts
        ends.add(new End(today, "0:00"));
        ends.add(new End(java.time.LocalDate.of(1970, 1, 1), "00:00"));
        ends.add(new End(java.time.LocalDate.MIN, "00:00"));
        ends.add(new End(today.plusYears(2), "22:00")); // absurdly long
        ends.add(new End(today.plusDays(367), "12:00"));
        ends.add(new End(java.time.LocalDate.of(9999, 12, 31), "23:59"));
        ends.add(new End(java.time.LocalDate.MAX, "23:59"));

        Map<String, List<Object>> fields = new LinkedHashMap<>();
        fields.put("target", new ArrayList<>(concat(huge, List.of("no-such-db", "billing", "billing-prod2", "tab\there", "x".repeat(65)))));
        fields.put("rule", new ArrayList<>(concat(huge, List.of("no.such.rule", someRule.toUpperCase(Locale.ROOT), someRule + "x",
                "r".repeat(65)))));
        fields.put("ends", new ArrayList<>(ends));
        fields.put("reason", new ArrayList<>(List.of("x".repeat(501), "y".repeat(5000), "z".repeat(100_000), "\u0000\u0001\u0002",
                "patch\tnight", "line\nbreak", "\ud800", "broken \udc00 half")));
        int cases = 0;
        for (Map.Entry<String, List<Object>> field : fields.entrySet()) {
            for (Object bad : field.getValue()) {
                String what = "mute " + field.getKey() + " = " + (bad instanceof End e ? e.date() + " " + InputShort.of(e.time()) : InputShort.of(
                        (String) bad));
                for (Map.Entry<Messages, AlertsViewModel> language : alerts.entrySet()) {
                    MutesViewModel mutes = language.getValue().mutes();
                    MuteFormViewModel f = mutes.form();
                    f.targetProperty().set("billing-prod");
                    f.ruleProperty().set(someRule);
                    f.untilProperty().set(MuteUntil.FOUR_HOURS);
                    f.reasonProperty().set("patching");
                    assertThat(f.validProperty().get()).as("the filled mute form").isTrue();
                    switch (field.getKey()) {
                        case "target" -> f.targetProperty().set((String) bad);
                        case "rule" -> f.ruleProperty().set((String) bad);
                        case "reason" -> f.reasonProperty().set((String) bad);
                        default -> {
                            End e = (End) bad;
                            f.untilProperty().set(MuteUntil.CUSTOM);
                            f.customDateProperty().set(e.date());
                            f.customTimeProperty().set(e.time());
                        }
                    }
                    Consumer<Consumer<MuteWindow>> save = done -> mutes.save(f, done);
                    if (language.getKey() == en) {
                        formRefuses(what, f.validProperty().get(), f.problemProperty(field.getKey()).get(), save);
                    } else {
                        chineseFormRefuses(what, f.validProperty().get(), f.problemProperty(field.getKey()).get(), save);
                    }
                    assertThat(f.formErrorProperty().get()).as("the store was not asked for %s", what).isEmpty();
                }
                cases++;
            }
        }
        assertThat(packs.mutes(at)).as("nothing a refused mute form held was saved").isEqualTo(before).isEmpty();
        return cases;
    }

    <T> void chineseFormRefuses(String what, boolean valid, String problem, Consumer<Consumer<T>> save) {
        formRefuses(what + " (Chinese)", valid, problem, save);
        assertThat(problem).as("the Chinese message for %s", what).containsPattern("[\u4e00-\u9fff]");
    }

    <T> void formRefuses(String what, boolean valid, String problem, Consumer<Consumer<T>> save) {
        assertThat(valid).as("%s is refused", what).isFalse();
        clean(what, problem);
        save.accept(saved -> {
            throw new AssertionError(what + " was saved");
        });
    }

    /** A value as a test's description quotes it. */
    static final class InputShort {
        static String of(String s) {
            return s.length() > 30 ? s.substring(0, 30) + "\u2026 (" + s.length() + " chars)" : s;
        }
    }

    // ---- the command, in-process -------------------------------------------------------------------------------------

    record Run(int exit, String out, String err) {
    }

    Run vigil(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        CommandLine cl = Main.commandLine();
        cl.setOut(new PrintWriter(out, true));
        cl.setErr(new PrintWriter(err, true));
        int exit = cl.execute(args);
        return new Run(exit, out.toString(), err.toString());
    }

    void refusedWith(int exit, Run r, String... args) {
        String what = "vigil " + String.join(" ", List.of(args)).replaceAll("(.{80}).*", "$1\u2026");
        assertThat(r.exit()).as("the exit code of %s (%s%s)", what, r.out(), r.err()).isEqualTo(exit);
        assertThat(r.err()).as("what %s says (out: %s)", what, r.out()).isNotBlank();
        clean(what, r.err().strip());
        assertThat(r.err().strip().lines().count()).as("one sentence for %s: %s", what, r.err()).isEqualTo(1);
    }

    @Test
    void theCommandRefusesBadFilesOptionsAndSettingsInOneSentenceWithTheRightExitCode() throws Exception {
        Path data = files.resolve("data");
        Path demo = files.resolve("demo.yaml");
        Files.writeString(demo, "targets:\n  - name: lab\n    kind: DEMO_ORACLE\n");
        assertThat(vigil("import", "--data-dir", data.toString(), demo.toString()).exit()).isZero();
        Run exported = vigil("export", "--data-dir", data.toString());
        assertThat(exported.exit()).isZero();
        String stored = exported.out().lines().filter(l -> !l.startsWith("exported:")).toList().toString();

        // bad files: import refuses them whole (exit 1), collect --config before collecting anything (exit 2)
        // the target is a demo here, so that a mutation still valid (a cut value) leaves a store check can pass
        String seed = IMPORT_SEED.replaceFirst("kind: MYSQL", "kind: DEMO_ORACLE");
        List<Map.Entry<String, byte[]>> imports = new ArrayList<>(mutations(seed, BAD_SQL, 7).entrySet());
        List<Map.Entry<String, byte[]>> collects = new ArrayList<>(mutations(COLLECTOR_SEED, BAD_PORTS, 8).entrySet());
        int runs = 0;
        for (int i = 0; i < imports.size(); i += 150) {
            Path file = files.resolve("cli-import-" + i + ".yaml");
            Files.write(file, imports.get(i).getValue());
            Run r = vigil("import", "--data-dir", data.toString(), file.toString());
            String now = vigil("export", "--data-dir", data.toString()).out().lines().filter(l -> !l.startsWith("exported:")).toList()
                    .toString();
            if (r.exit() != 0) {
                refusedWith(1, r, "import", imports.get(i).getKey());
                assertThat(r.err()).startsWith("Nothing was imported. " + file.getFileName() + ":");
                assertThat(now).as("the store after %s", imports.get(i).getKey()).isEqualTo(stored);
                runs++;
            }
            stored = now; // a mutation that is still valid (a cut value) was imported: the reference from here on
        }
        for (int i = 0; i < collects.size(); i += 80) {
            Path file = files.resolve("cli-collect-" + i + ".yaml");
            Files.write(file, collects.get(i).getValue());
            Run r = vigil("collect", "--data-dir", data.toString(), "--config", file.toString(), "--duration", "1s");
            if (r.exit() != 0) {
                refusedWith(2, r, "collect --config", collects.get(i).getKey());
                runs++;
            }
        }

        // bad options and values: picocli's usage exit code (2), one translated sentence, no stack trace
        List<String[]> usage = List.of(
                new String[] {"check", "--bogus"},
                new String[] {"check", "--data-dir"},
                new String[] {"frobnicate"},
                new String[] {"collect", "--data-dir", data.toString(), "--duration", "soon"},
                new String[] {"collect", "--data-dir", data.toString(), "--duration", "x".repeat(5000)},
                new String[] {"collect", "--data-dir", data.toString(), "--every", "many"},
                new String[] {"collect", "--data-dir", data.toString(), "--every", "99999999999999"},
                new String[] {"collect", "--data-dir", data.toString(), "--lease", "1.5"},
                new String[] {"collect", "--data-dir", data.toString(), "--http", "not-a-port"},
                new String[] {"collect", "--data-dir", data.toString(), "--ledger", "http://redis1:6379", "--duration", "1s"},
                new String[] {"collect", "--data-dir", data.toString(), "--cache", "postgres://db", "--duration", "1s"},
                new String[] {"collect", "--data-dir", data.toString(), "--series", "redis://x", "--duration", "1s"},
                new String[] {"collect", "--data-dir", data.toString(), "--ledger", "redis://r:1", "--ledger-password-file",
                        files.resolve("absent.pw").toString(), "--duration", "1s"},
                new String[] {"collect", "--data-dir", data.toString(), "--ledger", "::not a uri::"},
                new String[] {"import"},
                new String[] {"--exit-after", "soon"},
                new String[] {"--lang", "zh-CN", "--exit-after", "soon"},
                new String[] {"check", "--data-dir", data.toString(), "--data-dir", data.toString()},
                new String[] {"report"},
                new String[] {"grants"});
        for (String[] args : usage) {
            refusedWith(2, vigil(args), args);
            runs++;
        }
        assertThat(vigil("--lang", "zh-CN", "--exit-after", "soon").err()).containsPattern("[\u4e00-\u9fff]");

        // a settings file that does not parse: check says which setting and stops before touching anything (exit 2)
        Path odd = files.resolve("odd");
        Files.createDirectories(odd);
        AppDirs oddDirs = new AppDirs(odd);
        for (byte[] settings : List.of(utf8("configStore.kind=ORACLE\n"), utf8("language=\\uZZZZ\n"),
                new byte[] {'l', '=', (byte) 0xC3, (byte) 0x28}, utf8("theme=" + "z".repeat(5000) + "\n"))) {
            Files.createDirectories(oddDirs.settingsFile().getParent());
            Files.write(oddDirs.settingsFile(), settings);
            Run r = vigil("check", "--data-dir", odd.toString());
            refusedWith(2, r, "check with a bad settings file");
            assertThat(r.err()).contains("fix or delete it");
            assertThat(Files.readAllBytes(oddDirs.settingsFile())).as("the settings file is left as it was").isEqualTo(settings);
            runs++;
        }

        // and what was stored still works
        Run check = vigil("check", "--data-dir", data.toString());
        assertThat(check.exit()).as(check.out() + check.err()).isZero();
        System.out.printf("vigil in-process: %d refused runs%n", runs);
        assertThat(runs).isGreaterThan(30);
    }

    @SafeVarargs
    static <T> List<T> concat(List<T>... lists) {
        List<T> out = new ArrayList<>();
        for (List<T> l : lists) {
            out.addAll(l);
        }
        return out;
    }
}
