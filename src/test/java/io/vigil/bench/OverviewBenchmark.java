package io.vigil.bench;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.stage.Stage;

import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.config.Theme;
import io.vigil.i18n.Messages;
import io.vigil.ui.dashboard.HeadlineSource;
import io.vigil.ui.dashboard.Snapshots;
import io.vigil.ui.dashboard.TilePalette;
import io.vigil.ui.overview.OverviewView;
import io.vigil.ui.overview.OverviewViewModel;
import io.vigil.ui.util.DirectTaskExecutor;
import io.vigil.ui.util.FxThread;
import io.vigil.watch.Health;
import io.vigil.watch.Watch;

/**
 * FX-thread time per Overview refresh with 200 targets at 1 Hz: each second a new snapshot (new values for every
 * headline of every target, some healths changing) is handed to the pane as the live feed does, and the FX thread's
 * time is measured from the hand-over to the end of the next pulse (layout, CSS, drawing). The reference is the same
 * refresh with one target. Run with docs/benchmarks/run.sh overview [targets] [refreshes].
 */
public final class OverviewBenchmark {

    public static void main(String[] args) throws Exception {
        int targets = args.length > 0 ? Integer.parseInt(args[0]) : 200;
        int refreshes = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        Platform.setImplicitExit(false); // each case closes its window; the toolkit must outlive it
        System.out.printf("Overview refresh on the FX thread (headless JavaFX %s, software rendering, 1280x800), 1 Hz, %d refreshes%n",
                System.getProperty("javafx.runtime.version"), refreshes);
        report("1 target (reference)", run(1, refreshes));
        report(targets + " targets", run(targets, refreshes));
        Platform.exit();
        System.exit(0);
    }

    static long[] run(int count, int refreshes) throws Exception {
        Snapshots snaps = new Snapshots();
        List<Target> list = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            Target t = Snapshots.target(i, String.format(Locale.ROOT, "db%03d", i), i % 3 == 0 ? TargetKind.MYSQL : TargetKind.DEMO_ORACLE,
                    i % 2 == 0 ? "prod" : "test");
            list.add(t);
            snaps.add(t, Health.OK, "");
        }
        HeadlineSource source = new HeadlineSource(new DirectTaskExecutor(), Snapshots::figures, Duration.ofHours(1), new Messages(Locale.ENGLISH));
        OverviewView[] view = new OverviewView[1];
        Scene[] scene = new Scene[1];
        FxThread.run(() -> {
            view[0] = new OverviewView(new OverviewViewModel(source), new Messages(Locale.ENGLISH), TilePalette.of(Theme.LIGHT), t -> { });
            scene[0] = new Scene(view[0].root(), 1280, 800);
            Stage stage = new Stage();
            stage.setScene(scene[0]);
            stage.show();
        }, 60);
        long[] took = new long[refreshes];
        Instant t0 = Snapshots.T0;
        for (int r = -5; r < refreshes; r++) { // five warm-up refreshes
            Instant now = t0.plusSeconds(r + 10L);
            for (Target t : list) {
                double wave = Math.sin((r + t.id()) / 7.0);
                snaps.point(t, "oracle.sessions.total", now, 60 + 10 * wave);
                snaps.point(t, "oracle.sessions.active", now, 8 + 6 * wave);
                snaps.point(t, "oracle.host.cpu_busy_pct", now, 50 + 45 * wave);
                snaps.point(t, "mysql.connections", now, 40 + 5 * wave);
                snaps.point(t, "mysql.threads_running", now, 3 + 2 * wave);
                snaps.point(t, "mysql.questions", now, 900 + 100 * wave);
                if (t.id() % 17 == r % 17) {
                    snaps.health(t, r % 2 == 0 ? Health.ERROR : Health.OK, "mirror session: ORA-01031");
                }
            }
            Watch.Snapshot s = snaps.at(now);
            CompletableFuture<Long> done = new CompletableFuture<>();
            Platform.runLater(() -> {
                long start = System.nanoTime();
                view[0].update(s);
                Runnable[] after = new Runnable[1];
                after[0] = () -> {
                    scene[0].removePostLayoutPulseListener(after[0]);
                    // the pulse draws after layout: one more FX event runs once that frame is done
                    Platform.runLater(() -> done.complete(System.nanoTime() - start));
                };
                scene[0].addPostLayoutPulseListener(after[0]);
                Platform.requestNextPulse();
            });
            long ns = done.get(30, TimeUnit.SECONDS);
            if (r >= 0) {
                took[r] = ns;
            }
            Thread.sleep(Math.max(0, 1000 - ns / 1_000_000));
        }
        FxThread.run(() -> scene[0].getWindow().hide(), 60);
        return took;
    }

    static void report(String what, long[] ns) {
        long[] s = ns.clone();
        Arrays.sort(s);
        System.out.printf("  %-22s median %6.1f ms, p95 %6.1f ms, longest %6.1f ms per refresh%n", what, s[s.length / 2] / 1e6,
                s[(int) Math.min(s.length - 1, Math.round(s.length * 0.95))] / 1e6, s[s.length - 1] / 1e6);
    }

}
