package io.vigil.sitepack;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import io.vigil.config.Alert;
import io.vigil.config.AlertChange;
import io.vigil.config.AlertKey;
import io.vigil.config.AlertStore;
import io.vigil.config.AppDirs;
import io.vigil.config.ChannelDef;
import io.vigil.config.ChannelType;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStoreException;
import io.vigil.config.ConfigStores;
import io.vigil.config.InvalidConfigException;
import io.vigil.config.MirrorDef;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.Severity;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.VigilEvent;
import io.vigil.i18n.Reason;
import io.vigil.ledger.SyncRecord;
import io.vigil.mirror.CacheCopy;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.CacheException;
import io.vigil.series.Point;
import io.vigil.series.RangeQuery;
import io.vigil.series.Series;
import io.vigil.series.SeriesKey;
import io.vigil.series.SeriesStoreException;
import io.vigil.watch.JobBoard.JobState;

/**
 * Writes a site pack: the chosen targets' configuration (passwords blanked, channels without secrets), their series over
 * the range, their cache snapshots, alerts, alert history and events, each through Vigil's own stores into a temporary
 * folder, then zipped with a manifest of every entry's size and SHA-256. The file appears whole or not at all.
 * Blocks on every store: call it off the FX thread.
 */
public final class SitePackWriter {

    static final String CONFIG = "config.mv.db";
    static final String SERIES = "series.bin";
    /** The series entry of a format-1 pack: an embedded series store. */
    static final String SERIES_STORE = "series.mv.db";
    static final String CACHE = "cache.mv.db";
    static final String JOBS = "jobs.json";
    static final String SYNCS = "syncs.json";
    static final String LATEST = "latest.json";

    /**
     * How far apart the points taken along are: a minute, each the mean of its minute, the resolution a week's chart
     * draws. Finer would repeat the 15 s metrics fourfold for a few charts zoomed into an hour.
     */
    static final long STEP_MILLIS = 60_000;
    /** How much of the range one read covers: a day of minutes per series, so no answer grows with the range. */
    static final Duration CHUNK = Duration.ofDays(1);
    private static final int ROW_LIMIT = 1_000_000;

    private static final Logger LOG = LoggerFactory.getLogger(SitePackWriter.class);

    private final Clock clock;

    public SitePackWriter(Clock clock) {
        this.clock = clock;
    }

    /** Writes the pack to {@code out}; returns its manifest. */
    public PackManifest write(PackSource source, PackRequest request, Path out, PackRequest.Progress progress) {
        List<Target> chosen = choose(source.store().targets(), request.targets());
        Path work = null;
        try {
            work = Files.createTempDirectory("vigil-pack-");
            Map<Long, Long> ids;
            int total = 4;
            progress.step(Reason.of("sitepack.progress.config"), 0, total);
            try (ConfigStore pack = ConfigStores.open(StoreLocation.embedded(), new AppDirs(work), SecretBox.fromKeyFile(new AppDirs(work)))) {
                ids = copyConfig(source.store(), pack, chosen, request);
            }
            Set<String> names = new HashSet<>();
            chosen.forEach(t -> names.add(t.name()));
            progress.step(Reason.of("sitepack.progress.series", chosen.size()), 1, total);
            List<Point> latest = copySeries(source, work.resolve(SERIES), names, request);
            progress.step(Reason.of("sitepack.progress.cache"), 2, total);
            try (CacheDb cache = CacheDb.embedded(work)) {
                copyCache(source, cache, chosen, ids);
            }
            Files.write(work.resolve(LATEST), PackJson.points(latest));
            Files.write(work.resolve(JOBS), PackJson.jobs(jobs(source.jobs(), ids)));
            Files.write(work.resolve(SYNCS), PackJson.syncs(syncs(source, chosen, ids)));
            Files.move(work.resolve("config").resolve("vigil.mv.db"), work.resolve(CONFIG));
            progress.step(Reason.of("sitepack.progress.zip", out.toString()), 3, total);
            List<PackManifest.PackTarget> targets = new ArrayList<>();
            for (Target t : chosen) {
                targets.add(new PackManifest.PackTarget(ids.get(t.id()), t.name(), t.kind().name()));
            }
            List<PackManifest.Entry> entries = new ArrayList<>();
            for (String name : List.of(CONFIG, SERIES, CACHE, JOBS, SYNCS, LATEST)) {
                Path f = work.resolve(name);
                entries.add(new PackManifest.Entry(name, Files.size(f), sha256(f)));
            }
            PackManifest manifest = new PackManifest(PackManifest.FORMAT, PackManifest.runningVersion(), request.site(),
                    request.from().toEpochMilli(), request.to().toEpochMilli(), clock.millis(), targets, entries);
            zip(work, manifest, out);
            progress.step(Reason.of("sitepack.progress.done", out.toString()), total, total);
            return manifest;
        } catch (IOException e) {
            throw new SitePackException(SitePackException.Kind.IO, Reason.of("sitepack.error.write", out.toString(), String.valueOf(e.getMessage())),
                    "writing " + out + " failed: " + e.getMessage(), e);
        } catch (ConfigStoreException | SeriesStoreException | CacheException e) {
            // the config store's and the cache's failures are worded by their reasons; the series store's by its message
            Object why = e instanceof ConfigStoreException c ? c.reason() : e instanceof CacheException c ? c.reason() : String.valueOf(e.getMessage());
            throw new SitePackException(SitePackException.Kind.SOURCE, Reason.of("sitepack.error.source", why),
                    "reading the stores failed: " + e.getMessage(), e);
        } finally {
            if (work != null) {
                PackFiles.deleteTree(work);
            }
        }
    }

    private static List<Target> choose(List<Target> all, List<String> wanted) {
        if (wanted.isEmpty()) {
            return all;
        }
        Map<String, Target> byName = new LinkedHashMap<>();
        all.forEach(t -> byName.put(t.name(), t));
        List<Target> out = new ArrayList<>();
        for (String name : wanted) {
            Target t = byName.get(name);
            if (t == null) {
                throw new SitePackException(SitePackException.Kind.UNKNOWN_TARGET, Reason.of("sitepack.error.unknownTarget", name,
                        String.join(", ", byName.keySet())), "no target named " + name, null);
            }
            out.add(t);
        }
        return out;
    }

    // Definitions, rules and channels as they are (ids new); targets without their passwords; alert states, history and
    // events of the chosen targets in the range, moved to the targets' ids in the pack.
    private Map<Long, Long> copyConfig(ConfigStore from, ConfigStore to, List<Target> chosen, PackRequest request) {
        try {
            to.saveAll(chosen.stream().map(t -> blank(t).withId(0)).toList(), from.mirrors().stream().map(m -> m.withId(0)).toList(),
                    from.metrics().stream().map(m -> m.withId(0)).toList(), from.rules().stream().map(r -> r.withId(0)).toList());
            for (ChannelDef c : from.channels()) {
                to.saveChannel(scrub(c));
            }
        } catch (InvalidConfigException e) {
            throw new SitePackException(SitePackException.Kind.SOURCE, Reason.of("sitepack.error.source", String.valueOf(e.getMessage())),
                    "the configuration could not be copied: " + e.getMessage(), e);
        }
        to.saveEventIgnores(from.eventIgnores());
        Map<String, Long> newIds = new HashMap<>();
        to.targets().forEach(t -> newIds.put(t.name(), t.id()));
        Map<Long, Long> ids = new HashMap<>();
        Set<String> names = new HashSet<>();
        for (Target t : chosen) {
            ids.put(t.id(), newIds.get(t.name()));
            names.add(t.name());
        }
        AlertStore src = from.alerts();
        List<Alert> open = new ArrayList<>();
        for (Alert a : src.open()) {
            if (ids.containsKey(a.key().targetId())) {
                open.add(new Alert(key(a.key(), ids), a.targetName(), a.state(), a.severity(), a.value(), a.pendingAt(), a.firedAt(),
                        a.changedAt(), a.notifiedAt(), a.ackBy(), a.ackComment(), a.ackAt(), a.detail()));
            }
        }
        List<AlertChange> history = new ArrayList<>();
        for (AlertChange c : src.history(request.from(), request.to(), "", Severity.INFO, ROW_LIMIT)) {
            if (ids.containsKey(c.key().targetId()) || names.contains(c.targetName())) {
                history.add(new AlertChange(0, key(c.key(), ids), c.targetName(), c.from(), c.to(), c.severity(), c.value(), c.at(), c.detail()));
            }
        }
        to.alerts().apply(open, List.of(), history.reversed()); // history comes newest first; kept oldest first
        List<VigilEvent> events = new ArrayList<>();
        for (VigilEvent e : src.events("", request.from(), request.to(), ROW_LIMIT)) {
            if (ids.containsKey(e.targetId()) || names.contains(e.targetName())) {
                events.add(new VigilEvent(0, ids.getOrDefault(e.targetId(), 0L), e.targetName(), e.at(), e.type(), e.category(), e.severity(),
                        e.code(), e.text()));
            }
        }
        to.alerts().addEvents(events);
        return ids;
    }

    private static AlertKey key(AlertKey k, Map<Long, Long> ids) {
        return new AlertKey(k.rule(), ids.getOrDefault(k.targetId(), 0L), k.series());
    }

    /** The target with no password: a pack travels, the customer's logins stay. */
    static Target blank(Target t) {
        return new Target(t.id(), t.name(), t.kind(), t.host(), t.port(), t.connectBy(), t.database(), t.tnsAdmin(), t.user(), Secret.empty(),
                t.tags(), t.enabled(), t.licensed(), t.tls());
    }

    /**
     * The channel with no secret; a robot's or webhook's URL carries its token, so only its scheme and host stay.
     */
    static ChannelDef scrub(ChannelDef c) {
        String endpoint = c.endpoint();
        if (c.type() != ChannelType.EMAIL && c.type() != ChannelType.DESKTOP && !endpoint.isEmpty()) {
            try {
                URI u = URI.create(endpoint);
                endpoint = u.getScheme() + "://" + u.getHost() + "/";
            } catch (IllegalArgumentException e) {
                endpoint = "";
            }
        }
        return new ChannelDef(0, c.name(), c.type(), endpoint, c.user(), Secret.empty(), c.sender(), c.recipients(), c.minSeverity(),
                c.repeatMinutes(), c.sendResolved(), false);
    }

    // Every metric in pieces of the range, each read at one-minute steps; a metric's series gathered whole, then written.
    private List<Point> copySeries(PackSource source, Path file, Set<String> names, PackRequest request) throws IOException {
        List<Point> latest = new ArrayList<>();
        Set<String> metrics = new TreeSet<>();
        source.store().metrics().forEach(m -> metrics.add(m.name()));
        long step = CHUNK.toMillis();
        long from = Math.floorDiv(request.from().toEpochMilli(), STEP_MILLIS) * STEP_MILLIS;
        long start = request.from().toEpochMilli();
        long end = request.to().toEpochMilli();
        try (PackSeries.Writer out = new PackSeries.Writer(file)) {
            for (String metric : metrics) {
                Map<SeriesKey, PackSeries.Growing> whole = new TreeMap<>(Comparator.comparing(SeriesKey::canonicalTags));
                for (long a = from; a < end; a += step) {
                    long b = Math.min(end, a + step);
                    int max = (int) Math.max(1, (b - a + STEP_MILLIS - 1) / STEP_MILLIS);
                    for (Series s : source.series().query(new RangeQuery(metric, Map.of(), Instant.ofEpochMilli(a), Instant.ofEpochMilli(b), max))) {
                        if (!names.contains(s.key().tags().getOrDefault("target", ""))) {
                            continue;
                        }
                        PackSeries.Growing g = whole.computeIfAbsent(s.key(), k -> new PackSeries.Growing());
                        for (int i = 0; i < s.size(); i++) {
                            if (s.times()[i] >= start && s.times()[i] < end) {
                                g.add(s.times()[i], s.values()[i]);
                            }
                        }
                    }
                }
                for (Map.Entry<SeriesKey, PackSeries.Growing> e : whole.entrySet()) {
                    PackSeries.Growing g = e.getValue();
                    if (g.n == 0) {
                        continue;
                    }
                    out.add(e.getKey(), g.times, g.values, g.n);
                    latest.add(new Point(metric, e.getKey().tags(), Instant.ofEpochMilli(g.times[g.n - 1]), g.values[g.n - 1]));
                }
            }
            LOG.debug("Packed {} series, {} points", out.series(), out.points());
        }
        return latest;
    }

    private static void copyCache(PackSource source, CacheDb to, List<Target> chosen, Map<Long, Long> ids) {
        List<String> tables = CacheCopy.existing(source.cache(), source.store().mirrors().stream().map(MirrorDef::cacheTable).toList());
        for (String table : tables) {
            for (Target t : chosen) {
                CacheCopy.copy(source.cache(), to, table, t.id(), ids.get(t.id()));
            }
        }
    }

    private static List<JobState> jobs(List<JobState> jobs, Map<Long, Long> ids) {
        List<JobState> out = new ArrayList<>();
        for (JobState j : jobs) {
            Long id = ids.get(j.targetId());
            if (id != null) {
                out.add(new JobState(id, j.targetName(), j.job(), j.status(), j.reason(), j.lastRun(), j.took(), j.rows(), j.lastOk()));
            }
        }
        return out;
    }

    private static List<SyncRecord> syncs(PackSource source, List<Target> chosen, Map<Long, Long> ids) {
        List<SyncRecord> out = new ArrayList<>();
        if (source.ledger() == null) {
            return out;
        }
        for (Target t : chosen) {
            for (SyncRecord s : source.ledger().lastForTarget(t.id()).values()) {
                out.add(new SyncRecord(ids.get(t.id()), s.mirror(), s.syncedAt(), s.rows(), s.tookMs()));
            }
        }
        return out;
    }

    private static void zip(Path work, PackManifest manifest, Path out) throws IOException {
        Path parent = out.toAbsolutePath().getParent();
        if (parent != null) {
            Files.createDirectories(parent);
        }
        Path part = (parent == null ? Path.of(".") : parent).resolve(out.getFileName() + ".part");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(part))) {
            zip.putNextEntry(new ZipEntry(PackManifest.NAME));
            zip.write(PackJson.manifest(manifest));
            zip.closeEntry();
            for (PackManifest.Entry e : manifest.entries()) {
                zip.putNextEntry(new ZipEntry(e.name()));
                Files.copy(work.resolve(e.name()), zip);
                zip.closeEntry();
            }
        } catch (IOException e) {
            Files.deleteIfExists(part);
            throw e;
        }
        Files.move(part, out, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }

    static String sha256(Path f) throws IOException {
        try (InputStream in = Files.newInputStream(f)) {
            MessageDigest md = MessageDigest.getInstance("SHA-256");
            byte[] buf = new byte[1 << 16];
            for (int n; (n = in.read(buf)) > 0; ) {
                md.update(buf, 0, n);
            }
            return HexFormat.of().formatHex(md.digest());
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

}
