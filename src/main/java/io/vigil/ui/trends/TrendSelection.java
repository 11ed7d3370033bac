package io.vigil.ui.trends;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import io.vigil.config.Headline;
import io.vigil.config.MetricDef;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;

/**
 * What the Trends pane may draw and what is ticked: the targets, the metrics of the ticked targets' kinds, and for a
 * metric opened from a headline, the tags that narrow it. A tick by the DBA calls {@code changed}; changes made here in
 * bulk do not, so the view model asks the store once for them.
 */
final class TrendSelection {

    private final ObservableList<Choice<Target>> targets = FXCollections.observableArrayList();
    private final ObservableList<Choice<MetricDef>> metrics = FXCollections.observableArrayList();
    private final Map<String, Map<String, String>> extraTags = new HashMap<>();
    private final Runnable changed;
    private List<MetricDef> allMetrics = List.of();
    private int quiet;

    TrendSelection(Runnable changed) {
        this.changed = changed;
    }

    /** New definitions from the config store; what was ticked stays ticked when it is still there. */
    void definitions(List<Target> ts, List<MetricDef> ms) {
        quiet++;
        try {
            allMetrics = ms.stream().filter(MetricDef::enabled).toList();
            Set<Long> ticked = tickedTargets().stream().map(Target::id).collect(Collectors.toSet());
            List<Choice<Target>> fresh = new ArrayList<>();
            for (Target t : ts.stream().sorted(Comparator.comparing(Target::name, String.CASE_INSENSITIVE_ORDER)).toList()) {
                Choice<Target> c = targetChoice(t);
                c.setSelected(ticked.contains(t.id()));
                fresh.add(c);
            }
            targets.setAll(fresh);
            rebuildMetrics();
        } finally {
            quiet--;
        }
    }

    /** Ticks one target and its headlines' metrics, narrowed as the headlines read them; nothing else. */
    void pick(Target target, List<Headline> headlines) {
        quiet++;
        try {
            if (targets.stream().noneMatch(c -> c.value().id() == target.id())) {
                targets.add(targetChoice(target));
            }
            targets.forEach(c -> c.setSelected(c.value().id() == target.id()));
            rebuildMetrics();
            Set<String> wanted = headlines.stream().map(Headline::metric).collect(Collectors.toSet());
            metrics.forEach(c -> c.setSelected(wanted.contains(c.value().name())));
            extraTags.clear();
            extraTags.putAll(headlineFilters(headlines));
        } finally {
            quiet--;
        }
    }

    // A headline reading one statistic of many (execute count of all the sysstat rates) narrows its metric to it, unless
    // two headlines read the same metric differently: then the metric shows whole.
    static Map<String, Map<String, String>> headlineFilters(List<Headline> headlines) {
        Map<String, List<Map<String, String>>> byMetric = new LinkedHashMap<>();
        headlines.forEach(h -> byMetric.computeIfAbsent(h.metric(), k -> new ArrayList<>()).add(h.tags()));
        Map<String, Map<String, String>> out = new HashMap<>();
        byMetric.forEach((metric, tags) -> {
            if (tags.stream().distinct().count() == 1 && !tags.getFirst().isEmpty()) {
                out.put(metric, tags.getFirst());
            }
        });
        return out;
    }

    private Choice<Target> targetChoice(Target t) {
        Choice<Target> c = new Choice<>(t);
        c.selectedProperty().addListener((o, was, on) -> {
            if (quiet == 0) {
                rebuildMetrics();
                changed.run();
            }
        });
        return c;
    }

    // The metrics of the ticked targets' kinds, by name; ticks survive when a metric stays in the list.
    private void rebuildMetrics() {
        Set<TargetKind> kinds = tickedTargets().stream().map(t -> t.kind().packKind()).collect(Collectors.toSet());
        Map<String, Choice<MetricDef>> before = metrics.stream().collect(Collectors.toMap(c -> c.value().name(), c -> c, (a, b) -> a));
        Map<String, MetricDef> wanted = new LinkedHashMap<>();
        allMetrics.stream().filter(m -> kinds.contains(m.kind())).sorted(Comparator.comparing(MetricDef::name))
                .forEach(m -> wanted.putIfAbsent(m.name(), m));
        List<Choice<MetricDef>> fresh = new ArrayList<>();
        for (MetricDef m : wanted.values()) {
            Choice<MetricDef> old = before.get(m.name());
            fresh.add(old != null && old.value().equals(m) ? old : metricChoice(m, old != null && old.isSelected()));
        }
        quiet++;
        try {
            metrics.setAll(fresh);
        } finally {
            quiet--;
        }
    }

    private Choice<MetricDef> metricChoice(MetricDef m, boolean selected) {
        Choice<MetricDef> c = new Choice<>(m);
        c.setSelected(selected);
        c.selectedProperty().addListener((o, was, on) -> {
            if (quiet == 0) {
                extraTags.remove(m.name()); // ticked by hand: the whole metric
                changed.run();
            }
        });
        return c;
    }

    List<Target> tickedTargets() {
        return targets.stream().filter(Choice::isSelected).map(Choice::value).toList();
    }

    List<MetricDef> tickedMetrics() {
        return metrics.stream().filter(Choice::isSelected).map(Choice::value).toList();
    }

    Map<String, Map<String, String>> extraTags() {
        return Map.copyOf(extraTags);
    }

    ObservableList<Choice<Target>> targets() {
        return targets;
    }

    ObservableList<Choice<MetricDef>> metrics() {
        return metrics;
    }
}
