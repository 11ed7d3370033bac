package io.vigil.cli;

import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.concurrent.Callable;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStoreException;
import io.vigil.i18n.Messages;
import io.vigil.mirror.CacheDb;
import io.vigil.schedule.LocalCollector;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.Retention;
import io.vigil.series.SeriesStore;
import io.vigil.sitepack.PackManifest;
import io.vigil.sitepack.PackRequest;
import io.vigil.sitepack.PackSource;
import io.vigil.sitepack.SitePackException;
import io.vigil.sitepack.SitePackWriter;

import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code vigil pack-site}: the site's evidence in one file to take home, opened anywhere with {@code vigil --open}.
 * Exit codes: 0 written, 1 the pack could not be written, 2 the options or the config store are wrong.
 */
@Command(name = "pack-site", mixinStandardHelpOptions = true,
        description = "Write one file with the configuration (no passwords or channel secrets), a range of every series, the cached "
                + "tables, alerts, alert history and events, to open elsewhere with vigil --open FILE.")
public final class PackSiteCommand implements Callable<Integer> {

    @Mixin
    StoreOptions stores;

    @Mixin
    ServerStoreOptions servers;

    @Option(names = "--range", paramLabel = "DURATION", converter = Durations.Converter.class,
            description = "How far back from now: 7d, 36h, 90m (default: 7d, unless --from is given).")
    Duration range;

    @Option(names = "--from", paramLabel = "TIME", description = "Start of the range: 2026-03-01T08:00 (local time) or an ISO instant.")
    String from;

    @Option(names = "--to", paramLabel = "TIME", description = "End of the range (default: now).")
    String to;

    @Option(names = "--targets", paramLabel = "NAME", split = ",", description = "Only these targets, by name (default: all).")
    List<String> targets;

    @Option(names = "--out", paramLabel = "FILE", required = true, description = "The file to write, e.g. site.vigil.")
    Path out;

    @Option(names = "--site", paramLabel = "NAME", description = "Whose site, shown in the banner where it is opened.")
    String site;

    @Spec
    CommandSpec spec;

    @Override
    public Integer call() {
        PrintWriter stdout = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        Messages messages = new Messages(Messages.localeFor(""));
        Clock clock = Clock.systemUTC();
        Instant start;
        Instant end;
        try {
            if (range != null && from != null) {
                err.println(messages.get("cli.packSite.badRange"));
                return 2;
            }
            end = to == null ? clock.instant() : time(to, messages);
            start = from != null ? time(from, messages) : end.minus(range == null ? Duration.ofDays(7) : range);
        } catch (IllegalArgumentException e) {
            err.println(e.getMessage());
            return 2;
        }
        if (!start.isBefore(end)) {
            err.println(messages.get("sitepack.error.range"));
            return 2;
        }
        AppDirs dirs = stores.dirs();
        ConfigStore store;
        try {
            store = stores.openConfigStore();
        } catch (ConfigStoreException e) {
            err.println(e.describe(messages));
            return 2;
        }
        LocalCollector.Stores opened = null;
        CacheDb cache = null;
        SeriesStore series = null;
        try {
            opened = servers.open();
            cache = opened.cache() != null ? opened.cache() : CacheDb.embedded(dirs.home().resolve("cache"));
            series = opened.series() != null ? opened.series() : new H2SeriesStore(dirs.home().resolve("series"), Retention.defaults(), clock);
            PackSource source = new PackSource(store, series, cache, opened.ledger(), List.of());
            PackRequest request = new PackRequest(site == null ? "" : site, start, end, targets);
            PackManifest m = new SitePackWriter(clock).write(source, request, out,
                    (what, done, total) -> stdout.println("[" + done + "/" + total + "] " + messages.render(what)));
            DateTimeFormatter f = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());
            stdout.println(messages.get("cli.packSite.wrote", out, m.targets().size(), f.format(m.fromTime()), f.format(m.toTime()),
                    Files.size(out) / 1024));
            return 0;
        } catch (SitePackException e) {
            err.println(messages.render(e.reason()));
            return e.kind() == SitePackException.Kind.UNKNOWN_TARGET ? 2 : 1;
        } catch (java.io.IOException | RuntimeException e) {
            err.println(messages.get("sitepack.error.write", out, String.valueOf(e.getMessage())));
            return 1;
        } finally {
            if (series != null) {
                series.close();
            }
            if (cache != null) {
                cache.close();
            }
            if (opened != null && opened.ledger() != null) {
                opened.ledger().close();
            }
            store.close();
        }
    }

    private static Instant time(String text, Messages messages) {
        String t = text.strip();
        try {
            return Instant.parse(t);
        } catch (DateTimeParseException e) {
            try {
                return LocalDateTime.parse(t).atZone(ZoneId.systemDefault()).toInstant();
            } catch (DateTimeParseException e2) {
                throw new IllegalArgumentException(messages.get("cli.packSite.badTime", text));
            }
        }
    }
}
