package io.vigil.ui.overview;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Consumer;

import javafx.geometry.Pos;
import javafx.scene.Cursor;
import javafx.scene.control.Label;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

import eu.hansolo.tilesfx.Tile;
import eu.hansolo.tilesfx.TileBuilder;

import io.vigil.config.Target;
import io.vigil.i18n.Messages;
import io.vigil.ui.dashboard.Figure;
import io.vigil.ui.dashboard.FigureFormat;
import io.vigil.ui.dashboard.HeadlineFigures;
import io.vigil.ui.dashboard.Level;
import io.vigil.ui.dashboard.TilePalette;
import io.vigil.ui.util.Ages;
import io.vigil.watch.Health;

/**
 * A target's overview tile: a TilesFX tile titled with the target's name, holding its health, kind, three headline
 * figures coloured by their thresholds and the age of its data. Built once per target; {@link #render()} sets only what
 * changed since the card's last revision, because each TilesFX setter redraws the whole tile.
 */
final class TargetTile {

    static final double WIDTH = 236;
    static final double HEIGHT = 172;

    private final TargetCard card;
    private final Messages messages;
    private final TilePalette palette;
    private final Tile tile;
    private final Circle dot = new Circle(5);
    private final Label health = new Label();
    private final Label kind = new Label();
    private final Label age = new Label();
    private final List<Label> values = new ArrayList<>();
    private final List<Label> captions = new ArrayList<>();
    private long rendered = -1;
    private Level border;
    private Health shownHealth;

    TargetTile(TargetCard card, Messages messages, TilePalette palette, Consumer<Target> open) {
        this.card = card;
        this.messages = messages;
        this.palette = palette;
        dot.getStyleClass().add("health-dot");
        health.getStyleClass().add("overview-health");
        kind.getStyleClass().add("overview-kind");
        age.getStyleClass().add("overview-age");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox status = new HBox(6, dot, health, gap, kind);
        status.setAlignment(Pos.CENTER_LEFT);
        HBox figures = new HBox();
        figures.getStyleClass().add("overview-figures");
        for (int i = 0; i < OverviewViewModel.FIGURES; i++) {
            Label value = new Label();
            value.getStyleClass().add("overview-value");
            Label caption = new Label();
            caption.getStyleClass().add("overview-caption");
            VBox column = new VBox(0, value, caption);
            column.setAlignment(Pos.CENTER_LEFT);
            column.setMinWidth(0);
            HBox.setHgrow(column, Priority.ALWAYS);
            column.setPrefWidth(1); // equal thirds whatever the text
            values.add(value);
            captions.add(caption);
            figures.getChildren().add(column);
        }
        VBox.setVgrow(figures, Priority.ALWAYS);
        figures.setAlignment(Pos.CENTER_LEFT);
        VBox content = new VBox(4, status, figures, age);
        content.getStyleClass().add("overview-tile-content");
        tile = TileBuilder.create()
                .skinType(Tile.SkinType.CUSTOM)
                .prefSize(WIDTH, HEIGHT)
                .minSize(WIDTH, HEIGHT)
                .maxSize(WIDTH, HEIGHT)
                .title(card.target().name())
                .textSize(Tile.TextSize.BIGGER)
                .backgroundColor(palette.background())
                .borderColor(palette.border())
                .borderWidth(1)
                .titleColor(palette.foreground())
                .foregroundColor(palette.foreground())
                .graphic(content)
                .animated(false)
                .build();
        tile.getStyleClass().add("overview-tile");
        tile.setId("overview-tile-" + card.target().id());
        tile.setCursor(Cursor.HAND);
        tile.setOnMouseClicked(e -> open.accept(card.target()));
    }

    Tile tile() {
        return tile;
    }

    TargetCard card() {
        return card;
    }

    /** Shows the card's current state, when it changed since the last call. */
    void render() {
        if (rendered == card.revision()) {
            return;
        }
        rendered = card.revision();
        Target t = card.target();
        if (!t.name().equals(tile.getTitle())) {
            tile.setTitle(t.name());
        }
        kind.setText(messages.get("kind.short." + t.kind().name()));
        if (card.health() != shownHealth) {
            shownHealth = card.health();
            dot.setFill(palette.health(shownHealth));
            health.getStyleClass().removeIf(c -> c.startsWith("health-"));
            health.getStyleClass().add(shownHealth.styleClass());
            health.setText(messages.get("overview.health." + shownHealth.name()));
            health.setTextFill(palette.health(shownHealth));
        }
        List<Figure> figures = card.figures();
        for (int i = 0; i < values.size(); i++) {
            Label value = values.get(i);
            if (i < figures.size()) {
                Figure f = figures.get(i);
                value.setText(FigureFormat.format(f.value(), messages.locale()) + FigureFormat.shortUnit(f.unit()));
                value.setTextFill(palette.value(f.level()));
                captions.get(i).setText(HeadlineFigures.title(f.headline().key(), messages));
            } else {
                value.setText("");
                captions.get(i).setText("");
            }
        }
        age.setText(card.dataAge().map(a -> messages.get("overview.age", Ages.format(a, messages))).orElse(messages.get("overview.noData")));
        // A database that is down or failing is framed red like a crossed threshold, so it stands out among many.
        Level frame = card.health() == Health.DOWN || card.health() == Health.ERROR ? Level.CRIT : card.level();
        if (frame != border) {
            border = frame;
            tile.setBorderColor(palette.border(border));
            tile.setBorderWidth(border.breached() ? 2 : 1);
        }
        String tip = messages.get("health.tooltip." + card.health().name()) + (card.reason().isEmpty() ? "" : "\n" + messages.render(card.reason()));
        if (!tip.equals(tile.getTooltipText())) {
            tile.setTooltipText(tip);
        }
    }

    /** The figures as shown, for tests: "12", "3", "45%". */
    List<String> shownValues() {
        return values.stream().map(Label::getText).toList();
    }

    String shownHealth() {
        return health.getText().toLowerCase(Locale.ROOT);
    }
}
