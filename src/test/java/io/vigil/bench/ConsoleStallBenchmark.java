package io.vigil.bench;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import io.vigil.config.AppDirs;
import io.vigil.config.ConfigStore;
import io.vigil.config.ConfigStores;
import io.vigil.config.ConnectBy;
import io.vigil.config.FirstStart;
import io.vigil.config.Secret;
import io.vigil.config.SecretBox;
import io.vigil.config.StoreLocation;
import io.vigil.config.Target;
import io.vigil.config.TargetKind;
import io.vigil.ui.Console;
import io.vigil.ui.ConsoleContext;
import io.vigil.ui.ConsoleStartup;
import io.vigil.ui.LaunchOptions;
import io.vigil.ui.shell.MainView.Pane;
import io.vigil.ui.util.FxTaskExecutor;
import io.vigil.ui.util.FxThread;

/**
 * The longest FX-thread stall while the pipelines run: the whole console with N demo targets collecting (every job of
 * the Oracle pack), switching panes every 3 s, while a probe posts an event to the FX thread every 20 ms and records how
 * late each one runs. The reference is the same probe on the idle FX thread before the console opens. Run under a real
 * display (xvfb-run) with docs/benchmarks/run.sh stall [targets] [seconds].
 */
public final class ConsoleStallBenchmark {

    public static void main(String[] args) throws Exception {
        int targets = args.length > 0 ? Integer.parseInt(args[0]) : 20;
        int seconds = args.length > 1 ? Integer.parseInt(args[1]) : 90;
        Path home = Files.createTempDirectory("vigil-stall");
        AppDirs dirs = new AppDirs(home);
        try (ConfigStore store = ConfigStores.open(StoreLocation.embedded(), dirs, SecretBox.fromKeyFile(dirs))) {
            FirstStart.prepare(store);
            for (int i = 2; i <= targets; i++) {
                store.saveTarget(new Target(0, "demo" + i, TargetKind.DEMO_ORACLE, "", 0, ConnectBy.SERVICE_NAME, "", "", "", Secret.empty(),
                        List.of(i % 2 == 0 ? "prod" : "test"), true));
            }
        }
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get();
        long[] idle = probe(10);

        FxTaskExecutor executor = new FxTaskExecutor();
        ConsoleContext context = ConsoleStartup.open(dirs, LaunchOptions.none());
        Console[] console = new Console[1];
        FxThread.run(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(new StackPane(), 1280, 800);
            console[0] = new Console(scene, executor, context);
            console[0].show(Pane.OVERVIEW);
            stage.setScene(scene);
            stage.show();
        }, 60);
        Thread cycler = new Thread(() -> {
            try {
                for (int i = 0; ; i++) {
                    Thread.sleep(3000);
                    Pane p = Pane.values()[i % Pane.values().length];
                    Platform.runLater(() -> console[0].view().show(p));
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, "pane-cycler");
        cycler.setDaemon(true);
        cycler.start();
        Thread.sleep(15_000); // demo instances start, pools open, first runs
        var os = (com.sun.management.OperatingSystemMXBean) java.lang.management.ManagementFactory.getOperatingSystemMXBean();
        long cpu0 = os.getProcessCpuTime();
        long wall0 = System.nanoTime();
        long[] busy = probe(seconds);
        double cpu = (os.getProcessCpuTime() - cpu0) / (double) (System.nanoTime() - wall0) * 100;
        cycler.interrupt();

        System.out.printf("FX-thread stalls, console with %d demo targets collecting, panes switched every 3 s, %d s (CPU %.0f %% of one core)%n",
                targets, seconds, cpu);
        report("idle FX thread (reference)", idle);
        report("console collecting", busy);
        FxThread.run(console[0]::close, 60);
        executor.close();
        Platform.exit();
        System.exit(0);
    }

    // Posts an event every 20 ms and records, in ms, how long each waited before it ran.
    static long[] probe(int seconds) throws InterruptedException {
        List<Long> delays = new ArrayList<>();
        long end = System.nanoTime() + seconds * 1_000_000_000L;
        while (System.nanoTime() < end) {
            long posted = System.nanoTime();
            CompletableFuture<Long> ran = new CompletableFuture<>();
            Platform.runLater(() -> ran.complete(System.nanoTime()));
            try {
                delays.add((ran.get(60, TimeUnit.SECONDS) - posted) / 1_000_000);
            } catch (Exception e) {
                delays.add(60_000L);
            }
            Thread.sleep(20);
        }
        return delays.stream().mapToLong(Long::longValue).toArray();
    }

    static void report(String what, long[] delays) {
        long[] s = delays.clone();
        Arrays.sort(s);
        System.out.printf("  %-28s %6d probes, median %3d ms, p99 %4d ms, longest stall %5d ms%n", what, s.length, s[s.length / 2],
                s[(int) Math.min(s.length - 1, Math.round(s.length * 0.99))], s[s.length - 1]);
    }

}
