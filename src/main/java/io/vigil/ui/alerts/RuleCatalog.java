package io.vigil.ui.alerts;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

import io.vigil.config.AlertRule;
import io.vigil.config.ConfigStore;
import io.vigil.config.MetricDef;
import io.vigil.config.RuleType;
import io.vigil.config.TargetKind;

/**
 * The rules and the units of the metrics they watch, as the Alerts pane shows them beside an alert: an alert only
 * carries its rule's name. Read from the store in the background; {@link #EMPTY} until then.
 */
public final class RuleCatalog {

    public static final RuleCatalog EMPTY = new RuleCatalog(List.of(), List.of());

    private final Map<String, AlertRule> byKindAndName = new HashMap<>();
    private final Map<String, AlertRule> byName = new HashMap<>();
    private final Map<String, String> units = new HashMap<>();
    private final List<String> names;

    public RuleCatalog(List<AlertRule> rules, List<MetricDef> metrics) {
        for (AlertRule r : rules) {
            byKindAndName.put(key(r.kind(), r.name()), r);
            byName.putIfAbsent(r.name(), r);
        }
        metrics.forEach(m -> units.put(key(m.kind(), m.name()), m.unit() == null ? "" : m.unit()));
        names = List.copyOf(new TreeSet<>(byName.keySet()));
    }

    /** Reads rules and metrics: blocks on JDBC, call off the FX thread. */
    public static RuleCatalog load(ConfigStore store) {
        return new RuleCatalog(store.rules(), store.metrics());
    }

    private static String key(TargetKind kind, String name) {
        return kind.packKind() + ":" + name;
    }

    /** The rule of this name for a target kind; when the kind is not known (null), any rule of that name. */
    public Optional<AlertRule> rule(TargetKind kind, String name) {
        AlertRule r = kind == null ? null : byKindAndName.get(key(kind, name));
        return Optional.ofNullable(r == null ? byName.get(name) : r);
    }

    public String description(TargetKind kind, String rule) {
        return rule(kind, rule).map(AlertRule::description).orElse("");
    }

    /**
     * The rule as people read it: the title of the metric a threshold rule watches ("Tablespace used"), or its type with
     * what it watches ("No data: Sessions"); the rule's own name when the rule is not known.
     */
    public String title(TargetKind kind, String rule, io.vigil.i18n.Messages messages) {
        return rule(kind, rule).map(r -> switch (r.type()) {
            case THRESHOLD -> messages.metricTitle(r.subject());
            case NO_DATA -> messages.get("rules.type.NO_DATA") + ": " + messages.metricTitle(r.subject());
            case FORECAST -> messages.get("rules.type.FORECAST") + ": " + messages.metricTitle(r.subject());
            case TARGET_DOWN -> messages.get("rules.type.TARGET_DOWN");
            default -> messages.get("rules.type." + r.type().name()) + (r.subject().isBlank() ? "" : ": " + r.subject());
        }).orElse(rule);
    }

    /** The unit of the metric a threshold rule watches, days for a forecast rule; empty for other rules or an unknown one. */
    public String unit(TargetKind kind, String rule) {
        return rule(kind, rule).filter(r -> r.type() == RuleType.THRESHOLD || r.type() == RuleType.FORECAST)
                .map(r -> r.type() == RuleType.FORECAST ? io.vigil.alert.AlertNotifier.FORECAST_UNIT : units.getOrDefault(key(r.kind(), r.subject()), ""))
                .orElse("");
    }

    /** Every rule name, sorted, once (a name shared by several kinds is one choice: a mute matches by name). */
    public List<String> names() {
        return names;
    }
}
