package io.vigil.alert;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.Locale;

import org.junit.jupiter.api.Test;

import io.vigil.config.Alert;
import io.vigil.config.AlertKey;
import io.vigil.config.AlertState;
import io.vigil.config.Severity;
import io.vigil.i18n.Messages;

class AlertEventsTest {

    static final Instant AT = Instant.parse("2026-12-05T09:14:27Z");

    static Alert alert(Double value, String detail) {
        return new Alert(new AlertKey("oracle.alertlog.internal_error", 3, ""), "billing-prod", AlertState.FIRING, Severity.CRIT, value, AT, AT,
                AT, null, "", "", null, detail);
    }

    @Test
    void anAlertLogAlertIsToldByItsErrorLineNotByTheTraceFileLineBeforeIt() {
        AlertEvents events = new AlertEvents(new Messages(Locale.ENGLISH));
        String text = events.text(Step.Notice.FIRING, alert(null, """
                Errors in file /u01/app/oracle/diag/rdbms/orcl/ORCL/trace/ORCL_ora_23817.trc  (incident=48021):
                ORA-00600: internal error code, arguments: [kcbz_check_objd_typ], [0], [0], [1]
                Incident details in: /u01/app/oracle/diag/rdbms/orcl/ORCL/incident/incdir_48021/ORCL_ora_23817_i48021.trc"""), "");
        assertThat(text).isEqualTo("oracle.alertlog.internal_error fires on billing-prod at CRIT: "
                + "ORA-00600: internal error code, arguments: [kcbz_check_objd_typ], [0], [0], [1]");

        assertThat(events.text(Step.Notice.FIRING, alert(null, "\n  Shutting down instance (abort)\nLicense high water mark = 12"), ""))
                .endsWith("at CRIT: Shutting down instance (abort)");
        assertThat(events.text(Step.Notice.RESOLVED, alert(96.5, "ignored when there is a value"), "%"))
                .startsWith("oracle.alertlog.internal_error on billing-prod resolved, value 96.5");
    }
}
