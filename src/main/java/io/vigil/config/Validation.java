package io.vigil.config;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The rules a target, mirror or metric must meet before it is saved. Pure functions: the forms call them on every
 * keystroke to show problems next to the field, and the config store calls them again before it writes.
 */
public final class Validation {

    static final int MAX_NAME = 64;
    static final int MAX_TAG = 32;
    static final int MAX_TABLE = 60;
    static final int MAX_ROW_CAP = 10_000_000;
    static final int MAX_DESCRIPTION = 1000;
    static final int MAX_UNIT = 32;
    /** The longest host, database, TNS_ADMIN folder, user and column the config store keeps (its column sizes). */
    static final int MAX_HOST = 255;
    static final int MAX_DATABASE = 255;
    static final int MAX_TNS_ADMIN = 1024;
    static final int MAX_USER = 128;
    static final int MAX_COLUMN = 128;
    static final int MAX_PRIVILEGES = 2000;
    static final int MAX_SUBJECT = 128;
    /** The columns of a notification channel: its URL or mail server, SMTP login, one address, all recipients. */
    static final int MAX_ENDPOINT = 1024;
    static final int MAX_MAIL_USER = 255;
    static final int MAX_MAIL = 254;
    static final int MAX_RECIPIENTS = 2000;
    /** A reminder at least once a week, or never (0). */
    static final int MAX_REPEAT_MINUTES = 7 * 24 * 60;
    /** A mute longer than this is a target to switch off rather than a maintenance window. */
    static final java.time.Duration MAX_MUTE = java.time.Duration.ofDays(366);
    static final int MAX_MUTE_REASON = 500;
    /** A password's longest UTF-8 form that still fits the config store once encrypted. */
    static final int MAX_PASSWORD_BYTES = 256;

    private static final Pattern HOST_NAME = Pattern.compile(
            "(?=.{1,253}$)([A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)(\\.[A-Za-z0-9]([A-Za-z0-9-]{0,61}[A-Za-z0-9])?)*\\.?");
    private static final Pattern IPV6 = Pattern.compile("\\[?[0-9A-Fa-f:.]*:[0-9A-Fa-f:.]*]?");
    private static final Pattern MIRROR_NAME = Pattern.compile("[A-Za-z][A-Za-z0-9_]*");
    private static final Pattern METRIC_NAME = Pattern.compile("[a-z][a-z0-9_.]*");
    private static final Pattern IDENTIFIER = Pattern.compile("[A-Za-z][A-Za-z0-9_$#]*");
    private static final Pattern EMAIL = Pattern.compile("[^@\\s<>]+@[^@\\s<>]+");
    // scheme, optional login, host (name, IPv4 or [IPv6]), optional port, then a path, query or fragment without spaces
    private static final Pattern WEBHOOK = Pattern.compile(
            "(?i)https?://(?:[^\\s/?#@\\[\\]]+@)?([^\\s/?#@:\\[\\]]+|\\[[0-9A-Fa-f:.]+])(?::(\\d+))?(?:[/?#]\\S*)?");
    private static final Pattern TABLE = Pattern.compile("[A-Za-z][A-Za-z0-9_$]*");

    private Validation() {
    }

    /** Problems with a target; {@code saved} holds every stored target (the one with the same id is ignored). */
    public static List<Problem> target(Target t, Collection<Target> saved) {
        List<Problem> problems = new ArrayList<>();
        checkName(t.name(), problems);
        if (!t.name().isEmpty() && saved.stream().anyMatch(o -> o.id() != t.id() && o.name().equalsIgnoreCase(t.name()))) {
            problems.add(Problem.of("name", "problem.name.taken.target", t.name()));
        }
        if (t.kind().isNetworked()) {
            checkConnection(t, problems);
            // a switched-off target may wait for its login (targets imported from tnsnames.ora arrive without one)
            if (t.user().isEmpty() && t.enabled()) {
                problems.add(Problem.of("user", "problem.user.required"));
            }
        }
        checkLength("database", t.database(), MAX_DATABASE, problems);
        checkLength("tnsAdmin", t.tnsAdmin(), MAX_TNS_ADMIN, problems);
        checkLength("user", t.user(), MAX_USER, problems);
        for (String[] text : new String[][] {{"database", t.database()}, {"tnsAdmin", t.tnsAdmin()}, {"user", t.user()},
                {"tags", String.join("", t.tags())}}) {
            if (!printable(text[1])) {
                problems.add(Problem.of(text[0], "problem.text.unprintable"));
            }
        }
        if (!t.password().isEmpty() && t.password().reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            problems.add(Problem.of("password", "problem.password.tooLong", MAX_PASSWORD_BYTES));
        }
        for (String tag : t.tags()) {
            if (tag.length() > MAX_TAG) {
                problems.add(Problem.of("tags", "problem.tag.tooLong", tag, MAX_TAG));
            } else if (tag.contains(",")) {
                problems.add(Problem.of("tags", "problem.tag.comma", tag));
            }
        }
        checkTls(t, problems);
        return problems;
    }

    /** The longest CA file path the config store keeps. */
    static final int MAX_TLS_CA_FILE = 1024;

    /** The demo has no connection to encrypt; the CA file's path fits the store (whether it exists is the form's to say). */
    private static void checkTls(Target t, List<Problem> problems) {
        if (!t.kind().isNetworked() && t.tls().on()) {
            problems.add(Problem.of("tls", "problem.tls.demo"));
        }
        if (t.tls().caFile().length() > MAX_TLS_CA_FILE) {
            problems.add(Problem.of("tlsCaFile", "problem.tls.caFile.tooLong", MAX_TLS_CA_FILE));
        }
    }

    private static void checkConnection(Target t, List<Problem> problems) {
        switch (t.kind()) {
            case ORACLE -> {
                if (t.connectBy() == ConnectBy.DATABASE) {
                    problems.add(Problem.of("connectBy", "problem.connectBy.oracle"));
                }
                if (t.database().isEmpty()) {
                    problems.add(Problem.of("database", switch (t.connectBy()) {
                        case SID -> "problem.sid.required";
                        case TNS_ALIAS -> "problem.alias.required";
                        default -> "problem.service.required";
                    }));
                }
                if (t.connectBy() == ConnectBy.TNS_ALIAS) {
                    if (t.tnsAdmin().isEmpty()) {
                        problems.add(Problem.of("tnsAdmin", "problem.tnsAdmin.required"));
                    }
                    return; // host and port come from tnsnames.ora
                }
            }
            case MYSQL, POSTGRES -> {
                if (t.connectBy() != ConnectBy.DATABASE) {
                    problems.add(Problem.of("connectBy", "problem.connectBy.database"));
                }
                if (t.kind() == TargetKind.POSTGRES && t.database().isEmpty()) {
                    problems.add(Problem.of("database", "problem.database.required"));
                }
            }
            default -> { }
        }
        checkHost(t.host(), problems);
        if (t.port() < 1 || t.port() > 65_535) {
            problems.add(Problem.of("port", "problem.port.range", t.port()));
        }
    }

    private static void checkLength(String field, String value, int max, List<Problem> problems) {
        if (value != null && value.length() > max) {
            problems.add(Problem.of(field, "problem.value.tooLong", max, value.length()));
        }
    }

    private static void checkHost(String host, List<Problem> problems) {
        if (host.isEmpty()) {
            problems.add(Problem.of("host", "problem.host.required"));
        } else if (host.length() > MAX_HOST) {
            problems.add(Problem.of("host", "problem.value.tooLong", MAX_HOST, host.length()));
        } else if (!HOST_NAME.matcher(host).matches() && !IPV6.matcher(host).matches()) {
            problems.add(Problem.of("host", "problem.host.invalid", host));
        }
    }

    /** Problems with a mirror definition; {@code saved} holds every stored mirror (the one with the same id is ignored). */
    public static List<Problem> mirror(MirrorDef m, Collection<MirrorDef> saved) {
        List<Problem> problems = new ArrayList<>();
        if (m.name().isEmpty()) {
            problems.add(Problem.of("name", "problem.name.required"));
        } else if (!MIRROR_NAME.matcher(m.name()).matches() || m.name().length() > MAX_NAME) {
            problems.add(Problem.of("name", "problem.mirror.name.pattern", MAX_NAME));
        } else if (saved.stream().anyMatch(o -> o.id() != m.id() && o.kind() == m.kind() && o.name().equalsIgnoreCase(m.name()))) {
            problems.add(Problem.of("name", "problem.name.taken.mirror", m.name()));
        }
        if (m.cacheTable().isEmpty()) {
            problems.add(Problem.of("cacheTable", "problem.cacheTable.required"));
        } else if (!TABLE.matcher(m.cacheTable()).matches() || m.cacheTable().length() > MAX_TABLE) {
            problems.add(Problem.of("cacheTable", "problem.cacheTable.pattern", MAX_TABLE));
        } else if (saved.stream().anyMatch(o -> o.id() != m.id() && o.kind() == m.kind() && o.cacheTable().equalsIgnoreCase(m.cacheTable()))) {
            problems.add(Problem.of("cacheTable", "problem.cacheTable.taken", m.cacheTable()));
        }
        checkSql(m.sql(), problems, true);
        checkInterval("intervalSeconds", m.intervalSeconds(), problems);
        if (m.rowCap() < 1 || m.rowCap() > MAX_ROW_CAP) {
            problems.add(Problem.of("rowCap", "problem.rowCap.range", MAX_ROW_CAP));
        }
        if (!m.minVersion().isEmpty() && !ServerVersion.PATTERN.matcher(m.minVersion()).matches()) {
            problems.add(Problem.of("minVersion", "problem.minVersion.pattern", Problem.cut(m.minVersion())));
        }
        for (int i = 0; i < m.variants().size(); i++) {
            MirrorVariant v = m.variants().get(i);
            for (String bound : List.of(v.since(), v.below())) {
                if (!bound.isEmpty() && !ServerVersion.PATTERN.matcher(bound).matches()) {
                    problems.add(Problem.of("variants", "problem.variant.version", i + 1, Problem.cut(bound)));
                }
            }
            if (ServerVersion.PATTERN.matcher(v.since()).matches() && ServerVersion.PATTERN.matcher(v.below()).matches()
                    && ServerVersion.parse(v.since()).atLeast(ServerVersion.parse(v.below()))) {
                problems.add(Problem.of("variants", "problem.variant.range", i + 1, v.since(), v.below()));
            }
            List<Problem> sqlProblems = new ArrayList<>();
            checkSql(v.sql(), sqlProblems, true);
            for (Problem p : sqlProblems) {
                problems.add(Problem.of("variants", "problem.variant.sql", i + 1));
                problems.add(new Problem("variants", p.key(), p.args()));
            }
        }
        for (String column : m.columns()) {
            if (!IDENTIFIER.matcher(column).matches()) {
                problems.add(Problem.of("columns", "problem.column.invalid", Problem.cut(column)));
            }
        }
        if (m.mode() == MirrorMode.APPEND) {
            if (m.watermarkColumn().isEmpty()) {
                problems.add(Problem.of("watermarkColumn", "problem.watermark.required"));
            } else if (!IDENTIFIER.matcher(m.watermarkColumn()).matches() || m.watermarkColumn().length() > MAX_COLUMN) {
                problems.add(Problem.of("watermarkColumn", "problem.column.invalid", m.watermarkColumn()));
            }
        }
        checkDescription(m.description(), problems);
        return problems;
    }

    /** Problems with a metric definition; {@code mirrors} are the stored mirror definitions it may refer to. */
    public static List<Problem> metric(MetricDef m, Collection<MetricDef> saved, Collection<MirrorDef> mirrors) {
        List<Problem> problems = new ArrayList<>();
        if (m.name().isEmpty()) {
            problems.add(Problem.of("name", "problem.name.required"));
        } else if (!METRIC_NAME.matcher(m.name()).matches() || m.name().length() > MAX_NAME) {
            problems.add(Problem.of("name", "problem.metric.name.pattern", MAX_NAME));
        } else if (saved.stream().anyMatch(o -> o.id() != m.id() && o.kind() == m.kind() && o.name().equals(m.name()))) {
            problems.add(Problem.of("name", "problem.name.taken.metric", m.name()));
        }
        checkSql(m.sql(), problems, false);
        if (m.mirrors().isEmpty()) {
            problems.add(Problem.of("mirrors", "problem.mirrors.required"));
        }
        Set<String> known = mirrors.stream().filter(x -> x.kind() == m.kind())
                .map(x -> x.name().toLowerCase(Locale.ROOT)).collect(Collectors.toSet());
        for (String needed : m.mirrors()) {
            if (!known.contains(needed.toLowerCase(Locale.ROOT))) {
                problems.add(Problem.of("mirrors", "problem.mirror.unknown", needed));
            }
        }
        if (m.freshnessSeconds() < 1) {
            problems.add(Problem.of("freshnessSeconds", "problem.freshness.min"));
        }
        checkInterval("intervalSeconds", m.intervalSeconds(), problems);
        checkThreshold("warn", m.warn(), problems);
        checkThreshold("crit", m.crit(), problems);
        for (String column : m.labelColumns()) {
            if (!IDENTIFIER.matcher(column).matches() || column.length() > MAX_COLUMN) {
                problems.add(Problem.of("labelColumns", "problem.column.invalid", column));
            }
        }
        checkLength("privileges", m.privileges(), MAX_PRIVILEGES, problems);
        if (!printable(m.unit())) {
            problems.add(Problem.of("unit", "problem.text.unprintable"));
        }
        if (m.unit().length() > MAX_UNIT) {
            problems.add(Problem.of("unit", "problem.unit.tooLong", MAX_UNIT));
        }
        checkDescription(m.description(), problems);
        return problems;
    }

    /** Problems with an alert rule; {@code saved} holds the stored rules, {@code metrics} and {@code mirrors} what it may watch. */
    public static List<Problem> rule(AlertRule r, Collection<AlertRule> saved, Collection<MetricDef> metrics, Collection<MirrorDef> mirrors) {
        List<Problem> problems = new ArrayList<>();
        if (r.name().isEmpty()) {
            problems.add(Problem.of("name", "problem.name.required"));
        } else if (r.name().length() > MAX_NAME || !METRIC_NAME.matcher(r.name()).matches()) {
            problems.add(Problem.of("name", "problem.metric.name.pattern", MAX_NAME));
        } else if (saved.stream().anyMatch(o -> o.id() != r.id() && o.kind() == r.kind() && o.name().equalsIgnoreCase(r.name()))) {
            problems.add(Problem.of("name", "problem.name.taken.rule", r.name()));
        }
        checkLength("subject", r.subject(), MAX_SUBJECT, problems);
        if (r.labels().entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length() + 2).sum() > MAX_DESCRIPTION) {
            problems.add(Problem.of("labels", "problem.value.tooLong", MAX_DESCRIPTION,
                    r.labels().entrySet().stream().mapToInt(e -> e.getKey().length() + e.getValue().length() + 2).sum()));
        }
        boolean all = AlertRule.ALL.equals(r.subject());
        switch (r.type()) {
            case THRESHOLD -> {
                if (metrics.stream().noneMatch(m -> m.kind() == r.kind() && m.name().equals(r.subject()))) {
                    problems.add(Problem.of("subject", "problem.rule.metric.unknown", r.subject()));
                }
                checkThreshold("warn", r.warn(), problems);
                checkThreshold("crit", r.crit(), problems);
                if (r.warn() == null && r.crit() == null) {
                    problems.add(Problem.of("warn", "problem.rule.level.required"));
                } else if (r.warn() != null && r.crit() != null
                        && (r.direction() == Direction.ABOVE ? r.crit() < r.warn() : r.crit() > r.warn())) {
                    problems.add(Problem.of("crit", r.direction() == Direction.ABOVE ? "problem.rule.crit.above" : "problem.rule.crit.below"));
                }
                if (r.recovery() < 0 || !Double.isFinite(r.recovery())) {
                    problems.add(Problem.of("recovery", "problem.rule.recovery"));
                }
            }
            case NO_DATA -> {
                if (!all && metrics.stream().noneMatch(m -> m.kind() == r.kind() && m.name().equals(r.subject()))) {
                    problems.add(Problem.of("subject", "problem.rule.metric.unknown", r.subject()));
                }
                checkMissed(r, problems);
            }
            case MIRROR_STALE -> {
                if (!all && mirrors.stream().noneMatch(m -> m.kind() == r.kind() && m.name().equals(r.subject()))) {
                    problems.add(Problem.of("subject", "problem.mirror.unknown", r.subject()));
                }
                checkMissed(r, problems);
            }
            case EVENT -> {
                if (r.subject().isEmpty()) {
                    problems.add(Problem.of("subject", "problem.rule.event.required"));
                }
            }
            case FORECAST -> forecast(r, metrics, problems);
            case TARGET_DOWN -> { }
        }
        if (r.holdSeconds() < 0) {
            problems.add(Problem.of("holdSeconds", "problem.rule.hold"));
        }
        checkDescription(r.description(), problems);
        return problems;
    }

    /** A forecast rule watches a space with a capacity its kind's pack forecasts, and levels in days (crit the fewer). */
    private static void forecast(AlertRule r, Collection<MetricDef> metrics, List<Problem> problems) {
        boolean known = metrics.stream().anyMatch(m -> m.kind() == r.kind() && m.name().equals(r.subject()));
        boolean space = Packs.spaces(r.kind()).stream()
                .anyMatch(s -> s.used().equals(r.subject()) && s.hasCapacity());
        if (!known || !space) {
            problems.add(Problem.of("subject", "problem.rule.forecast.subject", r.subject()));
        }
        for (var level : new Object[][] {{"warn", r.warn()}, {"crit", r.crit()}}) {
            Double days = (Double) level[1];
            if (days != null && (!Double.isFinite(days) || days <= 0)) {
                problems.add(Problem.of((String) level[0], "problem.rule.forecast.days"));
            }
        }
        if (r.warn() == null && r.crit() == null) {
            problems.add(Problem.of("warn", "problem.rule.level.required"));
        } else if (r.warn() != null && r.crit() != null && r.crit() > r.warn()) {
            problems.add(Problem.of("crit", "problem.rule.crit.below"));
        }
        if (r.recovery() < 0 || !Double.isFinite(r.recovery())) {
            problems.add(Problem.of("recovery", "problem.rule.recovery"));
        }
    }

    private static void checkMissed(AlertRule r, List<Problem> problems) {
        if (r.missed() < 1) {
            problems.add(Problem.of("missed", "problem.rule.missed"));
        }
    }

    /** Problems with a notification channel; {@code saved} holds the stored channels. */
    public static List<Problem> channel(ChannelDef ch, Collection<ChannelDef> saved) {
        List<Problem> problems = new ArrayList<>();
        checkName(ch.name(), problems);
        if (!ch.name().isEmpty() && saved.stream().anyMatch(o -> o.id() != ch.id() && o.name().equalsIgnoreCase(ch.name()))) {
            problems.add(Problem.of("name", "problem.name.taken.channel", ch.name()));
        }
        if (ch.endpoint().length() > MAX_ENDPOINT) {
            problems.add(Problem.of("endpoint", "problem.value.tooLong", MAX_ENDPOINT, ch.endpoint().length()));
        } else if (ch.type() == ChannelType.EMAIL) {
            checkMailServer(ch.endpoint(), problems);
        } else if (ch.type() != ChannelType.DESKTOP) {
            checkWebhook(ch.endpoint(), problems);
        }
        if (ch.type() == ChannelType.EMAIL) {
            checkLength("user", ch.user(), MAX_MAIL_USER, problems);
            if (!printable(ch.user())) {
                problems.add(Problem.of("user", "problem.text.unprintable"));
            }
            checkMail("sender", ch.sender(), problems);
            if (ch.recipients().isEmpty()) {
                problems.add(Problem.of("recipients", "problem.channel.recipients"));
            }
            int length = String.join(",", ch.recipients()).length();
            if (length > MAX_RECIPIENTS) {
                problems.add(Problem.of("recipients", "problem.value.tooLong", MAX_RECIPIENTS, length));
            } else {
                for (String r : ch.recipients()) {
                    if (checkMail("recipients", r, problems)) {
                        break;
                    }
                }
            }
        }
        if (!ch.secret().isEmpty() && ch.secret().reveal().getBytes(java.nio.charset.StandardCharsets.UTF_8).length > MAX_PASSWORD_BYTES) {
            problems.add(Problem.of("secret", "problem.password.tooLong", MAX_PASSWORD_BYTES));
        }
        if (ch.repeatMinutes() < 0 || ch.repeatMinutes() > MAX_REPEAT_MINUTES) {
            problems.add(Problem.of("repeatMinutes", "problem.channel.repeat", MAX_REPEAT_MINUTES));
        }
        return problems;
    }

    // The mail server as host or host:port.
    private static void checkMailServer(String endpoint, List<Problem> problems) {
        int colon = endpoint.lastIndexOf(':');
        String host = colon < 0 || endpoint.endsWith("]") ? endpoint : endpoint.substring(0, colon);
        List<Problem> hostProblems = new ArrayList<>();
        checkHost(host, hostProblems);
        hostProblems.forEach(p -> problems.add(new Problem("endpoint", p.key(), p.args())));
        if (host.length() < endpoint.length()) {
            String port = endpoint.substring(colon + 1);
            if (!port.matches("\\d{1,5}")) {
                problems.add(Problem.of("endpoint", "problem.channel.port"));
            } else if (Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535) {
                problems.add(Problem.of("endpoint", "problem.port.range", Integer.parseInt(port)));
            }
        }
    }

    // An http(s) address whose host is a host name or an IP address, with a port in range if it has one, and no space.
    private static void checkWebhook(String url, List<Problem> problems) {
        Matcher m = WEBHOOK.matcher(url);
        if (!printable(url) || !m.matches()) {
            problems.add(Problem.of("endpoint", url.matches("(?i)https?://.*") ? "problem.channel.url.invalid" : "problem.channel.url"));
            return;
        }
        String host = m.group(1);
        boolean hostOk = host.startsWith("[") ? IPV6.matcher(host).matches() : HOST_NAME.matcher(host).matches();
        String port = m.group(2);
        if (!hostOk || port != null && (port.length() > 5 || Integer.parseInt(port) < 1 || Integer.parseInt(port) > 65_535)) {
            problems.add(Problem.of("endpoint", "problem.channel.url.invalid"));
        }
    }

    // Whether a mail address has a problem, which is then added.
    private static boolean checkMail(String field, String address, List<Problem> problems) {
        if (address.length() > MAX_MAIL) {
            problems.add(Problem.of(field, "problem.value.tooLong", MAX_MAIL, address.length()));
        } else if (!printable(address) || !EMAIL.matcher(address).matches()) {
            problems.add(Problem.of(field, "problem.channel.mail", address));
        } else {
            String domain = address.substring(address.lastIndexOf('@') + 1);
            // an ASCII domain must be a host name; an internationalised one is left to the mail server
            if (!domain.chars().allMatch(c -> c < 128) || HOST_NAME.matcher(domain).matches() || IPV6.matcher(domain).matches()) {
                return false;
            }
            problems.add(Problem.of(field, "problem.channel.mail", address));
        }
        return true;
    }

    /** Problems with a mute window. */
    public static List<Problem> mute(MuteWindow m) {
        List<Problem> problems = new ArrayList<>();
        if (!m.ends().isAfter(m.starts())) {
            problems.add(Problem.of("ends", "problem.mute.ends"));
        } else if (m.ends().isAfter(m.starts().plus(MAX_MUTE))) {
            problems.add(Problem.of("ends", "problem.mute.tooLong", MAX_MUTE.toDays()));
        }
        checkLength("target", m.targetName(), MAX_NAME, problems);
        checkLength("rule", m.ruleName(), MAX_NAME, problems);
        checkLength("reason", m.reason(), MAX_MUTE_REASON, problems);
        for (String[] text : new String[][] {{"target", m.targetName()}, {"rule", m.ruleName()}, {"reason", m.reason()}}) {
            if (!printable(text[1])) {
                problems.add(Problem.of(text[0], "problem.text.unprintable"));
            }
        }
        return problems;
    }

    private static void checkName(String name, List<Problem> problems) {
        if (name.isEmpty()) {
            problems.add(Problem.of("name", "problem.name.required"));
        } else if (name.length() > MAX_NAME) {
            problems.add(Problem.of("name", "problem.name.tooLong", MAX_NAME));
        } else if (!printable(name)) {
            problems.add(Problem.of("name", "problem.name.unprintable"));
        }
    }

    // No control characters (a tab, a line break, NUL) and no half of a character (an unpaired surrogate).
    static boolean printable(String s) {
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (Character.isISOControl(c)) {
                return false;
            }
            if (Character.isHighSurrogate(c)) {
                if (i + 1 >= s.length() || !Character.isLowSurrogate(s.charAt(i + 1))) {
                    return false;
                }
                i++;
            } else if (Character.isLowSurrogate(c)) {
                return false;
            }
        }
        return true;
    }

    // The store's columns hold this much; a longer text would fail on save with a database error instead of a sentence.
    private static void checkDescription(String description, List<Problem> problems) {
        if (description.length() > MAX_DESCRIPTION) {
            problems.add(Problem.of("description", "problem.description.tooLong", MAX_DESCRIPTION, description.length()));
        }
    }

    private static void checkInterval(String field, int seconds, List<Problem> problems) {
        if (seconds < 1) {
            problems.add(Problem.of(field, "problem.interval.min"));
        }
    }

    private static void checkThreshold(String field, Double value, List<Problem> problems) {
        if (value != null && !Double.isFinite(value)) {
            problems.add(Problem.of(field, "problem.threshold.finite"));
        }
    }

    // Mirrors may also SHOW (MySQL's status and variables); metrics run on the cache and only SELECT.
    private static void checkSql(String sql, List<Problem> problems, boolean showAllowed) {
        String body = SqlText.stripComments(sql).strip();
        if (body.isEmpty()) {
            problems.add(Problem.of("sql", "problem.sql.required"));
            return;
        }
        String first = body.split("\\s+", 2)[0].toUpperCase(Locale.ROOT);
        if (!first.equals("SELECT") && !first.equals("WITH") && !(showAllowed && first.equals("SHOW"))) {
            problems.add(Problem.of("sql", "problem.sql.readOnly"));
        } else if (SqlText.hasSecondStatement(body)) {
            problems.add(Problem.of("sql", "problem.sql.single"));
        }
    }
}
