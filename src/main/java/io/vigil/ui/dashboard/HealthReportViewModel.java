package io.vigil.ui.dashboard;

import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.report.HealthReport;
import io.vigil.report.HtmlReport;
import io.vigil.report.ReportBuilder;
import io.vigil.ui.util.TaskExecutor;
import io.vigil.ui.util.UserErrors;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import javafx.beans.property.ObjectProperty;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.beans.property.SimpleObjectProperty;
import javafx.beans.binding.BooleanBinding;
import javafx.beans.binding.Bindings;

/**
 * The Health report dialog's state: the range, the language and the file chosen, and the report made in the background
 * from the series store and the alert history ({@link ReportBuilder}); the file written, or what went wrong.
 */
public final class HealthReportViewModel {

    /** The ranges offered, the last day to the last month. */
    public static final List<Duration> RANGES = List.of(Duration.ofDays(1), Duration.ofDays(7), Duration.ofDays(14), Duration.ofDays(30));
    /** The languages a report is written in. */
    public static final List<Locale> LANGUAGES = Messages.SUPPORTED;

    private final Target target;
    private final ReportBuilder builder;
    private final TaskExecutor executor;
    private final Messages messages;
    private final Clock clock;
    private final ObjectProperty<Duration> range = new SimpleObjectProperty<>(this, "range", Duration.ofDays(7));
    private final ObjectProperty<Locale> language;
    private final ObjectProperty<Path> file = new SimpleObjectProperty<>(this, "file");
    private final ReadOnlyBooleanWrapper busy = new ReadOnlyBooleanWrapper(this, "busy");
    private final ReadOnlyStringWrapper status = new ReadOnlyStringWrapper(this, "status", "");
    private final ReadOnlyObjectWrapper<Path> written = new ReadOnlyObjectWrapper<>(this, "written");
    private final BooleanBinding canGenerate;

    public HealthReportViewModel(Target target, ReportBuilder builder, TaskExecutor executor, Messages messages, Clock clock) {
        this.target = target;
        this.builder = builder;
        this.executor = executor;
        this.messages = messages;
        this.clock = clock;
        this.language = new SimpleObjectProperty<>(this, "language", messages.locale());
        this.canGenerate = Bindings.createBooleanBinding(() -> file.get() != null && !busy.get(), file, busy);
    }

    public Target target() {
        return target;
    }

    public ObjectProperty<Duration> range() {
        return range;
    }

    public ObjectProperty<Locale> language() {
        return language;
    }

    public ObjectProperty<Path> file() {
        return file;
    }

    public ReadOnlyBooleanProperty busy() {
        return busy.getReadOnlyProperty();
    }

    public ReadOnlyStringProperty status() {
        return status.getReadOnlyProperty();
    }

    /** The file of the last report written, null until one is. */
    public ReadOnlyObjectProperty<Path> written() {
        return written.getReadOnlyProperty();
    }

    public BooleanBinding canGenerate() {
        return canGenerate;
    }

    /** A file name to suggest: the target and the day. */
    public String suggestedFileName() {
        String safe = target.name().replaceAll("[^\\p{L}\\p{N}._-]+", "_");
        return "vigil-report-" + safe + "-" + java.time.LocalDate.now(clock.withZone(java.time.ZoneId.systemDefault())) + ".html";
    }

    /** Makes and writes the report in the background; call on the FX thread. */
    public void generate() {
        Path out = file.get();
        if (out == null || busy.get()) {
            return;
        }
        Instant to = clock.instant();
        Instant from = to.minus(range.get());
        Messages in = new Messages(language.get());
        busy.set(true);
        written.set(null);
        status.set(messages.get("report.dialog.working"));
        executor.run(() -> {
            if (!builder.hasData(target, from, to)) {
                return null;
            }
            HealthReport report = builder.build(target, from, to, in);
            HtmlReport.write(report, out);
            return report.findings().size();
        }, findings -> {
            busy.set(false);
            if (findings == null) {
                status.set(messages.get("report.dialog.empty", target.name()));
            } else {
                status.set(messages.get("report.dialog.done", out.getFileName().toString(), findings));
                written.set(out);
            }
        }, e -> {
            busy.set(false);
            status.set(messages.get("report.dialog.failed", UserErrors.describe(e, messages)));
        });
    }
}
