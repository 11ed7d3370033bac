package io.vigil.ui.trends;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;

import javafx.animation.PauseTransition;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;

import io.vigil.config.Theme;
import io.vigil.i18n.Messages;
import io.vigil.series.Point;
import io.vigil.ui.Screenshots;
import io.vigil.ui.Themes;
import io.vigil.ui.util.FxTaskExecutor;

/**
 * Shows the Trends pane on two days of made-up Oracle figures and writes a screenshot, to look at the pane without the
 * whole console: {@code xvfb-run -a java -cp ... io.vigil.ui.trends.TrendsPreview dark target/trends-dark.png [6h] [zh]}.
 */
public final class TrendsPreview {

    private TrendsPreview() {
    }

    public static void main(String[] args) throws Exception {
        Theme theme = args.length > 0 && args[0].equals("dark") ? Theme.DARK : Theme.LIGHT;
        Path png = Path.of(args.length > 1 ? args[1] : "target/trends.png");
        TrendRange range = args.length > 2 ? java.util.Arrays.stream(TrendRange.values())
                .filter(r -> args[2].equals(r.shortName() == null ? "custom" : r.shortName().replace(" ", ""))).findFirst()
                .orElse(TrendRange.H1) : TrendRange.H1;
        Locale locale = args.length > 3 && args[3].equals("zh") ? Locale.SIMPLIFIED_CHINESE : Locale.ENGLISH;
        Path dir = Files.createTempDirectory("vigil-trends-preview");
        TrendsFixture data = new TrendsFixture(dir);
        write(data);
        Platform.startup(() -> {
            Stage stage = new Stage();
            Scene scene = new Scene(new StackPane(), 1400, 860);
            TrendsViewModel model = new TrendsViewModel(data.config, data.series, new FxTaskExecutor(), new Messages(locale), data.clock,
                    ZoneId.of("Asia/Shanghai"), s -> System.out.println("status: " + s));
            TrendsPane pane = new TrendsPane(model, new Messages(locale));
            scene.setRoot(pane.root());
            Themes.apply(scene, theme);
            stage.setScene(scene);
            stage.show();
            model.load();
            pane.showTarget(data.prod);
            PauseTransition choose = new PauseTransition(javafx.util.Duration.seconds(2));
            choose.setOnFinished(e -> {
                if (range != TrendRange.H1) {
                    model.choose(range);
                }
                PauseTransition shoot = new PauseTransition(javafx.util.Duration.seconds(4));
                shoot.setOnFinished(x -> {
                    Thread writer = Screenshots.write(scene, png);
                    new Thread(() -> {
                        try {
                            writer.join();
                        } catch (InterruptedException ignored) {
                            Thread.currentThread().interrupt();
                        }
                        System.out.println("info: " + model.infoProperty().get());
                        data.close();
                        System.exit(0);
                    }).start();
                });
                shoot.play();
            });
            choose.play();
        });
    }

    // The figures a DBA watches on a busy OLTP instance: a daily load wave with noise, a batch spike at night.
    static void write(TrendsFixture data) {
        Random random = new Random(7);
        Instant start = TrendsFixture.NOW.minus(TrendsFixture.HISTORY);
        List<Point> points = new ArrayList<>();
        String[] tablespaces = {"SYSTEM", "SYSAUX", "USERS", "UNDOTBS1"};
        double[] spaceBase = {61, 74, 48, 22};
        String[] waits = {"User I/O", "Commit", "Concurrency", "Network", "Other"};
        for (Instant t = start; t.isBefore(TrendsFixture.NOW); t = t.plusSeconds(15)) {
            if (!t.isBefore(TrendsFixture.SILENCE_FROM) && t.isBefore(TrendsFixture.SILENCE_TO)) {
                continue; // the collector was stopped: the lines must stop too
            }
            double day = (t.getEpochSecond() % 86_400) / 86_400.0;
            double load = 0.55 + 0.4 * Math.sin(2 * Math.PI * (day - 0.3)) + (day > 0.08 && day < 0.12 ? 0.5 : 0);
            double noise = random.nextGaussian();
            Map<String, String> prod = Map.of("target", "prod");
            points.add(Point.of("oracle.sessions.total", prod, t, Math.round(180 + 120 * load + 6 * noise)));
            points.add(Point.of("oracle.sessions.active", prod, t, Math.max(0, Math.round(4 + 22 * load + 3 * noise))));
            points.add(Point.of("oracle.host.cpu_busy_pct", prod, t, clamp(18 + 55 * load + 5 * noise)));
            points.add(Point.of("oracle.sysstat.rate", Map.of("target", "prod", "name", "execute count"), t,
                    Math.max(0, 900 + 2400 * load + 150 * noise)));
            if (t.getEpochSecond() % 60 == 0) {
                double hours = Duration.between(start, t).toMinutes() / 60.0;
                for (int i = 0; i < tablespaces.length; i++) {
                    points.add(Point.of("oracle.tablespace.used_pct", Map.of("target", "prod", "tablespace_name", tablespaces[i],
                            "contents", i == 3 ? "UNDO" : "PERMANENT"), t, clamp(spaceBase[i] + 0.12 * hours * (i == 2 ? 1 : 0.2))));
                }
                for (int i = 0; i < waits.length; i++) {
                    points.add(Point.of("oracle.wait_class.time", Map.of("target", "prod", "wait_class", waits[i]), t,
                            Math.max(0, (40 - 7 * i) * load + 4 * random.nextGaussian())));
                }
            }
            if (points.size() > 20_000) {
                data.series.write(points);
                points.clear();
            }
        }
        data.series.write(points);
    }

    private static double clamp(double pct) {
        return Math.max(0, Math.min(100, pct));
    }
}
