package io.vigil.bench;

import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import io.vigil.config.Theme;
import io.vigil.series.SeriesKey;
import io.vigil.ui.Themes;
import io.vigil.ui.trends.Trend;
import io.vigil.ui.trends.TrendChart;
import io.vigil.ui.trends.TrendLine;
import io.vigil.ui.util.FxThread;

/**
 * FX-thread time per trend redraw: the Trends pane's chart (ChartFX, point reduction on, markers off) handed one line of
 * 100,000 and of 1,000,000 points as they are, against the same lines reduced to the plot's width the way the series
 * store reduces them (the mean of each bucket), which is what the console hands it. One redraw is the {@code set} of the
 * data sets plus the pulse that lays out and draws the chart (from the scene's first pre-layout listener to its last
 * post-layout listener); "with render" adds a snapshot of the chart, which rasterises what was drawn. Each case runs
 * {@value #WARMUP} times to warm up, then {@value #RUNS} times; medians are reported. Run with
 * {@code docs/benchmarks/run.sh fx} (JavaFX headless through Monocle, software rendering, as the UI tests).
 */
public final class FxBenchmarks {

    static final int WARMUP = 5;
    static final int RUNS = 15;
    static final long SPAN_MILLIS = 30L * 24 * 3600 * 1000;

    private TrendChart chart;
    private volatile long preLayout;
    private volatile long postLayout;
    private volatile CountDownLatch pulse;

    public static void main(String[] args) throws Exception {
        CountDownLatch started = new CountDownLatch(1);
        Platform.setImplicitExit(false);
        Platform.startup(started::countDown);
        started.await();
        System.out.printf("Vigil FX benchmarks, %s, Java %s, JavaFX %s, %d cores, prism %s, glass %s%n", Instant.now(),
                Runtime.version(), System.getProperty("javafx.runtime.version", "?"), Runtime.getRuntime().availableProcessors(),
                System.getProperty("prism.order", "default"), System.getProperty("glass.platform", "default"));
        new FxBenchmarks().run();
        System.exit(0);
    }

    private void run() throws Exception {
        FxThread.call(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(new StackPane(), 1280, 800); // the size of Monocle's headless screen
            // Registered before the chart joins the scene, so this listener runs before ChartFX's and the one after, after it.
            scene.addPreLayoutPulseListener(() -> preLayout = System.nanoTime());
            chart = new TrendChart(ZoneOffset.UTC, "Time (UTC)", "value");
            ((StackPane) scene.getRoot()).getChildren().add(chart.node());
            scene.addPostLayoutPulseListener(() -> {
                postLayout = System.nanoTime();
                CountDownLatch waiting = pulse;
                if (waiting != null) {
                    waiting.countDown();
                }
            });
            Themes.apply(scene, Theme.LIGHT);
            stage.setScene(scene);
            stage.show();
            return null;
        }, 60);
        // Lay the chart out once with a line, so the plot has its width.
        redraw(trend(line(10_000, 1)));
        int width = (int) Math.ceil(FxThread.call(chart::plotWidth, 60));
        System.out.printf("Trends chart %d px wide (plot), one line, a 30-day window; point reduction on, markers off%n%n", width);
        System.out.printf("%-28s %12s %16s %16s%n", "case", "points/line", "FX thread, ms", "with render, ms");

        List<double[]> results = new ArrayList<>();
        for (int n : new int[] {100_000, 1_000_000}) {
            TrendLine[] raw = {line(n, 1), line(n, 2)};
            TrendLine[] reduced = {reduce(raw[0], width), reduce(raw[1], width)};
            double[] r = measure(raw);
            double[] v = measure(reduced);
            print(String.format("%,d raw", n), n, r);
            print(String.format("%,d reduced to the width", n), reduced[0].size(), v);
            results.add(new double[] {n, r[0], v[0], r[1], v[1]});
        }
        System.out.println();
        for (double[] r : results) {
            System.out.printf("%,.0f points: raw/reduced %.1f× on the FX thread, %.1f× with render%n", r[0], r[1] / r[2], r[3] / r[4]);
        }
    }

    private static void print(String name, int points, double[] ms) {
        System.out.printf("%-28s %,12d %16.2f %16.2f%n", name, points, ms[0], ms[1]);
    }

    // Alternates two lines of the same size so every redraw has new data, as a live refresh does.
    private double[] measure(TrendLine[] lines) throws Exception {
        Trend[] trends = {trend(lines[0]), trend(lines[1])};
        double[] fx = new double[RUNS];
        double[] rendered = new double[RUNS];
        for (int i = 0; i < WARMUP + RUNS; i++) {
            double[] t = redraw(trends[i % 2]);
            if (i >= WARMUP) {
                fx[i - WARMUP] = t[0];
                rendered[i - WARMUP] = t[1];
            }
        }
        return new double[] {median(fx), median(rendered)};
    }

    // Set on the FX thread, wait for the pulse that draws it, then snapshot the chart: milliseconds of FX-thread work.
    private double[] redraw(Trend trend) throws Exception {
        CountDownLatch drawn = new CountDownLatch(1);
        long set = FxThread.call(() -> {
            long start = System.nanoTime();
            chart.show(trend);
            long took = System.nanoTime() - start;
            pulse = drawn; // only a pulse after the set counts
            return took;
        }, 60);
        if (!drawn.await(30, TimeUnit.SECONDS)) {
            throw new IllegalStateException("no pulse after the data was set");
        }
        pulse = null;
        double fxMs = (set + (postLayout - preLayout)) / 1e6;
        long snapshot = FxThread.call(() -> {
            long start = System.nanoTime();
            chart.node().snapshot(null, null);
            return System.nanoTime() - start;
        }, 60);
        return new double[] {fxMs, fxMs + snapshot / 1e6};
    }

    private static Trend trend(TrendLine line) {
        Instant to = Instant.ofEpochMilli(line.times()[line.size() - 1] + 1);
        return new Trend(to.minusMillis(SPAN_MILLIS), to, SPAN_MILLIS / line.size(), List.of(line), 0);
    }

    // A month of a busy gauge: a daily wave, noise and a few spikes, as a random walk would not look.
    private static TrendLine line(int n, long seed) {
        Random random = new Random(seed);
        long start = Instant.parse("2026-02-01T00:00:00Z").toEpochMilli();
        long[] times = new long[n];
        double[] values = new double[n];
        for (int i = 0; i < n; i++) {
            times[i] = start + SPAN_MILLIS * i / n;
            double day = (times[i] % 86_400_000) / 86_400_000.0;
            values[i] = 40 + 25 * Math.sin(2 * Math.PI * day) + 5 * random.nextGaussian() + (random.nextInt(5000) == 0 ? 60 : 0);
        }
        return TrendLine.of(key(), "bench.load", "sessions", times, values);
    }

    // What the series store answers for maxPoints = width: the mean of each of `width` equal buckets, stamped with its start.
    private static TrendLine reduce(TrendLine raw, int width) {
        long from = raw.times()[0];
        long bucket = Math.max(1, (raw.times()[raw.size() - 1] + 1 - from + width - 1) / width);
        long[] times = new long[width];
        double[] sums = new double[width];
        int[] counts = new int[width];
        for (int i = 0; i < raw.size(); i++) {
            int b = (int) ((raw.times()[i] - from) / bucket);
            sums[b] += raw.values()[i];
            counts[b]++;
        }
        int n = 0;
        double[] values = new double[width];
        for (int b = 0; b < width; b++) {
            if (counts[b] > 0) {
                times[n] = from + b * bucket;
                values[n++] = sums[b] / counts[b];
            }
        }
        return TrendLine.of(key(), "bench.load", "sessions", Arrays.copyOf(times, n), Arrays.copyOf(values, n));
    }

    private static SeriesKey key() {
        return new SeriesKey("bench.load", new java.util.TreeMap<>(Map.of("target", "bench")));
    }

    private static double median(double[] xs) {
        double[] s = xs.clone();
        Arrays.sort(s);
        return s.length % 2 == 1 ? s[s.length / 2] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
    }

}
