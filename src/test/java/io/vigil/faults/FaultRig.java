package io.vigil.faults;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.BooleanSupplier;

import io.vigil.config.MetricDef;
import io.vigil.config.MirrorDef;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.gather.Archive;
import io.vigil.gather.GatherJob;
import io.vigil.gather.Spool;
import io.vigil.ledger.SyncLedger;
import io.vigil.mirror.CacheDb;
import io.vigil.mirror.MirrorJob;
import io.vigil.schedule.Collector;
import io.vigil.schedule.JobKey;
import io.vigil.schedule.StatusEvent;
import io.vigil.series.Point;
import io.vigil.series.SeriesStore;
import io.vigil.target.DemoOracles;
import io.vigil.target.TargetConnections;

/**
 * A running collector as the product builds it (connections, mirror and gather jobs, archive with its spool), with
 * everything it tells recorded: each status event, and each archived batch with the wall time it was handed over.
 */
final class FaultRig implements AutoCloseable {

    /** One point as the archive saw it, and when. */
    record Seen(Instant wall, Point point) {
    }

    final TargetConnections connections = new TargetConnections(new DemoOracles());
    final List<StatusEvent> events = new CopyOnWriteArrayList<>();
    final List<Seen> seen = new CopyOnWriteArrayList<>();
    final Archive archive;
    final Collector collector;

    FaultRig(Path spoolFolder, CacheDb cache, SyncLedger ledger, SeriesStore series, List<Target> targets, List<MirrorDef> mirrors,
             List<MetricDef> metrics, Map<TargetKind, String> instanceStart) {
        this.archive = new Archive(series, new Spool(spoolFolder, 50_000_000), batch -> {
            Instant now = Instant.now();
            batch.forEach(p -> seen.add(new Seen(now, p)));
        });
        this.collector = new Collector(new Collector.Plan(targets, mirrors, metrics, instanceStart), connections,
                new MirrorJob(connections, cache, ledger), new GatherJob(cache.readOnlyDataSource(), ledger, archive, Clock.systemUTC()),
                cache.dataSource(), Clock.systemUTC(), 16, events::add);
        collector.start();
    }

    List<StatusEvent> events(JobKey job, StatusEvent.Status status, Instant after) {
        return events.stream().filter(e -> e.job().equals(job) && e.status() == status && e.at().isAfter(after)).toList();
    }

    List<Seen> seen(String metric) {
        return seen.stream().filter(s -> s.point().metric().equals(metric)).toList();
    }

    /** Waits until {@code done} holds; false when {@code limit} passed first. */
    static boolean await(Duration limit, BooleanSupplier done) throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (System.nanoTime() < end) {
            if (done.getAsBoolean()) {
                return true;
            }
            Thread.sleep(250);
        }
        return done.getAsBoolean();
    }

    /**
     * Mounts a tmpfs of {@code size} (as mount(8) writes it: 64k, 48m) on {@code at} for {@code what}, so a test can fill
     * a disk of its own; only root may, and the test fails saying so otherwise.
     */
    static Path smallDisk(Path at, String size, String what, String test) throws java.io.IOException, InterruptedException {
        org.assertj.core.api.Assertions.assertThat(ProcessHandle.current().info().user().orElse(""))
                .as("this test mounts a small tmpfs for " + what + ": run it as root (as .ci/run does), or leave it out with -Dit.test='!"
                        + test + "'").isEqualTo("root");
        java.nio.file.Files.createDirectories(at);
        run("mount", "-t", "tmpfs", "-o", "size=" + size, "tmpfs", at.toString());
        return at;
    }

    /** Runs a command of the system (mount, umount) and fails the test with its output when it fails. */
    static void run(String... command) throws java.io.IOException, InterruptedException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        org.assertj.core.api.Assertions.assertThat(p.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        org.assertj.core.api.Assertions.assertThat(p.exitValue()).as(String.join(" ", command) + ": " + out).isZero();
    }

    @Override
    public void close() {
        collector.close();
        connections.close();
        archive.close();
    }
}
