package io.vigil.alert;

import java.util.ArrayList;
import java.util.List;

import io.vigil.config.Alert;
import io.vigil.config.EventType;
import io.vigil.config.Severity;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Messages;

/**
 * Alert changes as events, so a chart can mark when an alert fired, escalated or resolved next to what the metric did.
 * A resolved alert is good news and marks as INFO; the others keep the alert's severity.
 */
final class AlertEvents {

    private static final int MAX_DETAIL = 300;

    private final Messages messages;

    AlertEvents(Messages messages) {
        this.messages = messages;
    }

    /** One event per change the channels hear of. */
    List<VigilEvent> of(List<Step> notable, RulePlan plan) {
        List<VigilEvent> out = new ArrayList<>();
        for (Step s : notable) {
            Alert a = s.next();
            if (a == null || s.notice() == null) {
                continue;
            }
            Severity severity = s.notice() == Step.Notice.RESOLVED ? Severity.INFO : a.severity();
            out.add(new VigilEvent(0, a.key().targetId(), a.targetName(), s.change() != null ? s.change().at() : a.changedAt(),
                    EventType.ALERT, a.key().rule(), severity, "", text(s.notice(), a, AlertNotifier.unit(plan, a))));
        }
        return out;
    }

    /** "oracle.tablespace.full (tablespace_name=USERS) fires on prod at CRIT, value 96.5 %". */
    String text(Step.Notice notice, Alert a, String unit) {
        String rule = a.key().series().isEmpty() ? a.key().rule() : messages.get("notify.item.withSeries", a.key().rule(), a.key().series());
        String sentence = messages.get("event.alert." + notice.name(), rule, a.targetName(), messages.get("notify.severity." + a.severity().name()));
        if (a.value() != null && Double.isFinite(a.value())) {
            return messages.get("event.alert.value", sentence, messages.get("notify.value", a.value(), unit).strip());
        }
        String detail = Alert.headline(a.detail());
        if (detail.isEmpty()) {
            return sentence;
        }
        return messages.get("event.alert.detail", sentence, detail.length() <= MAX_DETAIL ? detail : detail.substring(0, MAX_DETAIL) + "…");
    }
}
