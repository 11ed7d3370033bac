package io.vigil.ui.dashboard;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;

import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;

import eu.hansolo.tilesfx.Section;
import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;

import io.vigil.i18n.Messages;
import io.vigil.ui.util.Ages;

/**
 * One headline on the dashboard: a TilesFX gauge (0–100, threshold sections) for percentages, else a tile with a
 * sparkline of the track's history. Either carries its age in the top right corner and turns amber or red with its
 * thresholds.
 *
 * <p>The sparkline is drawn by {@link Sparkline} inside a CUSTOM tile rather than by TilesFX's SPARK_LINE skin: that
 * skin (21.0.9) draws nothing for a flat history, adds a changed value twice and a repeated one once, and draws a
 * "/s" unit as a fraction over the value, so it cannot show the track's history as it is.
 */
final class HeadlineTile {

    static final double WIDTH = 310;
    static final double HEIGHT = 236;

    private final HeadlineTrack track;
    private final Messages messages;
    private final TilePalette palette;
    private final Tile tile;
    private final Label age = new Label();
    private final StackPane root;
    private final Label value = new Label();
    private final Label unit = new Label();
    private final Label range = new Label();
    private final Sparkline spark = new Sparkline();
    private Thresholds sections;
    private Level level;
    private long drawn = -1;

    HeadlineTile(HeadlineTrack track, Messages messages, TilePalette palette) {
        this.track = track;
        this.messages = messages;
        this.palette = palette;
        String title = HeadlineFigures.title(track.headline().key(), messages);
        tile = track.gauge() ? gauge(title) : sparkTile(title);
        tile.setId("headline-" + track.headline().key());
        age.getStyleClass().add("tile-age");
        age.setMouseTransparent(true);
        root = new StackPane(tile, age);
        StackPane.setAlignment(age, Pos.TOP_RIGHT);
        StackPane.setMargin(age, new Insets(10, 12, 0, 0));
        root.getStyleClass().add("headline-tile");
        root.setPrefSize(WIDTH, HEIGHT);
        root.setMaxSize(WIDTH, HEIGHT);
    }

    private Tile gauge(String title) {
        return base(Tile.SkinType.GAUGE, title)
                .unit(track.figure().unit())
                .minValue(0).maxValue(100)
                .decimals(0).tickLabelDecimals(0)
                .needleColor(palette.foreground())
                .barColor(palette.track())
                .thresholdVisible(false)
                .sectionsVisible(true)
                .highlightSections(false)
                .build();
    }

    private Tile sparkTile(String title) {
        value.getStyleClass().add("tile-value");
        unit.getStyleClass().add("tile-unit");
        range.getStyleClass().add("tile-range");
        HBox reading = new HBox(4, value, unit);
        reading.setAlignment(Pos.BASELINE_RIGHT);
        VBox.setVgrow(spark, Priority.ALWAYS);
        VBox box = new VBox(4, reading, spark, range);
        box.getStyleClass().add("tile-sparkline");
        return base(Tile.SkinType.CUSTOM, title).graphic(box).build();
    }

    private TileBuilder<?> base(Tile.SkinType skin, String title) {
        return TileBuilder.create()
                .skinType(skin)
                .prefSize(WIDTH, HEIGHT)
                .title(title)
                .textSize(Tile.TextSize.BIGGER)
                .backgroundColor(palette.background())
                .borderColor(palette.border())
                .borderWidth(1)
                .foregroundColor(palette.foreground())
                .titleColor(palette.muted())
                .unitColor(palette.muted())
                .valueColor(palette.foreground())
                .animated(false);
    }

    /** Names the space that fills first under the gauge ("APP_DATA: full in 6 d"), with the whole forecast as a tooltip. */
    void showForecast(javafx.beans.value.ObservableValue<String> line, javafx.beans.value.ObservableValue<String> tip) {
        Label forecast = new Label();
        forecast.setId("spaceForecast");
        forecast.getStyleClass().add("tile-forecast");
        forecast.textProperty().bind(line);
        javafx.scene.control.Tooltip tooltip = new javafx.scene.control.Tooltip();
        tooltip.setWrapText(true);
        tooltip.setMaxWidth(420);
        tooltip.textProperty().bind(tip);
        forecast.setTooltip(tooltip);
        root.getChildren().add(forecast);
        StackPane.setAlignment(forecast, Pos.BOTTOM_CENTER);
        StackPane.setMargin(forecast, new Insets(0, 12, 8, 12));
    }

    StackPane root() {
        return root;
    }

    Tile tile() {
        return tile;
    }

    HeadlineTrack track() {
        return track;
    }

    /** Shows the track's current figure; only what changed is set, since every TilesFX setter redraws the tile. */
    void render(Instant now) {
        Figure f = track.figure();
        age.setText(f.age(now).map(a -> messages.get("dashboard.updated", Ages.format(a, messages))).orElse(messages.get("dashboard.noData")));
        if (f.level() != level) {
            level = f.level();
            tile.setBorderColor(palette.border(level));
            tile.setBorderWidth(level.breached() ? 2 : 1);
            tile.setValueColor(palette.value(level));
            value.getStyleClass().removeIf(c -> c.startsWith("level-"));
            value.getStyleClass().add(level.styleClass());
            drawn = -1;
        }
        if (track.gauge()) {
            renderGauge(f);
        } else {
            renderSpark(f);
        }
    }

    private void renderGauge(Figure f) {
        if (!Objects.equals(sections, f.thresholds())) {
            sections = f.thresholds();
            tile.setSections(sections(sections, palette));
        }
        if (tile.isValueVisible() != f.value().isPresent()) {
            tile.setValueVisible(f.value().isPresent());
        }
        if (f.value().isPresent()) {
            double v = f.value().getAsDouble();
            int decimals = FigureFormat.decimals(v);
            if (tile.getDecimals() != decimals) {
                tile.setDecimals(decimals);
            }
            if (tile.getValue() != v) {
                tile.setValue(v);
            }
        }
    }

    private void renderSpark(Figure f) {
        value.setText(FigureFormat.format(f.value(), messages.locale()));
        unit.setText(f.unit());
        if (drawn != track.appended()) {
            drawn = track.appended();
            double[] history = track.values();
            spark.show(history, track.capacity(), level.breached() ? palette.value(level) : palette.accent());
            double lo = Arrays.stream(history).min().orElse(Double.NaN);
            range.setText(history.length < 2 ? "" : messages.get("dashboard.range",
                    FigureFormat.format(lo, messages.locale()), FigureFormat.format(track.max(), messages.locale()), history.length));
        }
    }

    /** The gauge's bands: fine up to warn, amber to crit, red beyond (mirrored when lower is worse); none without thresholds. */
    static List<Section> sections(Thresholds t, TilePalette p) {
        if (!t.any()) {
            return List.of();
        }
        if (t.descending()) {
            return List.of(new Section(0, t.crit(), p.crit()), new Section(t.crit(), t.warn(), p.warn()), new Section(t.warn(), 100, p.ok()));
        }
        double crit = t.crit() == null ? 100 : t.crit();
        double warn = t.warn() == null ? crit : t.warn();
        return List.of(new Section(0, warn, p.ok()), new Section(warn, crit, p.warn()), new Section(crit, 100, p.crit()));
    }
}
