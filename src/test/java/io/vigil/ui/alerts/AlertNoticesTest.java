package io.vigil.ui.alerts;

import static io.vigil.ui.alerts.AlertsFixture.T0;
import static io.vigil.ui.alerts.AlertsFixture.alert;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.vigil.config.Alert;
import io.vigil.config.AlertState;
import io.vigil.config.Severity;
import io.vigil.i18n.Messages;
import io.vigil.ui.live.HealthNotices.Notice;

class AlertNoticesTest {

    private final Messages messages = new Messages(Locale.ENGLISH);

    private static Alert a(long target, String rule, AlertState state, Severity severity) {
        return alert(target, target == 1 ? "billing-prod" : "billing-test", rule, "", state, severity, 1.0, T0);
    }

    @Test
    void theFirstSnapshotSetsTheSceneAndNothingChangedSaysNothing() {
        List<Alert> firing = List.of(a(1, "space", AlertState.FIRING, Severity.CRIT));
        assertThat(AlertNotices.between(null, firing, messages)).isEmpty();
        assertThat(AlertNotices.between(firing, firing, messages)).isEmpty();
    }

    @Test
    void alertsThatFireAreGroupedIntoOneWarningPerTarget() {
        List<Alert> before = List.of(a(1, "fra", AlertState.PENDING, Severity.WARN));
        List<Alert> now = List.of(a(1, "fra", AlertState.FIRING, Severity.WARN),
                alert(1, "billing-prod", "space", "tablespace_name=USERS", AlertState.FIRING, Severity.CRIT, 96.0, T0),
                a(2, "fra", AlertState.PENDING, Severity.CRIT));
        assertThat(AlertNotices.between(before, now, messages)).containsExactly(new Notice(true, "billing-prod: 2 alerts fire",
                "WARN · fra\nCRIT · space (tablespace_name=USERS)"));
    }

    @Test
    void resolvedAlertsAreGoodNewsUnlessSomethingElseFiresOnTheSameTarget() {
        List<Alert> before = List.of(a(1, "fra", AlertState.FIRING, Severity.WARN), a(2, "fra", AlertState.FIRING, Severity.CRIT),
                a(2, "space", AlertState.FIRING, Severity.WARN));
        List<Alert> now = List.of(a(1, "fra", AlertState.RESOLVED, Severity.WARN), a(1, "cpu", AlertState.FIRING, Severity.WARN),
                a(2, "space", AlertState.RESOLVED, Severity.WARN)); // billing-test's fra went straight back to OK
        assertThat(AlertNotices.between(before, now, messages)).containsExactly(
                new Notice(true, "billing-prod: an alert fires", "WARN · cpu\nResolved: fra"),
                new Notice(false, "billing-test: 2 alerts resolved", "space\nfra"));
    }

    @Test
    void aWarningThatTurnsCriticalFiresAgainButAResolvedOneLeavingSaysNothing() {
        List<Alert> before = List.of(a(1, "space", AlertState.FIRING, Severity.WARN), a(2, "fra", AlertState.RESOLVED, Severity.WARN));
        List<Alert> now = List.of(a(1, "space", AlertState.FIRING, Severity.CRIT));
        assertThat(AlertNotices.between(before, now, messages)).containsExactly(new Notice(true, "billing-prod: an alert fires", "CRIT · space"));
    }
}
