package io.vigil.report;

import io.vigil.config.AlertStore;
import io.vigil.config.ConnectBy;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.report.HealthReport.Finding;
import io.vigil.report.HealthReport.Section;
import io.vigil.series.SeriesStore;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Builds a target's {@link HealthReport} over a range from the series store's range queries, the alert store's
 * history and events, and (for version and top SQL only) the newest cache snapshot. Reads stores: never on the FX thread.
 */
public final class ReportBuilder {

    private final SeriesStore series;
    private final AlertStore alerts;
    private final Snapshots snapshots;
    private final Clock clock;
    private final String vigilVersion;
    private final ZoneId zone;

    public ReportBuilder(SeriesStore series, AlertStore alerts, Snapshots snapshots, Clock clock, String vigilVersion, ZoneId zone) {
        this.series = series;
        this.alerts = alerts;
        this.snapshots = snapshots == null ? Snapshots.NONE : snapshots;
        this.clock = clock;
        this.vigilVersion = vigilVersion;
        this.zone = zone;
    }

    /** Vigil's version from the jar manifest, or "development build" when run from classes. */
    public static String vigilVersion() {
        String v = ReportBuilder.class.getPackage().getImplementationVersion();
        return v == null ? "development build" : v;
    }

    /** Whether the series store holds anything of the target in the range (a report of nothing is refused). */
    public boolean hasData(Target target, Instant from, Instant to) {
        SeriesReads reads = new SeriesReads(series, target.name(), from, to);
        return Metrics.of(target.kind()).heartbeat().stream().anyMatch(m -> reads.one(m) != null);
    }

    /** The report of the target over [from, to), worded by {@code messages}. */
    public HealthReport build(Target target, Instant from, Instant to, Messages messages) {
        ReportFormat f = new ReportFormat(messages, zone);
        Context c = new Context(target, Metrics.of(target.kind()), new SeriesReads(series, target.name(), from, to), f, alerts, snapshots,
                new ArrayList<>());
        List<Section> sections = new ArrayList<>();
        sections.add(GeneralSections.instance(c));
        sections.add(GeneralSections.availability(c));
        sections.add(LoadSection.build(c));
        sections.add(GeneralSections.topSql(c));
        sections.add(SpaceSection.build(c, series));
        sections.add(GeneralSections.alertLog(c));
        sections.add(OracleSections.backups(c));
        sections.add(OracleSections.replication(c));
        sections.add(OracleSections.passwords(c));
        sections.add(OracleSections.invalidObjects(c));
        sections.add(GeneralSections.alertsFired(c));
        List<Finding> findings = c.findings().stream()
                .sorted(Comparator.comparing(Finding::severity).reversed()).toList();
        Instant now = clock.instant();
        HealthReport.Labels labels = new HealthReport.Labels(messages.locale().toLanguageTag(), messages.get("report.findings"),
                messages.get("report.findings.none"), messages.get("report.footer.range"), messages.get("report.footer.generated"),
                messages.get("report.footer.vigil"), messages.get("report.footer.target"), messages.get("report.severity.CRIT"),
                messages.get("report.severity.WARN"), messages.get("report.severity.INFO"),
                messages.get("report.rangeText", f.time(from), f.time(to)), f.time(now));
        return new HealthReport(messages.get("report.title", target.name()), target.name(), messages.get("kind." + target.kind().name()),
                address(target), from, to, now, vigilVersion, findings, sections, labels);
    }

    /** Where the target is, without its user or password. */
    static String address(Target t) {
        if (t.kind() == TargetKind.DEMO_ORACLE) {
            return t.database().isEmpty() ? "demo" : "demo (" + t.database() + ")";
        }
        String where = t.host() + (t.port() > 0 ? ":" + t.port() : "");
        if (t.connectBy() == ConnectBy.TNS_ALIAS) {
            return t.database();
        }
        return t.database().isEmpty() ? where : where + "/" + t.database();
    }

    /** What every section builder shares: the target, its kind's metrics, the reads, the format and the findings so far. */
    record Context(Target target, Metrics metrics, SeriesReads reads, ReportFormat f, AlertStore alerts, Snapshots snapshots,
                   List<Finding> findings) {

        Messages m() {
            return f.messages();
        }

        boolean oracle() {
            return target.kind().packKind() == TargetKind.ORACLE;
        }

        void finding(io.vigil.config.Severity severity, String key, Object... args) {
            findings.add(new Finding(severity, m().get(key, args)));
        }

        /** A section that has nothing to show, saying why in one line. */
        Section empty(String id, String noneKey, Object... args) {
            return new Section(id, m().get("report.section." + id), List.of(new HealthReport.Text(m().get(noneKey, args), true)));
        }

        Section section(String id, List<HealthReport.Block> blocks) {
            return new Section(id, m().get("report.section." + id), blocks);
        }
    }
}
