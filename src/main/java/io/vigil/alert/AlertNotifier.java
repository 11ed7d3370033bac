package io.vigil.alert;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

import io.vigil.alert.notify.Dispatcher;
import io.vigil.alert.notify.Notification;
import io.vigil.alert.notify.RemindItem;
import io.vigil.config.Alert;
import io.vigil.config.AlertState;
import io.vigil.config.MetricDef;

/**
 * Turns each evaluation into what the channels hear: the changes worth telling, grouped by target into one message, and
 * the still-firing, unacknowledged alerts for the channels' repeat intervals.
 */
public final class AlertNotifier implements AlertListener {

    private final Dispatcher dispatcher;
    private final Supplier<RulePlan> plan;
    private final java.time.Clock clock;

    public AlertNotifier(Dispatcher dispatcher, Supplier<RulePlan> plan, java.time.Clock clock) {
        this.dispatcher = dispatcher;
        this.plan = plan;
        this.clock = clock;
    }

    @Override
    public void evaluated(List<Step> notable, List<Alert> open) {
        Map<String, List<Notification.Item>> byTarget = new LinkedHashMap<>();
        for (Step s : notable) {
            Alert a = s.next() != null ? s.next() : null;
            if (a == null) {
                continue;
            }
            Notification.Kind kind = switch (s.notice()) {
                case FIRING -> Notification.Kind.FIRING;
                case ESCALATED -> Notification.Kind.ESCALATED;
                case RESOLVED -> Notification.Kind.RESOLVED;
            };
            byTarget.computeIfAbsent(a.targetName(), k -> new ArrayList<>()).add(new Notification.Item(a.key(), title(plan.get(), a), kind,
                    a.severity(), a.value(), unit(plan.get(), a), a.key().series(), a.firedAt() != null ? a.firedAt() : a.pendingAt(), a.detail(),
                    a.acknowledged()));
        }
        byTarget.forEach((target, items) -> dispatcher.submit(new Notification(target, items, clock.instant())));
        List<RemindItem> firing = open.stream().filter(a -> a.state() == AlertState.FIRING && !a.acknowledged())
                .map(a -> RemindItem.of(a, title(plan.get(), a), unit(plan.get(), a))).toList();
        dispatcher.remind(firing);
    }

    /**
     * What a notification calls the alert: the metric a threshold rule watches (each channel words it by the metric's
     * title in its language), or the rule's own name for the others.
     */
    static String title(RulePlan p, Alert a) {
        return p.rules().stream().filter(r -> r.name().equals(a.key().rule()) && r.type() == io.vigil.config.RuleType.THRESHOLD).findFirst()
                .map(io.vigil.config.AlertRule::subject).orElse(a.key().rule());
    }

    /** A forecast rule's value: days until full, with the day's symbol as the packs write hours ("h") and seconds ("s"). */
    public static final String FORECAST_UNIT = "d";

    /**
     * The unit of the metric an alert's rule watches ({@link #FORECAST_UNIT} for a forecast rule, whose value is days); empty when
     * it watches none (down, no-data and event rules).
     */
    static String unit(RulePlan p, Alert a) {
        return p.rules().stream().filter(r -> r.name().equals(a.key().rule())).findFirst()
                .flatMap(r -> r.type() == io.vigil.config.RuleType.FORECAST ? java.util.Optional.of(FORECAST_UNIT)
                        : p.metrics().stream().filter(m -> m.name().equals(r.subject()) && m.kind() == r.kind()).findFirst().map(MetricDef::unit))
                .orElse("");
    }
}
