package io.vigil.config;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A shipped set of mirror and metric definitions for one target kind, as data ({@code io/vigil/packs/<kind>.yaml}).
 *
 * @param kind          the target kind it serves
 * @param instanceStart SQL over the cache giving the instance's start (a timestamp, or uptime in seconds), so counter
 *                      rates skip a restart; every {@code ?} is the target id
 * @param mirrors       reads on the target
 * @param metrics       figures over the cache
 * @param spaces        the spaces whose growth is forecast (days until full)
 */
@JsonIgnoreProperties(ignoreUnknown = false)
public record Pack(TargetKind kind, String description, String instanceStart, List<PackMirror> mirrors, List<PackMetric> metrics,
                   List<Headline> headlines, List<PackRule> rules, List<Space> spaces) {

    /** A mirror as the pack file writes it; {@code grants} are what the monitoring user needs for it ({user} = that user). */
    public record PackMirror(String name, String table, int interval, int rowCap, MirrorMode mode, String watermark,
                             List<String> grants, String sql, String description, String since, List<MirrorVariant> variants,
                             List<String> columns, LicensedPack licence) {

        MirrorDef toDef(TargetKind kind) {
            return new MirrorDef(0, name, kind, sql, table, interval, rowCap, mode == null ? MirrorMode.REPLACE : mode,
                    watermark, true, description, since, variants, columns, licence);
        }
    }

    /** A metric as the pack file writes it. */
    public record PackMetric(String name, MetricType type, String unit, int interval, int freshness, List<String> mirrors,
                             List<String> labels, Double warn, Double crit, String sql, String description) {
    }

    /** An alert rule as the pack file writes it; {@code hold} in seconds. */
    public record PackRule(String name, RuleType type, String subject, java.util.Map<String, String> labels, Direction direction,
                           Double warn, Double crit, Integer hold, Double recovery, Integer missed, String description) {

        AlertRule toDef(TargetKind kind) {
            return new AlertRule(0, name, kind, type, subject, labels, direction, warn, crit, hold == null ? 0 : hold,
                    recovery == null ? 0 : recovery, missed == null ? 0 : missed, true, description);
        }
    }

    public Pack {
        mirrors = mirrors == null ? List.of() : List.copyOf(mirrors);
        metrics = metrics == null ? List.of() : List.copyOf(metrics);
        headlines = headlines == null ? List.of() : List.copyOf(headlines);
        rules = rules == null ? List.of() : List.copyOf(rules);
        spaces = spaces == null ? List.of() : List.copyOf(spaces);
    }

    public List<AlertRule> ruleDefs() {
        return rules.stream().map(r -> r.toDef(kind)).toList();
    }

    public List<MirrorDef> mirrorDefs() {
        return mirrors.stream().map(m -> m.toDef(kind)).toList();
    }

    /** The metrics, each carrying the grants its mirrors need. */
    public List<MetricDef> metricDefs() {
        List<MetricDef> out = new ArrayList<>();
        for (PackMetric m : metrics) {
            Set<String> grants = new LinkedHashSet<>();
            for (String mirror : m.mirrors()) {
                mirrors.stream().filter(x -> x.name().equals(mirror)).findFirst()
                        .ifPresent(x -> grants.addAll(x.grants() == null ? List.of() : x.grants()));
            }
            out.add(new MetricDef(0, m.name(), kind, m.sql(), m.mirrors(), m.freshness(), m.type(), m.unit(),
                    m.labels() == null ? List.of() : m.labels(), m.interval(), m.warn(), m.crit(), String.join("\n", grants), true,
                    m.description()));
        }
        return out;
    }
}
