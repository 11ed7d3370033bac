package io.vigil.cli;

import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStoreException;
import io.vigil.config.FirstStart;
import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.mirror.CacheDb;
import io.vigil.report.CacheSnapshots;
import io.vigil.report.HealthReport;
import io.vigil.report.HtmlReport;
import io.vigil.report.ReportBuilder;
import io.vigil.schedule.LocalCollector;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Retention;
import io.vigil.series.SeriesStore;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

/**
 * {@code vigil report}: a target's health report over a range as one self-contained HTML file, from the series store and
 * the alert history the collector kept. Exit 0 when written, 1 when the range holds nothing of the target, 2 for an
 * unknown target, a bad range or a store or file that cannot be used.
 */
@Command(name = "report", mixinStandardHelpOptions = true,
        description = "Write a target's health report (findings, load, space forecasts, backups, alerts...) as one HTML file.")
public final class ReportCommand implements Callable<Integer> {

    private static final Logger LOG = LoggerFactory.getLogger(ReportCommand.class);

    @Mixin
    StoreOptions stores;

    @Mixin
    ServerStoreOptions servers;

    @Parameters(index = "0", paramLabel = "TARGET", description = "The target's name.")
    String targetName;

    @Option(names = "--range", paramLabel = "DURATION", converter = Durations.Converter.class,
            description = "How far back from now (or from --to): e.g. 24h, 7d (default: 7d).")
    Duration range;

    @Option(names = "--from", paramLabel = "TIME", description = "Start: 2026-12-01, 2026-12-01T08:00 (local time) or an ISO instant.")
    String fromText;

    @Option(names = "--to", paramLabel = "TIME", description = "End (default: now), written as --from.")
    String toText;

    @Option(names = {"--out", "-o"}, paramLabel = "FILE", required = true, description = "The HTML file to write.")
    Path out;

    @Option(names = "--lang", paramLabel = "TAG", description = "Language of the report: en or zh-CN (default: the OS).")
    String language;

    @Spec
    CommandSpec spec;

    Clock clock = Clock.systemUTC();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        Messages messages = new Messages(Messages.localeFor(language == null ? "" : language));
        ZoneId zone = ZoneId.systemDefault();
        Instant to;
        Instant from;
        try {
            to = toText == null ? clock.instant() : time(toText, zone);
            from = fromText != null ? time(fromText, zone) : to.minus(range == null ? Duration.ofDays(7) : range);
        } catch (DateTimeParseException e) {
            err.println(messages.get("cli.report.badTime", e.getParsedString()));
            return 2;
        }
        if (fromText != null && range != null) {
            err.println(messages.get("cli.report.rangeAndFrom"));
            return 2;
        }
        if (!from.isBefore(to)) {
            err.println(messages.get("cli.report.backwards"));
            return 2;
        }
        try (ConfigStore store = stores.openConfigStore()) {
            FirstStart.prepare(store);
            Optional<Target> found = store.targets().stream().filter(t -> t.name().equalsIgnoreCase(targetName)).findFirst();
            if (found.isEmpty()) {
                err.println(messages.get("cli.report.noTarget", targetName,
                        store.targets().stream().map(Target::name).collect(Collectors.joining(", "))));
                return 2;
            }
            Target target = found.get();
            Path home = stores.dirs().home();
            LocalCollector.Stores opened = servers.open();
            SeriesStore series = opened.series() != null ? opened.series() : new H2SeriesStore(home.resolve("series"), Retention.defaults(), clock);
            CacheDb cache = opened.cache() != null ? opened.cache() : CacheDb.embedded(home.resolve("cache"));
            try (series; cache) {
                ReportBuilder builder = new ReportBuilder(series, store.alerts(), new CacheSnapshots(cache), clock, ReportBuilder.vigilVersion(), zone);
                if (!builder.hasData(target, from, to)) {
                    err.println(messages.get("cli.report.empty", target.name(), messages.get("report.rangeText", from.atZone(zone).toLocalDateTime(),
                            to.atZone(zone).toLocalDateTime())));
                    return 1;
                }
                HealthReport report = builder.build(target, from, to, messages);
                HtmlReport.write(report, out);
                spec.commandLine().getOut().println(messages.get("cli.report.written", out.toAbsolutePath(), report.findings().size()));
                return 0;
            } finally {
                if (opened.ledger() != null) {
                    opened.ledger().close();
                }
            }
        } catch (ConfigStoreException e) {
            err.println(e.describe(messages));
            return 2;
        } catch (IOException e) {
            LOG.warn("The report could not be written to {}: {}", out, e.toString());
            err.println(messages.get("cli.report.writeFailed", out, e.getMessage() == null ? "" : e.getMessage()));
            return 2;
        } catch (RuntimeException e) {
            LOG.warn("The report could not be made: {}", e.toString());
            err.println(messages.get("cli.report.failed", e.getMessage() == null ? "" : e.getMessage()));
            return 2;
        }
    }

    /** A time as people write it: a date (its start, local), a local date and time, or an ISO instant. */
    static Instant time(String text, ZoneId zone) {
        String t = text.strip();
        if (t.endsWith("Z") || t.matches(".*[+-]\\d\\d:\\d\\d$")) {
            return java.time.OffsetDateTime.parse(t).toInstant();
        }
        if (t.length() == 10) {
            return LocalDate.parse(t).atStartOfDay(zone).toInstant();
        }
        return LocalDateTime.parse(t).atZone(zone).toInstant();
    }
}
