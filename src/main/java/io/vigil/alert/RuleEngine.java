package io.vigil.alert;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.LongPredicate;

import io.vigil.config.Alert;
import io.vigil.config.AlertKey;
import io.vigil.config.AlertRule;
import io.vigil.config.AlertState;
import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.RuleType;
import io.vigil.config.Severity;
import io.vigil.config.Target;
import io.vigil.config.VigilEvent;
import io.vigil.schedule.JobKey;
import io.vigil.series.Point;
import io.vigil.series.SpaceForecast;

/**
 * Evaluates every rule over every target once per cycle and moves each alert's state machine. A target that is down
 * raises its one "target down" alert and holds its other alerts where they are until it is back; no-data and staleness
 * count from when it came back (or from the engine's start), so a restart or an outage does not raise a flood.
 * Not thread-safe: one evaluating thread at a time.
 */
public final class RuleEngine {

    private final Map<AlertKey, Alert> alerts = new HashMap<>();
    private final Map<Long, Instant> upSince = new HashMap<>();
    private final Map<AlertKey, VigilEvent> lastEvent = new HashMap<>();
    private final Instant started;

    /** Starts from the alerts the store kept, so a restart neither re-fires nor forgets them. */
    public RuleEngine(List<Alert> restored, Instant started) {
        restored.forEach(a -> alerts.put(a.key(), a));
        this.started = started;
    }

    /** Replaces what is known of these targets' alerts with {@code stored} (read from the store after a takeover). */
    public void replace(java.util.Set<Long> targetIds, List<Alert> stored) {
        alerts.keySet().removeIf(k -> targetIds.contains(k.targetId()));
        stored.forEach(a -> alerts.put(a.key(), a));
    }

    /** One cycle: every alert's next step, those that changed something first. */
    public List<Step> evaluate(RulePlan plan, Observations seen, LongPredicate paused, Instant now) {
        List<Step> steps = new ArrayList<>();
        Set<AlertKey> visited = new HashSet<>();
        Set<Long> targetIds = new HashSet<>();
        Set<String> ruleNames = new HashSet<>();
        plan.rules().forEach(r -> ruleNames.add(r.name()));
        for (Target t : plan.targets()) {
            targetIds.add(t.id());
            if (!t.enabled() || paused.test(t.id())) {
                keepAll(t.id(), visited);
                continue;
            }
            evaluateTarget(plan, seen, t, now, steps, visited);
        }
        // Alerts of deleted targets or rules leave quietly; the others not visited this cycle stay as they are.
        for (AlertKey k : new ArrayList<>(alerts.keySet())) {
            if (!targetIds.contains(k.targetId()) || !ruleNames.contains(k.rule())) {
                alerts.remove(k);
            }
        }
        return steps;
    }

    private void evaluateTarget(RulePlan plan, Observations seen, Target t, Instant now, List<Step> steps, Set<AlertKey> visited) {
        List<AlertRule> rules = plan.rulesOf(t.kind());
        boolean down = seen.down(t.id());
        for (AlertRule r : rules) {
            if (r.type() == RuleType.TARGET_DOWN) {
                apply(steps, visited, new AlertKey(r.name(), t.id(), ""), t, down ? Levels.fixed(r) : null, null,
                        down ? seen.downReason(t.id()) : "", Duration.ofSeconds(r.holdSeconds()), now);
            }
        }
        if (down) {
            upSince.remove(t.id());
            keepAll(t.id(), visited); // dependency: the outage is one alert; the rest wait until it is back
            return;
        }
        Instant since = upSince.computeIfAbsent(t.id(), k -> max(started, now));
        for (AlertRule r : rules) {
            switch (r.type()) {
                case THRESHOLD -> threshold(r, t, seen, now, steps, visited);
                case NO_DATA -> noData(plan, r, t, seen, since, now, steps, visited);
                case MIRROR_STALE -> mirrorStale(plan, r, t, seen, since, now, steps, visited);
                case EVENT -> event(r, t, now, steps, visited);
                case FORECAST -> forecast(r, t, seen, now, steps, visited);
                case TARGET_DOWN -> { }
            }
        }
    }

    private void threshold(AlertRule r, Target t, Observations seen, Instant now, List<Step> steps, Set<AlertKey> visited) {
        Set<AlertKey> mine = new HashSet<>();
        for (Point p : seen.latest(t.name(), r.subject())) {
            if (!r.matches(p.tags())) {
                continue;
            }
            AlertKey key = new AlertKey(r.name(), t.id(), series(p));
            mine.add(key);
            Alert current = alerts.get(key);
            Severity held = current == null || current.state() == AlertState.RESOLVED ? null : current.severity();
            apply(steps, visited, key, t, Levels.of(r, p.value(), held), p.value(), "", Duration.ofSeconds(r.holdSeconds()), now);
        }
    }

    /**
     * A space forecast to be full within the rule's days: the value compared is {@link SpaceForecast#alertDays()}, the
     * pessimistic end of the interval (+∞ when it is not growing, so the alert clears; NaN with too few points, so
     * nothing moves until there are enough).
     */
    private void forecast(AlertRule r, Target t, Observations seen, Instant now, List<Step> steps, Set<AlertKey> visited) {
        for (SpaceForecast f : seen.forecasts(t.name(), t.kind())) {
            if (!f.space().used().equals(r.subject()) || !r.matches(f.key().tags())) {
                continue;
            }
            AlertKey key = new AlertKey(r.name(), t.id(), series(new Point(f.key().metric(), f.key().tags(), now, 0)));
            Alert current = alerts.get(key);
            Severity held = current == null || current.state() == AlertState.RESOLVED ? null : current.severity();
            double days = f.alertDays();
            Double value = Double.isFinite(days) ? Math.round(days * 10) / 10.0 : null;
            apply(steps, visited, key, t, Levels.of(r, days, held), value, "", Duration.ofSeconds(r.holdSeconds()), now);
        }
    }

    private void noData(RulePlan plan, AlertRule r, Target t, Observations seen, Instant since, Instant now, List<Step> steps,
                        Set<AlertKey> visited) {
        for (MetricDef m : plan.metricsOf(t.kind())) {
            if (!AlertRule.ALL.equals(r.subject()) && !r.subject().equals(m.name())
                    || m.mirrors().stream().anyMatch(mirror -> seen.skipped(t.id(), JobKey.mirror(mirror)))) {
                continue;
            }
            Duration allowed = atLeastAMinute(Duration.ofSeconds((long) plan.periodOf(m) * r.missed()));
            Instant last = max(since, seen.lastOk(t.id(), JobKey.metric(m.name())).orElse(Instant.MIN));
            boolean missing = now.isAfter(last.plus(allowed));
            apply(steps, visited, new AlertKey(r.name(), t.id(), m.name()), t, missing ? Levels.fixed(r) : null, null, m.name(),
                    Duration.ZERO, now);
        }
    }

    private void mirrorStale(RulePlan plan, AlertRule r, Target t, Observations seen, Instant since, Instant now, List<Step> steps,
                             Set<AlertKey> visited) {
        for (MirrorDef m : plan.mirrorsOf(t.kind())) {
            JobKey job = JobKey.mirror(m.name());
            if (!AlertRule.ALL.equals(r.subject()) && !r.subject().equals(m.name()) || seen.skipped(t.id(), job)) {
                continue;
            }
            Duration allowed = atLeastAMinute(Duration.ofSeconds((long) m.intervalSeconds() * r.missed()));
            Instant last = max(since, seen.lastOk(t.id(), job).orElse(Instant.MIN));
            boolean stale = now.isAfter(last.plus(allowed));
            apply(steps, visited, new AlertKey(r.name(), t.id(), m.name()), t, stale ? Levels.fixed(r) : null, null, m.name(),
                    Duration.ZERO, now);
        }
    }

    /**
     * A silence shorter than a minute is a busy moment, not a fault: three missed 5 s samples of Top Activity's sampler
     * would otherwise page someone whenever the collector is loaded for 15 s.
     */
    static Duration atLeastAMinute(Duration allowed) {
        return allowed.compareTo(Duration.ofMinutes(1)) < 0 ? Duration.ofMinutes(1) : allowed;
    }

    private void event(AlertRule r, Target t, Instant now, List<Step> steps, Set<AlertKey> visited) {
        AlertKey key = new AlertKey(r.name(), t.id(), "");
        VigilEvent e = lastEvent.get(key);
        boolean recent = e != null && now.isBefore(e.at().plusSeconds(Math.max(60, r.holdSeconds())));
        Severity s = r.crit() != null ? Severity.CRIT : r.warn() != null ? Severity.WARN : e == null ? null : e.severity();
        apply(steps, visited, key, t, recent ? (s == Severity.INFO ? Severity.WARN : s) : null, null, e == null ? "" : e.text(),
                Duration.ZERO, now);
    }

    /** Notes events for the EVENT rules whose category they fall in; they fire at the next cycle. */
    public void events(List<VigilEvent> events, RulePlan plan) {
        for (VigilEvent e : events) {
            for (Target t : plan.targets()) {
                if (t.id() != e.targetId()) {
                    continue;
                }
                for (AlertRule r : plan.rulesOf(t.kind())) {
                    if (r.type() == RuleType.EVENT && r.subject().equalsIgnoreCase(e.category())) {
                        lastEvent.merge(new AlertKey(r.name(), t.id(), ""), e, (a, b) -> b.at().isAfter(a.at()) ? b : a);
                    }
                }
            }
        }
    }

    private void apply(List<Step> steps, Set<AlertKey> visited, AlertKey key, Target t, Severity wanted, Double value, String detail,
                       Duration hold, Instant now) {
        visited.add(key);
        Step step = AlertStateMachine.step(key, t.name(), alerts.get(key), wanted, value, detail, hold, now);
        if (step.next() == null) {
            alerts.remove(key);
        } else {
            alerts.put(key, step.next());
        }
        if (step.change() != null || step.notice() != null) {
            steps.add(step);
        }
    }

    private void keepAll(long targetId, Set<AlertKey> visited) {
        alerts.keySet().stream().filter(k -> k.targetId() == targetId).forEach(visited::add);
    }

    /** Marks an alert acknowledged in memory (the store is told by the caller). */
    public void acknowledge(AlertKey key, String by, String comment, Instant at) {
        alerts.computeIfPresent(key, (k, a) -> a.withAck(by, comment, at));
    }

    /** Records that channels were told about the alert. */
    public void notified(AlertKey key, Instant at) {
        alerts.computeIfPresent(key, (k, a) -> a.withNotified(at));
    }

    /** Every alert that is not OK. */
    public List<Alert> alerts() {
        return List.copyOf(alerts.values());
    }

    /** The series part of an alert's identity: the point's tags without the target, as {@code k=v, k=v}. */
    static String series(Point p) {
        Map<String, String> tags = new TreeMap<>(p.tags());
        tags.remove("target");
        StringBuilder b = new StringBuilder();
        tags.forEach((k, v) -> b.append(b.isEmpty() ? "" : ", ").append(k).append('=').append(v));
        return b.toString();
    }

    private static Instant max(Instant a, Instant b) {
        return a.isAfter(b) ? a : b;
    }
}
