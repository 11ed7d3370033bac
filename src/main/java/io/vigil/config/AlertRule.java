package io.vigil.config;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * A rule that turns what the collector sees into alerts: data, like mirrors and metrics, shipped in the packs and
 * edited in the console.
 *
 * @param id          store identity; 0 for a rule not saved yet
 * @param name        unique within the kind, e.g. {@code oracle.tablespace.full}
 * @param kind        the target kind whose pack it belongs to
 * @param type        what it watches
 * @param subject     the metric (THRESHOLD, NO_DATA; FORECAST: a space's used metric), the mirror (MIRROR_STALE), the event category (EVENT); {@code *} = all
 * @param labels      THRESHOLD, FORECAST: only the metric's series with these tags ({@code *} = any value); empty = every
 *                    series, each its own alert
 * @param direction   THRESHOLD only: which way is worse (FORECAST is always BELOW: fewer days are worse)
 * @param warn        level at which it warns, or null (FORECAST: days until full)
 * @param crit        level at which it is critical, or null (NO_DATA, MIRROR_STALE, TARGET_DOWN: CRIT when set, else WARN)
 * @param holdSeconds how long a crossing must last before the alert fires (PENDING meanwhile); EVENT: how long it stays
 *                    firing after the last matching event
 * @param recovery    THRESHOLD, FORECAST (in days): how far back past the level the value must come before the alert resolves
 * @param missed      NO_DATA, MIRROR_STALE: how many periods without a fresh result raise it
 * @param enabled     whether it is evaluated
 * @param description why the rule exists and why its levels are what they are, shown to DBAs
 */
public record AlertRule(
        long id,
        String name,
        TargetKind kind,
        RuleType type,
        String subject,
        Map<String, String> labels,
        Direction direction,
        Double warn,
        Double crit,
        int holdSeconds,
        double recovery,
        int missed,
        boolean enabled,
        String description) {

    /** The subject that means every metric or mirror of the target. */
    public static final String ALL = "*";

    public AlertRule {
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(type, "type");
        name = name == null ? "" : name.strip();
        subject = subject == null ? "" : subject.strip();
        labels = labels == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(labels));
        direction = type == RuleType.FORECAST ? Direction.BELOW : direction == null ? Direction.ABOVE : direction;
        description = description == null ? "" : description.strip();
    }

    public AlertRule withId(long newId) {
        return new AlertRule(newId, name, kind, type, subject, labels, direction, warn, crit, holdSeconds, recovery, missed, enabled,
                description);
    }

    /** Whether this rule watches the metric's values (and so decides its tile colours). */
    public boolean watches(MetricDef metric) {
        return type == RuleType.THRESHOLD && kind == metric.kind() && subject.equals(metric.name());
    }

    /** Whether a series with these tags is one this rule watches. */
    public boolean matches(Map<String, String> tags) {
        for (Map.Entry<String, String> e : labels.entrySet()) {
            if (!ALL.equals(e.getValue()) && !e.getValue().equalsIgnoreCase(tags.getOrDefault(e.getKey(), ""))) {
                return false;
            }
        }
        return true;
    }

    /** The label filter as stored: one {@code key=value} per line. */
    public String labelText() {
        StringBuilder b = new StringBuilder();
        labels.forEach((k, v) -> b.append(b.isEmpty() ? "" : "\n").append(k).append('=').append(v));
        return b.toString();
    }

    /** Parses {@link #labelText()}; lines without {@code =} are ignored. */
    public static Map<String, String> parseLabels(String text) {
        Map<String, String> out = new LinkedHashMap<>();
        if (text != null) {
            for (String line : text.split("[\\n,]")) {
                int eq = line.indexOf('=');
                if (eq > 0) {
                    out.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
                }
            }
        }
        return out;
    }
}
