package io.vigil.ui.dashboard;

import java.time.Duration;
import java.time.Instant;

import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.gather.OracleChecks;
import io.vigil.i18n.Messages;
import io.vigil.mirror.CacheDb;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;

/**
 * The shown Oracle target's {@link OracleChecks} report (Data Guard, backups, passwords, version and uptime), read in
 * the background when another target is shown and every {@link #EVERY} of snapshot time; an answer for a target no
 * longer shown is dropped. Other kinds of target have no report.
 */
public final class DbaChecks {

    private static final Logger LOG = LoggerFactory.getLogger(DbaChecks.class);
    /** How often the report is read again while a target is shown (its mirrors run every 30 s to 5 min). */
    static final Duration EVERY = Duration.ofSeconds(30);
    /** Lags past this many seconds are amber, past {@link #LAG_CRIT_S} red, as the pack's default apply-lag rule. */
    static final double LAG_WARN_S = 300;
    static final double LAG_CRIT_S = 900;

    private final CacheDb cache;
    private final TaskExecutor executor;
    private final Messages messages;
    private final ReadOnlyObjectWrapper<OracleChecks.Report> report = new ReadOnlyObjectWrapper<>(this, "report");
    private final ReadOnlyStringWrapper problem = new ReadOnlyStringWrapper(this, "problem", "");
    private Target shown;
    private Instant lastRead;
    private boolean reading;
    private long asked;

    public DbaChecks(CacheDb cache, TaskExecutor executor, Messages messages) {
        this.cache = cache;
        this.executor = executor;
        this.messages = messages;
    }

    /** A snapshot's shown target (null for none) and time; call on the FX thread. */
    public void update(Target target, Instant now) {
        if (target == null || target.kind().packKind() != TargetKind.ORACLE) {
            shown = null;
            asked++;
            reading = false;
            report.set(null);
            problem.set("");
            return;
        }
        boolean another = shown == null || shown.id() != target.id();
        if (another) {
            shown = target;
            report.set(null);
            problem.set("");
        } else if (reading || lastRead != null && Duration.between(lastRead, now).compareTo(EVERY) < 0) {
            return;
        }
        long mine = ++asked;
        reading = true;
        lastRead = now;
        long id = target.id();
        executor.run(() -> OracleChecks.read(cache, id, now), found -> {
            if (mine == asked) {
                reading = false;
                problem.set("");
                report.set(found);
            }
        }, e -> {
            if (mine == asked) {
                reading = false;
                LOG.warn("The DBA checks of {} were not read: {}", target.name(), e.toString());
                problem.set(messages.get("dashboard.dba.loadFailed", UserErrors.describe(e, messages)));
            }
        });
    }

    /** How a backup stands: red when none succeeded in 35 days (an incremental never taken is a choice) or past its red age. */
    static Level level(OracleChecks.Backup b) {
        if (b.ageHours() == null) {
            return b.kind() == OracleChecks.BackupKind.INCREMENTAL && b.lastStatus() == null ? Level.NONE : Level.CRIT;
        }
        if (b.ageHours() >= b.kind().critHours) {
            return Level.CRIT;
        }
        Level byAge = b.ageHours() >= b.kind().warnHours ? Level.WARN : Level.OK;
        return b.lastFailed() ? byAge.worst(Level.WARN) : byAge;
    }

    /** An expiring account: red within a week. */
    static Level level(OracleChecks.Account a) {
        return a.days() < 7 ? Level.CRIT : Level.WARN;
    }

    /** A lag: amber past five minutes, red past fifteen, as the pack's default apply-lag rule. */
    static Level lagLevel(double seconds) {
        return seconds >= LAG_CRIT_S ? Level.CRIT : seconds >= LAG_WARN_S ? Level.WARN : Level.OK;
    }

    /** The shown Oracle target's report; null before the first read and for other kinds of target. */
    public ReadOnlyObjectProperty<OracleChecks.Report> report() {
        return report.getReadOnlyProperty();
    }

    /** Why the report could not be read, empty when it was. */
    public ReadOnlyStringProperty problem() {
        return problem.getReadOnlyProperty();
    }
}
