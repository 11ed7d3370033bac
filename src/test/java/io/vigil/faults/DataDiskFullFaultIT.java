package io.vigil.faults;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStoreException;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.DataDisk;
import io.vigil.config.MetricDef;
import io.vigil.config.MetricType;
import io.vigil.config.MirrorDef;
import io.vigil.config.MirrorMode;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.i18n.Messages;
import io.vigil.mirror.CacheDb;
import io.vigil.schedule.JobKey;
import io.vigil.schedule.LocalCollector;
import io.vigil.schedule.StatusEvent;
import io.vigil.series.H2SeriesStore;
import io.vigil.series.RangeQuery;
import io.vigil.series.Retention;
import io.vigil.series.Series;
import io.vigil.testsupport.RealServices;
import io.vigil.testsupport.TestDatabase;
import io.vigil.ui.live.HealthNotices;
import io.vigil.watch.JobBoard;
import io.vigil.watch.LatestValues;
import io.vigil.watch.Watch;

/**
 * The disk under the data folder fills up while a collector runs on the embedded stores: the configuration store, the
 * H2 cache, the H2 series store and the spool all live on a 48 MB tmpfs the test mounts (so it runs as root, and fails
 * saying so otherwise), and a file the test writes takes the last byte. The collector goes on running, the state is said
 * as a full disk (the console's status and notice, the CLI's status line, the jobs' reasons) in English and Chinese, never
 * in H2's words; once the file is gone Vigil writes again by itself, and after a restart every store opens whole: no file
 * set aside as damaged, the configuration as it was, the points from before the fill and after it.
 */
class DataDiskFullFaultIT {

    static final int INTERVAL = 2;
    static final MirrorDef CLOCK = new MirrorDef(0, "disk_clock", TargetKind.MYSQL,
            "SELECT CAST(UNIX_TIMESTAMP(NOW(3)) * 1000 AS SIGNED) AS v, REPEAT('x', 2000) AS pad", "f_disk_clock", INTERVAL, 10,
            MirrorMode.REPLACE, "", true, "");
    static final MetricDef READING = new MetricDef(0, "fault.disk.clock", TargetKind.MYSQL,
            "SELECT v AS value FROM f_disk_clock WHERE target_id = ?", List.of("disk_clock"), 5 * INTERVAL, MetricType.GAUGE, "ms",
            List.of(), INTERVAL, null, null, "", true, "");

    @TempDir
    Path folder;

    @Test
    void aFullDataDiskIsSaidAsSuchAndEveryStoreOpensWholeOnceThereIsRoom() throws Exception {
        Path disk = FaultRig.smallDisk(folder.resolve("data-disk"), "48m", "the data folder", "DataDiskFullFaultIT");
        Messages english = new Messages(Locale.ENGLISH);
        Messages chinese = new Messages(Locale.SIMPLIFIED_CHINESE);
        Path filler = disk.resolve("filler.bin");
        try (TestDatabase db = RealServices.mariadb().createDatabase("diskfull")) {
            AppDirs dirs = new AppDirs(disk.resolve("vigil"));
            ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
            Target target = store.saveTarget(new Target(0, "maria", TargetKind.MYSQL, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "",
                    db.user(), Secret.of(db.password()), List.of(), true));
            store.saveMirror(CLOCK);
            store.saveMetric(READING);

            List<StatusEvent> events = new CopyOnWriteArrayList<>();
            JobBoard board = new JobBoard();
            LatestValues latest = new LatestValues();
            Instant started = Instant.now();
            Instant filled;
            Instant freed;
            boolean editTaken = false;
            int mirrorsBefore;
            try (LocalCollector collector = LocalCollector.start(dirs, store, LocalCollector.Stores.embedded(), Clock.systemUTC(), e -> {
                events.add(e);
                board.accept(e);
            }, latest::add)) {
                Watch watch = new Watch(collector, board, latest, null, Clock.systemUTC());
                mirrorsBefore = store.mirrors().size();
                assertThat(FaultRig.await(Duration.ofSeconds(60), () -> stored(collector, started) >= 3))
                        .as("collecting before the disk fills; events: " + tail(events)).isTrue();
                Watch.Snapshot roomy = watch.snapshot();
                assertThat(roomy.disk().level()).isEqualTo(DataDisk.Level.OK);

                long before = stored(collector, started);
                filled = Instant.now();
                long written = fill(filler);
                System.out.printf("[fault] data disk: %d points stored, then a %s file took the rest of the 48 MB%n", before,
                        DataDisk.bytes(written));
                Watch.Snapshot full = watch.snapshot();
                assertThat(full.disk().level()).as("the disk's state, read at once").isEqualTo(DataDisk.Level.FULL);

                // the jobs keep running and say why nothing is kept, as a full disk
                JobKey mirror = JobKey.mirror(CLOCK.name());
                assertThat(FaultRig.await(Duration.ofSeconds(60), () -> events.stream().anyMatch(e -> e.at().isAfter(filled)
                        && e.job().equals(mirror) && e.status() == StatusEvent.Status.ERROR && e.reason().keys().contains("disk.full.write"))))
                        .as("a mirror run said the disk is full; events since: " + since(events, filled)).isTrue();
                StatusEvent refused = events.stream().filter(e -> e.at().isAfter(filled) && e.reason().keys().contains("disk.full.write"))
                        .findFirst().orElseThrow();
                long runsWhileFull = events.stream().filter(e -> e.at().isAfter(filled)).count();
                Thread.sleep(4L * INTERVAL * 1000);
                assertThat(events.stream().filter(e -> e.at().isAfter(filled)).count()).as("the collector goes on running")
                        .isGreaterThan(runsWhileFull);

                // the console: status bar and a notice; the CLI: its status line
                Watch.Snapshot still = watch.snapshot();
                List<HealthNotices.Notice> notices = HealthNotices.between(roomy, still, english);
                assertThat(notices).as("a notice that the disk is full").anyMatch(n -> n.warning() && n.title().equals("Data disk full"));
                for (Messages m : List.of(english, chinese)) {
                    String reason = m.render(refused.reason());
                    String notice = HealthNotices.between(roomy, still, m).stream().map(n -> n.title() + " " + n.text())
                            .reduce("", String::concat);
                    System.out.printf("[fault] %s: job reason \"%s\"; notice \"%s\"%n", m.locale(), reason, notice);
                    for (String text : List.of(reason, notice, m.render(still.disk().reason()))) {
                        assertThat(text).contains(disk.toString()).doesNotContain("Exception", "MVStore", "H2", "FileChannel", "General error",
                                "[50000", "90098");
                    }
                }
                assertThat(english.render(still.disk().reason())).startsWith("the disk under the data folder").contains("is full");

                // an edit meanwhile is refused in words, or kept: never taken and then lost
                Target whileFull = new Target(0, "while-full", TargetKind.MYSQL, db.host(), db.port(), ConnectBy.DATABASE, db.name(), "",
                        db.user(), Secret.of(db.password()), List.of(), false);
                try {
                    store.saveTarget(whileFull);
                    editTaken = true;
                    System.out.println("[fault] an edit while the disk was full: taken");
                } catch (ConfigStoreException e) {
                    saidPlainly("an edit while the disk was full, refused", e, disk);
                }

                // space back: the file goes, and the collector writes again by itself
                Files.delete(filler);
                freed = Instant.now();
                Watch.Snapshot back = watch.snapshot();
                assertThat(back.disk().level()).isEqualTo(DataDisk.Level.OK);
                assertThat(HealthNotices.between(still, back, english)).anyMatch(n -> !n.warning() && n.title().equals("Data disk has room again"));
                Instant whenFreed = freed;
                assertThat(FaultRig.await(Duration.ofSeconds(90), () -> events.stream().anyMatch(e -> e.at().isAfter(whenFreed)
                        && e.job().equals(mirror) && e.status() == StatusEvent.Status.OK)))
                        .as("mirrors succeed again with no hand action; events since: " + since(events, freed)).isTrue();
                Instant mirroredAgain = events.stream().filter(e -> e.at().isAfter(whenFreed) && e.job().equals(mirror)
                        && e.status() == StatusEvent.Status.OK).findFirst().orElseThrow().at();
                assertThat(FaultRig.await(Duration.ofSeconds(90), () -> storedSince(collector, whenFreed) >= 3))
                        .as("points reach the series store again; events since: " + since(events, freed)).isTrue();
                System.out.printf("[fault] space back: first whole mirror %.1f s after the file was deleted, %d points stored since%n",
                        Duration.between(freed, mirroredAgain).toMillis() / 1000.0, storedSince(collector, freed));
                assertThat(store.saveMetric(new MetricDef(0, "fault.disk.after", TargetKind.MYSQL, READING.sql(), READING.mirrors(),
                        READING.freshnessSeconds(), MetricType.GAUGE, "ms", List.of(), INTERVAL, null, null, "", false, "")).id())
                        .as("an edit is kept once there is room").isPositive();
            } finally {
                Files.deleteIfExists(filler);
                store.close();
            }

            // a start on a full disk: each store refuses to open in words, and no file is taken for damaged
            fill(filler);
            List<Runnable> opens = List.of(() -> ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs)).close(),
                    () -> CacheDb.embedded(dirs.home().resolve("cache")).close(),
                    () -> new H2SeriesStore(dirs.home().resolve("series"), Retention.defaults(), Clock.systemUTC()).close());
            for (Runnable open : opens) {
                try {
                    open.run();
                    System.out.println("[fault] a store opened on the full disk");
                } catch (ConfigStoreException e) {
                    saidPlainly("opening on a full disk", e, disk);
                }
            }
            Files.delete(filler);

            // a restart: every store opens whole, nothing set aside as damaged, the configuration as it was
            try (Stream<Path> files = Files.walk(disk)) {
                assertThat(files.map(Path::toString).filter(f -> f.contains(".damaged-")).toList()).as("no store set aside as damaged").isEmpty();
            }
            ConfigStore reopened = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs));
            try {
                assertThat(reopened.target(target.id())).isPresent();
                assertThat(reopened.targets().stream().anyMatch(t -> t.name().equals("while-full")))
                        .as("an edit taken while the disk was full is still there").isEqualTo(editTaken);
                assertThat(reopened.mirrors()).hasSize(mirrorsBefore);
                assertThat(reopened.metrics()).anyMatch(m -> m.name().equals("fault.disk.after"));
            } finally {
                reopened.close();
            }
            try (CacheDb cache = CacheDb.embedded(dirs.home().resolve("cache"));
                 var c = cache.dataSource().getConnection();
                 var rs = c.createStatement().executeQuery("SELECT COUNT(*) FROM f_disk_clock")) {
                rs.next();
                assertThat(rs.getLong(1)).as("the cache holds the last whole snapshot").isEqualTo(1);
            }
            try (H2SeriesStore series = new H2SeriesStore(dirs.home().resolve("series"), Retention.defaults(), Clock.systemUTC())) {
                List<Series> points = series.query(new RangeQuery(READING.name(), Map.of(), started, Instant.now(), 100_000));
                long[] times = points.isEmpty() ? new long[0] : points.get(0).times();
                long beforeFill = java.util.Arrays.stream(times).filter(t -> t < filled.toEpochMilli()).count();
                long afterFree = java.util.Arrays.stream(times).filter(t -> t > freed.toEpochMilli()).count();
                System.out.printf("[fault] after a restart: %d points from before the fill and %d from after the space came back%n",
                        beforeFill, afterFree);
                assertThat(beforeFill).as("the points stored before the disk filled are still there").isGreaterThanOrEqualTo(3);
                assertThat(afterFree).as("and those stored after").isGreaterThanOrEqualTo(3);
            }
        } finally {
            Files.deleteIfExists(filler);
            FaultRig.run("umount", "-l", disk.toString());
        }
    }

    /** The refusal in both languages: names the disk's folder, says it is full, and none of H2's words. */
    private static void saidPlainly(String what, ConfigStoreException e, Path disk) {
        for (Locale locale : List.of(Locale.ENGLISH, Locale.SIMPLIFIED_CHINESE)) {
            String said = e.describe(new Messages(locale));
            System.out.printf("[fault] %s (%s): \"%s\"%n", what, locale, said);
            assertThat(said).contains(disk.toString()).doesNotContain("Exception", "MVStore", "H2", "General error", "90098", "8000");
        }
        assertThat(e.describe(new Messages(Locale.ENGLISH))).contains("is full");
    }

    private static long stored(LocalCollector collector, Instant from) {
        return storedSince(collector, from);
    }

    private static long storedSince(LocalCollector collector, Instant from) {
        try {
            List<Series> s = collector.series().query(new RangeQuery(READING.name(), Map.of(), from, Instant.now().plusSeconds(5), 100_000));
            return s.isEmpty() ? 0 : s.get(0).times().length;
        } catch (RuntimeException e) {
            return 0;
        }
    }

    /** Writes zeros until the disk refuses more; returns how many bytes it took. */
    private static long fill(Path file) throws IOException {
        ByteBuffer chunk = ByteBuffer.allocate(64 * 1024);
        long written = 0;
        try (FileChannel out = FileChannel.open(file, StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            while (true) {
                chunk.clear();
                try {
                    written += out.write(chunk);
                } catch (IOException full) {
                    return written;
                }
            }
        }
    }

    private static List<String> tail(List<StatusEvent> events) {
        return events.stream().skip(Math.max(0, events.size() - 10)).map(e -> e.job() + " " + e.status() + " " + e.reason()).toList();
    }

    private static List<String> since(List<StatusEvent> events, Instant from) {
        return tail(events.stream().filter(e -> e.at().isAfter(from)).toList());
    }
}
