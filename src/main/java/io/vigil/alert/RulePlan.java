package io.vigil.alert;

import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

import io.vigil.config.AlertRule;
import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;

/**
 * What the rules are evaluated over: the targets, and the rules, metrics and mirrors of each target kind.
 * Built once per reload, read every cycle.
 */
public record RulePlan(List<Target> targets, List<AlertRule> rules, List<MetricDef> metrics, List<MirrorDef> mirrors) {

    public RulePlan {
        targets = List.copyOf(targets);
        rules = List.copyOf(rules);
        metrics = List.copyOf(metrics);
        mirrors = List.copyOf(mirrors);
    }

    public List<AlertRule> rulesOf(TargetKind kind) {
        return rules.stream().filter(r -> r.enabled() && r.kind() == kind.packKind()).toList();
    }

    public List<MetricDef> metricsOf(TargetKind kind) {
        return metrics.stream().filter(m -> m.enabled() && m.kind() == kind.packKind()).toList();
    }

    public List<MirrorDef> mirrorsOf(TargetKind kind) {
        return mirrors.stream().filter(m -> m.enabled() && m.kind() == kind.packKind()).toList();
    }

    /**
     * How often a metric can have a new value, in seconds: its own interval, or the slowest mirror it reads when that
     * is longer (a 15 s metric over a 5 min mirror gets a new value every 5 min).
     */
    public int periodOf(MetricDef metric) {
        Map<String, Integer> intervals = mirrors.stream().filter(m -> m.kind() == metric.kind())
                .collect(Collectors.toMap(MirrorDef::name, MirrorDef::intervalSeconds, (a, b) -> a));
        int period = metric.intervalSeconds();
        for (String mirror : metric.mirrors()) {
            period = Math.max(period, intervals.getOrDefault(mirror, 0));
        }
        return period;
    }
}
